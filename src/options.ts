// The client's options, their defaults, and the checks made once in createVerigator.
import { VerigatorError } from "./errors.ts";
import type { Logger, LogLevel } from "./logger.ts";
import type { FetchLike } from "./transport.ts";

export interface VerigatorOptions {
  /** Messente API username. Leave both out when a backend of yours adds X-Service-Auth. */
  username?: string;
  /** Messente API password. A secret: never put it in code that runs in a browser. */
  password?: string;
  /** Defaults to https://api.verigator.com. Must be https: unless the host is loopback. */
  baseUrl?: string;
  /** A fetch to use instead of the global one, called like it. */
  fetch?: FetchLike;
  /** Extra headers sent with every request. */
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
  timeoutMs?: number;
  maxRetries?: number;
  /** Aborts the call at once; an aborted call is never retried. */
  signal?: AbortSignal;
  /** Extra headers for this call only. */
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
    throw configError(`baseUrl is not a URL: ${JSON.stringify(baseUrl)}`);
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

/** The X-Service-Auth value, or undefined when no credentials are configured. */
export function serviceAuth(options: VerigatorOptions): string | undefined {
  const { username, password } = options;
  if (username === undefined && password === undefined) return undefined;
  if (typeof username !== "string" || typeof password !== "string" || !username || !password) {
    throw configError("username and password must both be non-empty strings");
  }
  if (username.includes(":")) throw configError("username must not contain ':'");
  if (/[\r\n]/.test(username + password)) throw configError("username and password must not contain line breaks");
  // Header values are bytes: anything past Latin-1 (or a control character) cannot be sent.
  if (/[^\t\x20-\x7e\x80-\xff]/.test(username + password)) {
    throw configError("username and password must be printable Latin-1 text");
  }
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw configError(
      "a password in a browser can be read by anyone who opens the page. Point baseUrl at your own backend, " +
        "which adds X-Service-Auth, and leave username and password out (or pass dangerouslyAllowBrowser: true).",
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
