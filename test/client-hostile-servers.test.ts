// Secrets never leak, writes never repeat. Loopback servers echo the credentials the way
// common server stacks encode them; every rendering of every error and every log line is
// searched. Retry rules are checked by counting the requests the server received.
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { freePort } from "../scripts/lib/net.mjs";
import type { Logger, Verigator } from "../src/index.js";
import { createVerigator, InternalError, InvalidDataError, InvalidResponseError, RateLimitError, VerigatorError } from "../src/index.js";
import { backoffMs, retryDelayMs } from "../src/retry-policy.js";
import type { Behaviour } from "./support/fault-server.js";
import { json, service, text, user } from "./support/fault-server.js";
import { faultServers, rejection } from "./support/helpers.js";

const { serve } = faultServers();

/** Every way an error can be shown: message, stack, JSON, inspect, body, headers, and its cause chain. */
function renderings(error: unknown): string {
  const out = [String(error), inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error)];
  for (let at: unknown = error; at instanceof Error; at = at.cause) {
    out.push(at.message, at.stack ?? "", JSON.stringify(at), inspect(at, { depth: Infinity, showHidden: true }));
  }
  if (error instanceof VerigatorError) {
    out.push(JSON.stringify(error.body) ?? "", String(error.body));
    for (const [name, value] of error.headers ?? []) out.push(`${name}: ${value}`);
  }
  return out.join("\n");
}

function recordingLogger(lines: string[]): Logger {
  const log = (...args: unknown[]) => void lines.push(inspect(args, { depth: Infinity }));
  return { error: log, warn: log, info: log, debug: log };
}

