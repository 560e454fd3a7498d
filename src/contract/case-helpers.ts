// What the case files share: what a case is, reading a JSON object loosely, and the success expectation.
import { check } from "./checks.ts";
import type { Context } from "./context.ts";
import type { Exchange } from "./exchange.ts";
import { successCodes } from "./model.ts";
import type { HttpOperation } from "./prism.ts";
import type { Family } from "./results.ts";

export interface Case {
  operation: string;
  family: Family;
  name: string;
  /** Runs the case. Throws Broke for a broken rule (a sequence's with its steps), Skip when it cannot run. */
  run(context: Context): Promise<void>;
}

export interface SuiteOptions {
  /** Prints the PIN last sent to a phone number; see runContract's `pinCommand`. */
  readPin?: (env: Record<string, string>) => Promise<string>;
  /** Wrong PINs a verification takes before it answers throttled. */
  maxWrongPins?: number;
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function expectSuccess(context: Context, operation: HttpOperation, exchange: Exchange, what = "a valid request"): void {
  context.expect(exchange, successCodes(operation), check.positive_data_acceptance, `${what} must succeed`);
}
