// Redaction as plain functions: every encoding an echo may use, values and keys, headers, causes.
import { describe, expect, it } from "vitest";
import {
  createCredentialRedactor,
  createRedactor,
  maxDepth,
  passwordRedactedEverywhereFrom,
  redactCause,
  redactHeaders,
  redactValue,
} from "../../src/redact.js";

const secret = 'pw-Sekret/9f&3"b<c';
const redact = createRedactor([`u:${secret}`, secret]);
const hidden = (text: string) => !redact(text).includes("Sekret") && redact(text).includes("[redacted]");

describe("createRedactor", () => {
  const utf8 = new TextEncoder().encode(secret);
  it.each([
    ["as is", secret],
    ["JSON-escaped", JSON.stringify(secret)],
    ["\\u-escaped, either case", [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`).join("")],
    ["percent-encoded", encodeURIComponent(secret)],
    ["percent-encoded with + for a space", encodeURIComponent(`a ${secret}`).replace(/%20/g, "+")],
    ["HTML named entities", secret.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")],
    ["HTML numeric entities", [...secret].map((c) => `&#${c.charCodeAt(0)};`).join("")],
    ["HTML hex entities", [...secret].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join("")],
    ["base64", btoa(String.fromCharCode(...utf8))],
    ["base64 at offset 1", btoa(`x${secret}`)],
    ["base64 at offset 2", btoa(`xy${secret}`)],
    ["base64url", btoa(`xy${secret}`).replace(/\+/g, "-").replace(/\//g, "_")],
    ["Basic auth", btoa(`u:${secret}`)],
  ])("hides the password %s", (_, text) => {
    expect(hidden(`before ${text} after`)).toBe(true);
  });

  it("leaves other text alone, and with no secrets is the identity", () => {
    expect(redact("nothing to see")).toBe("nothing to see");
    expect(createRedactor([])("pw-Sekret")).toBe("pw-Sekret");
  });
});

describe("values, headers, causes", () => {
  it("redactValue walks values and keys, keeps __proto__ a plain key", () => {
    const value = JSON.parse(`{"message":"bad ${secret.replace(/"/g, '\\"')}","${"__proto__"}":{"a":1},"list":["${encodeURIComponent(secret)}"]}`);
    const copy = redactValue({ ...value, [secret]: 1 }, redact) as Record<string, unknown>;
    expect(JSON.stringify(copy)).not.toContain("Sekret");
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it(`refuses values nested deeper than ${maxDepth}`, () => {
    let deep: unknown = "x";
    for (let i = 0; i <= maxDepth + 1; i++) deep = [deep];
    expect(() => redactValue(deep, redact)).toThrow(RangeError);
  });

  it("redactHeaders and redactCause copy without the secret, keeping codes and names", () => {
    const headers = redactHeaders(new Headers({ "x-echo": `u:${secret}` }), redact);
    expect(headers.get("x-echo")).toBe("[redacted]");
    const cause = Object.assign(new Error(`connect to u:${secret}@host`), { code: "ECONNREFUSED" });
    const copy = redactCause(new TypeError("fetch failed", { cause }), redact) as TypeError & { cause: Error & { code: string } };
    expect(copy).toBeInstanceOf(TypeError);
    expect(copy.cause.message).not.toContain("Sekret");
    expect(copy.cause.code).toBe("ECONNREFUSED");
    expect(copy.cause.stack).not.toContain("Sekret");
  });
});

describe("createCredentialRedactor: the credential everywhere, a short password only where it stands as a credential", () => {
  const short = createCredentialRedactor("user", "pass");
  it("keeps the words a short password is, or is part of", () => {
    for (const text of [
      "a wrong password must be refused",
      "curl … -H 'X-Service-Auth: $VERIGATOR_USER:wrong-password'",
      "passport, bypass, passing",
      "a server that keeps no state cannot pass these checks",
      "you shall not pass",
    ]) {
      expect(short(text)).toBe(text);
    }
  });
  it.each([
    ["the whole credential", "X-Service-Auth: user:pass"],
    ["the credential percent-encoded", "auth=user%3Apass"],
    ["the credential in base64 (Basic)", `Authorization: Basic ${btoa("user:pass")}`],
    ["the password as a JSON value", '{"password":"pass"}'],
    ["the password JSON-escaped", '{"Password":"\\u0070ass"}'],
    ["the password in a query", "?password=pass&x=1"],
    ["the password as a header's value", "X-Service-Auth: pass"],
    ["the password as a secret", "secret = 'pass'"],
  ])("removes %s", (_, text) => {
    const out = short(text);
    expect(out).toContain("[redacted]");
    expect(out).not.toMatch(/(?<![a-z])pass(?![a-z])/);
    expect(out).not.toContain("user:pass");
  });
  it(`a password of ${passwordRedactedEverywhereFrom} characters or more goes wherever it appears, inside words too`, () => {
    const long = createCredentialRedactor("user", "hunter22");
    expect(long("xhunter22x")).toBe("x[redacted]x");
    expect(createCredentialRedactor("user", "hunter2")("xhunter2x hunter2")).toBe("xhunter2x hunter2");
  });
  it("removes a non-ASCII password sent as UTF-8 bytes and echoed as such", () => {
    const redact = createCredentialRedactor("user", "pässwörd-long");
    const bytes = String.fromCharCode(...new TextEncoder().encode("pässwörd-long"));
    expect(redact(`echo ${bytes}`)).toBe("echo [redacted]");
  });
});
