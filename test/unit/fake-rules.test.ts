// verigator/testing: the stateful fake, rule by rule, through the real client (fake.fetch) and
// through MSW (fake.handlers). Over a real socket (fake.listen): test/fake-listen.test.ts.
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createVerigator,
  InternalError,
  InvalidDataError,
  NoSuchResourceError,
  ResourceAlreadyExistsError,
  VerigatorConnectionError,
  VerigatorTimeoutError,
  WrongCredentialsError,
} from "../../src/index.js";
import type { FakeVerigatorOptions } from "../../src/testing/index.js";
import { createFakeVerigator } from "../../src/testing/index.js";
import { requireOptional } from "../../src/testing/node.js";
import { hmacSha1, sha1, totpCode } from "../../src/testing/totp.js";
import { rejection, fakeSetup as setup, fakeWithUser as withUser } from "../support/helpers.js";
import { codeBlocks, section } from "../support/markdown.js";

const credentials = { username: "u", password: "p" };

/** A request straight to the fake, bypassing the client's own checks. */
async function direct(fake: ReturnType<typeof createFakeVerigator>, method: string, path: string, body?: string, auth: string | null = "u:p") {
  const response = await fake.fetch(`https://api.verigator.com${path}`, {
    method,
    headers: { "content-type": "application/json", ...(auth === null ? {} : { "x-service-auth": auth }) },
    body,
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

afterEach(() => void vi.useRealTimers());

describe("a two-factor login, start to end: service, user, SMS, the PIN read, verified", () => {
  it("service → user → SMS → the PIN the test read → verified", async () => {
    const { fake, verigator, sid, uid } = await withUser();
    expect(await verigator.auth.start(sid, uid, { method: "sms" })).toEqual({ method: "sms" });
    const pin = fake.lastPin(sid, uid);
    expect(pin).toMatch(/^\d{6}$/);
    expect(await verigator.auth.verify(sid, uid, { token: pin! })).toEqual({ verified: true, method: "sms" });
    expect(fake.messages).toEqual([{ serviceId: sid, userId: uid, to: "+3725555555", pin, at: expect.any(Number) }]);
  });
});

describe("state", () => {
  it("persists services and users, with UUIDs and RFC 3339 times from the fake's clock", async () => {
    const at = Date.UTC(2026, 10, 26, 12, 0, 0);
    const { verigator, sid, uid, service, user } = await withUser({ now: () => at });
    expect(service).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      name: "App",
      ctime: "2026-11-26T12:00:00.000Z",
    });
    expect(user).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ctime: "2026-11-26T12:00:00.000Z", id_in_service: "ann" });
    expect(await verigator.services.get(sid)).toEqual(service);
    expect(await verigator.users.get(sid, uid)).toEqual(user);
    expect(await verigator.users.list(sid)).toEqual([user]);
    const bob = await verigator.users.create(sid, { id_in_service: "bob", phone_number: "+4401234567" });
    expect(await verigator.users.list(sid)).toEqual([user, bob]);
  });

  it("two fakes share nothing", async () => {
    const first = await withUser();
    const second = setup();
    await expect(rejection(second.verigator.services.get(first.sid))).resolves.toBeInstanceOf(NoSuchResourceError);
  });

  it("409 on a second service with the same fqdn; another fqdn is fine", async () => {
    const { verigator } = await withUser();
    const error = await rejection(verigator.services.create({ fqdn: "https://app.example", name: "Again" }));
    expect(error).toBeInstanceOf(ResourceAlreadyExistsError);
    expect(error.body).toEqual({ message: "Service already exists" });
    await expect(verigator.services.create({ fqdn: "https://other.example", name: "Other" })).resolves.toMatchObject({ name: "Other" });
  });

  it("409 on a second user with the same id_in_service in a service; the same id in another service is another user", async () => {
    const { verigator, sid } = await withUser();
    const error = await rejection(verigator.users.create(sid, { id_in_service: "ann", phone_number: "+4401234567" }));
    expect(error).toBeInstanceOf(ResourceAlreadyExistsError);
    expect(error.body).toEqual({ message: "User already exists" });
    const other = await verigator.services.create({ fqdn: "https://other.example", name: "Other" });
    await expect(verigator.users.create(other.id, { id_in_service: "ann", phone_number: "+4401234567" })).resolves.toMatchObject({ id_in_service: "ann" });
  });

  it("404 for an unknown service or user, on every operation that names one", async () => {
    const { verigator, sid } = await withUser();
    const nobody = crypto.randomUUID();
    const calls = [
      () => verigator.services.get(nobody),
      () => verigator.services.delete(nobody),
      () => verigator.users.list(nobody),
      () => verigator.users.create(nobody, { id_in_service: "x", phone_number: "+1" }),
      () => verigator.users.get(sid, nobody),
      () => verigator.users.delete(sid, nobody),
      () => verigator.auth.start(sid, nobody, { method: "sms" }),
      () => verigator.auth.verify(sid, nobody, { token: "1" }),
    ];
    for (const call of calls) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(NoSuchResourceError);
      expect(error.body).toMatchObject({ message: expect.stringMatching(/^Not found/) });
    }
  });

  it("deletes remove: the user, then the empty service", async () => {
    const { verigator, sid, uid } = await withUser();
    await verigator.users.delete(sid, uid);
    await expect(rejection(verigator.users.get(sid, uid))).resolves.toBeInstanceOf(NoSuchResourceError);
    expect(await verigator.users.list(sid)).toEqual([]);
    await verigator.services.delete(sid);
    await expect(rejection(verigator.services.get(sid))).resolves.toBeInstanceOf(NoSuchResourceError);
    await expect(rejection(verigator.users.list(sid))).resolves.toBeInstanceOf(NoSuchResourceError);
  });

  it("a service that still has users is not deleted: 409, and the service and its users stay", async () => {
    const { verigator, sid, uid } = await withUser();
    const error = await rejection(verigator.services.delete(sid));
    expect(error).toBeInstanceOf(ResourceAlreadyExistsError);
    expect(error.status).toBe(409);
    expect(error.body).toEqual({ message: "Service has users" });
    expect((await verigator.services.get(sid)).id).toBe(sid);
    expect((await verigator.users.get(sid, uid)).id).toBe(uid);
  });

  it("401 with a wrong password or no X-Service-Auth, and nothing changes", async () => {
    const { fake, sid } = await withUser();
    const intruder = createVerigator({ username: "u", password: "wrong", fetch: fake.fetch });
    const error = await rejection(intruder.users.create(sid, { id_in_service: "eve", phone_number: "+1" }));
    expect(error).toBeInstanceOf(WrongCredentialsError);
    expect(error.body).toEqual({ message: "Authentication required" });
    expect(await direct(fake, "GET", `/v1/service/service/${sid}/users`, undefined, null)).toMatchObject({
      status: 401,
      body: { message: "Authentication required" },
    });
    expect((await direct(fake, "GET", `/v1/service/service/${sid}/users`)).body.users).toHaveLength(1);
  });

  it("422 with the Error body for a body that breaks the document, or is not JSON", async () => {
    const { fake, sid } = await withUser();
    const path = `/v1/service/service/${sid}/users`;
    expect(await direct(fake, "POST", path, JSON.stringify({ id_in_service: "x", phone_number: 42 }))).toEqual({
      status: 422,
      headers: expect.anything(),
      body: { message: "Invalid data: phone_number must be a string, not integer" },
    });
    expect((await direct(fake, "POST", path, JSON.stringify({ id_in_service: "x", phone_number: "0800" }))).body.message).toBe(
      "Invalid data: phone_number must match ^\\+[0-9]+$",
    );
    expect((await direct(fake, "POST", path, JSON.stringify({ id_in_service: "x", phone_number: "+1", extra: 1 }))).status).toBe(422);
    expect(await direct(fake, "POST", path, "{not json")).toMatchObject({ status: 422, body: { message: "Invalid data: the body is not JSON" } });
    expect(await direct(fake, "POST", "/v1/service/service", "")).toMatchObject({ status: 422 });
    expect((await direct(fake, "GET", path)).body.users).toHaveLength(1);
  });

  it("422 for a JSON body sent without a JSON content type, as the mock answers it", async () => {
    const { fake, sid } = await withUser();
    const body = JSON.stringify({ id_in_service: "text", phone_number: "+1" });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
      const response = await fake.fetch(`https://api.verigator.com/v1/service/service/${sid}/users`, {
        method: "POST",
        headers: { "x-service-auth": "u:p", ...(type && { "content-type": type }) },
        body: new TextEncoder().encode(body),
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ message: "Invalid data: the body is not sent as application/json" });
    }
    for (const type of ["application/json; charset=utf-8", "Application/JSON"]) {
      const response = await fake.fetch(`https://api.verigator.com/v1/service/service/${sid}/users`, {
        method: "POST",
        headers: { "x-service-auth": "u:p", "content-type": type },
        body: JSON.stringify({ id_in_service: type, phone_number: "+1" }),
      });
      expect(response.status).toBe(201);
    }
    // The refused ones added nothing: the first user and the two sent as JSON.
    expect((await direct(fake, "GET", `/v1/service/service/${sid}/users`)).body.users).toHaveLength(3);
  });

  it("unknown paths are 404 and known paths with another method are 405 with Allow", async () => {
    const { fake } = setup();
    expect(await direct(fake, "GET", "/v2/nothing")).toMatchObject({ status: 404, body: { message: "Not found" } });
    const wrongMethod = await direct(fake, "PATCH", "/v1/service/service/x");
    expect(wrongMethod).toMatchObject({ status: 405 });
    expect(wrongMethod.headers.get("allow")).toBe("GET, DELETE");
  });

  it("accepts the verify body with method, as Messente's page shows it", async () => {
    const { fake, verigator, sid, uid } = await withUser();
    await verigator.auth.start(sid, uid, { method: "sms" });
    expect(await verigator.auth.verify(sid, uid, { method: "sms", token: fake.lastPin(sid, uid)! })).toMatchObject({ verified: true });
  });
});

