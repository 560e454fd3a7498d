// The mock that `npm start` and the tests serve: Prism behind a thin front that keeps it to
// the document. Prism answers some requests itself with statuses the document does not declare
// for the operation (400 `invalid_json` for unparsable JSON, 406 for an Accept it cannot serve,
// 404 for a `Prefer: code=` that is not declared, problem+json bodies). The front maps each of
// those to a documented answer with the documented `Error` body, so a user testing against the
// mock never learns a status the API does not document.
import { createServer } from "node:http";
import { documentPath, listOperations, loadDocument, root } from "./document.mjs";
import { startPrism } from "./prism.mjs";

/**
 * Each operation as a path regex, its method and its declared statuses.
 * @param {any} document
 * @returns {Route[]}
 */
function routes(document) {
  return listOperations(document).map(({ operationId, method, path, operation }) => ({
    operationId,
    method: method.toUpperCase(),
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    statuses: new Set(Object.keys(operation.responses).map(Number)),
  }));
}

const dropped = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "content-type"]);

/** @typedef {{ operationId: string, method: string, pattern: RegExp, statuses: Set<number> }} Route */

/**
 * The status a `Prefer: code=N` asks for, when the operation does not declare it: the front
 * answers it itself, before Prism sees the request, so that the answer does not depend on the
 * body or on which of Prism's own checks runs first.
 * @param {Route | undefined} route
 * @param {string | string[] | undefined} prefer
 * @returns {{ status: number, message: string } | undefined}
 */
function undeclaredPreference(route, prefer) {
  const asked = /(?:^|[;,\s])code=([^;,\s]*)/.exec(String(prefer ?? ""))?.[1];
  if (!route || asked === undefined || route.statuses.has(Number(asked))) return undefined;
  return {
    status: 500,
    message: `The mock was asked for status ${asked} (Prefer: code=${asked}), which the document does not declare for ${route.operationId}; it declares ${[...route.statuses].join(", ")}`,
  };
}

/**
 * Status and body the front answers instead of Prism's own, or undefined to pass Prism's through.
 * @param {Route | undefined} route
 * @param {number} status
 * @param {string} contentType
 * @returns {{ status: number, message: string } | undefined}
 */
function documentedAnswer(route, status, contentType) {
  const own = /problem\+json/.test(contentType);
  if (route?.statuses.has(status) && !own) return undefined;
  if (!route) return { status: 404, message: "Not found" };
  if (route.statuses.has(status)) return { status, message: status === 404 ? "Not found" : "Invalid data" };
  if ((status === 400 || status === 415) && route.statuses.has(422)) return { status: 422, message: "Invalid data" };
  return { status: 500, message: `Prism answered ${status}, which the document does not declare for ${route.operationId}` };
}

/** @param {{ port?: number, document?: string }} [options] */
export async function startMock({ port = 0, document = root + documentPath } = {}) {
  const table = routes(await loadDocument(document));
  // An undeclared Prefer code is answered 500, which must itself be declared.
  const without500 = table.filter((route) => !route.statuses.has(500)).map((route) => route.operationId);
  if (without500.length) throw new Error(`the mock answers an undeclared Prefer code with 500, which ${without500.join(", ")} does not declare`);
  const prism = await startPrism({ document });
  const server = createServer(async (request, response) => {
    /** @type {Buffer[]} */
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const path = new URL(request.url ?? "/", "http://mock").pathname;
    const route = table.find((r) => r.method === request.method && r.pattern.test(path));
    /** @type {Record<string, string>} */
    const headers = {};
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = String(value);
    delete headers.host;
    const refused = request.method === "OPTIONS" ? undefined : undeclaredPreference(route, request.headers.prefer);
    if (refused) {
      // Readable from a page too (the docs' Try it), as Prism's own answers are.
      const cors = { "access-control-allow-origin": request.headers.origin ?? "*", "access-control-expose-headers": "*", vary: "origin" };
      response.writeHead(refused.status, { "content-type": "application/json", ...cors }).end(JSON.stringify({ message: refused.message }));
      return;
    }
    // The document: a server answers JSON whatever Accept says.
    if (route) headers.accept = "application/json";
    try {
      const answer = await fetch(prism.url + request.url, {
        method: request.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
        redirect: "manual",
      });
      const body = Buffer.from(await answer.arrayBuffer());
      /** @type {Record<string, string>} */
      const out = {};
      answer.headers.forEach((value, name) => {
        if (!dropped.has(name)) out[name] = value;
      });
      const replaced = request.method === "OPTIONS" ? undefined : documentedAnswer(route, answer.status, answer.headers.get("content-type") ?? "");
      if (replaced) {
        response.writeHead(replaced.status, { ...out, "content-type": "application/json" }).end(JSON.stringify({ message: replaced.message }));
      } else {
        const type = answer.headers.get("content-type");
        response.writeHead(answer.status, type ? { ...out, "content-type": type } : out).end(body);
      }
    } catch (error) {
      response
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ message: `mock front: ${error instanceof Error ? error.message : error}` }));
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  return {
    url: `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}`,
    prismUrl: prism.url,
    child: prism.child,
    output: prism.output,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await prism.stop();
    },
  };
}
