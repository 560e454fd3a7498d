// Faults on demand: what `fake.failNext` (and `POST /_fake/fail-next`) queue for the next
// request of an operation — a declared error status, a delay, or a connection dropped before or
// after acting — optionally aimed at one resource (`where: { ServiceId }`), so that one
// service's creates fail while another's work. Every fault is checked against the document
// before it is queued; one that never fires stays queued (and listed) until reset.
import { operationAnswers } from "../../generated/operation-answers.ts";
import { operationTable } from "../../generated/operation-table.ts";
import { templateNames } from "../path-template.ts";
import type { OperationId, PathParams } from "../types.ts";
import { isRecord } from "./conforms.ts";
import { isOperationId, operationIds } from "./routes.ts";

type Answers = typeof operationAnswers;
/** The error statuses the document declares for an operation. */
export type DeclaredErrorStatus<Op extends OperationId> = keyof Answers[Op]["errors"] extends `${infer Status extends number}` ? Status : never;

/** The path parameters a fault may be aimed at: some of the operation's own (none for an operation without any). */
export type FaultTarget<Op extends OperationId> = Partial<NonNullable<PathParams<Op>>>;

interface FaultBase<Op extends OperationId> {
  /** The operation whose next request fails, e.g. "createUser". */
  operation: Op;
  /**
   * Only a request whose path has these values waits for this fault, e.g. `{ ServiceId: "s1" }`:
   * the fault fires on that service's next create, and other services' creates work.
   */
  where?: FaultTarget<Op>;
  /** Wait this long (real time) first. */
  delayMs?: number;
}

/** Answer a status the document declares for the operation, with its example Error body. */
export interface StatusFault<Op extends OperationId> extends FaultBase<Op> {
  /** The status to answer: only one the document declares for the operation. */
  status: DeclaredErrorStatus<Op>;
  /** A Retry-After header to send (seconds or an HTTP date); only where the document declares it (503). */
  retryAfter?: number | string;
  /** Not with a status. */
  drop?: undefined;
}

/** Close the connection without an answer: `true` before acting, `"after acting"` once the request took effect. */
export interface DropFault<Op extends OperationId> extends FaultBase<Op> {
  /** `true`: closed before acting (nothing happened); `"after acting"`: the request took effect, its answer is lost. */
  drop: true | "after acting";
  /** Not with a drop. */
  status?: undefined;
  /** Not with a drop. */
  retryAfter?: undefined;
}

/** Only wait, then serve the request normally. */
export interface DelayFault<Op extends OperationId> extends FaultBase<Op> {
  /** How long to wait (real time, honouring the request's signal) before serving it normally. */
  delayMs: number;
  /** Not with a delay alone. */
  status?: undefined;
  /** Not with a delay alone. */
  drop?: undefined;
  /** Not with a delay alone. */
  retryAfter?: undefined;
}

/** What `failNext` does to the next request for `operation` (and, with `where`, for that resource). */
export type Fault<Op extends OperationId = OperationId> = StatusFault<Op> | DropFault<Op> | DelayFault<Op>;

/** The longest delay a fault may ask for: 10 minutes (a timer takes at most 2^31 - 1 ms). */
export const maxFaultDelayMs = 600_000;
const httpDate = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const faultFields = ["operation", "where", "status", "retryAfter", "delayMs", "drop"];

/** Throws (TypeError/RangeError, saying why) unless `fault` is one the document allows for its operation. */
export function checkFault(fault: unknown): asserts fault is Fault {
  const given = isRecord(fault) ? fault : {};
  const { operation, where, status, retryAfter, delayMs, drop } = given;
  if (typeof operation !== "string" || !isOperationId(operation)) {
    throw new TypeError(`failNext: unknown operation ${String(operation)}; one of ${operationIds.join(", ")}`);
  }
  const unknown = Object.keys(given).find((key) => !faultFields.includes(key));
  if (unknown) throw new TypeError(`failNext: ${unknown} is not a field of a fault; a fault has ${faultFields.join(", ")}`);
  if (where !== undefined) checkTarget(operation, where);
  const errors: Readonly<Record<string, string>> = operationAnswers[operation].errors;
  const withRetryAfter: readonly number[] = operationAnswers[operation].retryAfter;
  // Only what a header can carry: whole seconds, or an HTTP date (IMF-fixdate, as RFC 9110 writes it).
  const sendable =
    (typeof retryAfter === "number" && Number.isSafeInteger(retryAfter) && retryAfter >= 0) ||
    (typeof retryAfter === "string" && (/^\d{1,10}$/.test(retryAfter) || (httpDate.test(retryAfter) && !Number.isNaN(Date.parse(retryAfter)))));
  if (retryAfter !== undefined && !sendable) {
    throw new TypeError(
      'failNext: retryAfter is a number of seconds or an HTTP date: whole seconds ≥ 0 (up to 10 digits), or an IMF-fixdate such as "Wed, 21 Oct 2026 07:28:00 GMT"',
    );
  }
  if (status !== undefined && !(typeof status === "number" && Object.hasOwn(errors, status))) {
    throw new RangeError(`failNext: ${operation} does not declare ${String(status)}; it declares ${Object.keys(errors).join(", ")}`);
  }
  if (retryAfter !== undefined && !(typeof status === "number" && withRetryAfter.includes(status))) {
    throw new RangeError(`failNext: the document declares Retry-After only on ${withRetryAfter.join(", ")}`);
  }
  if (delayMs !== undefined && !(typeof delayMs === "number" && Number.isFinite(delayMs) && delayMs >= 0 && delayMs <= maxFaultDelayMs)) {
    throw new RangeError(`failNext: delayMs is a number of ms from 0 to ${maxFaultDelayMs}`);
  }
  if (drop !== undefined && drop !== true && drop !== "after acting") throw new TypeError('failNext: drop is true or "after acting"');
  if (status === undefined && drop === undefined && delayMs === undefined) {
    throw new TypeError("failNext: give a status, drop or delayMs");
  }
}

/** `where` names only path parameters of the operation, each with a non-empty string. */
function checkTarget(operation: OperationId, where: unknown): void {
  const own = templateNames(operationTable[operation].path);
  if (!isRecord(where)) throw new TypeError(`failNext: where must be an object of path parameters of ${operation} (${own.join(", ") || "it has none"})`);
  for (const [name, value] of Object.entries(where)) {
    if (!own.includes(name)) {
      throw new TypeError(`failNext: where.${name} is not a path parameter of ${operation}; ${own.length ? `it has ${own.join(", ")}` : "it has none"}`);
    }
    if (typeof value !== "string" || value === "") throw new TypeError(`failNext: where.${name} must be a non-empty string`);
  }
}

/** The queue of faults: each waits for the first request of its operation (and resource) to come. */
export function createFaultQueue() {
  const queued: Fault[] = [];
  return {
    /** Checks and queues a fault. */
    add(fault: unknown): void {
      checkFault(fault);
      queued.push(fault);
    },
    /** The first queued fault this request meets, taken off the queue. */
    take(operationId: OperationId, params: Readonly<Record<string, string>>): Fault | undefined {
      const at = queued.findIndex(
        (fault) => fault.operation === operationId && Object.entries(fault.where ?? {}).every(([name, value]) => params[name] === value),
      );
      return at === -1 ? undefined : queued.splice(at, 1)[0];
    },
    /** The faults still waiting, oldest first: copies, so a caller cannot change the queue. */
    list(): Fault[] {
      return queued.map((fault) => ({ ...fault, ...(fault.where && { where: { ...fault.where } }) }));
    },
    clear(): void {
      queued.length = 0;
    },
  };
}