describe("PIN lifecycle", () => {
  const rejected = (why: "invalid" | "expired" | "throttled") => ({
    verified: false,
    method: "sms",
    status: { throttled: why === "throttled", expired: why === "expired", invalid: why === "invalid", result: why.toUpperCase() },
  });

  it("a PIN is single-use", async () => {
    const { fake, verigator, sid, uid } = await withUser();
    await verigator.auth.start(sid, uid, { method: "sms" });
    const pin = fake.lastPin(sid, uid)!;
    expect((await verigator.auth.verify(sid, uid, { token: pin })).verified).toBe(true);
    expect(await verigator.auth.verify(sid, uid, { token: pin })).toMatchObject({ verified: false, status: { invalid: true } });
  });

  it("a wrong PIN is invalid and leaves the right one valid", async () => {
    const { fake, verigator, sid, uid } = await withUser({ nextPin: () => "111111" });
    await verigator.auth.start(sid, uid, { method: "sms" });
    expect(await verigator.auth.verify(sid, uid, { token: "222222" })).toEqual(rejected("invalid"));
    expect(await verigator.auth.verify(sid, uid, { token: fake.lastPin(sid, uid)! })).toEqual({ verified: true, method: "sms" });
  });

  it("after maxAttempts wrong tries the next try is throttled, even with the right PIN; a new start resets it", async () => {
    const { fake, verigator, sid, uid } = await withUser({ maxAttempts: 3, nextPin: () => "111111" });
    await verigator.auth.start(sid, uid, { method: "sms" });
    for (let i = 0; i < 3; i++) expect(await verigator.auth.verify(sid, uid, { token: "000000" })).toEqual(rejected("invalid"));
    expect(await verigator.auth.verify(sid, uid, { token: "111111" })).toEqual(rejected("throttled"));
    await verigator.auth.start(sid, uid, { method: "sms" });
    expect((await verigator.auth.verify(sid, uid, { token: fake.lastPin(sid, uid)! })).verified).toBe(true);
  });

  it("the default allows 5 wrong tries", async () => {
    const { verigator, sid, uid } = await withUser({ nextPin: () => "111111" });
    await verigator.auth.start(sid, uid, { method: "sms" });
    for (let i = 0; i < 5; i++) expect((await verigator.auth.verify(sid, uid, { token: "0" })).status?.invalid).toBe(true);
    expect((await verigator.auth.verify(sid, uid, { token: "111111" })).status?.throttled).toBe(true);
  });

  it("a PIN expires after pinLifetimeMs on the fake's clock (default 5 minutes)", async () => {
    let clock = 1_000_000;
    const { fake, verigator, sid, uid } = await withUser({ now: () => clock });
    await verigator.auth.start(sid, uid, { method: "sms" });
    fake.advance(5 * 60_000 - 1);
    const pin = fake.lastPin(sid, uid)!;
    expect((await verigator.auth.verify(sid, uid, { token: "000000" === pin ? "1" : "000000" })).status?.invalid).toBe(true);
    clock += 1; // the `now` option moves the clock too
    expect(await verigator.auth.verify(sid, uid, { token: pin })).toEqual(rejected("expired"));
  });

  it("pinLifetimeMs is an option", async () => {
    const { fake, verigator, sid, uid } = await withUser({ pinLifetimeMs: 1000 });
    await verigator.auth.start(sid, uid, { method: "sms" });
    fake.advance(1000);
    expect((await verigator.auth.verify(sid, uid, { token: fake.lastPin(sid, uid)! })).status?.expired).toBe(true);
  });

  it("a new start sends a new SMS and only its PIN counts", async () => {
    let n = 0;
    const { fake, verigator, sid, uid } = await withUser({ nextPin: () => String(++n).repeat(6) });
    await verigator.auth.start(sid, uid, { method: "sms" });
    await verigator.auth.start(sid, uid, { method: "sms" });
    expect(fake.messages.map((message) => message.pin)).toEqual(["111111", "222222"]);
    expect(fake.lastPin(sid, uid)).toBe("222222");
    expect((await verigator.auth.verify(sid, uid, { token: "111111" })).verified).toBe(false);
    expect((await verigator.auth.verify(sid, uid, { token: "222222" })).verified).toBe(true);
  });

  it("verify before any start is invalid; lastPin of a user never texted is undefined", async () => {
    const { fake, verigator, sid, uid } = await withUser();
    expect(fake.lastPin(sid, uid)).toBeUndefined();
    expect(await verigator.auth.verify(sid, uid, { token: "123456" })).toMatchObject({ verified: false, status: { invalid: true, result: "INVALID" } });
  });

  it("refuses bad options with a clear error", () => {
    expect(() => createFakeVerigator({ ...credentials, maxAttempts: 0 })).toThrow(/maxAttempts must be a number ≥ 1/);
    expect(() => createFakeVerigator({ ...credentials, pinLifetimeMs: Number.NaN })).toThrow(/pinLifetimeMs/);
    expect(() => createFakeVerigator({} as FakeVerigatorOptions)).toThrow(/needs \{ username, password \}/);
    expect(() => setup().fake.advance(-1)).toThrow(/advance/);
  });
});

