// The client against a real server that misbehaves on the socket: drops, resets, hangs,
// trickles, oversized and malformed bodies, redirects. Each case checks the exact outcome and
// how many requests the server saw. Retry and backoff timing is tested without the wall clock
// in test/unit/retries.test.ts.
import { describe, expect, it } from "vitest";
import type { VerigatorOptions } from "../src/index.js";
import { InvalidResponseError, VerigatorAbortError, VerigatorConnectionError, VerigatorTimeoutError } from "../src/index.js";
import type { Behaviour } from "./support/fault-server.js";
import { after, dropBeforeAnswer, hang, json, resetMidBody, service, text, user } from "./support/fault-server.js";
import { client, faultServers, timedRejection } from "./support/helpers.js";

const newUser = { id_in_service: "john_doe", phone_number: "+4401234567" };
const servers = faultServers();

async function serve(...script: Behaviour[]) {
  const server = await servers.serve(...script);
  return { ...server, client: (options: VerigatorOptions = {}) => client({ baseUrl: server.url, ...options }) };
}

async function timed<T>(call: () => Promise<T>) {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
}

describe.concurrent("dropped connections", () => {
  it("POST whose connection dropped after sending is not sent twice", async () => {
    const server = await serve(dropBeforeAnswer, json(201, user));
    const { error, ms } = await timedRejection(() => server.client().users.create("s", newUser));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect(error.message).not.toMatch(/before the request was sent/);
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it("GET reset mid-body is retried and then succeeds", async () => {
    const server = await serve(resetMidBody, json(200, service));
    const { value, ms } = await timed(() => server.client().services.get("s"));
    expect(value).toEqual(service);
    expect(server.seen).toHaveLength(2);
    expect(ms).toBeGreaterThan(500 * 0.75 - 20);
    expect(ms).toBeLessThan(1500);
  });

  it("PUT (verify PIN) reset mid-body rejects at once: the PIN may have been used", async () => {
    const server = await serve(resetMidBody);
    const { error } = await timedRejection(() => server.client().auth.verify("s", "u", { token: "123456" }));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect(server.seen).toHaveLength(1);
  });
});

describe.concurrent("timeouts", () => {
  it("a server that hangs: POST times out once, VerigatorTimeoutError, not retried", async () => {
    const server = await serve(hang);
    const { error, ms } = await timedRejection(() => server.client({ timeoutMs: 200 }).users.create("s", newUser));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    expect(error).toMatchObject({ method: "POST", path: "/v1/service/service/s/users" });
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(195);
    expect(ms).toBeLessThan(1000);
  });

  it("slow headers past the per-call timeout time out; within it they succeed", async () => {
    const server = await serve(after(400, json(201, user)));
    const { error } = await timedRejection(() => server.client().users.create("s", newUser, { timeoutMs: 100 }));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    await expect(server.client({ timeoutMs: 100 }).users.create("s", newUser, { timeoutMs: 2000 })).resolves.toEqual(user);
  });

  it("a body that trickles past the timeout times out", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id":');
    });
    const { error, ms } = await timedRejection(() => server.client({ timeoutMs: 200, maxRetries: 0 }).services.get("s"));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    expect(ms).toBeLessThan(1000);
  });
});

describe.concurrent("answers that break the document", () => {
  it.each([
    ["truncated JSON", text(201, '{"id":"81213bfd', "application/json"), /not valid JSON/],
    ["an empty 201", text(201, "", "application/json"), /empty body/],
    ["JSON sent as text/html", text(201, JSON.stringify(user), "text/html"), /content type text\/html/],
    ["a 201 without id", json(201, { ctime: user.ctime, id_in_service: "john_doe" }), /id is required/],
    ["a 201 with a number for id", json(201, { ...user, id: 42 }), /id must be a string/],
    ["a 201 that is an array", json(201, [user]), /body must be an object, not array/],
  ])("%s rejects with InvalidResponseError, never a half-typed success", async (_, behaviour, message) => {
    const server = await serve(behaviour);
    const { error } = await timedRejection(() => server.client().users.create("s", newUser));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(201);
    expect(error.message).toMatch(message);
    expect(server.seen).toHaveLength(1);
  });

  it("a zone-less ctime is accepted (the SDK fixtures send one)", async () => {
    const server = await serve(json(201, { ...user, ctime: "2017-09-15T06:44:15.274438" }));
    await expect(server.client().users.create("s", newUser)).resolves.toMatchObject({ ctime: "2017-09-15T06:44:15.274438" });
  });

  it("extra fields in an answer are kept (the API may add some)", async () => {
    const server = await serve(json(200, { method: "sms", auth_id: null }));
    await expect(server.client().auth.start("s", "u", { method: "sms" })).resolves.toEqual({ method: "sms", auth_id: null });
  });

  it.each([
    ["with Content-Length", true],
    ["chunked", false],
  ])("a 10 MB body (%s) is refused without reading it all", async (_, withLength) => {
    const size = 10 * 1024 * 1024;
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json", ...(withLength ? { "content-length": String(size) } : {}) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      response.on("error", () => {});
      pump();
    });
    const { error, ms } = await timedRejection(() => server.client().services.get("s"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/larger than 4194304 bytes/);
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeLessThan(2000);
  });

  it("a redirect is not followed, so the credentials stay put", async () => {
    const target = await serve(json(200, service));
    const server = await serve(text(302, "", "text/plain", { location: `${target.url}/v1/service/service/s` }));
    const { error } = await timedRejection(() => server.client().services.get("s"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(302);
    expect(target.seen).toHaveLength(0);
  });
});

describe.concurrent("the caller's AbortSignal", () => {
  it("aborting mid-request rejects at once and is not retried", async () => {
    const server = await serve(hang);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await timedRejection(() => server.client().services.get("s", { signal: controller.signal }));
    expect(error).toBeInstanceOf(VerigatorAbortError);
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });
});
