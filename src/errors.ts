// The error classes. Names follow Messente's Python and Java SDKs so their users feel at home;
// every failure the client can produce is a VerigatorError, so one `catch` handles them all.
// Each class for an answer types its status as a literal, as Stainless SDKs do.

/** What an error knows about the request and answer that caused it. Never holds credentials. */
export interface VerigatorErrorDetails {
  /** HTTP status of the answer; undefined when no answer arrived or the request was never sent. */
  status?: number | undefined;
  /** The answer's headers (credentials removed); undefined when there was no answer. */
  headers?: Headers | undefined;
  /** The answer's body: parsed JSON, or a bounded excerpt of text. */
  body?: unknown;
  /** Request method, e.g. "POST". */
  method?: string | undefined;
  /** Request path, e.g. "/v1/service/service/abc/users". */
  path?: string | undefined;
  /** The server's `X-Request-Id`, when it sent one. */
  requestId?: string | undefined;
  /** The argument or body field that was rejected before sending. */
  field?: string | undefined;
  /** The underlying failure (a network error, say), credentials removed. */
  cause?: unknown;
}

/**
 * Every failure of the client: an error answer (a subclass per status), an answer that breaks
 * the document, a timeout, a connection failure or an abort. Catch it to handle them all; its
 * fields say what was sent and what came back, never a credential.
 */
export class VerigatorError extends Error {
  /** The class's name as a string literal: what `name` says and what `instanceof` compares across copies of this package. */
  static readonly errorName: string = "VerigatorError";
  /** The class's name, e.g. "NoSuchResourceError". */
  override name: string = (this.constructor as typeof VerigatorError).errorName;
  /** HTTP status of the answer; undefined when no answer arrived or the request was never sent. */
  readonly status: number | undefined;
  /** The answer's headers, credentials removed; undefined when there was no answer. */
  readonly headers: Headers | undefined;
  /** The answer's body, redacted: parsed JSON up to 8 KiB, else an excerpt of at most 500 characters; undefined when empty. */
  readonly body: unknown;
  /** The request's method, e.g. "POST". */
  readonly method: string | undefined;
  /** The request's path as sent, e.g. "/v1/service/service/abc/users". */
  readonly path: string | undefined;
  /** The server's `X-Request-Id`, when it sent one: quote it to the API's support. */
  readonly requestId: string | undefined;
  /** The argument or body field refused before sending, e.g. "phone_number". */
  readonly field: string | undefined;

  /** Made by the client; `details` are what the error shows (see VerigatorErrorDetails). */
  constructor(message: string, details: VerigatorErrorDetails = {}) {
    super(message, "cause" in details ? { cause: details.cause } : undefined);
    this.status = details.status;
    this.headers = details.headers;
    this.body = details.body;
    this.method = details.method;
    this.path = details.path;
    this.requestId = details.requestId;
    this.field = details.field;
  }

  /**
   * `instanceof` that also holds for an error made by another copy of this package: the ESM
   * and the CommonJS build loaded side by side (an app importing one, a test requiring the
   * other). Such an error matches by the error names along its class chain, which ends in a
   * class named VerigatorError.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, a subclass as often as not
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== "object" || value === null) return false;
    let matched = false;
    for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const name = (proto.constructor as { errorName?: unknown } | undefined)?.errorName;
      if (typeof name !== "string") break;
      // biome-ignore lint/complexity/noThisInStatic: as above
      if (name === this.errorName) matched = true;
      if (name === "VerigatorError") return matched;
    }
    return false;
  }

  /** What `JSON.stringify(error)` shows: an Error's own fields are otherwise not enumerable. */
  toJSON(): Record<string, unknown> {
    const { name, message, status, requestId, method, path, field, body } = this;
    return { name, message, status, requestId, method, path, field, body };
  }
}