describe("totp", () => {
  it("falls back to sms without an authenticator", async () => {
    const { fake, verigator, sid, uid } = await withUser();
    expect(await verigator.auth.start(sid, uid, { method: "totp" })).toEqual({ method: "sms" });
    expect(fake.messages).toHaveLength(1);
    expect(() => fake.totp(sid, uid)).toThrow(/addAuthenticator/);
  });

  it("with an authenticator: method totp, no SMS, the current code verifies, a wrong one does not", async () => {
    const { fake, verigator, sid, uid } = await withUser();
    const { secret } = fake.addAuthenticator(sid, uid);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await verigator.auth.start(sid, uid, { method: "totp" })).toEqual({ method: "totp" });
    expect(fake.messages).toEqual([]);
    const code = fake.totp(sid, uid);
    expect(code).toMatch(/^\d{6}$/);
    expect(await verigator.auth.verify(sid, uid, { token: code === "000000" ? "000001" : "000000" })).toMatchObject({ verified: false, method: "totp" });
    expect(await verigator.auth.verify(sid, uid, { method: "totp", token: code })).toEqual({ verified: true, method: "totp" });
    // sms is still sms
    expect(await verigator.auth.start(sid, uid, { method: "sms" })).toEqual({ method: "sms" });
  });

  it("codes follow the fake's clock: the previous step's code is still taken, older ones are not", async () => {
    const { fake, verigator, sid, uid } = await withUser({ now: () => 30_000 * 1000 });
    fake.addAuthenticator(sid, uid);
    await verigator.auth.start(sid, uid, { method: "totp" });
    const code = fake.totp(sid, uid);
    fake.advance(30_000);
    const next = fake.totp(sid, uid);
    expect(next).not.toBe(code);
    fake.advance(30_000);
    expect((await verigator.auth.verify(sid, uid, { token: code })).verified).toBe(false);
    expect((await verigator.auth.verify(sid, uid, { token: next })).verified).toBe(true);
  });

  it("addAuthenticator and totp name an unknown user", () => {
    const { fake } = setup();
    expect(() => fake.addAuthenticator("s", "u")).toThrow(/no user u in service s/);
  });

  it("SHA-1 and HMAC-SHA1 match node:crypto; TOTP matches RFC 6238's test vectors", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 1000]) {
      const data = crypto.getRandomValues(new Uint8Array(length));
      const key = crypto.getRandomValues(new Uint8Array(length % 100));
      expect(Buffer.from(sha1(data)).toString("hex")).toBe(createHash("sha1").update(data).digest("hex"));
      expect(Buffer.from(hmacSha1(key, data)).toString("hex")).toBe(createHmac("sha1", key).update(data).digest("hex"));
    }
    const secret = new TextEncoder().encode("12345678901234567890");
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(secret, seconds * 1000, 8)).toBe(code);
  });
});

