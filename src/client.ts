// createVerigator: one thin method per operation of the document, on top of openapi-fetch.
// Each method names its operation; the operation table generated from the document gives
// the method, path and the schemas that requests and answers are checked against.
import createClient from "openapi-fetch";
import type { Client } from "openapi-fetch";
import type { paths } from "../generated/verigator.ts";
import { operationTable } from "../generated/operation-table.ts";
import { errorClassFor, InvalidDataError, InvalidResponseError, VerigatorError } from "./errors.ts";
import { createLog } from "./logger.ts";
import type { CallOptions, VerigatorOptions } from "./options.ts";
import {
  checkedBaseUrl,
  checkedNumber,
  defaultBaseUrl,
  defaultMaxResponseBytes,
  defaultMaxRetries,
  defaultTimeoutMs,
  serviceAuth,
} from "./options.ts";
import type { CheckedSchema } from "./schema-check.ts";
import { findProblem } from "./schema-check.ts";
import { send } from "./transport.ts";
import type { AttemptPolicy, FetchLike, TransportContext } from "./transport.ts";
import type { OperationId, PathParams, RequestBody, ResponseBody } from "./types.ts";

/** How much of an unexpected answer an error keeps. */
const excerptLength = 500;

/** The client: one method per operation; results and arguments typed from the document. */
export interface Verigator {
  /** The typed openapi-fetch client underneath, for `{ data, error, response }` results. */
  raw: Client<paths>;
  services: {
    create(service: RequestBody<"createService">, options?: CallOptions): Promise<ResponseBody<"createService">>;
    get(serviceId: string, options?: CallOptions): Promise<ResponseBody<"getService">>;
    /** Resolves once deleted (202, no body). Delete the service's users first. */
    delete(serviceId: string, options?: CallOptions): Promise<void>;
  };
  users: {
    list(serviceId: string, options?: CallOptions): Promise<ResponseBody<"listUsers">["users"]>;
    get(serviceId: string, userId: string, options?: CallOptions): Promise<ResponseBody<"getUser">>;
    /** Store the returned `id`: it is the UserId used for authentication. */
    create(serviceId: string, user: RequestBody<"createUser">, options?: CallOptions): Promise<ResponseBody<"createUser">>;
    delete(serviceId: string, userId: string, options?: CallOptions): Promise<void>;
  };
  auth: {
    /** Resolves with the method actually used: `totp` falls back to `sms`. */
    start(
      serviceId: string,
      userId: string,
      start: RequestBody<"startAuthentication">,
      options?: CallOptions,
    ): Promise<ResponseBody<"startAuthentication">>;
    /** A wrong PIN resolves with `verified: false`; it is an answer, not an error. */
    verify(serviceId: string, userId: string, pin: RequestBody<"verifyPin">, options?: CallOptions): Promise<ResponseBody<"verifyPin">>;
  };
}

export function createVerigator(options: VerigatorOptions = {}): Verigator {
  const auth = serviceAuth(options);
  const baseUrl = checkedBaseUrl(options.baseUrl ?? defaultBaseUrl);
  const defaults = {
    timeoutMs: checkedNumber("timeoutMs", options.timeoutMs, defaultTimeoutMs),
    maxRetries: checkedNumber("maxRetries", options.maxRetries, defaultMaxRetries),
  };
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const context: TransportContext = {
    fetch: fetchImpl,
    maxResponseBytes: checkedNumber("maxResponseBytes", options.maxResponseBytes, defaultMaxResponseBytes),
    log: createLog(options.logger, options.logLevel),
    redact: (text) => redact(text, auth),
  };
  const headers: Record<string, string> = { ...options.headers, Accept: "application/json" };
  if (auth) headers["X-Service-Auth"] = auth;

  /** The typed openapi-fetch client, for `{ data, error, response }` results. */
  const raw: Client<paths> = createClient<paths>({
    baseUrl,
    headers,
    fetch: (request: Request) => send(request, defaults, context),
  });

  async function call<Op extends OperationId>(
    operationId: Op,
    params: PathParams<Op>,
    body: RequestBody<Op>,
    options: CallOptions | undefined,
  ): Promise<ResponseBody<Op>> {
    const callOptions = options ?? {};
    const operation: { method: string; path: string; request?: CheckedSchema; response?: CheckedSchema } =
      operationTable[operationId];
    const { method } = operation;
    checkPathParams(params as Record<string, unknown> | undefined, method);
    if (operation.request) {
      const problem = findProblem(operation.request, body);
      if (problem) throw new InvalidDataError(`${problem[0]} ${problem[1]}`, { field: problem[0], method });
    }
    const policy: AttemptPolicy = {
      timeoutMs: checkedNumber("timeoutMs", callOptions.timeoutMs, defaults.timeoutMs),
      maxRetries: checkedNumber("maxRetries", callOptions.maxRetries, defaults.maxRetries),
      signal: callOptions.signal,
      lite: true,
    };
    // The generic request() cannot tie a runtime path to its types; the thin methods below
    // are typed from the document instead.
    const request = raw.request as (method: string, path: string, init: object) => Promise<RawResult>;
    let result: RawResult;
    try {
      result = await request(method, operation.path, {
        params: { path: params },
        body,
        headers: callOptions.headers,
        parseAs: "text",
        bodySerializer: (value: unknown) => (policy.body = JSON.stringify(value)),
        fetch: (built: Request) => send(built, policy, context),
      });
    } catch (error) {
      if (error instanceof VerigatorError) throw error;
      // Only building the Request can throw anything else, e.g. a header value that is not bytes.
      throw new InvalidDataError(`the request could not be built: ${(error as Error).message}`, { method, cause: error });
    }
    return readResult(result, operation, context.redact) as ResponseBody<Op>;
  }

  return {
    raw,
    services: {
      create: (service: RequestBody<"createService">, callOptions?: CallOptions) =>
        call("createService", undefined, service, callOptions),
      get: (serviceId: string, callOptions?: CallOptions) =>
        call("getService", { ServiceId: serviceId }, undefined, callOptions),
      delete: (serviceId: string, callOptions?: CallOptions): Promise<void> =>
        call("deleteService", { ServiceId: serviceId }, undefined, callOptions),
    },
    users: {
      list: async (serviceId: string, callOptions?: CallOptions) =>
        (await call("listUsers", { ServiceId: serviceId }, undefined, callOptions)).users,
      get: (serviceId: string, userId: string, callOptions?: CallOptions) =>
        call("getUser", { ServiceId: serviceId, UserId: userId }, undefined, callOptions),
      create: (serviceId: string, user: RequestBody<"createUser">, callOptions?: CallOptions) =>
        call("createUser", { ServiceId: serviceId }, user, callOptions),
      delete: (serviceId: string, userId: string, callOptions?: CallOptions): Promise<void> =>
        call("deleteUser", { ServiceId: serviceId, UserId: userId }, undefined, callOptions),
    },
    auth: {
      start: (serviceId: string, userId: string, start: RequestBody<"startAuthentication">, callOptions?: CallOptions) =>
        call("startAuthentication", { ServiceId: serviceId, UserId: userId }, start, callOptions),
      verify: (serviceId: string, userId: string, pin: RequestBody<"verifyPin">, callOptions?: CallOptions) =>
        call("verifyPin", { ServiceId: serviceId, UserId: userId }, pin, callOptions),
    },
  };
}

