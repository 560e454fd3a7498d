// `verigator contract --target http://host:port [--auth user:pass] [--phone +44…]`
// Checks a Verigator-compatible server against the document: the client drives the whole
// flow through `prism proxy --errors`, which turns any answer that breaks the document into a
// 500 naming the violation. The 401 and 422 probes go to the target directly, because the
// proxy would answer those bad requests itself, and so does the `Accept: */*` probe (the Python
// SDK's GET). A server need not produce the declared 500/503, but any 5xx it produces must
// match the document's Error body. Prints each operation and status, pass/fail.
// Runs from the installed package: the client by the package's own name, the document it
// publishes, Prism as an optional peer dependency.

import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createVerigator } from "verigator";
import { findPrism, prismPackage, prismVersion, startPrism } from "./prism.mjs";

const usage = "usage: verigator contract --target http://host:port [--auth user:pass] [--phone +4401234567]";

/** @param {string[]} argv */
export async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      target: { type: "string" },
      auth: { type: "string", default: process.env.VERIGATOR_AUTH ?? "user:pass" },
      phone: { type: "string", default: "+4401234567" },
    },
  });
  if (!values.target) {
    console.error(usage);
    return 2;
  }
  if (!findPrism()) {
    console.error(`verigator contract needs Prism: npm install --save-dev ${prismPackage}@${prismVersion}`);
    return 2;
  }
  const target = values.target.replace(/\/+$/, "");
  const [username, ...rest] = values.auth.split(":");
  const password = rest.join(":");

  const document = fileURLToPath(new URL("../dist/openapi.yaml", import.meta.url));
  const proxy = await startPrism({ document, mode: ["proxy", target, "--errors"] });
  /** @type {Response | undefined} */
  let last;
  const verigator = createVerigator({
    username,
    password,
    baseUrl: proxy.url,
    maxRetries: 0,
    fetch: async (input, init) => (last = await fetch(input, init)),
  });

  /**
   * A bad request sent straight to the target: the expected status and a JSON `message`.
   * @param {string} method
   * @param {string} path
   * @param {{ auth?: boolean, body?: unknown, accept?: string, expectJson?: boolean }} [options]
   */
  async function direct(method, path, { auth = true, body, accept = "application/json", expectJson = false } = {}) {
    const response = await fetch(target + path, {
      method,
      headers: { ...(body === undefined ? {} : { "Content-Type": "application/json" }), Accept: accept, ...(auth ? { "X-Service-Auth": values.auth } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    last = response;
    const text = await response.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {}
    if (expectJson) {
      if (parsed === undefined) throw Object.assign(new Error(`answer to Accept: ${accept} is not JSON: ${text.slice(0, 120)}`), { status: response.status });
      return;
    }
    const message = parsed?.message;
    if (typeof message !== "string")
      throw Object.assign(new Error(`answer is not a JSON error object with a message: ${text.slice(0, 120)}`), { status: response.status });
  }

  /**
   * Why the proxy refused the answer, from its problem+json body.
   * @param {any} error
   * @returns {string | undefined}
   */
  function violations(error) {
    const found = error?.body?.validation;
    return Array.isArray(found) ? found.map((v) => v.message).join("; ") : undefined;
  }

  /** @type {boolean[]} */
  const results = [];
  /**
   * @param {string} operationId
   * @param {number} expected
   * @param {() => Promise<unknown>} run
   */
  async function check(operationId, expected, run) {
    last = undefined;
    /** @type {number | undefined} */
    let status;
    /** @type {string | undefined} */
    let problem;
    try {
      await run();
      // `last` is set by the fetch the call made; the cast undoes the narrowing to `undefined` above.
      status = /** @type {Response | undefined} */ (last)?.status;
    } catch (caught) {
      const error = /** @type {{ status?: number, message?: string }} */ (caught);
      status = error.status;
      problem = violations(error) ?? (status === expected ? undefined : error.message);
    }
    const ok = status === expected && !problem;
    results.push(ok);
    console.log(
      `${ok ? "✓ pass" : "✗ FAIL"}  ${operationId.padEnd(20)} ${expected}${ok ? "" : `  — got ${status ?? "no answer"}${problem ? `: ${problem}` : ""}`}`,
    );
  }

  const unknownId = randomUUID();
  const fqdn = `contract-${randomUUID().slice(0, 8)}.example.com`;
  /** @type {import("verigator").Service | undefined} */
  let service;
  /** @type {import("verigator").User | undefined} */
  let user;
  try {
    await check("createService", 201, async () => (service = await verigator.services.create({ fqdn, name: "Contract check" })));
    if (!service) throw new Error("createService failed; the rest of the flow needs its id");
    const sid = service.id;
    await check("createService", 409, () => verigator.services.create({ fqdn, name: "Contract check" }));
    await check("getService", 200, () => verigator.services.get(sid));
    await check("getService", 404, () => verigator.services.get(unknownId));
    await check("getService", 401, () => direct("GET", `/v1/service/service/${sid}`, { auth: false }));
    // The Python SDK sends Accept: */* on GET and DELETE; the document says a server answers JSON whatever Accept says.
    await check("getService (Accept: */*)", 200, () => direct("GET", `/v1/service/service/${sid}`, { accept: "*/*", expectJson: true }));
    const newUser = { id_in_service: `contract-${randomUUID().slice(0, 8)}`, phone_number: values.phone };
    await check("createUser", 201, async () => (user = await verigator.users.create(sid, newUser)));
    await check("createUser", 409, () => verigator.users.create(sid, newUser));
    await check("createUser", 422, () => direct("POST", `/v1/service/service/${sid}/users`, { body: { id_in_service: "x", phone_number: 42 } }));
    await check("listUsers", 200, () => verigator.users.list(sid));
    if (user) {
      const uid = user.id;
      await check("getUser", 200, () => verigator.users.get(sid, uid));
      await check("startAuthentication", 200, () => verigator.auth.start(sid, uid, { method: "sms" }));
      await check("verifyPin", 200, () => verigator.auth.verify(sid, uid, { token: "000000" }));
      // Messente's page lists method beside token; neither SDK sends it. Both must be accepted.
      await check("verifyPin (with method)", 200, () => verigator.auth.verify(sid, uid, { method: "sms", token: "000000" }));
      await check("deleteUser", 202, () => verigator.users.delete(sid, uid));
      await check("getUser", 404, () => verigator.users.get(sid, uid));
    } else {
      results.push(false);
      console.log("✗ FAIL  the user flow did not run: createUser returned no user");
    }
    await check("deleteService", 202, () => verigator.services.delete(sid));
  } catch (error) {
    results.push(false);
    console.log(`✗ FAIL  ${error instanceof Error ? error.message : error}`);
  } finally {
    await proxy.stop();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