/** 400 or 422, or an argument refused before sending (`field` names it; no status). */
export class InvalidDataError extends VerigatorError {
  static override readonly errorName: string = "InvalidDataError";
  /** The answer's HTTP status (undefined when refused before sending). */
  declare readonly status: 400 | 422 | undefined;
}
/** 401: missing or wrong X-Service-Auth. */
export class WrongCredentialsError extends VerigatorError {
  static override readonly errorName: string = "WrongCredentialsError";
  /** The answer's HTTP status. */
  declare readonly status: 401;
  /** The answer's headers, credentials removed. */
  declare readonly headers: Headers;
}
/** 403: the credentials may not do this. */
export class ResourceForbiddenError extends VerigatorError {
  static override readonly errorName: string = "ResourceForbiddenError";
  /** The answer's HTTP status. */
  declare readonly status: 403;
  /** The answer's headers, credentials removed. */
  declare readonly headers: Headers;
}
/** 404: no such service or user. */
export class NoSuchResourceError extends VerigatorError {
  static override readonly errorName: string = "NoSuchResourceError";
  /** The answer's HTTP status. */
  declare readonly status: 404;
  /** The answer's headers, credentials removed. */
  declare readonly headers: Headers;
}
/** 409: the service or user already exists. */
export class ResourceAlreadyExistsError extends VerigatorError {
  static override readonly errorName: string = "ResourceAlreadyExistsError";
  /** The answer's HTTP status. */
  declare readonly status: 409;
  /** The answer's headers, credentials removed. */
  declare readonly headers: Headers;
}
/** 429: too many requests; `retryAfterMs` is the server's Retry-After, when it sent one. */
export class RateLimitError extends VerigatorError {
  static override readonly errorName: string = "RateLimitError";
  /** The answer's HTTP status. */
  declare readonly status: 429;
  /** The answer's headers, credentials removed. */
  declare readonly headers: Headers;
  /** How long the server asked to wait (its Retry-After, in ms); undefined when it did not say. */
  readonly retryAfterMs: number | undefined;
  /** Made by the client, with the answer's Retry-After as `retryAfterMs`. */
  constructor(message: string, details: VerigatorErrorDetails & { retryAfterMs?: number | undefined }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
/** 5xx from the server. */
export class InternalError extends VerigatorError {
  static override readonly errorName: string = "InternalError";
  /** The answer's HTTP status, 500–599. */
  declare readonly status: number;
  /** The answer's headers, credentials removed. */
  declare readonly headers: Headers;
}
/** An answer that breaks what the document promises: a 2xx that is not JSON or not of the schema's shape, too large, nested too deep, a redirect, a status outside 200–599. */
export class InvalidResponseError extends VerigatorError {
  static override readonly errorName: string = "InvalidResponseError";
  /** The answer's HTTP status, when there was one. */
  declare readonly status: number | undefined;
  /** The answer's headers, credentials removed, when there were any. */
  declare readonly headers: Headers | undefined;
}
/** No answer within `timeoutMs` (per attempt). */
export class VerigatorTimeoutError extends VerigatorError {
  static override readonly errorName: string = "VerigatorTimeoutError";
  /** Always undefined: no answer arrived. */
  declare readonly status: undefined;
  /** Always undefined: no answer arrived. */
  declare readonly headers: undefined;
}
/** The connection could not be made or broke (refused, reset, DNS); `cause` has the details. */
export class VerigatorConnectionError extends VerigatorError {
  static override readonly errorName: string = "VerigatorConnectionError";
  /** Always undefined: no answer arrived. */
  declare readonly status: undefined;
  /** Always undefined: no answer arrived. */
  declare readonly headers: undefined;
}
/** The caller's own AbortSignal fired. Never retried. */
export class VerigatorAbortError extends VerigatorError {
  static override readonly errorName: string = "VerigatorAbortError";
  /** Always undefined: no answer arrived. */
  declare readonly status: undefined;
  /** Always undefined: no answer arrived. */
  declare readonly headers: undefined;
}

const byStatus: Record<number, new (message: string, details: VerigatorErrorDetails) => VerigatorError> = {
  400: InvalidDataError,
  401: WrongCredentialsError,
  403: ResourceForbiddenError,
  404: NoSuchResourceError,
  409: ResourceAlreadyExistsError,
  422: InvalidDataError,
  429: RateLimitError,
};

/** The class for an error answer with this status. */
export function errorClassFor(status: number): new (message: string, details: VerigatorErrorDetails) => VerigatorError {
  return byStatus[status] ?? (status >= 500 ? InternalError : VerigatorError);
}