describe("faults on demand", () => {
  it("failNext status with Retry-After: the client's POST waits and is re-sent, and the user is created once", async () => {
    vi.useFakeTimers();
    const { fake, verigator, sid } = await withUser({}, { maxRetries: 1 });
    fake.failNext({ operation: "createUser", status: 503, retryAfter: 1 });
    const pending = verigator.users.create(sid, { id_in_service: "bob", phone_number: "+1" });
    await vi.advanceTimersByTimeAsync(999);
    expect(await verigator.users.list(sid)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ id_in_service: "bob" });
    expect(await verigator.users.list(sid)).toHaveLength(2);
  });

  it("failNext status: the declared Error body, once; other operations are not affected", async () => {
    const { fake, verigator, sid } = await withUser({}, { maxRetries: 0 });
    fake.failNext({ operation: "listUsers", status: 500 });
    await verigator.services.get(sid);
    const error = await rejection(verigator.users.list(sid));
    expect(error).toBeInstanceOf(InternalError);
    expect(error.status).toBe(500);
    expect(error.body).toEqual({ message: "Internal server error" });
    expect(await verigator.users.list(sid)).toHaveLength(1);
  });

  it("faults queue in order", async () => {
    const { fake, sid } = await withUser();
    fake.failNext({ operation: "getService", status: 503 });
    fake.failNext({ operation: "getService", status: 403 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await direct(fake, "GET", `/v1/service/service/${sid}`)).status);
    expect(statuses).toEqual([503, 403, 200]);
  });

  it("failNext refuses a status the operation does not declare, Retry-After where it is not declared, and unknown operations", () => {
    const { fake } = setup();
    // @ts-expect-error createService declares no 404
    expect(() => fake.failNext({ operation: "createService", status: 404 })).toThrow(
      /createService does not declare 404; it declares 401, 403, 409, 422, 500, 503/,
    );
    expect(() => fake.failNext({ operation: "createService", status: 500, retryAfter: 1 })).toThrow(/Retry-After only on 503/);
    // @ts-expect-error not an operation
    expect(() => fake.failNext({ operation: "nope", status: 500 })).toThrow(/unknown operation nope/);
    // @ts-expect-error a fault must do something
    expect(() => fake.failNext({ operation: "getUser" })).toThrow(/status, drop or delayMs/);
    // A misspelt field from plain JavaScript is refused, not silently a different fault.
    const typo = { operation: "getUser", status: 500, retryafter: 1 };
    expect(() => fake.failNext(typo as Parameters<typeof fake.failNext>[0])).toThrow(/retryafter is not a field of a fault/);
  });

  it("drop: the fetch rejects like a reset, the POST is not re-sent and nothing was created", async () => {
    const { fake, verigator, sid } = await withUser({}, { maxRetries: 2 });
    fake.failNext({ operation: "createUser", drop: true });
    const error = await rejection(verigator.users.create(sid, { id_in_service: "bob", phone_number: "+1" }));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    expect(await verigator.users.list(sid)).toHaveLength(1);
  });

  it('drop "after acting": the write took effect though the caller got no answer', async () => {
    const { fake, verigator, sid } = await withUser({}, { maxRetries: 2 });
    fake.failNext({ operation: "createUser", drop: "after acting" });
    await expect(rejection(verigator.users.create(sid, { id_in_service: "bob", phone_number: "+1" }))).resolves.toBeInstanceOf(VerigatorConnectionError);
    expect((await verigator.users.list(sid)).map((user) => user.id_in_service)).toEqual(["ann", "bob"]);
  });

  it("drop on a GET: the client retries it and succeeds", async () => {
    const { fake, verigator, sid } = await withUser({}, { maxRetries: 1 });
    vi.useFakeTimers();
    fake.failNext({ operation: "getService", drop: true });
    const pending = verigator.services.get(sid);
    await vi.runAllTimersAsync();
    expect(await pending).toMatchObject({ id: sid });
  });

  it("delayMs: a slow answer meets the client's timeout (fake timers)", async () => {
    const { fake, verigator, sid } = await withUser({}, { maxRetries: 0, timeoutMs: 1000 });
    vi.useFakeTimers();
    fake.failNext({ operation: "getService", delayMs: 5000 });
    const pending = rejection(verigator.services.get(sid));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toBeInstanceOf(VerigatorTimeoutError);
  });

  it("delayMs alone serves the request normally after the wait", async () => {
    const { fake, verigator, sid } = await withUser();
    vi.useFakeTimers();
    fake.failNext({ operation: "getService", delayMs: 2000 });
    let done = false;
    const pending = verigator.services.get(sid).finally(() => (done = true));
    await vi.advanceTimersByTimeAsync(1999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ id: sid });
  });
});

