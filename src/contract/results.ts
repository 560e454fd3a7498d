// What runContract resolves with: each case's result, the coverage, the report.
import type { Failure } from "./checks.ts";
import type { ReceivedAnswer, SentRequest } from "./exchange.ts";

/** The kinds of case the suite derives from the document. */
export type Family = "positive" | "auth" | "bad input" | "media type" | "unknown id" | "state" | "model" | "two-factor" | "sequence";

/** One case of a run: what it checked and how it ended; for a failure, what to fix it from. */
export interface CaseResult {
  /** The operationId (or `METHOD /path`). */
  operation: string;
  /** The kind of case: positive, auth, bad input, media type, unknown id, state, model, two-factor or sequence. */
  family: Family;
  /** What the case checks; the same in every run. */
  name: string;
  /** Passed; failed (a rule was broken); or skipped, with `reason` saying why. */
  outcome: "pass" | "fail" | "skip";
  /** Why it was skipped, or the first rule it broke. */
  reason?: string;
  /** Every rule the failing answer broke. */
  failures: Failure[];
  /** The failing request (X-Service-Auth shown as $VERIGATOR_AUTH). */
  request?: SentRequest;
  /** The server's own answer to it, redacted; absent when none came. */
  answer?: ReceivedAnswer;
  /** Reproduces the failing request; reads the credential from $VERIGATOR_AUTH. */
  curl?: string;
  /** How long the case took, its requests included. */
  durationMs: number;
  /** For a failing sequence: the shortest sequence that still fails, step by step. */
  steps?: SequenceStep[];
}

/** One step of a failing sequence, as the report prints it. */
export interface SequenceStep {
  /** What the step did, e.g. "createUser under service #1". */
  action: string;
  /** The request the step sent (X-Service-Auth shown as $VERIGATOR_AUTH). */
  request: SentRequest;
  /** The server's answer; absent when none came. */
  answer?: ReceivedAnswer;
  /** Reproduces the step's request; reads the credential from $VERIGATOR_AUTH. */
  curl: string;
  /** The rules this step's answer broke (the last step's, at least). */
  failures: Failure[];
}

/** One (operation, declared status) pair, and whether the run got that answer. */
export interface CoverageEntry {
  /** The operationId. */
  operation: string;
  /** A status the document declares for it. */
  status: number;
  /** Some case got this status from the server for this operation. */
  exercised: boolean;
  /** Why it was not, when it was not. */
  reason?: string;
}

/** What runContract resolves with: every case's result, the counts, the coverage, the seed. */
export interface ContractReport {
  /** The server checked. */
  target: string;
  /** The document it was checked against (a path). */
  document: string;
  /** The seed of the generated values: `seed` in the options repeats the run's requests. */
  seed: number;
  /** Every case, in the order they ran. */
  cases: CaseResult[];
  /** How many cases passed. */
  passed: number;
  /** How many failed: the run passed when this is 0. */
  failed: number;
  /** How many could not run (each with its reason). */
  skipped: number;
  /** Every (operation, declared status) pair: answered, or why not. */
  coverage: CoverageEntry[];
  /** Things that are not a case's result: what the server did with JSON under another type, what a stateless run left out, what the cleanup could not delete. */
  notes: string[];
  /** The checks the run applied (all but those --checks, --exclude-checks or --stateless left out). */
  checks: string[];
  /** Why the run stopped before its end (too many timeouts, --max-time, cancelled); the run then fails. */
  stopped?: string;
  /** How many declared 429s the run met and waited out. */
  rateLimited: number;
  /**
   * Where the time went, in ms: loading Prism, reading the document, the requests (and how many).
   */
  timings: {
    /**
     * The whole run.
     */
    totalMs: number;
    /**
     * Loading Prism's parser and validator.
     */
    prismLoadMs: number;
    /**
     * Reading the document into operations.
     */
    documentMs: number;
    /**
     * Sending the requests and checking the answers, cleanup included.
     */
    requestsMs: number;
    /**
     * How many requests were sent.
     */
    requests: number;
    /**
     * How many of them were reads sent after a create or delete, to check what the server holds.
     */
    readBacks: number;
    /**
     * The median time of one request, from sending to every check of its answer done.
     */
    medianRequestMs: number;
  };
}
