// The client's options, their defaults, and the checks made once in createVerigator.
import { InvalidDataError, VerigatorError } from "./errors.ts";
import type { Logger, LogLevel } from "./logger.ts";
import { createLog } from "./logger.ts";
import { createCredentialRedactor, createRedactor } from "./redact.ts";
import type { AttemptPolicy, FetchLike, TransportContext } from "./transport.ts";

/** What createVerigator (and createRawClient) takes; every option is optional. */
export interface VerigatorOptions {
  /** Messente API username. Leave both out when a backend of yours adds X-Service-Auth. */
  username?: string;
  /** Messente API password. A secret: never put it in code that runs in a browser. */
  password?: string;
  /** Defaults to https://api.verigator.com. Must be https: unless the host is loopback. */
  baseUrl?: string;
  /** A fetch to use instead of the global one, called like it. */
  fetch?: FetchLike;
  /** Extra headers sent with every request (not X-Service-Auth, Accept, Content-Type or framing headers). */
  headers?: Record<string, string>;
  /** Time limit of each attempt, answer body included, in ms. Default 30 000. */
  timeoutMs?: number;
  /** How many times a failed request may be sent again (see the retry policy). Default 2. */
  maxRetries?: number;
  /** Answers larger than this many bytes are refused with InvalidResponseError. Default 4 MiB. */
  maxResponseBytes?: number;
  /** Where log lines go, e.g. `console`. Nothing is logged without one. */
  logger?: Logger;
  /** Lowest level logged. Default "info" with a logger, "off" without. */
  logLevel?: LogLevel;
  /** Lets a password be used in a browser, where anyone can read it. Do not. */
  dangerouslyAllowBrowser?: boolean;
}

/** Options of a single call; they override the client's. */
export interface CallOptions {
  /** Time limit of each attempt of this call, answer body included, in ms (default: the client's). */
  timeoutMs?: number;
  /** How many times this call may be sent again (default: the client's); writes only when the server proved it did not act. */
  maxRetries?: number;
  /** Aborts the call at once; an aborted call is never retried. */
  signal?: AbortSignal;
  /** Extra headers for this call only; they cannot replace X-Service-Auth, Accept, Content-Type or framing headers. */
  headers?: Record<string, string>;
}

export const defaultBaseUrl = "https://api.verigator.com";
export const defaultTimeoutMs = 30_000;
export const defaultMaxRetries = 2;
export const defaultMaxResponseBytes = 4 * 1024 * 1024;

const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function configError(message: string): VerigatorError {
  return new VerigatorError(`createVerigator: ${message}`);
}

/** The base URL without a trailing slash; throws unless it is https: or loopback http:. */
export function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    // Not quoted: it may hold credentials (https://user:password@…).
    throw configError("baseUrl is not a URL");
  }
  const loopback = loopbackHost.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw configError(`baseUrl must use https: (http: only for 127.0.0.1, ::1 or localhost), got ${url.protocol}//${url.host}`);
  }
  if (url.username || url.password) throw configError("baseUrl must not contain credentials; use username and password");
  if (url.search || url.hash) throw configError("baseUrl must not have a query or a fragment");
  return url.href.replace(/\/+$/, "");
}

function isBrowser(): boolean {
  const scope = globalThis as { window?: { document?: unknown }; navigator?: unknown };
  return typeof scope.window?.document !== "undefined" && typeof scope.navigator !== "undefined";
}

/**
 * The X-Service-Auth value, or undefined when no credentials are configured. Refuses what
 * could not be sent as it is or redacted reliably; never quotes the value it refuses.
 */
export function serviceAuth(options: VerigatorOptions): string | undefined {
  const { username, password } = options;
  if (username === undefined && password === undefined) return undefined;
  if (typeof username !== "string" || typeof password !== "string" || !username || !password) {
    throw configError("username and password must both be non-empty strings");
  }
  if (username.includes(":")) throw configError("username must not contain ':'");
  for (const [field, value] of [
    ["username", username],
    ["password", password],
  ] as const) {
    // fetch trims header values and refuses line breaks, so the server would see another value than the one redacted.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
    if (/[\x00-\x1f\x7f]/.test(value)) throw configError(`${field} must not contain control characters such as line breaks or tabs`);
    if (value.trim() !== value) throw configError(`${field} must not start or end with whitespace: fetch would trim it`);
    // Header values are bytes: anything past Latin-1 cannot be sent.
    if (/[^\x20-\x7e\xa0-\xff]/.test(value)) throw configError(`${field} must be printable Latin-1 text`);
  }
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw configError(
      "a password in a browser is readable by anyone: point baseUrl at your own backend, which adds X-Service-Auth (or pass dangerouslyAllowBrowser: true)",
    );
  }
  return `${username}:${password}`;
}

