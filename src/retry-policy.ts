// When a failed attempt may be sent again, and how long to wait first.
//
// GET and DELETE change nothing when repeated, so they are retried on connection failures,
// timeouts and 408/429/500/502/503/504. POST and PUT (add user, create service, start
// authentication, verify PIN) are retried only when the server certainly did not act on
// them: the connection was refused or the name did not resolve, or it answered 429 or 503.
// A POST whose connection dropped after it was sent may have been processed; sending it
// again could add a second user or send a second SMS.

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "DELETE"]);
const idempotentRetryStatuses = new Set([408, 429, 500, 502, 503, 504]);
const unprocessedStatuses = new Set([429, 503]);

/** The longest `Retry-After` the client waits for; a longer one ends the retries. */
export const maxRetryAfterMs = 60_000;
const firstDelayMs = 500;
const maxDelayMs = 8_000;

export function isIdempotent(method: string): boolean {
  return idempotentMethods.has(method);
}

export function shouldRetryStatus(method: string, status: number): boolean {
  return (isIdempotent(method) ? idempotentRetryStatuses : unprocessedStatuses).has(status);
}

/** A failure with no answer: `notSent` when the request certainly never reached the server. */
export function shouldRetryFailure(method: string, notSent: boolean): boolean {
  return notSent || isIdempotent(method);
}

/** Exponential backoff from 0.5 s, doubling, capped at 8 s, minus up to 25 % jitter. */
export function backoffMs(retry: number): number {
  return Math.min(firstDelayMs * 2 ** retry, maxDelayMs) * (1 - Math.random() * 0.25);
}

/**
 * The wait a `Retry-After` header asks for (seconds or an HTTP date), in ms; undefined when
 * there is no usable header; Infinity when it asks for more than the client will wait.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (Number.isNaN(ms)) return undefined;
  return ms > maxRetryAfterMs ? Infinity : Math.max(0, ms);
}

const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/** Whether a fetch failure proves the request never reached a server (Node, Bun, Deno). */
export function wasNotSent(error: unknown): boolean {
  for (let at = error, depth = 0; at && typeof at === "object" && depth < 4; depth++) {
    const { code, message } = at as { code?: unknown; message?: unknown };
    if (typeof code === "string" && notSentCodes.has(code)) return true;
    if (typeof message === "string" && /ECONNREFUSED|Connection refused|ENOTFOUND|dns error/i.test(message)) return true;
    at = (at as { cause?: unknown }).cause;
  }
  return false;
}
