// A fetch wrapper's failure can carry the credential anywhere in its cause chain, in any
// shape: a plain object, a string, an AggregateError's errors, nested objects, a cycle. Every
// value of the chain is redacted, bounded in depth, so util.inspect(error) never shows it.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createVerigator, VerigatorConnectionError } from "../../src/index.js";
import { rejection } from "../support/helpers.js";

const password = "hunter2-secret";
const credential = `user:${password}`;

function failingWith(error: unknown) {
  return createVerigator({
    username: "user",
    password,
    maxRetries: 0,
    fetch: async () => {
      throw error;
    },
  });
}

const cycle: Record<string, unknown> = { message: `loop ${credential}` };
cycle.self = cycle;
let deep: Record<string, unknown> = { message: `bottom ${credential}` };
for (let i = 0; i < 50; i++) deep = { cause: deep };

const shapes: [string, unknown][] = [
  ["a plain object cause", new TypeError("fetch failed", { cause: { message: `socket hang up (auth ${credential})`, code: "ECONNRESET" } })],
  ["a string cause", new TypeError("fetch failed", { cause: `auth ${credential}` })],
  [
    "an AggregateError with errors",
    new TypeError("fetch failed", {
      cause: new AggregateError([new Error(`a ${credential}`), { message: `b ${password}` }, `c ${password}`], `all ${credential}`),
    }),
  ],
  ["a thrown plain object", { message: `wrapper ${credential}`, headers: { "x-service-auth": credential }, list: [credential] }],
  ["a thrown string", `wrapper failed for ${credential}`],
  ["an object with a cycle", new TypeError("fetch failed", { cause: cycle })],
  ["a cause chain 50 deep", new TypeError("fetch failed", { cause: deep })],
  ["an Error with extra properties", Object.assign(new Error("fetch failed"), { config: { auth: credential }, code: "ECONNREFUSED" })],
];

describe("secrets in a failure's cause, whatever its shape", () => {
  it.each(shapes)("%s", async (_, thrown) => {
    const error = await rejection(failingWith(thrown).services.get("s"));
    expect(error).toBeInstanceOf(VerigatorConnectionError);
    const shown = inspect(error, { depth: Number.POSITIVE_INFINITY });
    expect(shown).not.toContain(password);
    expect(JSON.stringify(error.toJSON())).not.toContain(password);
    expect(String(error.message)).not.toContain(password);
  });

  it("keeps what helps: the code and the shape of the chain, with the secret replaced", async () => {
    const [, thrown] = shapes[2]!;
    const error = await rejection(failingWith(thrown).services.get("s"));
    const cause = error.cause as { cause: AggregateError };
    expect(cause.cause).toBeInstanceOf(AggregateError);
    expect(cause.cause.message).toBe("all [redacted]");
    expect(cause.cause.errors).toHaveLength(3);
    expect(cause.cause.errors[1]).toEqual({ message: "b [redacted]" });
    const [, plain] = shapes[0]!;
    const withCode = await rejection(failingWith(plain).services.get("s"));
    expect((withCode.cause as { cause: { code: string } }).cause.code).toBe("ECONNRESET");
  });
});
