// The stateful fake: services, users and PINs kept in memory, every request routed and checked
// with what is generated from the document (operation table, schema checker, declared
// statuses and their example messages), answers typed from generated/. Answers a standard
// Request with a standard Response, so it serves `fake.fetch`, `fake.listen` and MSW alike.
import { operationAnswers } from "../../generated/operation-answers.ts";
import { operationTable } from "../../generated/operation-table.ts";
import { isJsonMediaType } from "../media-type.js";
import type { CheckedSchema } from "../schema-check.ts";
import { findProblem } from "../schema-check.ts";
import { sleep } from "../sleep.ts";
import type { OperationId } from "../types.ts";
import { json } from "./answer.ts";
import { conforms } from "./conforms.ts";
import { NoAuthenticatorError, NoSuchUserError, Refusal } from "./errors.ts";
import { createFaultQueue } from "./faults.ts";
import type { JournalEntry } from "./journal.ts";
import { checkedQuery, createJournal } from "./journal.ts";
import type { Candidate } from "./near-misses.ts";
import { nearMisses } from "./near-misses.ts";
import type { PreloadedService } from "./preload.ts";
import { checkedServices } from "./preload.ts";
import { apiCandidates, matchRoute } from "./routes.ts";
import type { Call, Rule, SentMessage, Store, StoredService, StoredUser } from "./rules.ts";
import { rules } from "./rules.ts";
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
/** Of a request body the journal keeps the parsed JSON only up to this many characters: what a test reads of an API body. */
const journalBodyChars = 16 * 1024;

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

/**
 * The fake's state and its answers to API requests. `candidates` are the routes a request that
 * matched none is compared with for its near misses: the API's, and what the entry point adds
 * (the control endpoints, which the state knows nothing else of).
 */
export function createFakeState(options: FakeVerigatorOptions, candidates: readonly Candidate[] = apiCandidates) {
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
  const faults = createFaultQueue();
  const journal = createJournal(maxJournal);
  const startedAt = new Date(now()).toISOString();

  /** Everything back to the start: the preloaded services as loaded, nothing else. */
  function reset(): void {
    services.clear();
    messages.length = 0;
    faults.clear();
    journal.clear();
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

  /** The operation's declared answer for `status`, with the document's example message. */
  function error(operationId: OperationId, status: number, detail?: string, headers?: Record<string, string>): Response {
    const errors: Readonly<Record<string, string>> = operationAnswers[operationId].errors;
    const message = errors[String(status)];
    // The rules answer only declared statuses; this guards them against a document change.
    if (message === undefined) throw new Error(`the fake would answer ${operationId} with ${status}, which the document does not declare`);
    return json(status, { message: detail ? `${message}: ${detail}` : message }, headers);
  }

  const store: Store = { services, messages, now, nextPin: () => nextPin(), maxAttempts, pinLifetimeMs };

  /** The operation's rule (rules.ts), once the request is routed, authenticated and its body checked. */
  function act<Op extends OperationId>(call: Call<Op>): Response {
    const rule: Rule<Op> = rules[call.operationId];
    try {
      return rule(call, store);
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
    journal.record(entry);
    const answer = await answerRequest(request, route, body);
    entry.status = answer === dropped ? undefined : answer.status;
    return answer;
  }

  async function answerRequest(request: Request, route: ReturnType<typeof matchRoute>, parsed: unknown): Promise<Handled> {
    if (route.kind === "operation") return answerOperation(request, route.operationId, route.params, parsed);
    // No route: the document's error body, with the routes it nearly matched (WireMock's near misses).
    const near = nearMisses(request.method, new URL(request.url).pathname, candidates);
    if (route.kind === "not found") return json(404, { message: "Not found", nearMisses: near });
    return json(405, { message: "Method not allowed", nearMisses: near }, { allow: route.allow.join(", ") });
  }

  async function answerOperation<Op extends OperationId>(request: Request, operationId: Op, params: Record<string, string>, parsed: unknown): Promise<Handled> {
    const fault = faults.take(operationId, params);
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
  const state = {
    handle,
    /** Queues a fault; checked first, also when it came over HTTP. */
    failNext: faults.add,
    faults: faults.list,
    reset,
    authorized,
    maxBodyBytes,
    now,
    messages: shownMessages,
    /** The journal entries a query names (checked first: QueryError names a bad field). */
    requests: (query?: unknown, fromUrl = false) => journal.find(checkedQuery(query, fromUrl)),
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
