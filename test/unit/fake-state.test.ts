// verigator/testing for tests in any language: services preloaded at fixed ids, the request
// journal, and reset — through fake.fetch, no server. Over HTTP: test/fake-control.test.ts.
import { describe, expect, it } from "vitest";
import { createVerigator, NoSuchResourceError, ResourceAlreadyExistsError } from "../../src/index.js";
import type { PreloadedService } from "../../src/testing/index.js";
import { createFakeVerigator } from "../../src/testing/index.js";
import { rejection } from "../support/helpers.js";

const services: PreloadedService[] = [
  {
    id: "svc-1",
    fqdn: "app.example",
    name: "App",
    users: [
      { id: "user-1", id_in_service: "ann", phone_number: "+3725555555" },
      { id: "user-2", id_in_service: "bob", phone_number: "+4401234567" },
    ],
  },
  { id: "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", fqdn: "other.example", name: "Other" },
];

function preloaded(extra: Partial<Parameters<typeof createFakeVerigator>[0]> = {}) {
  let clock = 1_764_580_800_000;
  const fake = createFakeVerigator({ username: "u", password: "p", services, now: () => clock, ...extra });
  const verigator = createVerigator({ username: "u", password: "p", fetch: fake.fetch, maxRetries: 0 });
  return { fake, verigator, tick: (ms: number) => (clock += ms) };
}

describe("preloaded services", () => {
  it("are there at their fixed ids (not UUIDs), with their users", async () => {
    const { verigator } = preloaded();
    expect(await verigator.services.get("svc-1")).toEqual({ id: "svc-1", name: "App", ctime: "2025-12-01T09:20:00.000Z" });
    expect((await verigator.users.list("svc-1")).map((user) => [user.id, user.id_in_service])).toEqual([
      ["user-1", "ann"],
      ["user-2", "bob"],
    ]);
    expect(await verigator.users.list("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d")).toEqual([]);
  });

  it("follow the same rules as created ones: 409 for a taken fqdn or id_in_service; SMS to their phone", async () => {
    const { fake, verigator } = preloaded();
    await expect(rejection(verigator.services.create({ fqdn: "app.example", name: "Again" }))).resolves.toBeInstanceOf(ResourceAlreadyExistsError);
    await expect(rejection(verigator.users.create("svc-1", { id_in_service: "ann", phone_number: "+1" }))).resolves.toBeInstanceOf(ResourceAlreadyExistsError);
    await verigator.auth.start("svc-1", "user-2", { method: "sms" });
    expect(fake.messages).toEqual([expect.objectContaining({ serviceId: "svc-1", userId: "user-2", to: "+4401234567" })]);
    expect(await verigator.auth.verify("svc-1", "user-2", { token: fake.lastPin("svc-1", "user-2")! })).toMatchObject({ verified: true });
  });

  it.each([
    ["not an array", {}, /^services must be an array/],
    ["an entry that is not an object", [1], /^services\[0\] must be an object$/],
    ["a service without an id", [{ fqdn: "a", name: "A" }], /^services\[0\]\.id must be a non-empty string$/],
    ["an id with a slash", [{ id: "a/b", fqdn: "a", name: "A" }], /^services\[0\]\.id "a\/b" cannot be a path segment/],
    ["an empty name", [{ id: "s", fqdn: "a", name: "" }], /^services\[0\]\.name must not be empty$/],
    ["a misspelt field", [{ id: "s", fqdn: "a", nmae: "A" }], /^services\[0\]\.(name is required|nmae is not a known field)$/],
    [
      "two services with one id",
      [
        { id: "s", fqdn: "a", name: "A" },
        { id: "s", fqdn: "b", name: "B" },
      ],
      /^services\[1\]\.id "s" is used twice$/,
    ],
    [
      "two services with one fqdn",
      [
        { id: "s", fqdn: "a", name: "A" },
        { id: "t", fqdn: "a", name: "B" },
      ],
      /^services\[1\]\.fqdn "a" is already taken/,
    ],
    ["users that are not an array", [{ id: "s", fqdn: "a", name: "A", users: {} }], /^services\[0\]\.users must be an array$/],
    [
      "a phone number without +",
      [
        {
          id: "s",
          fqdn: "a",
          name: "A",
          users: [
            { id: "u1", id_in_service: "ann", phone_number: "+1" },
            { id: "u2", id_in_service: "bob", phone_number: "3725555555" },
          ],
        },
      ],
      /^services\[0\]\.users\[1\]\.phone_number must match \^\\\+\[0-9\]\+\$$/,
    ],
    [
      "a user without id_in_service",
      [{ id: "s", fqdn: "a", name: "A", users: [{ id: "u", phone_number: "+1" }] }],
      /^services\[0\]\.users\[0\]\.id_in_service is required$/,
    ],
    [
      "two users with one id_in_service",
      [
        {
          id: "s",
          fqdn: "a",
          name: "A",
          users: [
            { id: "u1", id_in_service: "ann", phone_number: "+1" },
            { id: "u2", id_in_service: "ann", phone_number: "+2" },
          ],
        },
      ],
      /^services\[0\]\.users\[1\]\.id_in_service "ann" is already a user of services\[0\]$/,
    ],
  ])("%s is refused, naming the entry and field, and nothing is loaded", (_, given, message) => {
    expect(() => createFakeVerigator({ username: "u", password: "p", services: given as PreloadedService[] })).toThrow(message);
  });
});

