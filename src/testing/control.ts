// The fake's control endpoints, under /_fake/ — outside the API's paths and never in its
// document: what a test in any language needs that only `fake.*` gives in JavaScript. Read the
// SMS sent, the request journal; reset; queue a fault; move the clock; give a user an
// authenticator and read its code. Guarded by the same X-Service-Auth as the API; described by
// openapi/fake-control.yaml (test/fake-control.test.ts checks every answer against it).
import { json } from "./answer.ts";
import { isRecord } from "./conforms.ts";
import { NoAuthenticatorError, NoSuchUserError, Refusal } from "./errors.ts";
import { QueryError } from "./journal.ts";
import type { Candidate } from "./near-misses.ts";
import { nearMisses } from "./near-misses.ts";

/** What the control endpoints need of the fake's state, and nothing more. */
export interface ControlledState {
  /** Whether the request carries the credentials the fake accepts. */
  authorized(request: Request): boolean;
  readonly messages: readonly { readonly to: string }[];
  /** The journal entries a query names; throws QueryError naming a field it cannot read. */
  requests(query: Record<string, string>, fromUrl: true): readonly unknown[];
  reset(): void;
  /** Queues a fault; throws TypeError or RangeError, saying why, for one it cannot deliver. */
  failNext(fault: unknown): void;
  /** The faults still waiting, oldest first. */
  faults(): readonly unknown[];
  /** Moves the clock; throws RangeError past what a timestamp holds. */
  advance(ms: number): void;
  now(): number;
  /** Throw NoSuchUserError; totp also NoAuthenticatorError. */
  addAuthenticator(serviceId: string, userId: string): { secret: string };
  totp(serviceId: string, userId: string): string;
}

type State = ControlledState;

export const controlPrefix = "/_fake/";

/** Every control endpoint and its methods: the routes below are typed by it, and near misses compare with it. */
const endpoints = {
  messages: ["GET"],
  requests: ["GET"],
  reset: ["POST"],
  "fail-next": ["GET", "POST"],
  advance: ["POST"],
  authenticator: ["POST"],
  totp: ["GET"],
} as const;
type Endpoints = typeof endpoints;
const isEndpoint = (name: string): name is keyof Endpoints => Object.hasOwn(endpoints, name);

/** The control endpoints as routes, for the near misses of a request that matched none. */
export const controlCandidates: readonly Candidate[] = Object.entries(endpoints).flatMap(([name, methods]) =>
  methods.map((method) => ({ method, template: `${controlPrefix}${name}` })),
);

/** The JSON object a control request sent; 422 for anything else. */
async function objectBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Refusal(422, "the body is not JSON");
  }
  if (!isRecord(body)) throw new Refusal(422, "the body must be a JSON object");
  return body;
}

/**
 * A query parameter as written: a literal `+` stays a `+` (`?to=+3725555555`, as people type a
 * phone number), where URLSearchParams would read a space; `%2B` works too.
 */
function queryValue(url: URL, name: string): string | null {
  for (const pair of url.search.slice(1).split("&")) {
    const at = pair.indexOf("=");
    const key = at < 0 ? pair : pair.slice(0, at);
    if (key !== name) continue;
    try {
      return decodeURIComponent(at < 0 ? "" : pair.slice(at + 1));
    } catch {
      throw new Refusal(422, `${name} is not well-formed percent-encoding`);
    }
  }
  return null;
}

function string(body: Record<string, unknown> | URL, name: string): string {
  const value = body instanceof URL ? queryValue(body, name) : body[name];
  if (typeof value !== "string" || !value) throw new Refusal(422, `${name} must be a non-empty string`);
  return value;
}

/** A state call that throws for an unknown user (404) or a user without an authenticator (409). */
function userCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof NoSuchUserError) throw new Refusal(404, error.message);
    if (error instanceof NoAuthenticatorError) throw new Refusal(409, error.message);
    throw error;
  }
}

type Route = (request: Request, url: URL) => Promise<Response> | Response;
type Routes = { [Name in keyof Endpoints]: { [Method in Endpoints[Name][number]]: Route } };

/** The query of a URL as names and values, each name once (a repeated one names no single value: 422). */
function queryOf(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of url.search.slice(1).split("&")) {
    if (!pair) continue;
    const name = pair.slice(0, pair.includes("=") ? pair.indexOf("=") : undefined);
    if (Object.hasOwn(out, name)) throw new Refusal(422, `${name}: given twice; give it once`);
    out[name] = queryValue(url, name) ?? "";
  }
  return out;
}

function routes(state: State): Routes {
  return {
    messages: {
      GET: (_, url) => {
        const to = queryValue(url, "to");
        return json(200, { messages: state.messages.filter((message) => to === null || message.to === to) });
      },
    },
    requests: {
      GET: (_, url) => {
        try {
          return json(200, { requests: state.requests(queryOf(url), true) });
        } catch (error) {
          if (error instanceof QueryError) throw new Refusal(422, error.message);
          throw error;
        }
      },
    },
    reset: {
      POST: () => {
        state.reset();
        return json(200, { reset: true });
      },
    },
    "fail-next": {
      GET: () => json(200, { faults: state.faults() }),
      POST: async (request) => {
        const fault = await objectBody(request);
        try {
          state.failNext(fault);
        } catch (error) {
          throw new Refusal(422, error instanceof Error ? error.message : String(error));
        }
        return json(200, { queued: state.faults().length });
      },
    },
    advance: {
      POST: async (request) => {
        const { ms } = await objectBody(request);
        if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new Refusal(422, "ms must be a number ≥ 0");
        try {
          state.advance(ms);
        } catch (error) {
          throw new Refusal(422, error instanceof Error ? error.message : String(error));
        }
        return json(200, { now: state.now() });
      },
    },
    authenticator: {
      POST: async (request) => {
        const body = await objectBody(request);
        const serviceId = string(body, "serviceId");
        const userId = string(body, "userId");
        return json(
          200,
          userCall(() => state.addAuthenticator(serviceId, userId)),
        );
      },
    },
    totp: {
      GET: (_, url) => {
        const serviceId = string(url, "serviceId");
        const userId = string(url, "userId");
        return json(200, { code: userCall(() => state.totp(serviceId, userId)) });
      },
    },
  };
}

/**
 * Answers a request under /_fake/; never recorded in the journal. `candidates` are the routes an
 * unknown control path is compared with for its near misses (the API's and the control endpoints').
 */
export function createControl(state: State, candidates: readonly Candidate[]): (request: Request, url: URL) => Promise<Response> {
  const table = routes(state);
  return async (request, url) => {
    if (!state.authorized(request)) return json(401, { message: "Authentication required" });
    const name = url.pathname.slice(controlPrefix.length);
    const methods: Partial<Record<string, Route>> | undefined = isEndpoint(name) ? table[name] : undefined;
    const near = () => nearMisses(request.method, url.pathname, candidates);
    if (!methods) return json(404, { message: `no control endpoint ${url.pathname}; see openapi/fake-control.yaml`, nearMisses: near() });
    const route = methods[request.method];
    if (!route) return json(405, { message: "Method not allowed", nearMisses: near() }, { allow: Object.keys(methods).join(", ") });
    try {
      return await route(request, url);
    } catch (error) {
      if (error instanceof Refusal) return json(error.status, { message: error.message });
      throw error;
    }
  };
}