/** IDs must be non-empty strings that stay inside their path segment. */
function checkPathParams(params: Record<string, unknown> | undefined, method: string): void {
  for (const [field, value] of Object.entries(params ?? {})) {
    let problem: string | undefined;
    if (typeof value !== "string") problem = `must be a string, not ${value === null ? "null" : typeof value}`;
    else if (value === "") problem = "must not be empty";
    else if (value === "." || value === "..") problem = "must not be '.' or '..'";
    else if (!isWellFormed(value)) problem = "must be well-formed Unicode";
    if (problem) throw new InvalidDataError(`${field} ${problem}`, { field, method });
  }
}

function isWellFormed(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** Passwords shorter than this are only removed as part of the whole header value: removing
 * every "p" or "abc" from an answer would garble it. */
const minRedactedPasswordLength = 6;

function redact(text: string, auth: string | undefined): string {
  if (!auth) return text;
  const password = auth.slice(auth.indexOf(":") + 1);
  const withoutAuth = text.replaceAll(auth, "[redacted]");
  return password.length < minRedactedPasswordLength ? withoutAuth : withoutAuth.replaceAll(password, "[redacted]");
}

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The typed success value, or the error the answer stands for. */
function readResult(
  { data, error, response }: RawResult,
  operation: { method: string; response?: CheckedSchema },
  redactText: (text: string) => string,
): unknown {
  const { status, headers } = response;
  const details = {
    status,
    method: operation.method,
    path: new URL(response.url || "http://x/").pathname,
    requestId: headers.get("x-request-id") ?? undefined,
  };
  const isJson = /^application\/([\w.+-]*\+)?json\b/i.test(headers.get("content-type") ?? "");
  if (!response.ok) {
    if (typeof error === "string" && error !== "") {
      throw new InvalidResponseError(`status ${status} with a body that is not JSON`, { ...details, body: excerpt(error) });
    }
    const message = (error as { message?: unknown } | undefined)?.message;
    throw new (errorClassFor(status))(typeof message === "string" ? message : `status ${status}`, { ...details, body: error });
  }
  if (!operation.response) return undefined;
  const text = typeof data === "string" ? data : "";
  let value: unknown;
  try {
    if (!isJson) throw new Error();
    value = JSON.parse(text);
  } catch {
    const what = text === "" ? "an empty body" : isJson ? "a body that is not valid JSON" : `content type ${headers.get("content-type") ?? "none"}`;
    throw new InvalidResponseError(`status ${status} with ${what}`, { ...details, body: excerpt(redactText(text)) });
  }
  const problem = findProblem(operation.response, value);
  if (problem) {
    throw new InvalidResponseError(`the answer does not match the document: ${problem[0]} ${problem[1]}`, {
      ...details,
      field: problem[0],
      body: excerpt(redactText(text)),
    });
  }
  return value;
}

function excerpt(text: string): string {
  return text.length > excerptLength ? `${text.slice(0, excerptLength)}…` : text;
}
