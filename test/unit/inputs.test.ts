// What createVerigator and the methods refuse before any request, and how path parameters
// are kept inside their segment.
import { afterEach, describe, expect, it } from "vitest";
import { createVerigator, InvalidDataError, VerigatorError } from "../../src/index.js";
import { service } from "../support/fault-server.js";
import { client, recordingFetch, rejection } from "../support/helpers.js";

// An injected fetch in place of a server: what it records is what would have been sent.
const server = { ...recordingFetch(200, service), url: "http://127.0.0.1:4010" };
afterEach(() => void server.seen.splice(0));
const serverClient = () => client({ baseUrl: server.url, fetch: server.fetch, maxRetries: 0 });

describe("baseUrl", () => {
  it.each(["https://api.verigator.com", "https://staging.example.org/verigator/", "http://127.0.0.1:4010", "http://localhost:8080", "http://[::1]:4010"])(
    "accepts %s",
    (baseUrl) => {
      expect(() => client({ baseUrl })).not.toThrow();
    },
  );

  it.each([
    ["http://api.verigator.com", /must use https:/],
    ["http://10.0.0.5:4010", /must use https:/],
    ["http://127.0.0.1.nip.io", /must use https:/],
    ["ftp://127.0.0.1", /must use https:/],
    ["not a url", /not a URL/],
    ["https://api.verigator.com/?debug=1", /query or a fragment/],
    ["https://user:pw@api.verigator.com", /must not contain credentials/],
  ])("refuses %s", (baseUrl, message) => {
    expect(() => client({ baseUrl })).toThrow(message);
    expect(() => client({ baseUrl })).toThrow(VerigatorError);
  });

  it("defaults to https://api.verigator.com", async () => {
    const urls: string[] = [];
    const verigator = createVerigator({
      username: "u",
      password: "p",
      fetch: async (input) => {
        urls.push(input);
        return new Response(JSON.stringify(service), { headers: { "content-type": "application/json" } });
      },
    });
    await verigator.services.get("s");
    expect(urls).toEqual(["https://api.verigator.com/v1/service/service/s"]);
  });
});

describe("credentials", () => {
  it.each([
    [{ username: "u" }, /both be non-empty/],
    [{ username: "", password: "p" }, /both be non-empty/],
    [{ username: "a:b", password: "p" }, /must not contain ':'/],
    [{ username: "u", password: "p\r\nX-Evil: 1" }, /line breaks/],
    [{ username: "u", password: "пароль" }, /printable Latin-1/],
  ])("refuses %j", (options, message) => {
    expect(() => createVerigator(options)).toThrow(message);
  });

  it("sends X-Service-Auth as username:password, Accept and Content-Type", async () => {
    await serverClient()
      .users.create("s", { id_in_service: "a", phone_number: "+4401234567" })
      .catch(() => {});
    expect(server.seen[0]?.headers).toMatchObject({
      "x-service-auth": "u:p",
      accept: "application/json",
      "content-type": "application/json",
    });
  });

  it("without credentials sends no X-Service-Auth (a backend adds it)", async () => {
    await createVerigator({ baseUrl: server.url, fetch: server.fetch }).services.get("s");
    expect(server.seen[0]?.headers["x-service-auth"]).toBeUndefined();
  });

  it("extra headers from the client and the call are sent", async () => {
    const verigator = createVerigator({ baseUrl: server.url, fetch: server.fetch, headers: { "X-Trace": "a" } });
    await verigator.services.get("s", { headers: { "X-Call": "b" } });
    expect(server.seen[0]?.headers).toMatchObject({ "x-trace": "a", "x-call": "b" });
  });
});

describe("browser guard", () => {
  const navigator = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
    if (navigator) Object.defineProperty(globalThis, "navigator", navigator);
    else delete (globalThis as { navigator?: unknown }).navigator;
  });

  it("refuses a password in a browser-like runtime unless dangerouslyAllowBrowser", () => {
    Object.assign(globalThis, { window: { document: {} } });
    Object.defineProperty(globalThis, "navigator", { value: { userAgent: "test" }, configurable: true, writable: true });
    expect(() => client()).toThrow(/your own backend/);
    expect(() => client({ dangerouslyAllowBrowser: true })).not.toThrow();
    expect(() => createVerigator({ baseUrl: "https://my-backend.example/verigator" })).not.toThrow();
  });
});

describe("arguments checked before sending", () => {
  it.each([
    ["an empty service id", () => serverClient().services.get(""), "ServiceId", /must not be empty/],
    ["a '..' user id", () => serverClient().users.get("s", ".."), "UserId", /'\.' or '\.\.'/],
    ["a number as id", () => serverClient().services.get(42 as unknown as string), "ServiceId", /must be a string/],
    ["a lone surrogate", () => serverClient().services.get("a\uD800"), "ServiceId", /well-formed/],
    ["a phone number without +", () => serverClient().users.create("s", { id_in_service: "a", phone_number: "4401234567" }), "phone_number", /must match/],
    ["a missing phone number", () => serverClient().users.create("s", { id_in_service: "a" } as never), "phone_number", /is required/],
    [
      "an empty id_in_service",
      () => serverClient().users.create("s", { id_in_service: "", phone_number: "+4401234567" }),
      "id_in_service",
      /must not be empty/,
    ],
    [
      "an extra field",
      () => serverClient().users.create("s", { id_in_service: "a", phone_number: "+4401234567", admin: true } as never),
      "admin",
      /not a known field/,
    ],
    ["an unknown auth method", () => serverClient().auth.start("s", "u", { method: "email" as "sms" }), "method", /one of sms, totp/],
    ["a body that is not an object", () => serverClient().auth.verify("s", "u", null as never), "body", /must be an object, not null/],
    ["a negative timeout", () => serverClient().services.get("s", { timeoutMs: -1 }), undefined, /timeoutMs must be a number from 1 to 2147483647, got -1/],
    ["a zero timeout", () => serverClient().services.get("s", { timeoutMs: 0 }), undefined, /timeoutMs must be a number from 1/],
    [
      "a timeout past what timers can wait",
      () => serverClient().services.get("s", { timeoutMs: 2 ** 31 }),
      undefined,
      /timeoutMs must be a number from 1 to 2147483647, got 2147483648/,
    ],
    [
      "a header value that is not bytes",
      () => serverClient().services.get("s", { headers: { "X-Note": "✓" } }),
      "X-Note",
      /header X-Note must be Latin-1 text/,
    ],
    [
      "a NaN retry count",
      () => serverClient().services.get("s", { maxRetries: Number.NaN }),
      undefined,
      /maxRetries must be a number from 0 to 9007199254740991, got NaN/,
    ],
  ])("%s is refused with InvalidDataError naming the field", async (_, call, field, message) => {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(VerigatorError);
    if (field) expect(error).toBeInstanceOf(InvalidDataError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(message);
    expect(server.seen).toHaveLength(0);
  });
});

describe("path parameters stay in their segment", () => {
  it.each([
    ["../../admin", "..%2F..%2Fadmin"],
    ["a/b", "a%2Fb"],
    ["x?y#z", "x%3Fy%23z"],
    ["line\r\nX-Evil: 1", "line%0D%0AX-Evil%3A%201"],
    ["%2e%2e", "%252e%252e"],
    ["ü ✓", "%C3%BC%20%E2%9C%93"],
  ])("%j is sent as one encoded segment", async (serviceId, encoded) => {
    await serverClient().services.get(serviceId);
    expect(server.seen.map((request) => request.url)).toEqual([`/v1/service/service/${encoded}`]);
  });
});
