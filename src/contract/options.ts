// What runContract takes: the server to check, and how.
import type { CaseResult } from "./results.ts";

/** What runContract takes: the server to check, and how. Only `target` is required. */
export interface ContractOptions {
  /** The server to check, e.g. `http://127.0.0.1:4012`. */
  target: string;
  /** `username:password` for X-Service-Auth (default `user:pass`, what `verigator fake` accepts). Never printed. */
  auth?: string;
  /** Repeats the requests of an earlier run (default: a random seed, reported in the results). */
  seed?: number;
  /** How long each answer may take, in ms (default 10 000). */
  requestTimeoutMs?: number;
  /**
   * A shell command that prints the PIN last sent to a phone number (e.g. from a test SMS
   * inbox); its last line is the PIN. It runs with VERIGATOR_PHONE, VERIGATOR_SERVICE_ID and
   * VERIGATOR_USER_ID (every path parameter, upper snake case) in its environment. Without it
   * the right-PIN case is skipped.
   */
  pinCommand?: string;
  /** The OpenAPI document to check against (default: the one this package publishes). */
  document?: string;
  /** The phone number the suite's users get (default: generated from the schema). */
  phone?: string;
  /** Only these checks (names from `checks`; default all). A failure of any other is not reported. */
  checks?: string[];
  /** These checks are not applied. */
  excludeChecks?: string[];
  /**
   * For a server that keeps no state (a mock answering its examples, as `npm start`'s): only the
   * checks it can pass, no read-backs after writes, and the cases about what a server holds
   * skipped; the report's notes say which checks were left out, and why.
   */
  stateless?: boolean;
  /** How many random sequences of operations to run against the model (default 20; 0 for none). */
  sequences?: number;
  /** Wrong PINs a verification takes before it answers throttled (default: the document's `x-wrong-pin-limit`). */
  maxWrongPins?: number;
  /** Stop after this many failing cases (default: run them all): the rest is skipped, saying so, as Schemathesis' --max-failures. */
  maxFailures?: number;
  /** The whole run's limit in ms (default 600 000): past it the rest is skipped, saying so, and the run fails. */
  maxTimeMs?: number;
  /** Cancels the run: no more requests; what it created is deleted (bounded) and the report says what could not be. */
  signal?: AbortSignal;
  /** Called once the cases are derived, before the first request. */
  onStart?: (run: { target: string; document: string; seed: number; cases: number }) => void;
  /** Called as each case ends, for progress output. */
  onCase?: (result: CaseResult) => void;
}