/** The longest delay setTimeout can wait; a longer one would fire at once. */
const maxTimerMs = 2_147_483_647;

/** The range each numeric option (client-wide or per call) must lie in. */
const numberRanges = {
  timeoutMs: [1, maxTimerMs],
  maxRetries: [0, Number.MAX_SAFE_INTEGER],
  maxResponseBytes: [1, Number.MAX_SAFE_INTEGER],
} as const;

export function checkedNumber(name: keyof typeof numberRanges, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const [lowest, highest] = numberRanges[name];
  if (typeof value !== "number" || !(value >= lowest && value <= highest)) {
    throw new VerigatorError(`${name} must be a number from ${lowest} to ${highest}, got ${String(value)}`);
  }
  return value;
}

/**
 * Headers the caller may not set: the client sets the first three itself (replacing
 * X-Service-Auth would send credentials it cannot redact), and fetch owns the framing ones
 * (a wrong Content-Length hangs the request until its timeout).
 */
const reservedHeaders = new Set(["x-service-auth", "content-type", "accept", "content-length", "transfer-encoding", "host", "connection", "expect"]);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/** `base` with `extra` merged in, names lowercased; null or undefined removes a header. */
export function mergeHeaders(base: Record<string, string>, extra: Record<string, string | null | undefined>, method?: string): Record<string, string> {
  const merged = { ...base };
  for (const name in extra) {
    const value = extra[name];
    const key = name.toLowerCase();
    let problem: string | undefined;
    if (reservedHeaders.has(key)) problem = "is set by the client and cannot be replaced";
    else if (!headerName.test(name)) problem = "is not a valid header name";
    else if (value != null && (typeof value !== "string" || !headerValue.test(value))) problem = "must be Latin-1 text without line breaks";
    if (problem) throw new InvalidDataError(`header ${name} ${problem}`, { field: name, method });
    if (value == null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** What createVerigator and createRawClient share: checked once, used by every call. */
export interface ClientConfig {
  baseUrl: string;
  /** The base URL's path, e.g. "/verigator", for errors and log lines. */
  basePath: string;
  /** Every request's headers, lowercased: the client's, Accept and X-Service-Auth. */
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  context: TransportContext;
}

export function configure(options: VerigatorOptions): ClientConfig {
  const auth = serviceAuth(options);
  const baseUrl = checkedBaseUrl(options.baseUrl ?? defaultBaseUrl);
  const headers = mergeHeaders({}, options.headers ?? {});
  headers.accept = "application/json";
  if (auth) headers["x-service-auth"] = auth;
  const separator = auth?.indexOf(":") ?? -1;
  return {
    baseUrl,
    basePath: new URL(baseUrl).pathname.replace(/\/$/, ""),
    headers,
    timeoutMs: checkedNumber("timeoutMs", options.timeoutMs, defaultTimeoutMs),
    maxRetries: checkedNumber("maxRetries", options.maxRetries, defaultMaxRetries),
    context: {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      maxResponseBytes: checkedNumber("maxResponseBytes", options.maxResponseBytes, defaultMaxResponseBytes),
      log: createLog(options.logger, options.logLevel),
      redact: auth ? createCredentialRedactor(auth.slice(0, separator), auth.slice(separator + 1)) : createRedactor([]),
    },
  };
}

/** The timeout, retries and signal of one call. */
export function attemptPolicy(config: ClientConfig, options: CallOptions | undefined): AttemptPolicy {
  if (!options) return config;
  return {
    timeoutMs: checkedNumber("timeoutMs", options.timeoutMs, config.timeoutMs),
    maxRetries: checkedNumber("maxRetries", options.maxRetries, config.maxRetries),
    signal: options.signal,
  };
}
