// Property tests (fast-check, 1,000 runs each): whatever a caller passes and whatever a server
// answers, a call resolves or rejects with a VerigatorError, and never leaves its path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { operationTable } from "../generated/operation-table.js";
import { callOperation } from "../scripts/lib/operation-calls.mjs";
import type { FetchLike, Verigator } from "../src/index.js";
import { createVerigator, VerigatorError } from "../src/index.js";
import { backoffMs, retryDelayMs } from "../src/retry-policy.js";
import type { OperationId } from "../src/types.js";
import { documentedResponses } from "./support/document.js";

const runs = { numRuns: 1000 };

/** Answers like the document's first success example for the request's operation. */
const documentedAnswer: FetchLike = async (input, init) => {
  const segments = new URL(input).pathname.split("/").length;
  const success = documentedResponses.find((r) => r.method === init.method && r.path.split("/").length === segments && r.status < 300);
  if (!success) return new Response(JSON.stringify({ message: "Not found" }), { status: 404, headers: { "content-type": "application/json" } });
  return success.example === undefined
    ? new Response(null, { status: success.status })
    : new Response(JSON.stringify(success.example), { status: success.status, headers: { "content-type": "application/json" } });
};

/** Each operation with its number of path ids, called through the one operation table. */
const calls = Object.entries(operationTable).map(([operationId, { path, ...operation }]) => {
  const ids = (path.match(/\{/g) ?? []).length;
  const fields = Object.keys(operation.request?.properties ?? {});
  const call = (v: Verigator, a: string, b: string, c: string, d: string) =>
    callOperation(v, operationId as OperationId, { serviceId: a, userId: b, body: Object.fromEntries(fields.map((name, i) => [name, i % 2 ? d : c])) });
  return [operationId, ids, call] as const;
});

const anyString = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("", ".", "..", "../x", "a/b", "+4401234567", "sms", "%2e%2e"));

describe("any arguments", () => {
  it.each(calls)("%s resolves or rejects with a VerigatorError, and stays under /v1/service/service/", async (_, ids, call) => {
    await fc.assert(
      fc.asyncProperty(anyString, anyString, anyString, anyString, async (a, b, c, d) => {
        const urls: string[] = [];
        const verigator = createVerigator({
          username: "u",
          password: "p",
          maxRetries: 0,
          fetch: (input, init) => {
            urls.push(input);
            return documentedAnswer(input, init);
          },
        });
        const outcome = await call(verigator, a, b, c, d).then(
          () => "resolved",
          (error: unknown) => error,
        );
        if (outcome !== "resolved") expect(outcome).toBeInstanceOf(VerigatorError);
        for (const url of urls) {
          const { pathname, search, hash, origin } = new URL(url);
          expect(origin).toBe("https://api.verigator.com");
          expect(search + hash).toBe("");
          const segments = pathname.split("/").slice(4);
          expect(pathname.startsWith("/v1/service/service")).toBe(true);
          // ids, plus the fixed "users" / "auth" segments between and after them
          const expected = [a, "users", b, "auth"].slice(0, segments.length);
          expect(segments.map(decodeURIComponent)).toEqual(expected);
          expect(segments.filter((_, i) => i % 2 === 0)).toHaveLength(Math.min(ids, segments.length));
        }
      }),
      runs,
    );
  });
});

describe("any answer", () => {
  const answer = fc.record({
    status: fc.integer({ min: 200, max: 599 }),
    contentType: fc.constantFrom("application/json", "application/problem+json", "text/html", "text/plain", ""),
    body: fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constant(""),
    ),
  });

  it("resolves or rejects with a VerigatorError for every operation", async () => {
    await fc.assert(
      fc.asyncProperty(answer, fc.constantFrom(...calls), async ({ status, contentType, body }, [, , call]) => {
        const verigator = createVerigator({
          username: "u",
          password: "p",
          maxRetries: 0,
          fetch: async () =>
            new Response([204, 205, 304].includes(status) ? null : body, {
              status,
              headers: contentType ? { "content-type": contentType } : {},
            }),
        });
        const outcome = await call(verigator, "s", "u", "sms", "+4401234567").then(
          () => "resolved",
          (error: unknown) => error,
        );
        if (outcome !== "resolved") {
          expect(outcome).toBeInstanceOf(VerigatorError);
          expect((outcome as VerigatorError).status).toBe(status);
        } else {
          expect(status).toBeLessThan(300);
        }
      }),
      runs,
    );
  });
});

describe("Retry-After", () => {
  it("never waits less than the backoff, never NaN, and anything over 60 s means stop", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double().map(String),
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toUTCString())),
        ),
        fc.nat(5),
        (header, retry) => {
          const ms = retryDelayMs(retry, header);
          expect(Number.isNaN(ms)).toBe(false);
          expect(ms).toBeGreaterThanOrEqual(Math.min(500 * 2 ** retry, 8000) * 0.75);
          expect(ms === Infinity || ms <= 60_000).toBe(true);
          expect(backoffMs(retry)).toBeLessThanOrEqual(8000);
        },
      ),
      runs,
    );
  });
});
