// The stateful fake: services, users and PINs kept in memory, every request routed and checked
// with what is generated from the document (operation table, schema checker, declared
// statuses and their example messages), answers typed from generated/. Answers a standard
// Request with a standard Response, so it serves `fake.fetch`, `fake.listen` and MSW alike.
import { operationAnswers } from "../../generated/operation-answers.ts";
import { operationTable } from "../../generated/operation-table.ts";
import { isJsonMediaType } from "../media-type.ts";
import type { CheckedSchema } from "../schema-check.ts";
import { findProblem } from "../schema-check.ts";
import { sleep } from "../sleep.ts";
import type { OperationId } from "../types.ts";
import { json } from "./answer.ts";
import { conforms, isRecord } from "./conforms.ts";
import { NoAuthenticatorError, NoSuchUserError } from "./errors.ts";
import type { PreloadedService } from "./preload.ts";
import { checkedServices } from "./preload.ts";
import { isOperationId, matchRoute } from "./routes.ts";
import type { Call, Rule, SentMessage, StoredService, StoredUser, World } from "./rules.ts";
import { Refusal, rules } from "./rules.ts";
import { base32, totpCode } from "./totp.ts";

export type { SentMessage } from "./rules.ts";

/** What createFakeVerigator takes: the credentials it accepts, and its rules' settings. */
export interface FakeVerigatorOptions {
  /** The username the fake accepts in X-Service-Auth (`username:password`). */
  username: string;
  /** The password the fake accepts in X-Service-Auth; any other answers 401. */
  password: string;
  /** Wrong PINs allowed before verification answers `throttled` (default: the document's `x-wrong-pin-limit`, 5). */
  maxAttempts?: number;
  /** How long a PIN stays valid (default 5 minutes). */
  pinLifetimeMs?: number;
  /** The fake's clock (default `Date.now`); `fake.advance(ms)` moves it further. */
  now?: () => number;
  /** Makes each SMS PIN (default: 6 random digits); a fixed one serves flows that cannot read `lastPin`, such as an Arazzo run. */
  nextPin?: () => string;
  /** Where `fake.handlers` intercept requests (default https://api.verigator.com, the client's default). */
  baseUrl?: string;
  /**
   * Services (and their users) the fake starts with, at fixed ids — e.g. the ServiceId your app
   * is configured with. Checked whole against the document's rules first: a bad entry throws a
   * TypeError naming it and its field, and nothing is loaded. `fake.reset()` brings them back.
   */
  services?: PreloadedService[];
  /**
   * The largest request body `fake.listen` reads, in bytes (default 1 MiB, as Fastify's
   * `bodyLimit`): a larger one is refused with 413 while it is read, before anything is buffered.
   */
  maxBodyBytes?: number;
  /** How many requests the journal keeps, oldest dropped first (default 5000); 0 keeps none. */
  maxJournal?: number;
}

/** The latest instant an ISO timestamp (Date) can hold: the fake's clock is never moved past it. */
const latestInstant = 8.64e15;
/** The longest delay a fault may ask for: 10 minutes (a timer takes at most 2^31 - 1 ms). */
export const maxFaultDelayMs = 600_000;
/** Of a request body the journal keeps the parsed JSON only up to this many characters: what a test reads of an API body. */
const journalBodyChars = 16 * 1024;
const httpDate = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Whether an X-Service-Auth value is the credential: its bytes compared with the credential's
 * UTF-8 bytes (so `user:pass✓` sent by curl authenticates, and only the UTF-8 form does), in
 * time that does not depend on where they differ. Hand-written: node:crypto's timingSafeEqual
 * is not there in the browsers and workers fake.fetch runs in.
 */
function sameCredential(header: string | null, expected: Uint8Array): boolean {
  if (header === null) return false;
  // A header value holds bytes, one per character (Node reads them as Latin-1).
  const given = Uint8Array.from(header, (character) => character.charCodeAt(0) & 0xff);
  let difference = given.length ^ expected.length;
  for (let at = 0; at < expected.length; at++) difference |= (given[at] ?? 0) ^ expected[at]!;
  return difference === 0;
}

/** A request the fake answered, as `fake.requests` and `GET /_fake/requests` list it. Holds no header value, so no credential. */
export interface JournalEntry {
  /** The operation it matched, or undefined for a request that matched none (a 404 or 405). */
  operation: OperationId | undefined;
  /** "GET", "POST", … */
  method: string;
  /** The path as sent, e.g. "/v1/service/service/s1/users". */
  path: string;
  /** The path parameters, decoded, e.g. { ServiceId: "s1" }. */
  params: Record<string, string>;
  /** The request body parsed as JSON; undefined when there was none or it was not JSON. */
  body: unknown;
  /** The status answered; undefined when the connection was dropped (a `drop` fault). */
  status: number | undefined;
  /** When it arrived, on the fake's clock (ms since the epoch). */
  at: number;
}