describe("the request journal: fake.requests", () => {
  it("records every API request answered, oldest first: operation, params, parsed body, status, time; no headers", async () => {
    const { fake, verigator, tick } = preloaded();
    await verigator.users.create("svc-1", { id_in_service: "cy", phone_number: "+3" });
    tick(1000);
    await rejection(verigator.users.get("svc-1", "nobody"));
    await rejection(createVerigator({ username: "u", password: "wrong", fetch: fake.fetch, maxRetries: 0 }).services.get("svc-1"));
    await fake.fetch("https://api.verigator.com/v1/service/service/svc-1/users", {
      method: "POST",
      headers: { "x-service-auth": "u:p", "content-type": "application/json" },
      body: "{not json",
    });
    await fake.fetch("https://api.verigator.com/v2/nothing", { headers: { "x-service-auth": "u:p" } });
    await fake.fetch("https://api.verigator.com/v1/service/service/svc-1", { method: "PATCH", headers: { "x-service-auth": "u:p" } });
    expect(fake.requests()).toEqual([
      {
        operation: "createUser",
        method: "POST",
        path: "/v1/service/service/svc-1/users",
        params: { ServiceId: "svc-1" },
        body: { id_in_service: "cy", phone_number: "+3" },
        status: 201,
        at: 1_764_580_800_000,
      },
      {
        operation: "getUser",
        method: "GET",
        path: "/v1/service/service/svc-1/users/nobody",
        params: { ServiceId: "svc-1", UserId: "nobody" },
        body: undefined,
        status: 404,
        at: 1_764_580_801_000,
      },
      {
        operation: "getService",
        method: "GET",
        path: "/v1/service/service/svc-1",
        params: { ServiceId: "svc-1" },
        body: undefined,
        status: 401,
        at: 1_764_580_801_000,
      },
      {
        operation: "createUser",
        method: "POST",
        path: "/v1/service/service/svc-1/users",
        params: { ServiceId: "svc-1" },
        body: undefined,
        status: 422,
        at: 1_764_580_801_000,
      },
      { operation: undefined, method: "GET", path: "/v2/nothing", params: {}, body: undefined, status: 404, at: 1_764_580_801_000 },
      { operation: undefined, method: "PATCH", path: "/v1/service/service/svc-1", params: {}, body: undefined, status: 405, at: 1_764_580_801_000 },
    ]);
    expect(JSON.stringify(fake.requests())).not.toContain("u:p");
  });

  it("a dropped request is recorded with no status; a faulted one with the status it got", async () => {
    const { fake, verigator } = preloaded();
    fake.failNext({ operation: "getService", drop: true });
    fake.failNext({ operation: "getService", status: 503, retryAfter: 1 });
    await rejection(verigator.services.get("svc-1"));
    await rejection(verigator.services.get("svc-1"));
    expect(fake.requests().map((entry) => entry.status)).toEqual([undefined, 503]);
  });
});

describe("fake.reset()", () => {
  it("returns the fake to its start: preloaded back as loaded, everything else gone", async () => {
    const { fake, verigator } = preloaded();
    const made = await verigator.services.create({ fqdn: "new.example", name: "New" });
    await verigator.users.delete("svc-1", "user-1");
    await verigator.users.create("svc-1", { id_in_service: "dee", phone_number: "+4" });
    await verigator.auth.start("svc-1", "user-2", { method: "sms" });
    fake.addAuthenticator("svc-1", "user-2");
    fake.advance(60_000);
    fake.failNext({ operation: "getService", status: 500 });
    fake.failNext({ operation: "listUsers", drop: true });

    fake.reset();

    expect(fake.messages).toEqual([]);
    expect(fake.requests()).toEqual([]);
    await expect(rejection(verigator.services.get(made.id))).resolves.toBeInstanceOf(NoSuchResourceError);
    // The queued faults are gone: these are answered normally.
    expect((await verigator.services.get("svc-1")).ctime).toBe("2025-12-01T09:20:00.000Z");
    expect((await verigator.users.list("svc-1")).map((user) => user.id_in_service)).toEqual(["ann", "bob"]);
    // The PIN sent before is no longer pending; the authenticator is gone (totp falls back to sms).
    expect(await verigator.auth.verify("svc-1", "user-2", { token: "000000" })).toMatchObject({ verified: false });
    expect(() => fake.totp("svc-1", "user-2")).toThrow(/has no authenticator/);
    expect(await verigator.auth.start("svc-1", "user-2", { method: "totp" })).toEqual({ method: "sms" });
    // The clock offset is gone: a new user's ctime is the base clock's.
    expect((await verigator.users.create("svc-1", { id_in_service: "eve", phone_number: "+5" })).ctime).toBe("2025-12-01T09:20:00.000Z");
    expect(fake.requests().map((entry) => entry.operation)).toEqual([
      "getService",
      "getService",
      "listUsers",
      "verifyPin",
      "startAuthentication",
      "createUser",
    ]);
  });
});
