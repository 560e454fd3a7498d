// What the fake says of a request it could not match (near misses), the journal queried
// (fake.requests({ operation, status, since, limit })), and faults aimed at one resource
// (failNext({ where })) — through fake.fetch, no server. Over HTTP: test/fake-control.test.ts.
import { describe, expect, it } from "vitest";
import { createVerigator, InternalError } from "../../src/index.js";
import type { Fault } from "../../src/testing/index.js";
import { createFakeVerigator, QueryError } from "../../src/testing/index.js";
import { nearMisses } from "../../src/testing/near-misses.js";
import { apiCandidates } from "../../src/testing/routes.js";
import { rejection } from "../support/helpers.js";

const auth = { "x-service-auth": "u:p" };
function setup() {
  let clock = 1_764_580_800_000;
  const fake = createFakeVerigator({
    username: "u",
    password: "p",
    now: () => clock,
    services: [
      { id: "s1", fqdn: "one.example", name: "One", users: [{ id: "u1", id_in_service: "ann", phone_number: "+3725555555" }] },
      { id: "s2", fqdn: "two.example", name: "Two" },
    ],
  });
  const verigator = createVerigator({ username: "u", password: "p", fetch: fake.fetch, maxRetries: 0 });
  const raw = async (method: string, path: string, body?: unknown) => {
    const response = await fake.fetch(`http://fake${path}`, {
      method,
      headers: { ...auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json(), allow: response.headers.get("allow") };
  };
  return { fake, verigator, raw, tick: (ms: number) => (clock += ms) };
}

describe("near misses: a request that matches no route says what it nearly matched", () => {
  it("user for users: 404, the error body, and the create it nearly was, first", async () => {
    const { raw } = setup();
    const { status, body } = await raw("POST", "/v1/service/service/s1/user", { id_in_service: "bob", phone_number: "+1" });
    expect(status).toBe(404);
    expect(body.message).toBe("Not found");
    expect(body.nearMisses[0]).toBe("POST /v1/service/service/{ServiceId}/users: the path has user, not users");
    expect(body.nearMisses.length).toBeLessThanOrEqual(3);
  });

  it("a method the path has not: 405 with Allow, and the routes of that path first, each 'the method'", async () => {
    const { raw } = setup();
    const { status, body, allow } = await raw("PATCH", "/v1/service/service/s1");
    expect(status).toBe(405);
    expect(allow).toBe("GET, DELETE");
    expect(body.message).toBe("Method not allowed");
    expect(body.nearMisses.slice(0, 2)).toEqual(["GET /v1/service/service/{ServiceId}: the method", "DELETE /v1/service/service/{ServiceId}: the method"]);
  });

  it("a control path misspelt: 404 naming the control route", async () => {
    const { raw } = setup();
    const { status, body } = await raw("GET", "/_fake/message");
    expect(status).toBe(404);
    expect(body.nearMisses[0]).toBe("GET /_fake/messages: the path has message, not messages");
  });

  it.each([
    ["POST", "/v1/service/service/", "POST /v1/service/service: the path has an extra /"],
    ["GET", "/v1/service/services/s1", "GET /v1/service/service/{ServiceId}: the path has services, not service"],
    ["GET", "/v1/service/service/s1/users/u1/extra", "GET /v1/service/service/{ServiceId}/users/{UserId}: the path has extra too many"],
    ["GET", "/V1/service/service/s1", "GET /v1/service/service/{ServiceId}: the path has V1, not v1"],
  ])("%s %s → first near miss %j", (method, path, first) => {
    expect(nearMisses(method, path, apiCandidates)[0]).toBe(first);
  });

  it("a wrong method on a path comes before a path one segment off", () => {
    expect(nearMisses("GET", "/v1/service/service/s1/users/u1/auth", apiCandidates)).toEqual([
      expect.stringMatching(/^(PUT|POST) \/v1\/service\/service\/\{ServiceId\}\/users\/\{UserId\}\/auth: the method$/),
      expect.stringMatching(/^(PUT|POST) \/v1\/service\/service\/\{ServiceId\}\/users\/\{UserId\}\/auth: the method$/),
      "GET /v1/service/service/{ServiceId}/users/{UserId}: the path has auth too many",
    ]);
  });

  it("nothing near: an empty list, never a guess", () => {
    expect(nearMisses("GET", "/favicon.ico", apiCandidates)).toEqual([]);
    expect(nearMisses("GET", "/", apiCandidates)).toEqual([]);
  });
});

describe("fake.requests(query): the journal, queried", () => {
  async function traffic() {
    const context = setup();
    const { verigator, fake, tick } = context;
    await verigator.users.create("s1", { id_in_service: "bob", phone_number: "+4401234567" });
    tick(1000);
    const middle = 1_764_580_801_000;
    await rejection(verigator.users.create("s1", { id_in_service: "bob", phone_number: "+4401234567" })); // 409
    await verigator.services.get("s2");
    await rejection(verigator.users.get("s1", "nobody")); // 404
    tick(1000);
    await rejection(verigator.users.create("s9", { id_in_service: "x", phone_number: "+1" })); // 404
    return { ...context, fake, middle };
  }

  it("by operation, by status and by class, since an instant, the newest few", async () => {
    const { fake, middle } = await traffic();
    expect(fake.requests().length).toBe(5);
    expect(fake.requests({ operation: "createUser" }).map((one) => one.status)).toEqual([201, 409, 404]);
    expect(fake.requests({ operation: "createUser", status: 409 }).map((one) => one.path)).toEqual(["/v1/service/service/s1/users"]);
    expect(fake.requests({ status: "4xx" }).map((one) => [one.operation, one.status])).toEqual([
      ["createUser", 409],
      ["getUser", 404],
      ["createUser", 404],
    ]);
    expect(fake.requests({ since: middle }).map((one) => one.operation)).toEqual(["createUser", "getService", "getUser", "createUser"]);
    expect(fake.requests({ operation: "createUser", since: middle, status: "4xx" }).map((one) => one.status)).toEqual([409, 404]);
    expect(fake.requests({ limit: 2 }).map((one) => one.operation)).toEqual(["getUser", "createUser"]);
  });

  it("a query it cannot read throws QueryError naming the field", () => {
    const { fake } = setup();
    const refused = (query: unknown) => {
      try {
        fake.requests(query as never);
      } catch (error) {
        expect(error).toBeInstanceOf(QueryError);
        expect(error).toBeInstanceOf(TypeError);
        return (error as QueryError).field;
      }
      return "not refused";
    };
    expect(refused({ operation: "createUsr" })).toBe("operation");
    expect(refused({ status: "4yy" })).toBe("status");
    expect(refused({ status: 700 })).toBe("status");
    expect(refused({ since: -1 })).toBe("since");
    expect(refused({ since: "1764580800000" })).toBe("since");
    expect(refused({ limit: 0 })).toBe("limit");
    expect(refused({ operationId: "createUser" })).toBe("operationId");
  });
});

describe("failNext({ where }): a fault aimed at one resource", () => {
  it("fails only that service's next create; others work, and it waits until its request comes", async () => {
    const { fake, verigator } = setup();
    fake.failNext({ operation: "createUser", where: { ServiceId: "s2" }, status: 500 });
    expect(fake.faults).toEqual([{ operation: "createUser", where: { ServiceId: "s2" }, status: 500 }]);
    await verigator.users.create("s1", { id_in_service: "bob", phone_number: "+4401234567" });
    expect(fake.faults).toHaveLength(1);
    await expect(rejection(verigator.users.create("s2", { id_in_service: "bob", phone_number: "+4401234567" }))).resolves.toBeInstanceOf(InternalError);
    expect(fake.faults).toEqual([]);
    await verigator.users.create("s2", { id_in_service: "bob", phone_number: "+4401234567" });
  });

  it("aimed at one user: another user of the same service is served", async () => {
    const { fake, verigator } = setup();
    const other = await verigator.users.create("s1", { id_in_service: "cid", phone_number: "+4401234567" });
    fake.failNext({ operation: "startAuthentication", where: { ServiceId: "s1", UserId: "u1" }, status: 503, retryAfter: 1 });
    expect(await verigator.auth.start("s1", other.id, { method: "sms" })).toEqual({ method: "sms" });
    await expect(rejection(verigator.auth.start("s1", "u1", { method: "sms" }))).resolves.toBeInstanceOf(InternalError);
  });

  it("a fault that never fires stays listed until reset", async () => {
    const { fake, verigator } = setup();
    fake.failNext({ operation: "getService", where: { ServiceId: "never" }, status: 503 });
    await verigator.services.get("s1");
    await verigator.services.get("s2");
    expect(fake.faults.map((one) => one.where)).toEqual([{ ServiceId: "never" }]);
    fake.reset();
    expect(fake.faults).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      "a parameter the operation does not have",
      { operation: "createService", where: { ServiceId: "s1" }, status: 500 },
      /where\.ServiceId is not a path parameter of createService; it has none/,
    ],
    [
      "UserId on a service operation",
      { operation: "getService", where: { UserId: "u1" }, status: 500 },
      /where\.UserId is not a path parameter of getService; it has ServiceId/,
    ],
    ["an empty value", { operation: "getService", where: { ServiceId: "" }, status: 500 }, /where\.ServiceId must be a non-empty string/],
    ["not an object", { operation: "getService", where: "s1", status: 500 }, /where must be an object/],
  ])("refuses %s, naming it", (_, fault, message) => {
    const { fake } = setup();
    expect(() => fake.failNext(fault as Fault)).toThrow(message);
    expect(fake.faults).toEqual([]);
  });
});
