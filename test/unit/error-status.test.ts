// The status decides the error class, whatever the body: the HTML 502 of a load balancer, the
// text/plain 429 of an API gateway, a 500 with broken JSON all land in the class their status
// names, keep a redacted, bounded excerpt of the body, and say the status. InvalidResponseError
// is kept for answers that break what the document promises (2xx, redirects, bad statuses).
import { afterEach, describe, expect, it, vi } from "vitest";
import { createVerigator, InternalError, InvalidResponseError, RateLimitError, VerigatorError } from "../../src/index.js";
import { errorClasses } from "../support/contract-cases.js";
import { rejection } from "../support/helpers.js";

const password = "pa55-word";
const bodies: [kind: string, contentType: string | undefined, text: (status: number) => string][] = [
  ["JSON", "application/json", () => JSON.stringify({ message: "from the server" })],
  ["broken JSON", "application/json", () => '{"message": "cut off'],
  [
    "HTML",
    "text/html",
    (status) =>
      `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center><!-- u:${password} --></body></html>`,
  ],
  ["text", "text/plain", (status) => `${status} upstream request timeout (auth u:${password})`],
  ["empty", undefined, () => ""],
];
// The tests' one status → class table (the documented statuses), plus what gateways also answer.
const classes: [status: number, expected: new (...args: never[]) => VerigatorError][] = [
  ...Object.entries(errorClasses).map(([status, expected]) => [Number(status), expected] as [number, typeof expected]),
  [418, VerigatorError],
  [429, RateLimitError],
  [502, InternalError],
  [504, InternalError],
];

function answering(status: number, contentType: string | undefined, text: string, headers: Record<string, string> = {}) {
  return createVerigator({
    username: "u",
    password,
    maxRetries: 0,
    fetch: async () => new Response(text || null, { status, headers: { ...(contentType && { "content-type": contentType }), ...headers } }),
  });
}

describe("an error answer rejects with the class of its status, whatever its body", () => {
  for (const [status, expected] of classes) {
    it.each(bodies)(`${status} with a %s body → ${expected.name}`, async (kind, contentType, text) => {
      const error = await rejection(answering(status, contentType, text(status)).services.get("s"));
      expect(error.constructor).toBe(expected);
      expect(error).toBeInstanceOf(VerigatorError);
      expect(error.status).toBe(status);
      // The message says the status, and the server's message only when it gave one.
      expect(error.message).toBe(kind === "JSON" ? "from the server" : `status ${status}`);
      if (kind === "JSON") expect(error.body).toEqual({ message: "from the server" });
      else if (kind === "empty") expect(error.body).toBeUndefined();
      else {
        expect(typeof error.body).toBe("string");
        expect((error.body as string).length).toBeLessThanOrEqual(501);
      }
      expect(JSON.stringify(error.toJSON())).not.toContain(password);
      expect(String(error.body)).not.toContain(password);
    });
  }

  it("a text/plain 429 keeps Retry-After as retryAfterMs", async () => {
    const error = await rejection(answering(429, "text/plain", "Too Many Requests", { "retry-after": "7" }).services.get("s"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
    expect(error.body).toBe("Too Many Requests");
  });

  it("a long HTML body is kept as a bounded excerpt", async () => {
    const error = await rejection(answering(502, "text/html", `<html>${"x".repeat(100_000)}</html>`).services.get("s"));
    expect(error).toBeInstanceOf(InternalError);
    expect((error.body as string).length).toBe(501);
    expect((error.body as string).endsWith("…")).toBe(true);
  });

  it("JSON nested past the limit in an error body is still refused as InvalidResponseError", async () => {
    const deep = `${"[".repeat(100)}${"]".repeat(100)}`;
    const error = await rejection(answering(500, "application/json", deep).services.get("s"));
    expect(error).toBeInstanceOf(InvalidResponseError);
  });
});

describe("InvalidResponseError stays for answers that break the document's promises", () => {
  it.each([
    ["a 200 that is not JSON", 200, "text/html", "<html>ok</html>"],
    ["a 200 with broken JSON", 200, "application/json", "{"],
    ["a 200 of the wrong shape", 200, "application/json", JSON.stringify({ id: 1 })],
    ["a redirect", 302, "text/html", ""],
  ])("%s", async (_, status, contentType, text) => {
    const error = await rejection(answering(status, contentType, text).services.get("s"));
    expect(error).toBeInstanceOf(InvalidResponseError);
  });
});

describe("retries look at the status, not the body", () => {
  afterEach(() => void vi.useRealTimers());

  // [method, status, Retry-After, attempts with maxRetries 1]
  const policy: [string, number, string | undefined, number][] = [
    ["GET", 502, undefined, 2],
    ["GET", 503, undefined, 2],
    ["GET", 504, undefined, 2],
    ["GET", 429, "1", 2],
    ["GET", 404, undefined, 1],
    ["GET", 401, undefined, 1],
    ["POST", 502, undefined, 1],
    ["POST", 503, undefined, 1],
    ["POST", 503, "1", 2],
    ["POST", 429, "1", 2],
    ["POST", 422, undefined, 1],
  ];
  for (const [method, status, retryAfter, attempts] of policy) {
    it.each(bodies)(`${method} ${status}${retryAfter ? " with Retry-After" : ""}, %s body: ${attempts} attempt(s)`, async (_, contentType, text) => {
      vi.useFakeTimers();
      let calls = 0;
      const verigator = createVerigator({
        username: "u",
        password,
        maxRetries: 1,
        fetch: async () => {
          calls++;
          return new Response(text(status) || null, {
            status,
            headers: { ...(contentType && { "content-type": contentType }), ...(retryAfter && { "retry-after": retryAfter }) },
          });
        },
      });
      const call = method === "GET" ? verigator.services.get("s") : verigator.users.create("s", { id_in_service: "a", phone_number: "+1" });
      const settled = rejection(call);
      await vi.runAllTimersAsync();
      const error = await settled;
      expect(error.status).toBe(status);
      expect(calls).toBe(attempts);
    });
  }
});
