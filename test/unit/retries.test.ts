// Retries, backoff, Retry-After and timeouts through the client, with an injected fetch and
// fake timers: every wait is asserted to the millisecond and none is waited for. (The few cases
// where a real socket is the point are in test/faults.test.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  InternalError,
  RateLimitError,
  ResourceAlreadyExistsError,
  VerigatorAbortError,
  VerigatorConnectionError,
  VerigatorTimeoutError,
} from "../../src/index.js";
import { client, rejection } from "../support/helpers.js";

const newUser = { id_in_service: "john_doe", phone_number: "+4401234567" };
const user = { id: "81213bfd-b690-499e-b9d2-8754cb1550e8", ctime: "2017-07-06T13:12:03.141Z", id_in_service: "john_doe" };
const service = { id: "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", name: "My service", ctime: "2017-07-06T13:12:03.141Z" };
const start = Date.UTC(2026, 10, 26, 12, 0, 0);

type Answer = (init: RequestInit) => Promise<Response>;
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const text =
  (status: number, body: string, type: string): Answer =>
  async () =>
    new Response(body, { status, headers: { "content-type": type } });
/** A fetch failure as undici reports it, with the cause's code. */
const failure =
  (code: string): Answer =>
  async () => {
    throw new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${code}`), { code }) });
  };
/** Never answers; rejects when the attempt's signal aborts, as fetch does. */
const hang: Answer = (init) => new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true }));

/** A fetch that plays `answers` in order (the last one repeats) and records when each request came. */
function scripted(...answers: Answer[]) {
  const sent: { at: number; method: string | undefined; body: unknown }[] = [];
  const fetch = (_input: string, init: RequestInit) => {
    sent.push({ at: Date.now() - start, method: init.method, body: init.body });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)]!;
    return answer(init);
  };
  return { fetch, sent, at: () => sent.map((request) => request.at) };
}

/** Runs `call` to its end on the fake clock; resolves with its outcome and the time it took. */
async function settle<T>(call: Promise<T>) {
  let done = false;
  const outcome = call.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  void outcome.then(() => (done = true));
  for (let step = 0; !done; step++) {
    // A call that never settles fails here instead of spinning until the test times out.
    if (step === 1000) throw new Error("the call did not settle within 1,000 timers");
    await vi.advanceTimersToNextTimerAsync();
  }
  return { ...(await outcome), ms: Date.now() - start };
}

beforeEach(() => {
  vi.useFakeTimers({ now: start });
  vi.spyOn(Math, "random").mockReturnValue(0); // no jitter: backoff is exactly 0.5 s, 1 s, 2 s…
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("writes are re-sent only when the server proved it did not act", () => {
  it("a plain 503 on a POST: sent once, InternalError (the 503 proves nothing)", async () => {
    const server = scripted(json(503, { message: "busy" }), json(201, user));
    const { error, ms } = await settle(client({ fetch: server.fetch }).users.create("s", newUser));
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({ status: 503 });
    expect(server.at()).toEqual([0]);
    expect(ms).toBe(0);
  });

  it("503 with Retry-After: 0 then 201: re-sent after the normal backoff, same body", async () => {
    const server = scripted(json(503, { message: "busy" }, { "retry-after": "0" }), json(201, user));
    const { value } = await settle(client({ fetch: server.fetch }).users.create("s", newUser));
    expect(value).toEqual(user);
    expect(server.at()).toEqual([0, 500]);
    expect(server.sent[1]?.body).toBe(JSON.stringify(newUser));
  });

  it("429 with Retry-After: 1 waits exactly a second, then succeeds", async () => {
    const server = scripted(json(429, { message: "slow down" }, { "retry-after": "1" }), json(201, user));
    const { value } = await settle(client({ fetch: server.fetch }).users.create("s", newUser));
    expect(value).toEqual(user);
    expect(server.at()).toEqual([0, 1000]);
  });

  it("500 on a POST is not retried: the user may have been added", async () => {
    const server = scripted(json(500, { message: "oops" }), json(201, user));
    const { error } = await settle(client({ fetch: server.fetch }).users.create("s", newUser));
    expect(error).toMatchObject({ status: 500, body: { message: "oops" } });
    expect(server.at()).toEqual([0]);
  });

  it("a refused connection: the POST never arrived, so it is re-sent after the backoff", async () => {
    const server = scripted(failure("ECONNREFUSED"), json(201, user));
    const { value } = await settle(client({ fetch: server.fetch }).users.create("s", newUser));
    expect(value).toEqual(user);
    expect(server.at()).toEqual([0, 500]);
  });

  it("a reset after sending: the PUT (verify PIN) is not re-sent, the PIN may have been used", async () => {
    const server = scripted(failure("ECONNRESET"), json(200, { verified: true }));
    const { error } = await settle(client({ fetch: server.fetch }).auth.verify("s", "u", { token: "123456" }));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect(server.at()).toEqual([0]);
  });

  it("409 is never retried and carries the request ID", async () => {
    const server = scripted(json(409, { message: "User already exists" }, { "x-request-id": "req-123" }));
    const { error } = await settle(client({ fetch: server.fetch }).users.create("s", newUser));
    expect(error).toBeInstanceOf(ResourceAlreadyExistsError);
    expect(error).toMatchObject({ status: 409, requestId: "req-123", method: "POST", path: "/v1/service/service/s/users" });
    expect(server.at()).toEqual([0]);
  });
});

describe("reads are retried with exponential backoff", () => {
  it("500 on a GET: retried maxRetries times, 0.5 s then 1 s apart, then InternalError", async () => {
    const server = scripted(json(500, { message: "oops" }));
    const { error, ms } = await settle(client({ fetch: server.fetch }).services.get("s"));
    expect(error).toBeInstanceOf(InternalError);
    expect(server.at()).toEqual([0, 500, 1500]);
    expect(ms).toBe(1500);
  });

  it("a refused connection: GET tried three times, then VerigatorConnectionError with the cause", async () => {
    const server = scripted(failure("ECONNREFUSED"));
    const { error } = await settle(client({ fetch: server.fetch }).services.get("s"));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect((error as Error).message).toMatch(/before the request was sent.*ECONNREFUSED/);
    expect(server.at()).toEqual([0, 500, 1500]);
  });

  it("jitter takes up to a quarter off each wait", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    const server = scripted(json(503, { message: "busy" }), json(200, service));
    await settle(client({ fetch: server.fetch }).services.get("s"));
    expect(server.at()[1]).toBe(Math.round(500 * (1 - 0.999 * 0.25)));
  });

  it("an HTML 502 from a proxy: retried, then InternalError with status and a bounded excerpt", async () => {
    const page = `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(2000)}</body></html>`;
    const server = scripted(text(502, page, "text/html"));
    const { error } = await settle(client({ fetch: server.fetch, maxRetries: 1 }).services.get("s"));
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({ status: 502, message: "status 502" });
    expect(String((error as InternalError).body)).toMatch(/^<html><body><h1>502 Bad Gateway/);
    expect(String((error as InternalError).body).length).toBeLessThanOrEqual(501);
    expect(server.at()).toEqual([0, 500]);
  });

  it("maxRetries: 0 per call sends once", async () => {
    const server = scripted(json(503, { message: "busy" }));
    const { error } = await settle(client({ fetch: server.fetch }).services.get("s", { maxRetries: 0 }));
    expect(error).toMatchObject({ status: 503 });
    expect(server.at()).toEqual([0]);
  });
});

describe("Retry-After", () => {
  it("an HTTP date is honoured to the second", async () => {
    const server = scripted(json(429, { message: "later" }, { "retry-after": new Date(start + 3000).toUTCString() }), json(200, service));
    const { value } = await settle(client({ fetch: server.fetch }).services.get("s"));
    expect(value).toEqual(service);
    expect(server.at()).toEqual([0, 3000]);
  });

  it("beyond 60 s ends the retries at once with RateLimitError and the wait asked for", async () => {
    const server = scripted(json(429, { message: "come back later" }, { "retry-after": "120" }));
    const { error, ms } = await settle(client({ fetch: server.fetch }).services.get("s"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(server.at()).toEqual([0]);
    expect(ms).toBe(0);
  });

  it("garbage, negative or hexadecimal Retry-After falls back to the backoff", async () => {
    for (const header of ["soon", "-1", "0x10"]) {
      const server = scripted(json(503, { message: "busy" }, { "retry-after": header }), json(200, service));
      const began = Date.now();
      await settle(client({ fetch: server.fetch }).services.get("s"));
      expect(server.sent[1]!.at - (began - start)).toBe(500);
    }
  });
});

describe("timeouts and the caller's signal", () => {
  it("a GET that hangs is tried three times, each attempt with its own timeout", async () => {
    const server = scripted(hang);
    const { error, ms } = await settle(client({ fetch: server.fetch, timeoutMs: 150 }).services.get("s"));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    expect(server.at()).toEqual([0, 650, 1800]);
    expect(ms).toBe(1950);
  });

  it("a POST that hangs times out once and is not re-sent", async () => {
    const server = scripted(hang);
    const { error, ms } = await settle(client({ fetch: server.fetch, timeoutMs: 200 }).users.create("s", newUser));
    expect(error).toBeInstanceOf(VerigatorTimeoutError);
    expect(error).toMatchObject({ method: "POST", path: "/v1/service/service/s/users" });
    expect(server.at()).toEqual([0]);
    expect(ms).toBe(200);
  });

  it("the caller aborting during the backoff wait rejects at once; nothing more is sent", async () => {
    const server = scripted(json(503, { message: "busy" }));
    const controller = new AbortController();
    const pending = rejection(client({ fetch: server.fetch }).services.get("s", { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(200);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(VerigatorAbortError);
    expect(Date.now() - start).toBe(200);
    expect(server.at()).toEqual([0]);
  });

  it("an already aborted signal sends nothing", async () => {
    const server = scripted(json(200, service));
    const error = await rejection(client({ fetch: server.fetch }).services.get("s", { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(VerigatorAbortError);
    expect(server.sent).toEqual([]);
  });
});