type Answers = typeof operationAnswers;
/** The error statuses the document declares for an operation. */
export type DeclaredErrorStatus<Op extends OperationId> = keyof Answers[Op]["errors"] extends `${infer Status extends number}` ? Status : never;

interface FaultBase<Op extends OperationId> {
  /** The operation whose next request fails, e.g. "createUser". */
  operation: Op;
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

/** What `failNext` does to the next request for `operation`. */
export type Fault<Op extends OperationId = OperationId> = StatusFault<Op> | DropFault<Op> | DelayFault<Op>;

/** What `handle` answers: a Response, or a connection closed without one. */
export const dropped = Symbol("dropped");
export type Handled = Response | typeof dropped;

function checkedOption(name: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a number ≥ ${min}`);
  return value;
}

function randomPin(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return String(value! % 1_000_000).padStart(6, "0");
}

export function createFakeState(options: FakeVerigatorOptions) {
  if (typeof options?.username !== "string" || typeof options.password !== "string") {
    throw new TypeError("createFakeVerigator needs { username, password }: the credentials it accepts");
  }
  const expectedAuth = `${options.username}:${options.password}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(expectedAuth)) throw new TypeError("the credentials hold a control character (CR, LF, NUL, …): no header can carry them");
  const expectedBytes = new TextEncoder().encode(expectedAuth);
  const authorized = (request: Request) => sameCredential(request.headers.get("x-service-auth"), expectedBytes);
  const maxBodyBytes = checkedOption("maxBodyBytes", options.maxBodyBytes, 1024 * 1024, 1);
  const maxJournal = checkedOption("maxJournal", options.maxJournal, 5000, 0);
  const maxAttempts = checkedOption("maxAttempts", options.maxAttempts, operationAnswers.verifyPin.wrongPinLimit, 1);
  const pinLifetimeMs = checkedOption("pinLifetimeMs", options.pinLifetimeMs, 5 * 60_000, 0);
  const baseNow = options.now ?? Date.now;
  const nextPin = options.nextPin ?? randomPin;
  const preloaded = checkedServices(options.services);
  let offset = 0;
  const now = () => baseNow() + offset;

  const services = new Map<string, StoredService>();
  const messages: SentMessage[] = [];
  const faults: Fault[] = [];
  const journal: JournalEntry[] = [];
  const startedAt = new Date(now()).toISOString();

  /** Everything back to the start: the preloaded services as loaded, nothing else. */
  function reset(): void {
    services.clear();
    messages.length = 0;
    faults.length = 0;
    journal.length = 0;
    offset = 0;
    for (const { id, fqdn, name, users = [] } of preloaded) {
      const stored: StoredService = { service: { id, name, ctime: startedAt }, fqdn, users: new Map() };
      for (const user of users) {
        stored.users.set(user.id, {
          user: { id: user.id, ctime: startedAt, id_in_service: user.id_in_service },
          phone: user.phone_number,
          authenticator: undefined,
          pending: undefined,
        });
      }
      services.set(id, stored);
    }
  }
  reset();

  function findUser(serviceId: string, userId: string): StoredUser {
    const found = services.get(serviceId)?.users.get(userId);
    if (!found) throw new NoSuchUserError(serviceId, userId);
    return found;
  }

