// What Messente's official SDKs send and read, against the mock: plain fetch with exactly the
// method, path, Accept, Content-Type and body that verigator-python 1.0.4 and verigator-java
// 1.1 send, asserting the status and body each SDK needs to succeed — and the same through
// this client.
import { describe, expect, inject, it } from "vitest";
import { createVerigator, InternalError } from "../src/index.js";
import { createRawClient } from "../src/raw.js";
import { credentials, mockClient, prefer } from "./support/client.js";
import { documentedOperations } from "./support/document.js";

const serviceId = "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d";
const userId = "81213bfd-b690-499e-b9d2-8754cb1550e8";
const auth = { "X-Service-Auth": "user:pass" };
const json = { "Content-Type": "application/json", Accept: "application/json" };

// Python sends `Accept: */*` on GET and DELETE; Java sends `Accept: application/json` always.
const sdks = {
  python: (method: string) => (method === "GET" || method === "DELETE" ? { Accept: "*/*" } : json),
  java: (method: string) => (method === "GET" || method === "DELETE" ? { Accept: "application/json" } : json),
};

const requests: Record<string, { method: string; path: string; body?: unknown; status: number }> = {
  createService: { method: "POST", path: "", body: { fqdn: "example.com", name: "My service" }, status: 201 },
  getService: { method: "GET", path: `/${serviceId}`, status: 200 },
  deleteService: { method: "DELETE", path: `/${serviceId}`, status: 202 },
  listUsers: { method: "GET", path: `/${serviceId}/users`, status: 200 },
  getUser: { method: "GET", path: `/${serviceId}/users/${userId}`, status: 200 },
  createUser: { method: "POST", path: `/${serviceId}/users`, body: { phone_number: "+3725555555", id_in_service: "youremail@example.com" }, status: 201 },
  deleteUser: { method: "DELETE", path: `/${serviceId}/users/${userId}`, status: 202 },
  startAuthentication: { method: "POST", path: `/${serviceId}/users/${userId}/auth`, body: { method: "sms" }, status: 200 },
  verifyPin: { method: "PUT", path: `/${serviceId}/users/${userId}/auth`, body: { token: "123456" }, status: 200 },
};

function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  return fetch(`${inject("mockUrl")}/v1/service/service${path}`, { method, headers: { ...auth, ...headers }, body });
}

describe("every operation answers what each SDK needs: the documented status and a JSON body", () => {
  it("covers the nine operations", () => {
    expect(Object.keys(requests).sort()).toEqual(documentedOperations.map((operation) => operation.operationId).sort());
  });

  const cases = Object.entries(requests).flatMap(([operationId, request]) => (["python", "java"] as const).map((sdk) => [operationId, sdk, request] as const));
  it.each(cases)("%s as the %s SDK sends it", async (_, sdk, request) => {
    const answer = await send(request.method, request.path, sdks[sdk](request.method), request.body === undefined ? undefined : JSON.stringify(request.body));
    expect(answer.status).toBe(request.status);
    // The Python SDK parses every answer as JSON before it looks at the status: deletes included.
    const text = await answer.text();
    expect(() => JSON.parse(text)).not.toThrow();
  });
});

describe("deletes", () => {
  it("the mock answers 202 with {} and the client resolves", async () => {
    const answer = await send("DELETE", `/${serviceId}/users/${userId}`, { Accept: "*/*" });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({});
    await expect(mockClient().users.delete(serviceId, userId)).resolves.toBeUndefined();
    await expect(mockClient().services.delete(serviceId)).resolves.toBeUndefined();
  });
});

describe("verify PIN with method and token, as Messente's page shows it", () => {
  it("plain fetch gets 200", async () => {
    const answer = await send("PUT", `/${serviceId}/users/${userId}/auth`, json, JSON.stringify({ method: "totp", token: "123456" }));
    expect(answer.status).toBe(200);
  });

  it("the client sends it, typed", async () => {
    await expect(mockClient().auth.verify(serviceId, userId, { method: "totp", token: "123456" })).resolves.toEqual({ verified: true });
  });
});

describe("answer fields seen in the wild are declared and typed", () => {
  const raw = () => createRawClient({ ...credentials, baseUrl: inject("mockUrl"), maxRetries: 0 });

  it("count and total beside users", async () => {
    const { data } = await raw().GET("/v1/service/service/{ServiceId}/users", {
      params: { path: { ServiceId: serviceId } },
      headers: prefer(200, "withCounts").headers,
    });
    const count: number | undefined = data?.count;
    const total: number | undefined = data?.total;
    expect([count, total]).toEqual([1, 1]);
    await expect(mockClient().users.list(serviceId, prefer(200, "withCounts"))).resolves.toHaveLength(1);
  });

  it("auth_id in the start answer", async () => {
    const started = await mockClient().auth.start(serviceId, userId, { method: "sms" }, prefer(200, "withAuthId"));
    const authId: string | null | undefined = started.auth_id;
    expect(authId).toBeNull();
  });

  it("method in the verify answer", async () => {
    const verified = await mockClient().auth.verify(serviceId, userId, { token: "123456" }, prefer(200, "verifiedWithMethod"));
    const method: "sms" | "totp" | undefined = verified.method;
    expect(method).toBe("sms");
  });
});

describe("5xx can be tested against the mock", () => {
  it.each([500, 503])("Prefer: code=%i answers the documented Error body; the client rejects with InternalError", async (status) => {
    const answer = await send("GET", `/${serviceId}`, { Accept: "application/json", Prefer: `code=${status}` });
    expect(answer.status).toBe(status);
    expect(await answer.json()).toEqual({ message: expect.any(String) });
    if (status === 503) expect(answer.headers.get("retry-after")).toBe("1");
    const error = await mockClient()
      .services.get(serviceId, prefer(status))
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({ status });
  });
});

describe("CONTRIBUTING.md's advice holds: Prefer: code=503 tests InternalError handling in seconds", () => {
  it("a default client (2 retries) honours Retry-After: 1 and rejects with InternalError within 5 s", async () => {
    const started = Date.now();
    const error = await createVerigator({ ...credentials, baseUrl: inject("mockUrl") })
      .services.get(serviceId, prefer(503))
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(InternalError);
    // Two waits of at least Retry-After's 1 s: the retries really happened.
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe("the mock never answers a status the document does not declare for the operation", () => {
  it("unparsable JSON gets the documented 422 and Error body, not Prism's 400", async () => {
    const answer = await send("POST", `/${serviceId}/users`, json, '{"id_in_service": "a", ');
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ message: "Invalid data" });
  });

  it("an Accept the mock could not serve still gets JSON (the document: answer JSON whatever Accept says)", async () => {
    for (const accept of ["*/*", "text/html", "application/*"]) {
      const answer = await send("GET", `/${serviceId}`, { Accept: accept });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/application\/json/);
    }
  });

  it("a Prefer code the operation does not declare gets a declared 500 with the Error body", async () => {
    const answer = await send("POST", "", { ...json, Prefer: "code=404" }, JSON.stringify(requests.createService?.body));
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ message: expect.stringContaining("does not declare") });
  });

  it("an unknown path gets 404 with the Error body", async () => {
    const answer = await send("GET", `/${serviceId}/nothing/here`, { Accept: "application/json" });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ message: "Not found" });
  });
});

describe("phone numbers: the client is no stricter than the document", () => {
  it.each(["+4401234567", "+3725555555", "+0123", "+1"])("%s is sent and accepted", async (phone) => {
    await expect(mockClient().users.create(serviceId, { id_in_service: "a", phone_number: phone })).resolves.toMatchObject({ id: userId });
  });
});
