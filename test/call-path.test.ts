// One straight call path (build → send → decode) and `verigator/raw` on the same transport:
// each case here failed on the client that went through openapi-fetch for its methods.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { operationTable } from "../scripts/generate.mjs";
import { loadDocument, root } from "../scripts/lib/document.mjs";
import { createVerigator, InvalidDataError, InvalidResponseError, VerigatorAbortError } from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import type { Behaviour } from "./support/fault-server.js";
import { hang, json, service } from "./support/fault-server.js";
import { faultServers, rejection } from "./support/helpers.js";

const { serve, onStop } = faultServers();

const status600: Behaviour = (_request, response) => {
  response.writeHead(600, { "content-type": "application/json" }).end(JSON.stringify(service));
};

describe("the methods call fetch once per attempt, with a URL and a plain init", () => {
  it("users.create: one fetch(url, init) with the body serialized once, no Request built", async () => {
    const seen: [unknown, RequestInit][] = [];
    const verigator = createVerigator({
      username: "u",
      password: "p",
      fetch: async (input, init) => {
        seen.push([input, init]);
        return Response.json({ id: "x", ctime: "t", id_in_service: "a" }, { status: 201 });
      },
    });
    await verigator.users.create("s 1", { id_in_service: "a", phone_number: "+4401234567" });
    expect(seen).toHaveLength(1);
    const [input, init] = seen[0] as [unknown, RequestInit];
    expect(input).toBe("https://api.verigator.com/v1/service/service/s%201/users");
    expect(init).toMatchObject({ method: "POST", body: '{"id_in_service":"a","phone_number":"+4401234567"}', redirect: "manual" });
    expect(init.headers).toEqual({ accept: "application/json", "x-service-auth": "u:p", "content-type": "application/json" });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("a delete accepts an empty 202 and a JSON 202 alike", async () => {
    const server = await serve((_, response) => response.writeHead(202).end(), json(202, {}));
    const verigator = createVerigator({ baseUrl: server.url });
    await expect(verigator.services.delete("s")).resolves.toBeUndefined();
    await expect(verigator.users.delete("s", "u")).resolves.toBeUndefined();
    expect(server.seen.map((request) => request.method)).toEqual(["DELETE", "DELETE"]);
  });
});

describe("verigator/raw", () => {
  it("middleware gets real Responses: clone() works, and the typed result is read", async () => {
    const server = await serve(json(200, service));
    const raw = createRawClient({ username: "u", password: "p", baseUrl: server.url });
    const cloned: string[] = [];
    raw.use({
      async onResponse({ response }) {
        cloned.push(await response.clone().text());
        return undefined;
      },
    });
    const { data, response } = await raw.GET("/v1/service/service/{ServiceId}", { params: { path: { ServiceId: "s" } } });
    expect(response).toBeInstanceOf(Response);
    expect(data).toEqual(service);
    expect(cloned).toEqual([JSON.stringify(service)]);
    expect(server.seen[0]?.headers["x-service-auth"]).toBe("u:p");
  });

  it("honours the Request's own signal: aborted at 100 ms, it rejects then, not at the timeout", async () => {
    const server = await serve(hang);
    const raw = createRawClient({ baseUrl: server.url, timeoutMs: 3000 });
    const started = performance.now();
    const error = await rejection(raw.GET("/v1/service/service/{ServiceId}", { params: { path: { ServiceId: "s" } }, signal: AbortSignal.timeout(100) }));
    expect(error).toBeInstanceOf(VerigatorAbortError);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(server.seen).toHaveLength(1);
  });

  it("status 600 is an InvalidResponseError, sent once, not a retried connection error", async () => {
    const server = await serve(status600);
    const raw = createRawClient({ baseUrl: server.url });
    const error = await rejection(raw.GET("/v1/service/service/{ServiceId}", { params: { path: { ServiceId: "s" } } }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 600 });
    expect(server.seen).toHaveLength(1);
  });

  it("middleware on a raw client never runs for the methods: they do not go through openapi-fetch", async () => {
    const server = await serve(json(200, service));
    const options = { baseUrl: server.url };
    const raw = createRawClient(options);
    let ran = 0;
    raw.use({ onRequest: () => void ran++, onResponse: () => void ran++ });
    await expect(createVerigator(options).services.get("s")).resolves.toEqual(service);
    expect(ran).toBe(0);
    expect("raw" in createVerigator()).toBe(false);
  });
});

describe("answers outside HTTP", () => {
  it("status 600 to a method is an InvalidResponseError, sent once", async () => {
    const server = await serve(status600);
    const error = await rejection(createVerigator({ baseUrl: server.url }).services.get("s"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 600 });
    expect(server.seen).toHaveLength(1);
  });
});

describe("request bodies: own properties only", () => {
  const server = serve(json(201, { id: "x", ctime: "t", id_in_service: "a" }));
  const client = async () => createVerigator({ baseUrl: (await server).url });

  it("required fields that are only inherited are refused, not sent as {}", async () => {
    const inherited = Object.create({ id_in_service: "a", phone_number: "+4401234567" }) as { id_in_service: string; phone_number: string };
    const error = await rejection((await client()).users.create("s", inherited));
    expect(error).toBeInstanceOf(InvalidDataError);
    expect(error).toMatchObject({ field: "id_in_service" });
  });

  it.each([
    ["constructor", { id_in_service: "a", phone_number: "+4401234567", constructor: "x" }],
    ["toString", { id_in_service: "a", phone_number: "+4401234567", toString: "x" }],
    ["__proto__", JSON.parse('{"id_in_service":"a","phone_number":"+4401234567","__proto__":{"x":1}}')],
  ])("a field named %s is not a known field", async (name, body) => {
    const error = await rejection((await client()).users.create("s", body));
    expect(error).toBeInstanceOf(InvalidDataError);
    expect(error).toMatchObject({ field: name });
    expect((await server).seen).toHaveLength(0);
  });
});

describe("the generator refuses schema keywords the runtime checker does not know", () => {
  it.each(["maxLength", "oneOf", "minimum"])("%s in a copy of the document fails generation", async (keyword) => {
    const document = (await loadDocument()) as { components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } };
    const value = keyword === "oneOf" ? [{ type: "string" }] : 3;
    (document.components.schemas.UserCreate?.properties.id_in_service ?? {})[keyword] = value;
    expect(() => operationTable(document)).toThrow(new RegExp(`"${keyword}" is not checked`));
  });

  it("the document as it is generates", async () => {
    expect(operationTable(await loadDocument())).toContain("export const operationTable");
  });
});

/** A gzip answer inflating to `inflated` bytes, compressed once. */
function bomb(inflated: number) {
  return gzipSync(Buffer.alloc(inflated, 0x20), { level: 9 });
}

describe("the size cap counts decoded bytes", () => {
  // Peak memory is measured in a fresh process, so this test's own heap does not blur it.
  it.each([
    ["a truthful Content-Length", true],
    ["chunked, no Content-Length", false],
  ])("a gzip bomb (200 MB inflated) with %s is refused as InvalidResponseError without holding it", async (_, withLength) => {
    const compressed = bomb(200 * 1024 * 1024);
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        ...(withLength ? { "content-length": String(compressed.length) } : {}),
      });
      response.end(compressed);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    onStop(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const script = `
      const { createVerigator } = await import(${JSON.stringify(`${root}dist/index.js`)});
      const before = process.resourceUsage().maxRSS;
      const error = await createVerigator({ baseUrl: ${JSON.stringify(url)}, maxRetries: 0 }).services.get("s").catch((e) => e);
      console.log(JSON.stringify({ name: error?.name, message: error?.message, before, peak: process.resourceUsage().maxRSS }));`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    await new Promise((resolve) => child.on("exit", resolve));
    const result = JSON.parse(out) as { name: string; message: string; before: number; peak: number };
    expect(result.name).toBe("InvalidResponseError");
    expect(result.message).toMatch(/larger than 4194304 bytes/);
    // maxRSS is in kB: the process grew by far less than the 200 MB the answer inflates to.
    expect(result.peak - result.before).toBeLessThan(60 * 1024);
  });
});
