// `verigator/testing`: a stateful Verigator for tests of apps that use two-factor login.
// Services, users and PINs persist per fake; requests are routed and checked with what is
// generated from the document; the test reads the PIN the "SMS" carried.
import { defaultBaseUrl } from "../options.ts";
import type { OperationId } from "../types.ts";
import { controlCandidates, controlPrefix, createControl } from "./control.ts";
import type { FakeVerigatorOptions, Handled, SentMessage } from "./fake.ts";
import { createFakeState, dropped } from "./fake.ts";
import type { Fault } from "./faults.ts";
import type { JournalEntry, RequestQuery } from "./journal.ts";
import { mswHandlers } from "./msw.ts";
import type { FakeServer, ListenOptions } from "./node.ts";
import { listen } from "./node.ts";
import { apiCandidates } from "./routes.ts";

export type { FakeVerigatorOptions, SentMessage } from "./fake.ts";
export type { DeclaredErrorStatus, DelayFault, DropFault, Fault, FaultTarget, StatusFault } from "./faults.ts";
export type { JournalEntry, RequestQuery, StatusClass } from "./journal.ts";
export { QueryError } from "./journal.ts";
export type { FakeServer, ListenOptions } from "./node.ts";
export type { PreloadedService, PreloadedUser } from "./preload.ts";

/** A stateful Verigator in memory, for tests: see createFakeVerigator. */
export interface FakeVerigator {
  /** A `fetch` served by the fake: give it to `createVerigator({ fetch })`. Routes by path, whatever the origin. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Every SMS "sent", oldest first. Over HTTP: `GET /_fake/messages[?to=PHONE]`. */
  readonly messages: readonly SentMessage[];
  /**
   * The API requests the fake answered, oldest first, with the operation each matched (undefined
   * for none), its parsed body and the status answered; no header values, so no credential.
   * Control requests (/_fake/…) are not in it. Narrowed by `query`: `{ operation: "createUser",
   * status: "4xx", since: startedAt }` — every field optional; `limit` keeps the newest. A query
   * it cannot read throws QueryError naming the field. Over HTTP: `GET /_fake/requests?…`.
   */
  requests(query?: RequestQuery): JournalEntry[];
  /**
   * Back to the start: what tests created is gone, the preloaded services and users are back as
   * loaded; messages, the journal, pending PINs, authenticators, queued faults and the clock
   * offset are cleared. Over HTTP: `POST /_fake/reset`.
   */
  reset(): void;
  /** The PIN of the last SMS sent to the user, or undefined. */
  lastPin(serviceId: string, userId: string): string | undefined;
  /** Gives the user an authenticator app: `totp` no longer falls back to `sms`. Returns its base32 secret. */
  addAuthenticator(serviceId: string, userId: string): { secret: string };
  /** The user's current authenticator code, on the fake's clock. */
  totp(serviceId: string, userId: string): string;
  /** Moves the fake's clock forward (PIN expiry, authenticator codes). */
  advance(ms: number): void;
  /**
   * The next request for `fault.operation` fails as told (faults queue, one per request); with
   * `where: { ServiceId }` only a request for that resource. A fault the document does not allow
   * throws TypeError or RangeError saying why. Over HTTP: `POST /_fake/fail-next`.
   */
  failNext<Op extends OperationId>(fault: Fault<Op>): void;
  /** The faults still waiting for their request, oldest first (until they fire, or a reset). Over HTTP: `GET /_fake/fail-next`. */
  readonly faults: readonly Fault[];
  /**
   * Node only: serves the fake over HTTP on 127.0.0.1 (port 0: a free one), the control
   * endpoints under /_fake/ included (openapi/fake-control.yaml). Resolves once listening.
   */
  listen(options?: ListenOptions): Promise<FakeServer>;
  /**
   * Node only, needs msw 2: request handlers for `setupServer(...fake.handlers)`, matching `baseUrl`.
   * msw is an optional peer dependency: without it this is typed any[] (scripts/build.mjs marks
   * the published types' import of msw with @ts-ignore).
   */
  readonly handlers: import("msw").HttpHandler[];
}

/**
 * A stateful fake of the Verigator API for your tests: services, users and PINs kept in
 * memory, every request checked against the document's rules (401, 404, 409, 422 as the API
 * answers them), the PIN of each "SMS" in `fake.messages`, faults on demand. Serve it to the
 * client with `fetch: fake.fetch`, over HTTP with `fake.listen()`, or with MSW. Throws
 * TypeError without `{ username, password }`, RangeError for a bad option.
 */
export function createFakeVerigator(options: FakeVerigatorOptions): FakeVerigator {
  const candidates = [...apiCandidates, ...controlCandidates];
  const state = createFakeState(options, candidates);
  const control = createControl(state, candidates);
  // The control endpoints are dispatched here: the state knows nothing of them.
  const handle = (request: Request): Promise<Handled> => {
    const url = new URL(request.url);
    return url.pathname.startsWith(controlPrefix) ? control(request, url) : state.handle(request);
  };
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  let handlers: FakeVerigator["handlers"] | undefined;
  return {
    async fetch(input, init) {
      const request = new Request(input, init);
      if (request.signal.aborted) throw request.signal.reason;
      const answer = await handle(request);
      if (answer !== dropped) return answer;
      // What fetch does when the server closes the connection without answering.
      const reset = Object.assign(new Error("the fake closed the connection without an answer (failNext drop)"), { code: "ECONNRESET" });
      throw new TypeError("fetch failed", { cause: reset });
    },
    messages: state.messages,
    requests: (query) => state.requests(query),
    reset: state.reset,
    lastPin: state.lastPin,
    addAuthenticator: state.addAuthenticator,
    totp: state.totp,
    advance: state.advance,
    failNext: state.failNext,
    get faults() {
      return state.faults();
    },
    listen: async (listenOptions) => listen(handle, listenOptions, state.maxBodyBytes),
    get handlers() {
      handlers ??= mswHandlers(handle, baseUrl);
      return handlers;
    },
  };
}
