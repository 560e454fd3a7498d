// The client against a server that misbehaves: each case checks the exact outcome, how many
// requests the server saw, and how long it took.
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../scripts/lib/prism.mjs";
import type { VerigatorOptions } from "../src/index.js";
import {
  createVerigator,
  InternalError,
  InvalidResponseError,
  ResourceAlreadyExistsError,
  VerigatorAbortError,
  VerigatorConnectionError,
  VerigatorError,
  VerigatorTimeoutError,
} from "../src/index.js";
import type { Behaviour } from "./support/fault-server.js";
import { after, dropBeforeAnswer, hang, json, resetMidBody, service, startFaultServer, text, user } from "./support/fault-server.js";

const newUser = { id_in_service: "john_doe", phone_number: "+4401234567" };
// Tests run concurrently, so servers are stopped together at the end.
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
});

async function serve(...script: Behaviour[]) {
  const server = await startFaultServer(...script);
  stops.push(server.stop);
  const client = (options: VerigatorOptions = {}) => createVerigator({ username: "u", password: "p", baseUrl: server.url, ...options });
  return { ...server, client };
}

/** Starts `call` and the clock together, returning what it rejected with (failing if it resolved) and the time taken. */
async function failure(call: () => Promise<unknown>) {
  const started = performance.now();
  const error = await call().then(
    (value) => {
      throw new Error(`expected a rejection, resolved with ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
  return { error: error as VerigatorError, ms: performance.now() - started };
}

async function timed<T>(call: () => Promise<T>) {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
}

describe.concurrent("no connection", () => {
  it("refused: GET is retried twice, then VerigatorConnectionError with the cause", async () => {
    const port = await freePort();
    let attempts = 0;
    const verigator = createVerigator({
      baseUrl: `http://127.0.0.1:${port}`,
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
    });
    const { error, ms } = await failure(() => verigator.services.get("s"));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect(error.message).toMatch(/before the request was sent.*ECONNREFUSED/);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(attempts).toBe(3);
    expect(ms).toBeGreaterThan(500 * 0.75 + 1000 * 0.75 - 20);
    expect(ms).toBeLessThan(3000);
  });

  it("refused: POST is retried too — the server never saw it", async () => {
    const port = await freePort();
    let attempts = 0;
    const verigator = createVerigator({
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 1,
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
    });
    const { error } = await failure(() => verigator.users.create("s", newUser));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect(attempts).toBe(2);
  });
});

describe.concurrent("dropped connections", () => {
  it("POST whose connection dropped after sending is not sent twice", async () => {
    const server = await serve(dropBeforeAnswer, json(201, user));
    const { error, ms } = await failure(() => server.client().users.create("s", newUser));
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
    const { error } = await failure(() => server.client().auth.verify("s", "u", { token: "123456" }));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect(server.seen).toHaveLength(1);
  });
});

describe.concurrent("timeouts", () => {
  it("a server that hangs: POST times out once, VerigatorTimeoutError, not retried", async () => {
    const server = await serve(hang);
    const { error, ms } = await failure(() => server.client({ timeoutMs: 200 }).users.create("s", newUser));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    expect(error).toMatchObject({ method: "POST", path: "/v1/service/service/s/users" });
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(195);
    expect(ms).toBeLessThan(1000);
  });

  it("GET that hangs is tried three times, each with its own timeout", async () => {
    const server = await serve(hang);
    const { error, ms } = await failure(() => server.client({ timeoutMs: 150 }).services.get("s"));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    expect(server.seen).toHaveLength(3);
    expect(ms).toBeGreaterThan(3 * 150 + (500 + 1000) * 0.75 - 30);
    expect(ms).toBeLessThan(3000);
  });

  it("slow headers past the per-call timeout time out; within it they succeed", async () => {
    const server = await serve(after(400, json(201, user)));
    const { error } = await failure(() => server.client().users.create("s", newUser, { timeoutMs: 100 }));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    await expect(server.client({ timeoutMs: 100 }).users.create("s", newUser, { timeoutMs: 2000 })).resolves.toEqual(user);
  });

  it("a body that trickles past the timeout times out", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id":');
    });
    const { error, ms } = await failure(() => server.client({ timeoutMs: 200, maxRetries: 0 }).services.get("s"));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    expect(ms).toBeLessThan(1000);
  });
});

