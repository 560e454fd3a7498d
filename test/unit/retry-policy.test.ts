// The retry policy as plain functions: which answers and failures may be sent again, the
// backoff, and what a Retry-After header asks for.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { backoffMs, maxRetryAfterMs, parseRetryAfter, retryDelayMs, shouldRetryFailure, shouldRetryStatus, wasNotSent } from "../../src/retry-policy.js";

afterEach(() => void vi.restoreAllMocks());

describe("shouldRetryStatus", () => {
  it.each(["GET", "DELETE"])("%s is retried on 408, 429, 500, 502, 503, 504 and nothing else", (method) => {
    const retried = [200, 201, 202, 400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504, 505].filter((status) =>
      shouldRetryStatus(method, status, null),
    );
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it.each(["POST", "PUT"])("%s only on 429, or 503 with Retry-After", (method) => {
    const retried = [408, 429, 500, 502, 503, 504].filter((status) => shouldRetryStatus(method, status, null));
    expect(retried).toEqual([429]);
    expect(shouldRetryStatus(method, 503, "5")).toBe(true);
    expect(shouldRetryStatus(method, 500, "5")).toBe(false);
  });
});

describe("failures without an answer", () => {
  it("a write is re-sent only when it was certainly not sent", () => {
    expect(shouldRetryFailure("POST", true)).toBe(true);
    expect(shouldRetryFailure("POST", false)).toBe(false);
    expect(shouldRetryFailure("PUT", false)).toBe(false);
    expect(shouldRetryFailure("GET", false)).toBe(true);
  });

  it.each([
    ["ECONNREFUSED as a cause's code", new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }), true],
    ["ENOTFOUND two causes deep", new TypeError("x", { cause: new Error("y", { cause: Object.assign(new Error("z"), { code: "ENOTFOUND" }) }) }), true],
    ["Bun's and Deno's messages", new TypeError("error sending request: Connection refused (os error 111)"), true],
    ["a dns error", new Error("dns error: failed to lookup"), true],
    ["ECONNRESET", new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }), false],
    ["a timeout", new DOMException("timed out", "TimeoutError"), false],
    ["not an error", "ECONNREFUSED", false],
  ])("wasNotSent: %s → %s", (_, error, expected) => {
    expect(wasNotSent(error)).toBe(expected);
  });
});

describe("backoff", () => {
  it("doubles from 0.5 s to a cap of 8 s", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("jitter takes off at most a quarter", () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    expect(backoffMs(0)).toBe(375);
    expect(backoffMs(4)).toBe(6000);
  });
});

describe("Retry-After", () => {
  const now = Date.UTC(2026, 10, 26, 12, 0, 0);

  it.each([
    ["absent", null, undefined],
    ["seconds", "5", 5000],
    ["decimal seconds", "1.5", 1500],
    ["zero", "0", 0],
    ["spaces around", " 7 ", 7000],
    ["an HTTP date", new Date(now + 30_000).toUTCString(), 30_000],
    ["a date in the past", new Date(now - 30_000).toUTCString(), 0],
    ["negative", "-1", undefined],
    ["hexadecimal", "0x10", undefined],
    ["garbage", "soon", undefined],
    ["empty", "", undefined],
  ])("%s (%j) → %s ms", (_, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it("the wait is the longer of the backoff and what the server asked; past 60 s, none", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect(retryDelayMs(0, "0", now)).toBe(500);
    expect(retryDelayMs(0, "3", now)).toBe(3000);
    expect(retryDelayMs(3, "1", now)).toBe(4000);
    expect(retryDelayMs(0, "garbage", now)).toBe(500);
    expect(retryDelayMs(0, String(maxRetryAfterMs / 1000), now)).toBe(60_000);
    expect(retryDelayMs(0, "61", now)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("the document says what the client does (its Errors and retries section)", () => {
  const description = String(
    (parse(readFileSync(new URL("../../openapi/verigator.yaml", import.meta.url), "utf8")) as { info: { description: string } }).info.description,
  ).replace(/\s+/g, " ");
  const statuses = (text: string) => new Set([...text.matchAll(/`(\d{3})`/g)].map((found) => Number(found[1])));
  const everyStatus = Array.from({ length: 500 }, (_, at) => 100 + at);

  it("reads and deletes: the statuses it lists are the ones retried", () => {
    const said = /Reads and deletes are retried on connection failures and (.*?)\. /.exec(description)?.[1] ?? "";
    expect(statuses(said)).toEqual(new Set(everyStatus.filter((status) => shouldRetryStatus("GET", status, null))));
    expect(shouldRetryFailure("GET", false)).toBe(true);
  });

  it("writes: re-sent only on what it lists — a refused connection, 429, 503 with Retry-After", () => {
    const said = /re-sent only when the server proved it did not act on them: (.*?)\. /.exec(description)?.[1] ?? "";
    expect(said).toContain("refused connection");
    expect(statuses(said)).toEqual(new Set(everyStatus.filter((status) => shouldRetryStatus("POST", status, "1"))));
    expect(everyStatus.filter((status) => shouldRetryStatus("POST", status, null))).toEqual([429]);
    expect(said).toMatch(/`503` \*\*with\*\* `Retry-After`/);
    expect([shouldRetryFailure("POST", true), shouldRetryFailure("POST", false)]).toEqual([true, false]);
  });

  it("the backoff and the longest Retry-After it waits for are the figures it gives", () => {
    expect(description).toContain("0.5 s doubling, at most 8 s, `Retry-After` honoured up to 60 s");
    expect(maxRetryAfterMs).toBe(60_000);
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect([backoffMs(0), backoffMs(1), backoffMs(10)]).toEqual([500, 1000, 8000]);
  });
});
