// Optional logging of requests, answers and retries. The X-Service-Auth header is never
// logged: its value is replaced before a line is made.

/** The lowest level a logger gets: `debug` adds each request and answer, `off` logs nothing. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with console's four methods, e.g. `console` itself or a pino/winston logger. */
export interface Logger {
  /** A call failed for good. */
  error(message: string, details?: Record<string, unknown>): void;
  /** Something to look at: a retry, a refused option. */
  warn(message: string, details?: Record<string, unknown>): void;
  /** A call and its outcome. */
  info(message: string, details?: Record<string, unknown>): void;
  /** Each attempt's request and answer (X-Service-Auth never shown). */
  debug(message: string, details?: Record<string, unknown>): void;
}

export type Log = (level: Exclude<LogLevel, "off">, message: string, details?: Record<string, unknown>) => void;

const ranks: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** A log function for `level` and above, or undefined when nothing would be logged. */
export function createLog(logger: Logger | undefined, level: LogLevel | undefined): Log | undefined {
  const threshold = ranks[level ?? (logger ? "info" : "off")];
  if (!threshold || !logger) return undefined;
  return (at, message, details) => {
    if (ranks[at] <= threshold) logger[at](message, details);
  };
}

export const redactedHeader = "x-service-auth";

/** Request headers as a plain object, with the credentials replaced by "***". */
export function loggableHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = name === redactedHeader ? "***" : value;
  });
  return out;
}
