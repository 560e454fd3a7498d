// The fake's control endpoints over a real socket (fake.listen and `verigator fake`): every
// endpoint, 401 without auth, bad bodies, unknown paths and methods, a reset in the middle of
// queued faults — and every answer checked against openapi/fake-control.yaml by Prism's
// validator, so the document other languages generate clients from says what the fake does.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../scripts/lib/document.mjs";
import { run } from "../scripts/lib/run.mjs";
import type { HttpOperation } from "../src/contract/prism.js";
import { loadPrism } from "../src/contract/prism.js";
import type { FakeServer } from "../src/testing/index.js";
import { createFakeVerigator } from "../src/testing/index.js";

const prism = loadPrism();
if (!prism) throw new Error("Prism is a devDependency: npm ci installs it");
const operations = await prism.operations(`${root}openapi/fake-control.yaml`);
const fake = createFakeVerigator({
  username: "user",
  password: "pass",
  nextPin: () => "424242",
  services: [{ id: "svc-1", fqdn: "app.example", name: "App", users: [{ id: "user-1", id_in_service: "ann", phone_number: "+3725555555" }] }],
});
let server: FakeServer;
beforeAll(async () => {
  server = await fake.listen({ port: 0 });
});
afterAll(() => server.close());

const auth = { "x-service-auth": "user:pass" };