  /** Throws (TypeError/RangeError, saying why) unless `fault` is one the document allows for its operation. */
  function checkFault(fault: unknown): asserts fault is Fault {
    const given = isRecord(fault) ? fault : {};
    const { operation, status, retryAfter, delayMs, drop } = given;
    if (typeof operation !== "string" || !isOperationId(operation)) {
      throw new TypeError(`failNext: unknown operation ${String(operation)}; one of ${Object.keys(operationAnswers).join(", ")}`);
    }
    const known = ["operation", "status", "retryAfter", "delayMs", "drop"];
    const unknown = Object.keys(given).find((key) => !known.includes(key));
    if (unknown) throw new TypeError(`failNext: ${unknown} is not a field of a fault; a fault has ${known.join(", ")}`);
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

  /** Queues a fault for the next request of its operation; checked first, also when it came over HTTP. */
  function failNext(fault: unknown): void {
    checkFault(fault);
    faults.push(fault);
  }

  function takeFault(operationId: OperationId): Fault | undefined {
    const at = faults.findIndex((fault) => fault.operation === operationId);
    return at === -1 ? undefined : faults.splice(at, 1)[0];
  }

  /** The operation's declared answer for `status`, with the document's example message. */
  function error(operationId: OperationId, status: number, detail?: string, headers?: Record<string, string>): Response {
    const errors: Readonly<Record<string, string>> = operationAnswers[operationId].errors;
    const message = errors[String(status)];
    // The rules answer only declared statuses; this guards them against a document change.
    if (message === undefined) throw new Error(`the fake would answer ${operationId} with ${status}, which the document does not declare`);
    return json(status, { message: detail ? `${message}: ${detail}` : message }, headers);
  }

  const world: World = { services, messages, now, nextPin: () => nextPin(), maxAttempts, pinLifetimeMs };

  /** The operation's rule (rules.ts), once the request is routed, authenticated and its body checked. */
  function act<Op extends OperationId>(call: Call<Op>): Response {
    const rule: Rule<Op> = rules[call.operationId];
    try {
      return rule(call, world);
    } catch (refused) {
      if (refused instanceof Refusal) return error(call.operationId, refused.status, refused.detail);
      throw refused;
    }
  }

  /** Answers one API request and records it in the journal, oldest first. */
  async function handle(request: Request): Promise<Handled> {
    const { pathname } = new URL(request.url);
    const text = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {}
    const route = matchRoute(request.method, pathname);
    // The journal keeps what a test reads of an API request: no body of one refused for its
    // credentials, none of a body larger than an API body.
    const entry: JournalEntry = {
      operation: route.kind === "operation" ? route.operationId : undefined,
      method: request.method,
      path: pathname,
      params: route.kind === "operation" ? { ...route.params } : {},
      body: text.length <= journalBodyChars && authorized(request) ? body : undefined,
      status: undefined,
      at: now(),
    };
    record(entry);
    const answer = await answerRequest(request, route, body);
    entry.status = answer === dropped ? undefined : answer.status;
    return answer;
  }

  /** Adds to the journal, dropping the oldest past `maxJournal`. */
  function record(entry: JournalEntry): void {
    if (maxJournal === 0) return;
    journal.push(entry);
    if (journal.length > maxJournal) journal.splice(0, journal.length - maxJournal);
  }

  async function answerRequest(request: Request, route: ReturnType<typeof matchRoute>, parsed: unknown): Promise<Handled> {
    if (route.kind === "not found") return json(404, { message: "Not found" });
    if (route.kind === "method not allowed") return json(405, { message: "Method not allowed" }, { allow: route.allow.join(", ") });
    return answerOperation(request, route.operationId, route.params, parsed);
  }

  async function answerOperation<Op extends OperationId>(request: Request, operationId: Op, params: Record<string, string>, parsed: unknown): Promise<Handled> {
    const fault = takeFault(operationId);
    if (fault?.delayMs) await sleep(fault.delayMs, request.signal);
    if (fault?.drop === true) return dropped;
    if (fault?.status !== undefined) {
      const retryAfter = fault.retryAfter === undefined ? undefined : { "retry-after": String(fault.retryAfter) };
      return error(operationId, fault.status, undefined, retryAfter);
    }
    if (!authorized(request)) return error(operationId, 401);
    const schema: CheckedSchema | undefined = operationTable[operationId].request;
    // As the mock answers it: Messente's page marks Content-Type: application/json as required.
    if (schema && !isJsonMediaType(request.headers.get("content-type"))) return error(operationId, 422, "the body is not sent as application/json");
    if (schema && parsed === undefined) return error(operationId, 422, "the body is not JSON");
    const body = schema ? parsed : undefined;
    const problem = schema && findProblem(schema, body);
    if (problem) return error(operationId, 422, `${problem[0]} ${problem[1]}`);
    if (!conforms(operationId, body)) return error(operationId, 422, "the body does not match the document");
    const answer = act({ operationId, params, body });
    return fault?.drop === "after acting" ? dropped : answer;
  }

  const shownMessages: readonly SentMessage[] = messages;
  const shownJournal: readonly JournalEntry[] = journal;
  const state = {
    handle,
    failNext,
    reset,
    authorized,
    maxBodyBytes,
    now,
    queuedFaults: () => faults.length,
    messages: shownMessages,
    requests: shownJournal,
    lastPin(serviceId: string, userId: string): string | undefined {
      for (let at = messages.length - 1; at >= 0; at--) {
        const message = messages[at]!;
        if (message.serviceId === serviceId && message.userId === userId) return message.pin;
      }
      return undefined;
    },
    addAuthenticator(serviceId: string, userId: string): { secret: string } {
      const stored = findUser(serviceId, userId);
      stored.authenticator = crypto.getRandomValues(new Uint8Array(20));
      return { secret: base32(stored.authenticator) };
    },
    totp(serviceId: string, userId: string): string {
      const { authenticator } = findUser(serviceId, userId);
      if (!authenticator) throw new NoAuthenticatorError(serviceId, userId);
      return totpCode(authenticator, now());
    },
    advance(ms: number): void {
      checkedOption("advance(ms)", ms, 0, 0);
      // Past the latest date an ISO timestamp holds, every ctime would throw.
      if (now() + ms > latestInstant)
        throw new RangeError(`advance(ms): the clock would pass ${new Date(latestInstant).toISOString()}, the latest date a timestamp holds`);
      offset += ms;
    },
  };
  return state;
}
