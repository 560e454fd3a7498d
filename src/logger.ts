// Optional logging of requests, answers and retries. The X-Service-Auth header is never
// logged: its value is replaced before a line is made.

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with console's four methods, e.g. `console` itself or a pino/winston logger. */
export interface Logger {
  error(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
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