describe("fake.handlers (MSW)", () => {
  it("setupServer(...fake.handlers) answers a client that was given no fetch", async () => {
    // A loopback port nothing listens on: should interception fail, the request stays on this machine.
    const baseUrl = "http://127.0.0.1:9";
    const fake = createFakeVerigator({ ...credentials, baseUrl });
    const server = setupServer(...fake.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const verigator = createVerigator({ ...credentials, baseUrl, maxRetries: 0 });
      const service = await verigator.services.create({ fqdn: "https://app.example", name: "App" });
      const user = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+1" });
      await verigator.auth.start(service.id, user.id, { method: "sms" });
      expect(await verigator.auth.verify(service.id, user.id, { token: fake.lastPin(service.id, user.id)! })).toEqual({ verified: true, method: "sms" });
      await expect(rejection(verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+1" }))).resolves.toBeInstanceOf(
        ResourceAlreadyExistsError,
      );
      fake.failNext({ operation: "getService", drop: true });
      await expect(rejection(verigator.services.get(service.id))).resolves.toBeInstanceOf(VerigatorConnectionError);
      expect(fake.handlers).toBe(fake.handlers);
    } finally {
      server.close();
    }
  });

  it("the client's own checks still apply in front of the fake", async () => {
    const { verigator, sid } = await withUser();
    await expect(rejection(verigator.users.create(sid, { id_in_service: "x", phone_number: "0800" }))).resolves.toBeInstanceOf(InvalidDataError);
  });
});

describe("the README", () => {
  it('"The fake: testing your app" shows test/examples/two-factor-login.test.ts as it runs', () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("../examples/two-factor-login.test.ts", import.meta.url), "utf8");
    const shown = codeBlocks(section(readme, "The fake: testing your app"), "ts")[0]?.code;
    expect(shown).toBeDefined();
    expect(example.endsWith(shown ?? "missing")).toBe(true);
    expect(shown).toContain('from "verigator/testing"');
  });
});

describe("optional parts that are missing", () => {
  it("an optional peer dependency that is not installed is named with the command to install it", () => {
    expect(() => requireOptional("verigator-no-such-package", "fake.handlers", "verigator-no-such-package@1.0.0")).toThrow(
      "fake.handlers needs verigator-no-such-package: npm install --save-dev verigator-no-such-package@1.0.0",
    );
  });

  it("the msw install hint names the version in verigator's peerDependencies", () => {
    const { peerDependencies } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      peerDependencies: Record<string, string>;
    };
    expect(readFileSync(new URL("../../src/testing/msw.ts", import.meta.url), "utf8")).toContain(`"msw@${peerDependencies.msw}"`);
  });
});
