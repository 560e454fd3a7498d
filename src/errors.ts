// The error classes. Names follow Messente's Python and Java SDKs so their users feel at home;
// every failure the client can produce is a VerigatorError, so one `catch` handles them all.

/** What an error knows about the request and answer that caused it. Never holds credentials. */
export interface VerigatorErrorDetails {
  /** HTTP status of the answer; undefined when no answer arrived or the request was never sent. */
  status?: number | undefined;
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
  /** The underlying failure (a network error, say). */
  cause?: unknown;
}

export class VerigatorError extends Error {
  override name = "VerigatorError";
  readonly status: number | undefined;
  readonly body: unknown;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly requestId: string | undefined;
  readonly field: string | undefined;

  constructor(message: string, details: VerigatorErrorDetails = {}) {
    super(message, "cause" in details ? { cause: details.cause } : undefined);
    this.status = details.status;
    this.body = details.body;
    this.method = details.method;
    this.path = details.path;
    this.requestId = details.requestId;
    this.field = details.field;
  }
}

/** 400 or 422, or an argument rejected before sending (see `field`). */
export class InvalidDataError extends VerigatorError {
  override name = "InvalidDataError";
}
/** 401: missing or wrong X-Service-Auth. */
export class WrongCredentialsError extends VerigatorError {
  override name = "WrongCredentialsError";
}
/** 403: the credentials may not do this. */
export class ResourceForbiddenError extends VerigatorError {
  override name = "ResourceForbiddenError";
}
/** 404: no such service or user. */
export class NoSuchResourceError extends VerigatorError {
  override name = "NoSuchResourceError";
}
/** 409: the service or user already exists. */
export class ResourceAlreadyExistsError extends VerigatorError {
  override name = "ResourceAlreadyExistsError";
}
/** 5xx from the server. */
export class InternalError extends VerigatorError {
  override name = "InternalError";
}
/** An answer that is not what the document promises: not JSON, wrong shape, too large. */
export class InvalidResponseError extends VerigatorError {
  override name = "InvalidResponseError";
}
/** No answer within `timeoutMs` (per attempt). */
export class VerigatorTimeoutError extends VerigatorError {
  override name = "VerigatorTimeoutError";
}
/** The connection could not be made or broke (refused, reset, DNS); `cause` has the details. */
export class VerigatorConnectionError extends VerigatorError {
  override name = "VerigatorConnectionError";
}
/** The caller's own AbortSignal fired. Never retried. */
export class VerigatorAbortError extends VerigatorError {
  override name = "VerigatorAbortError";
}

const byStatus: Record<number, typeof VerigatorError> = {
  400: InvalidDataError,
  401: WrongCredentialsError,
  403: ResourceForbiddenError,
  404: NoSuchResourceError,
  409: ResourceAlreadyExistsError,
  422: InvalidDataError,
};

/** The class for an error answer with this status. */
export function errorClassFor(status: number): typeof VerigatorError {
  return byStatus[status] ?? (status >= 500 ? InternalError : VerigatorError);
}