describe.concurrent("retries on answers", () => {
  it("a plain 503 then 201: the POST is sent once and rejects with InternalError (the 503 proves nothing)", async () => {
    const server = await serve(json(503, { message: "busy" }), json(201, user));
    const { error } = await failure(() => server.client().users.create("s", newUser));
    expect(error).toBeInstanceOf(InternalError);
    expect(error.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  it("503 with Retry-After then 201: the POST is sent again and resolves", async () => {
    const server = await serve(json(503, { message: "busy" }, { "retry-after": "0" }), json(201, user));
    const { value, ms } = await timed(() => server.client().users.create("s", newUser));
    expect(value).toEqual(user);
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]?.body).toBe(JSON.stringify(newUser));
    // Retry-After: 0 still waits the normal backoff.
    expect(ms).toBeGreaterThan(500 * 0.75 - 20);
  });

  it("429 with Retry-After: 1 waits a second, then succeeds", async () => {
    const server = await serve(json(429, { message: "slow down" }, { "retry-after": "1" }), json(201, user));
    const { value, ms } = await timed(() => server.client().users.create("s", newUser));
    expect(value).toEqual(user);
    expect(server.seen).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(2500);
  });

  it("Retry-After as an HTTP date is honoured", async () => {
    const at = () => new Date(Date.now() + 2000).toUTCString(); // second precision: waits 1–2 s
    const server = await serve((_, response) => json(429, { message: "later" }, { "retry-after": at() })(_, response, ""), json(200, service));
    const { value, ms } = await timed(() => server.client().services.get("s"));
    expect(value).toEqual(service);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3200);
  });

  it("Retry-After beyond 60 s ends the retries with the 429", async () => {
    const server = await serve(json(429, { message: "come back later" }, { "retry-after": "120" }));
    const { error, ms } = await failure(() => server.client().services.get("s"));
    expect(error).toBeInstanceOf(VerigatorError);
    expect(error.status).toBe(429);
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it("500 on a POST is not retried: the user may have been added", async () => {
    const server = await serve(json(500, { message: "oops" }), json(201, user));
    const { error } = await failure(() => server.client().users.create("s", newUser));
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({ status: 500, body: { message: "oops" } });
    expect(server.seen).toHaveLength(1);
  });

  it("500 on a GET is retried up to maxRetries, then InternalError", async () => {
    const server = await serve(json(500, { message: "oops" }));
    const { error } = await failure(() => server.client({ maxRetries: 1 }).services.get("s"));
    expect(error).toBeInstanceOf(InternalError);
    expect(server.seen).toHaveLength(2);
  });

  it("maxRetries: 0 per call sends once", async () => {
    const server = await serve(json(503, { message: "busy" }));
    const { error } = await failure(() => server.client().services.get("s", { maxRetries: 0 }));
    expect(error.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  it("409 is never retried and carries the request ID", async () => {
    const server = await serve(json(409, { message: "User already exists" }, { "x-request-id": "req-123" }));
    const { error } = await failure(() => server.client().users.create("s", newUser));
    expect(error).toBeInstanceOf(ResourceAlreadyExistsError);
    expect(error).toMatchObject({ status: 409, requestId: "req-123", method: "POST", path: "/v1/service/service/s/users" });
    expect(server.seen).toHaveLength(1);
  });
});

describe.concurrent("answers that break the document", () => {
  it("an HTML 502 from a proxy: GET retried, then InvalidResponseError with status and an excerpt", async () => {
    const page = `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(2000)}</body></html>`;
    const server = await serve(text(502, page, "text/html"));
    const { error } = await failure(() => server.client({ maxRetries: 1 }).services.get("s"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(502);
    expect(String(error.body)).toMatch(/^<html><body><h1>502 Bad Gateway/);
    expect(String(error.body).length).toBeLessThanOrEqual(501);
    expect(server.seen).toHaveLength(2);
  });

  it.each([
    ["truncated JSON", text(201, '{"id":"81213bfd', "application/json"), /not valid JSON/],
    ["an empty 201", text(201, "", "application/json"), /empty body/],
    ["JSON sent as text/html", text(201, JSON.stringify(user), "text/html"), /content type text\/html/],
    ["a 201 without id", json(201, { ctime: user.ctime, id_in_service: "john_doe" }), /id is required/],
    ["a 201 with a number for id", json(201, { ...user, id: 42 }), /id must be a string/],
    ["a 201 that is an array", json(201, [user]), /body must be an object, not array/],
  ])("%s rejects with InvalidResponseError, never a half-typed success", async (_, behaviour, message) => {
    const server = await serve(behaviour);
    const { error } = await failure(() => server.client().users.create("s", newUser));
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
    const { error, ms } = await failure(() => server.client().services.get("s"));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/larger than 4194304 bytes/);
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeLessThan(2000);
  });

  it("a redirect is not followed, so the credentials stay put", async () => {
    const target = await serve(json(200, service));
    const server = await serve(text(302, "", "text/plain", { location: `${target.url}/v1/service/service/s` }));
    const { error } = await failure(() => server.client().services.get("s"));
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
    const { error, ms } = await failure(() => server.client().services.get("s", { signal: controller.signal }));
    expect(error).toBeInstanceOf(VerigatorAbortError);
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it("aborting during the backoff wait rejects at once", async () => {
    const server = await serve(json(503, { message: "busy" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const { error, ms } = await failure(() => server.client().services.get("s", { signal: controller.signal }));
    expect(error).toBeInstanceOf(VerigatorAbortError);
    expect(server.seen).toHaveLength(1);
    expect(ms).toBeLessThan(900);
  });

  it("an already aborted signal sends nothing", async () => {
    const server = await serve(json(200, service));
    const { error } = await failure(() => server.client().services.get("s", { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(VerigatorAbortError);
    expect(server.seen).toHaveLength(0);
  });
});
