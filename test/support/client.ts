// Helpers shared by the tests that talk to the Prism mock.
import { inject } from "vitest";
import type { VerigatorOptions } from "../../src/index.js";
import { createVerigator } from "../../src/index.js";

export const credentials = { username: "test-user", password: "pw-Sekret-9f3b1c" } as const;

/** A client pointed at the run's Prism mock. */
export function mockClient(options: VerigatorOptions = {}) {
  return createVerigator({ ...credentials, baseUrl: inject("mockUrl"), maxRetries: 0, ...options });
}

/** Asks Prism for the answer with this status (its `Prefer` header). */
export function prefer(status: number, example?: string) {
  return { headers: { Prefer: example ? `code=${status}, example=${example}` : `code=${status}` } };
}
