// Stands in for the "verigator" package when the TypeScript code samples run in the tests:
// the same exports, with createVerigator pointed at the run's Prism mock.
import { inject } from "vitest";
import type { VerigatorOptions } from "../../src/index.js";
import { createVerigator as create } from "../../src/index.js";

export * from "../../src/index.js";
export const createVerigator = (options: VerigatorOptions) => create({ ...options, baseUrl: inject("mockUrl") });