// How server stacks write a string into JSON or text.
const toUnicodeEscapes = (s: string, also: RegExp) => s.replace(also, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const encoders: Record<string, { type: string; encode: (value: string) => string }> = {
  "JSON (Node)": { type: "application/json", encode: (v) => JSON.stringify({ message: `bad credentials ${v}` }) },
  "JSON (Go: \\u0026 \\u003c \\u003e)": {
    type: "application/json",
    encode: (v) => toUnicodeEscapes(JSON.stringify({ message: `bad credentials ${v}` }), /[&<>]/g),
  },
  "JSON (PHP: \\/ and \\u00e4)": {
    type: "application/json",
    // biome-ignore lint/suspicious/noControlCharactersInRegex: every character outside ASCII
    encode: (v) => toUnicodeEscapes(JSON.stringify({ message: `bad credentials ${v}` }), /[^\x00-\x7f]/g).replace(/\//g, "\\/"),
  },
  "JSON (Python ensure_ascii)": {
    type: "application/json",
    // biome-ignore lint/suspicious/noControlCharactersInRegex: every character outside ASCII
    encode: (v) => toUnicodeEscapes(JSON.stringify({ message: `bad credentials ${v}` }), /[^\x00-\x7f]/g).replace(/,/g, ", "),
  },
  "JSON (uppercase \\u escapes of everything)": {
    type: "application/json",
    encode: (v) => `{"message":"${[...v].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join("")}"}`,
  },
  "HTML entities": {
    type: "text/html",
    encode: (v) => `<p>${v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")}</p>`,
  },
  "HTML numeric entities": { type: "text/html", encode: (v) => `<p>${[...v].map((c) => `&#${c.codePointAt(0)};`).join("")}</p>` },
  "percent-encoded": { type: "text/plain", encode: (v) => `auth=${encodeURIComponent(v)}` },
  "form-encoded": { type: "text/plain", encode: (v) => new URLSearchParams({ auth: v }).toString() },
  "base64 (Basic)": { type: "text/plain", encode: (v) => `Authorization: Basic ${Buffer.from(v, "latin1").toString("base64")}` },
  "base64 of a longer text": { type: "text/plain", encode: (v) => Buffer.from(`xy${v}z`, "latin1").toString("base64") },
  "base64 of UTF-8": { type: "text/plain", encode: (v) => `token ${Buffer.from(`a${v}`, "utf8").toString("base64url")}` },
};

const passwords = ["s3cr&t<pass>", 'pa"ss\\word/42', "pässwörd-ümlaut", "p@ss w0rd+/=more", "Pa55-RECOGNIZABLE-7731"];

/** Serves the X-Service-Auth value it received, encoded; `part` picks the password or the whole value. */
function echo(status: number, encoder: (typeof encoders)[string], part: "password" | "header"): Behaviour {
  return (request, response) => {
    const header = String(request.headers["x-service-auth"]);
    const value = part === "header" ? header : header.slice(header.indexOf(":") + 1);
    response.writeHead(status, { "content-type": encoder.type, "x-echo": encodeURIComponent(value) }).end(encoder.encode(value));
  };
}

function secretsOf(username: string, password: string) {
  const header = `${username}:${password}`;
  return [password, header];
}

describe.concurrent("echoed credentials are redacted in every encoding", () => {
  const cases = Object.entries(encoders).flatMap(([name, encoder]) =>
    passwords.flatMap((password) => (["password", "header"] as const).map((part) => [name, encoder, password, part] as const)),
  );
  it.each(cases)("%s, password %j, echoing the %s", async (name, encoder, password, part) => {
    const server = await serve(echo(401, encoder, part));
    const lines: string[] = [];
    const verigator = createVerigator({ username: "acme-api", password, baseUrl: server.url, logger: recordingLogger(lines), logLevel: "debug" });
    const error = await rejection(verigator.services.get("s"));
    expect(error).toBeInstanceOf(VerigatorError);
    const shown = [renderings(error), ...lines].join("\n");
    for (const secret of secretsOf("acme-api", password)) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(encoder.encode(secret).replace(/^.*bad credentials |^<p>|<\/p>$|"}$/g, ""));
    }
    void name;
  });
});

describe.concurrent("every kind of error, through the logger at debug", () => {
  const username = "acme-api";
  const password = 'Pa"55&<w/ord>ä';
  const header = `${username}:${password}`;
  const echoJson =
    (status: number, extra: Record<string, string> = {}): Behaviour =>
    (request, response) =>
      json(
        status,
        { message: `wrong password ${String(request.headers["x-service-auth"])}`, echo: request.headers },
        { "x-echo": encodeURIComponent(header), ...extra },
      )(request, response, "");
  const cases: [string, Behaviour | "refused" | "fetch", (v: Verigator) => Promise<unknown>][] = [
    ["401", echoJson(401), (v) => v.services.get("s")],
    ["422", echoJson(422), (v) => v.users.create("s", { id_in_service: "a", phone_number: "+4401234567" })],
    ["429", echoJson(429, { "retry-after": "120" }), (v) => v.services.get("s")],
    ["500", echoJson(500), (v) => v.users.create("s", { id_in_service: "a", phone_number: "+4401234567" })],
    [
      "HTML 502",
      (request, response) =>
        text(502, `<p>${String(request.headers["x-service-auth"]).replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`, "text/html")(request, response, ""),
      (v) => v.services.get("s"),
    ],
    ["200 of the wrong shape", (request, response) => json(200, { id: request.headers["x-service-auth"] })(request, response, ""), (v) => v.services.get("s")],
    ["refused connection", "refused", (v) => v.services.get("s")],
    ["a fetch that fails quoting the headers", "fetch", (v) => v.services.get("s")],
    ["invalid argument", json(200, {}), (v) => v.users.create("s", { id_in_service: "a", phone_number: "" })],
  ];
  it.each(cases)("%s", async (_, behaviour, call) => {
    const lines: string[] = [];
    let baseUrl = `http://127.0.0.1:${await freePort()}`;
    let fetchImpl: typeof fetch | undefined;
    if (behaviour === "fetch") {
      fetchImpl = async (_input, init) => {
        const inner = new Error(`proxy said no to headers ${JSON.stringify(init?.headers)} (${encodeURIComponent(header)})`);
        throw new TypeError(`fetch failed: ${JSON.stringify(init?.headers)}`, { cause: inner });
      };
    } else if (behaviour !== "refused") baseUrl = (await serve(behaviour)).url;
    const verigator = createVerigator({
      username,
      password,
      baseUrl,
      maxRetries: 1,
      timeoutMs: 2000,
      logger: recordingLogger(lines),
      logLevel: "debug",
      ...(fetchImpl && { fetch: fetchImpl }),
    });
    const error = await rejection(call(verigator));
    expect(error).toBeInstanceOf(VerigatorError);
    const shown = [renderings(error), ...lines].join("\n");
    for (const secret of [password, header, encodeURIComponent(header), JSON.stringify(header).slice(1, -1)]) expect(shown).not.toContain(secret);
  });
});

describe("a property: any Latin-1 password, any server encoding", () => {
  const alphabet = [..."abcXYZ019 \"'\\/&<>=+%#;:?@-_.!~*()[]{}äöüßÿ¡©µ×"];
  it("never shows the password or the header value", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...alphabet), minLength: 10, maxLength: 24 }),
        fc.constantFrom(...Object.values(encoders)),
        fc.constantFrom("password" as const, "header" as const),
        async (password, encoder, part) => {
          const username = "acme";
          let verigator: Verigator;
          try {
            verigator = createVerigator({
              username,
              password,
              fetch: async (_input, init) => {
                const header = (init.headers as Record<string, string>)["x-service-auth"] ?? "";
                const value = part === "header" ? header : header.slice(header.indexOf(":") + 1);
                return new Response(encoder.encode(value), { status: 401, headers: { "content-type": encoder.type } });
              },
            });
          } catch (error) {
            // Refused at createVerigator (edge whitespace): the refusal does not quote it.
            expect(renderings(error)).not.toContain(password);
            return;
          }
          const error = await verigator.services.get("s").then(
            () => undefined,
            (reason: unknown) => reason,
          );
          const shown = renderings(error);
          expect(shown).not.toContain(password);
          expect(shown).not.toContain(`${username}:${password}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("createVerigator refuses what it could not redact, without quoting it", () => {
  it.each([
    [{ username: "u", password: "hunter2-secret " }, /password must not start or end with whitespace/],
    [{ username: "u", password: "\thunter2-secret" }, /password must not contain control characters/],
    [{ username: " acme", password: "hunter2-secret" }, /username must not start or end with whitespace/],
    [{ username: "u", password: "hunter2\u0000secret" }, /password must not contain control characters/],
    [{ username: "u", password: "hunter2\u0085secret" }, /password must be printable Latin-1/],
  ])("%j", (options, message) => {
    let error: unknown;
    try {
      createVerigator(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VerigatorError);
    expect((error as Error).message).toMatch(message);
    expect(renderings(error)).not.toContain("hunter2");
  });

  it("an invalid baseUrl with userinfo is not quoted", () => {
    let error: unknown;
    try {
      createVerigator({ baseUrl: "https://acme:Pa55word@api.verigator .com" });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toMatch(/baseUrl is not a URL/);
    expect(renderings(error)).not.toContain("Pa55word");
  });
});

describe("per-call headers cannot replace what the client sets", () => {
  it.each(["X-Service-Auth", "x-service-auth", "Content-Type", "Accept", "Content-Length", "Transfer-Encoding", "Host", "Connection", "Expect"])(
    "%s is refused with InvalidDataError naming it, before sending",
    async (name) => {
      const server = await serve(json(201, user));
      const verigator = createVerigator({ username: "u", password: "pass-word-1", baseUrl: server.url });
      const started = performance.now();
      const error = await rejection(
        verigator.users.create(
          "s",
          { id_in_service: "a", phone_number: "+4401234567" },
          { headers: { [name]: name === "Content-Length" ? "1" : "other:secret" } },
        ),
      );
      expect(error).toBeInstanceOf(InvalidDataError);
      expect(error.field).toBe(name);
      expect(error.message).toContain(name);
      expect(renderings(error)).not.toContain("other:secret");
      expect(server.seen).toHaveLength(0);
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );

  it("X-Service-Auth: null cannot drop authentication", async () => {
    const verigator = createVerigator({ username: "u", password: "pass-word-1", baseUrl: "http://127.0.0.1:9" });
    const error = await rejection(verigator.services.get("s", { headers: { "X-Service-Auth": null as unknown as string } }));
    expect(error).toBeInstanceOf(InvalidDataError);
  });

  it("the client's own headers option cannot set them either", () => {
    expect(() => createVerigator({ headers: { "x-service-auth": "a:b" } })).toThrow(/x-service-auth is set by the client/);
  });
});

describe("bounded errors", () => {
  it("a server's message is cut to a few hundred characters, without control characters or ANSI escapes", async () => {
    const server = await serve(
      json(409, { message: `User already exists\n\u001b[31mFAKE LOG LINE\u001b[0m\r\n${"x".repeat(10_000)}` }, { "x-request-id": "req-9" }),
    );
    const error = await rejection(createVerigator({ baseUrl: server.url }).users.create("s", { id_in_service: "a", phone_number: "+4401234567" }));
    expect(error.message.length).toBeLessThanOrEqual(301);
    expect(error.message).toMatch(/^User already exists FAKE LOG LINE x+…$/);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "ResourceAlreadyExistsError", message: error.message, status: 409, requestId: "req-9" });
    expect(JSON.stringify(error.body).length).toBeLessThanOrEqual(600);
  });

  it.each([
    ["an error answer", 400, (v: Verigator) => v.users.create("s", { id_in_service: "a", phone_number: "+4401234567" })],
    ["a success answer", 200, (v: Verigator) => v.services.get("s")],
  ])("1,000,000-deep JSON in %s is an InvalidResponseError, never a RangeError", async (_, status, call) => {
    const deep = `{"message":"deep","x":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`;
    const server = await serve(text(status, deep, "application/json"));
    const error = await rejection(call(createVerigator({ baseUrl: server.url, maxRetries: 0 })));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(String(error.body).length).toBeLessThanOrEqual(501);
  });
});

describe.concurrent("writes are re-sent only when the server proves it did not act", () => {
  const newUser = { id_in_service: "a", phone_number: "+4401234567" };
  it.each([
    ["POST users.create, plain 503", 503, {}, 1, (v: Verigator) => v.users.create("s", newUser)],
    ["PUT auth.verify, plain 503", 503, {}, 1, (v: Verigator) => v.auth.verify("s", "u", { token: "123456" })],
    ["POST auth.start, 500", 500, {}, 1, (v: Verigator) => v.auth.start("s", "u", { method: "sms" })],
    ["POST auth.start, 502", 502, {}, 1, (v: Verigator) => v.auth.start("s", "u", { method: "sms" })],
    ["POST auth.start, 504", 504, {}, 1, (v: Verigator) => v.auth.start("s", "u", { method: "sms" })],
    ["POST users.create, 503 with Retry-After", 503, { "retry-after": "0" }, 3, (v: Verigator) => v.users.create("s", newUser)],
    ["POST users.create, 429", 429, {}, 3, (v: Verigator) => v.users.create("s", newUser)],
    ["GET services.get, plain 503", 503, {}, 3, (v: Verigator) => v.services.get("s")],
  ])("%s: the server receives it %i… times", async (_, status, headers, times, call) => {
    const server = await serve(json(status, { message: "busy" }, headers));
    const error = await rejection(call(createVerigator({ baseUrl: server.url })));
    expect(error.status).toBe(status);
    expect(server.seen).toHaveLength(times);
  });

  it("plain 503 then 201 to users.create: one POST, InternalError", async () => {
    const server = await serve(json(503, { message: "busy" }), json(201, user));
    const error = await rejection(createVerigator({ baseUrl: server.url }).users.create("s", newUser));
    expect(error).toBeInstanceOf(InternalError);
    expect(server.seen).toHaveLength(1);
  });
});

describe("Retry-After", () => {
  const backoff = [500 * 0.75, 500];
  it.each(["-1", "-5", "0x10", "0x1", "soon", "1e3", "", "Infinity", "NaN"])("%j falls back to the normal backoff", (header) => {
    const ms = retryDelayMs(0, header);
    expect(ms).toBeGreaterThanOrEqual(backoff[0] as number);
    expect(ms).toBeLessThanOrEqual(backoff[1] as number);
  });

  it.each(["0", new Date(Date.now() - 60_000).toUTCString()])("%j waits at least the normal backoff", (header) => {
    expect(retryDelayMs(1, header)).toBeGreaterThanOrEqual(1000 * 0.75);
  });

  it("a longer valid wait is honoured, past 60 s ends the retries", () => {
    expect(retryDelayMs(0, "5")).toBe(5000);
    expect(retryDelayMs(0, "120")).toBe(Infinity);
    expect(backoffMs(10)).toBeLessThanOrEqual(8000);
  });
});

describe("RateLimitError", () => {
  it("a 429 is a RateLimitError with retryAfterMs from the server", async () => {
    const server = await serve(json(429, { message: "slow down" }, { "retry-after": "120" }));
    const error = await rejection(createVerigator({ baseUrl: server.url }).services.get("s"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, message: "slow down" });
    expect(error.headers?.get("retry-after")).toBe("120");
    expect(server.seen).toHaveLength(1);
  });

  it("without Retry-After, retryAfterMs is undefined", async () => {
    const server = await serve(json(429, { message: "slow down" }));
    const error = await rejection(createVerigator({ baseUrl: server.url, maxRetries: 0 }).services.get("s"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeUndefined();
  });
});

describe("many calls sharing one AbortSignal", () => {
  it("1,000 concurrent calls print no MaxListenersExceededWarning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      const body = JSON.stringify(service);
      const verigator = createVerigator({
        fetch: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return new Response(body, { headers: { "content-type": "application/json" } });
        },
      });
      const { signal } = new AbortController();
      const results = await Promise.all(Array.from({ length: 1000 }, () => verigator.services.get("s", { signal })));
      expect(results).toHaveLength(1000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((warning) => /MaxListeners/.test(warning))).toEqual([]);
  });
});