/** A control request; its answer is checked against the control document for its operation. */
async function control(method: string, path: string, { body, headers = auth }: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(server.url + path, {
    method,
    headers: { ...headers, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const json = await response.json();
  const pathname = new URL(path, "http://x").pathname;
  const operation = operations.find((one) => one.path === pathname && one.method === method.toLowerCase());
  if (operation) {
    const headersOut: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headersOut[name] = value;
    });
    const problems = prism?.validate(operation as HttpOperation, { statusCode: response.status, headers: headersOut, body: json }) ?? [];
    expect(
      problems.map((one) => one.message),
      `${method} ${path} ${response.status} against fake-control.yaml`,
    ).toEqual([]);
  }
  return { status: response.status, body: json, headers: response.headers };
}

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/v1/service/service${path}`, {
    method,
    headers: { ...auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe.sequential("control endpoints", () => {
  it("the document describes exactly the endpoints the fake serves", () => {
    expect(operations.map((one) => `${one.method.toUpperCase()} ${one.path}`).sort()).toEqual(
      [
        "GET /_fake/messages",
        "GET /_fake/requests",
        "POST /_fake/reset",
        "POST /_fake/fail-next",
        "GET /_fake/fail-next",
        "POST /_fake/advance",
        "POST /_fake/authenticator",
        "GET /_fake/totp",
      ].sort(),
    );
  });

  it("401 without X-Service-Auth or with a wrong one, on every endpoint", async () => {
    for (const operation of operations) {
      for (const headers of [{}, { "x-service-auth": "user:wrong" }] as Record<string, string>[]) {
        const answer = await control(operation.method.toUpperCase(), operation.path, { headers });
        expect(answer, operation.path).toMatchObject({ status: 401, body: { message: "Authentication required" } });
      }
    }
  });

  it("GET /_fake/messages: the SMS sent, all or to one number", async () => {
    await control("POST", "/_fake/reset");
    await api("POST", "/svc-1/users/user-1/auth", { method: "sms" });
    const all = await control("GET", "/_fake/messages");
    expect(all).toMatchObject({
      status: 200,
      body: { messages: [{ serviceId: "svc-1", userId: "user-1", to: "+3725555555", pin: "424242", at: expect.any(Number) }] },
    });
    expect((await control("GET", "/_fake/messages?to=%2B3725555555")).body.messages).toHaveLength(1);
    // Written as people type it: a literal + is the phone number's, not a space.
    expect((await control("GET", "/_fake/messages?to=+3725555555")).body.messages).toHaveLength(1);
    expect((await control("GET", "/_fake/messages?to=%2B1")).body).toEqual({ messages: [] });
  });

  it("GET /_fake/requests: the journal, without control requests and without credentials", async () => {
    await control("POST", "/_fake/reset");
    await api("POST", "/svc-1/users", { id_in_service: "bo", phone_number: "+44" });
    await control("GET", "/_fake/messages");
    const { body } = await control("GET", "/_fake/requests");
    expect(body.requests).toEqual([
      {
        operation: "createUser",
        method: "POST",
        path: "/v1/service/service/svc-1/users",
        params: { ServiceId: "svc-1" },
        body: { id_in_service: "bo", phone_number: "+44" },
        status: 201,
        at: expect.any(Number),
      },
    ]);
    expect(JSON.stringify(body)).not.toContain("user:pass");
  });

  it("POST /_fake/fail-next: queues a fault the document allows; 422 saying why for one it does not", async () => {
    await control("POST", "/_fake/reset");
    expect(await control("POST", "/_fake/fail-next", { body: { operation: "createUser", status: 503, retryAfter: 1 } })).toMatchObject({
      status: 200,
      body: { queued: 1 },
    });
    const failed = await api("POST", "/svc-1/users", { id_in_service: "x", phone_number: "+1" });
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("1");
    for (const [fault, message] of [
      [{ operation: "createService", status: 404 }, /createService does not declare 404; it declares 401, 403, 409, 422, 500, 503/],
      [{ operation: "getService", status: 500, retryAfter: 1 }, /Retry-After only on 503/],
      [{ operation: "noSuchOperation", status: 500 }, /unknown operation noSuchOperation/],
      [{ operation: "getService" }, /give a status, drop or delayMs/],
      [{ operation: "getService", drop: "sometimes" }, /drop is true or "after acting"/],
      [{ operation: "getService", status: "500" }, /getService does not declare 500/],
      [{ operation: "createUser", status: 503, retryAfter: [1] }, /retryAfter is a number of seconds or an HTTP date/],
      [{ operation: "getService", status: 500, colour: "red" }, /colour is not a field of a fault/],
      ["not json", /the body is not JSON/],
      [[1, 2], /the body must be a JSON object/],
    ] as const) {
      const answer = await control("POST", "/_fake/fail-next", { body: fault });
      expect(answer.status, JSON.stringify(fault)).toBe(422);
      expect(answer.body.message).toMatch(message);
    }
  });

  it("POST /_fake/reset in the middle of queued faults: they are gone, the preloaded service is back", async () => {
    await control("POST", "/_fake/fail-next", { body: { operation: "getService", status: 500 } });
    await control("POST", "/_fake/fail-next", { body: { operation: "getService", drop: true } });
    expect((await api("GET", "/svc-1")).status).toBe(500);
    await api("DELETE", "/svc-1/users/user-1");
    expect(await control("POST", "/_fake/reset")).toMatchObject({ status: 200, body: { reset: true } });
    // The dropped fault would have closed the connection: it was cleared with the rest.
    const after = await api("GET", "/svc-1");
    expect(after.status).toBe(200);
    expect((await (await api("GET", "/svc-1/users/user-1")).json()).id_in_service).toBe("ann");
    expect((await control("GET", "/_fake/requests")).body.requests).toHaveLength(2);
  });

  it("POST /_fake/advance moves the clock: a PIN expires; bad bodies get 422", async () => {
    await control("POST", "/_fake/reset");
    await api("POST", "/svc-1/users/user-1/auth", { method: "sms" });
    const moved = await control("POST", "/_fake/advance", { body: { ms: 5 * 60_000 } });
    expect(moved).toMatchObject({ status: 200, body: { now: expect.any(Number) } });
    const verify = await (await api("PUT", "/svc-1/users/user-1/auth", { token: "424242" })).json();
    expect(verify).toMatchObject({ verified: false, status: { expired: true } });
    for (const body of [{ ms: -1 }, { ms: "10" }, {}]) expect((await control("POST", "/_fake/advance", { body })).status).toBe(422);
  });

  it("POST /_fake/authenticator and GET /_fake/totp: an app for the user, its code verifies a totp start", async () => {
    await control("POST", "/_fake/reset");
    expect((await control("GET", "/_fake/totp?serviceId=svc-1&userId=user-1")).status).toBe(409);
    const { status, body } = await control("POST", "/_fake/authenticator", { body: { serviceId: "svc-1", userId: "user-1" } });
    expect(status).toBe(200);
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await (await api("POST", "/svc-1/users/user-1/auth", { method: "totp" })).json()).toEqual({ method: "totp" });
    const { body: totp } = await control("GET", "/_fake/totp?serviceId=svc-1&userId=user-1");
    expect(totp.code).toMatch(/^\d{6}$/);
    expect(await (await api("PUT", "/svc-1/users/user-1/auth", { token: totp.code })).json()).toMatchObject({ verified: true, method: "totp" });
    expect((await control("POST", "/_fake/authenticator", { body: { serviceId: "svc-1", userId: "nobody" } })).status).toBe(404);
    expect((await control("POST", "/_fake/authenticator", { body: { serviceId: "svc-1" } })).status).toBe(422);
    expect((await control("GET", "/_fake/totp?serviceId=svc-1")).status).toBe(422);
  });

  it("unknown control paths answer 404, another method on a known one 405 with Allow; both with their near misses", async () => {
    expect(await control("GET", "/_fake/nothing")).toMatchObject({ status: 404, body: { message: expect.stringContaining("/_fake/nothing"), nearMisses: [] } });
    const wrong = await control("DELETE", "/_fake/reset");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect(wrong.body.nearMisses[0]).toBe("POST /_fake/reset: the method");
    expect((await control("GET", "/_fake/request")).body.nearMisses[0]).toBe("GET /_fake/requests: the path has request, not requests");
  });

  it("an API request that matches no route: the API's error body with nearMisses, as the document declares them", async () => {
    const response = await api("POST", "/svc-1/user", { id_in_service: "x", phone_number: "+1" });
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body).toEqual({
      message: "Not found",
      nearMisses: expect.arrayContaining(["POST /v1/service/service/{ServiceId}/users: the path has user, not users"]),
    });
    // The API document's Error declares the field: checked with Prism's validator, as a declared 404 of createUser.
    const apiOperations = await prism!.operations(`${root}openapi/verigator.yaml`);
    const createUser = apiOperations.find((one) => one.iid === "createUser") as HttpOperation;
    expect(prism!.validate(createUser, { statusCode: 404, headers: { "content-type": "application/json" }, body })).toEqual([]);
    expect(prism!.validate(createUser, { statusCode: 404, headers: { "content-type": "application/json" }, body: { ...body, nearMisses: [1] } })).not.toEqual(
      [],
    );
  });

  it("GET /_fake/requests?…: queried by operation, status (or class), since and limit; 422 naming what it cannot read", async () => {
    await control("POST", "/_fake/reset");
    const before = Date.now();
    await api("POST", "/svc-1/users", { id_in_service: "q1", phone_number: "+44" });
    await api("POST", "/svc-1/users", { id_in_service: "q1", phone_number: "+44" }); // 409
    await api("GET", "/svc-1");
    await api("GET", "/svc-9");
    const query = async (search: string) => (await control("GET", `/_fake/requests?${search}`)).body.requests.map((one: { status: number }) => one.status);
    expect(await query("operation=createUser")).toEqual([201, 409]);
    expect(await query("operation=createUser&status=409")).toEqual([409]);
    expect(await query("status=4xx")).toEqual([409, 404]);
    expect(await query("status=4XX&operation=getService")).toEqual([404]);
    expect(await query(`since=${before}&limit=2`)).toEqual([200, 404]);
    expect(await query(`since=${Date.now() + 60_000}`)).toEqual([]);
    for (const [search, field] of [
      ["operation=createUsr", "operation"],
      ["status=4yy", "status"],
      ["status=99", "status"],
      ["since=yesterday", "since"],
      ["limit=0", "limit"],
      ["operationId=createUser", "operationId"],
      ["status=409&status=404", "status"],
    ]) {
      const answer = await control("GET", `/_fake/requests?${search}`);
      expect(answer.status, search).toBe(422);
      expect(answer.body.message, search).toMatch(new RegExp(`^${field}: `));
    }
  });

  it("POST /_fake/fail-next with where: only that service's request fails; GET /_fake/fail-next lists what waits, until reset", async () => {
    await control("POST", "/_fake/reset");
    const aimed = { operation: "createUser", where: { ServiceId: "svc-9" }, status: 503, retryAfter: 1 };
    expect((await control("POST", "/_fake/fail-next", { body: aimed })).body).toEqual({ queued: 1 });
    expect((await api("POST", "/svc-1/users", { id_in_service: "w1", phone_number: "+44" })).status).toBe(201);
    expect((await control("GET", "/_fake/fail-next")).body).toEqual({ faults: [aimed] });
    const refused = await control("POST", "/_fake/fail-next", { body: { operation: "getService", where: { UserId: "user-1" }, status: 500 } });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/where\.UserId is not a path parameter of getService/);
    await control("POST", "/_fake/reset");
    expect((await control("GET", "/_fake/fail-next")).body).toEqual({ faults: [] });
  });

  it("answers CORS preflights from loopback pages (the docs' Try it), and none from elsewhere", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/service/service/svc-1/users`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "x-service-auth,content-type" },
      });
    const local = await preflight("http://127.0.0.1:4011");
    expect(local.status).toBe(204);
    expect(local.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:4011");
    expect(local.headers.get("access-control-allow-headers")).toMatch(/X-Service-Auth/i);
    expect(local.headers.get("access-control-allow-methods")).toContain("POST");
    const foreign = await preflight("https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const answer = await fetch(`${server.url}/v1/service/service/svc-1`, { headers: { ...auth, origin: "http://localhost:4011" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://localhost:4011");
    const elsewhere = await fetch(`${server.url}/v1/service/service/svc-1`, { headers: { ...auth, origin: "https://evil.example" } });
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("verigator fake --services FILE", () => {
  const dir = join(tmpdir(), `verigator-services-${process.pid}`);
  const write = (name: string, content: unknown) => {
    const file = `${dir}-${name}.json`;
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };

  it.each([
    [
      "a phone number without +",
      [{ id: "s", fqdn: "a", name: "A", users: [{ id: "u", id_in_service: "ann", phone_number: "3725555555" }] }],
      "services[0].users[0].phone_number must match",
    ],
    [
      "a duplicate id",
      [
        { id: "s", fqdn: "a", name: "A" },
        { id: "s", fqdn: "b", name: "B" },
      ],
      'services[1].id "s" is used twice',
    ],
    ["not JSON", "[{", "is not JSON"],
  ])("refuses a file with %s: exit 2, naming the entry and field", async (_, content, message) => {
    const file = write(String(_).replace(/\W+/g, "-"), content);
    const { code, output } = await run("node", ["bin/verigator.mjs", "fake", "--port", "0", "--services", file]);
    expect(output).toContain(`--services ${file}`);
    expect(output).toContain(message);
    expect(code).toBe(2);
  });

  it("refuses a file that does not exist", async () => {
    const { code, output } = await run("node", ["bin/verigator.mjs", "fake", "--services", `${dir}-missing.json`]);
    expect(output).toContain("cannot be read: ENOENT");
    expect(code).toBe(2);
  });
});

describe("verigator fake prints each SMS, also after a reset", () => {
  it("prints the PIN of an SMS sent after POST /_fake/reset", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["bin/verigator.mjs", "fake", "--port", "0", "--pin", "135790"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    try {
      await expect.poll(() => /at (http:\/\/127\.0\.0\.1:\d+);/.exec(log)?.[1], { timeout: 10_000 }).toBeDefined();
      const url = /at (http:\/\/127\.0\.0\.1:\d+);/.exec(log)?.[1] ?? "";
      const post = (path: string, body?: unknown) =>
        fetch(url + path, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const service = await (await post("/v1/service/service", { fqdn: "a.example", name: "A" })).json();
      const first = await (await post(`/v1/service/service/${service.id}/users`, { id_in_service: "a", phone_number: "+111" })).json();
      await post(`/v1/service/service/${service.id}/users/${first.id}/auth`, { method: "sms" });
      await expect.poll(() => log, { timeout: 5_000 }).toContain("SMS to +111: your PIN is 135790");
      await post("/_fake/reset");
      const again = await (await post("/v1/service/service", { fqdn: "a.example", name: "A" })).json();
      const second = await (await post(`/v1/service/service/${again.id}/users`, { id_in_service: "b", phone_number: "+222" })).json();
      await post(`/v1/service/service/${again.id}/users/${second.id}/auth`, { method: "sms" });
      await expect.poll(() => log, { timeout: 5_000 }).toContain("SMS to +222: your PIN is 135790");
    } finally {
      child.kill("SIGTERM");
    }
  });
});
