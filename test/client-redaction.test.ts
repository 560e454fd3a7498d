// The password and the X-Service-Auth value never show in any error or log line: every error
// kind is made with a recognizable password and every rendering of it is searched.
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../scripts/lib/net.mjs";
import type { Logger, Verigator } from "../src/index.js";
import { createVerigator, VerigatorError } from "../src/index.js";
import type { Behaviour } from "./support/fault-server.js";
import { dropBeforeAnswer, hang, json, startFaultServer, text } from "./support/fault-server.js";
import { rejection } from "./support/helpers.js";

const username = "acme-api";
const password = "Pa55-RECOGNIZABLE-7731";
const header = `${username}:${password}`;
const secrets = [password, header, Buffer.from(header).toString("base64")];

const echoAuth: Behaviour = (request, response) =>
  json(401, { message: `bad credentials ${String(request.headers["x-service-auth"])}`, got: request.headers })(request, response, "");

const cases: [string, Behaviour | "refused", (v: Verigator) => Promise<unknown>][] = [
  ["422 InvalidDataError", json(422, { message: "Invalid data" }), (v) => v.users.create("s", { id_in_service: "a", phone_number: "+4401234567" })],
  ["401 that echoes the header back", echoAuth, (v) => v.services.get("s")],
  ["403", json(403, { message: "Forbidden request" }), (v) => v.services.get("s")],
  ["404", json(404, { message: "Not found" }), (v) => v.users.get("s", "u")],
  ["409", json(409, { message: "User already exists" }), (v) => v.users.create("s", { id_in_service: "a", phone_number: "+4401234567" })],
  ["500", json(500, { message: "oops" }), (v) => v.services.delete("s")],
  [
    "HTML that echoes the password",
    (request, response) => text(502, `<p>${String(request.headers["x-service-auth"])}</p>`, "text/html")(request, response, ""),
    (v) => v.services.get("s"),
  ],
  [
    "a 200 with the wrong shape that echoes the header",
    (request, response) => json(200, { id: request.headers["x-service-auth"] })(request, response, ""),
    (v) => v.services.get("s"),
  ],
  ["timeout", hang, (v) => v.services.get("s")],
  ["connection dropped", dropBeforeAnswer, (v) => v.services.get("s")],
  ["connection refused", "refused", (v) => v.services.get("s")],
  ["invalid argument", json(200, {}), (v) => v.users.create("s", { id_in_service: "a", phone_number: "0044" })],
  ["aborted", hang, (v) => v.services.get("s", { signal: AbortSignal.timeout(30) })],
];

const stops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(stops.map((stop) => stop())));

/** Every way the error can be shown: message, stack, JSON, inspect, and its cause chain. */
function renderings(error: unknown): string[] {
  const out = [String(error), inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error)];
  for (let at: unknown = error; at instanceof Error; at = at.cause) {
    out.push(at.message, at.stack ?? "", JSON.stringify(at), inspect(at, { depth: Infinity, showHidden: true }));
  }
  if (error instanceof VerigatorError) out.push(JSON.stringify(error.body) ?? "");
  return out;
}

describe.concurrent("credentials never leak", () => {
  it.each(cases)("%s", async (_, behaviour, call) => {
    let baseUrl: string;
    if (behaviour === "refused") baseUrl = `http://127.0.0.1:${await freePort()}`;
    else {
      const server = await startFaultServer(behaviour);
      stops.push(server.stop);
      baseUrl = server.url;
    }
    const lines: string[] = [];
    const logger: Logger = {
      error: (...args) => lines.push(inspect(args, { depth: Infinity })),
      warn: (...args) => lines.push(inspect(args, { depth: Infinity })),
      info: (...args) => lines.push(inspect(args, { depth: Infinity })),
      debug: (...args) => lines.push(inspect(args, { depth: Infinity })),
    };
    const verigator = createVerigator({ username, password, baseUrl, timeoutMs: 100, maxRetries: 1, logger, logLevel: "debug" });
    const error = await rejection(call(verigator));
    if (!(error instanceof VerigatorError)) return expect.unreachable("not a VerigatorError");
    const shown = [...renderings(error), ...lines, inspect(verigator, { depth: Infinity, showHidden: true })].join("\n");
    // Every case but the refused argument reaches the transport, which logs at debug level.
    expect(lines.length > 0).toBe(!error.message.includes("phone_number"));
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it("the debug log shows the header redacted", async () => {
    const server = await startFaultServer(json(200, { id: "x", name: "n", ctime: "t" }));
    stops.push(server.stop);
    const lines: [string, unknown][] = [];
    const log = (message: string, details?: unknown) => void lines.push([message, details]);
    const verigator = createVerigator({ username, password, baseUrl: server.url, logger: { error: log, warn: log, info: log, debug: log }, logLevel: "debug" });
    await verigator.services.get("s");
    expect(lines[0]).toEqual([`→ GET /v1/service/service/s`, { headers: expect.objectContaining({ "x-service-auth": "***" }) }]);
    expect(lines[1]?.[0]).toMatch(/^← 200 GET \/v1\/service\/service\/s in \d+ ms$/);
    expect(server.seen[0]?.headers["x-service-auth"]).toBe(header);
  });
});
