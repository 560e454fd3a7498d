// When a failed attempt may be sent again, and how long to wait first.
//
// GET and DELETE change nothing when repeated, so they are retried on connection failures,
// timeouts and 408/429/500/502/503/504. POST and PUT (add user, create service, start
// authentication, verify PIN) are re-sent only when the server proved it did not act on them:
// the connection was refused or the name did not resolve, it answered 429, or 503 *with*
// Retry-After. A plain 503 proves nothing: proxies answer 503 after forwarding when the
// upstream resets, and an application may answer 503 after its SMS gateway sent the SMS.
// Re-sending then adds a second user, sends a second SMS or burns an accepted PIN.

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "DELETE"]);
const idempotentRetryStatuses = new Set([408, 429, 500, 502, 503, 504]);

/** The longest `Retry-After` the client waits for; a longer one ends the retries. */
export const maxRetryAfterMs = 60_000;
const firstDelayMs = 500;
const maxDelayMs = 8_000;

export function isIdempotent(method: string): boolean {
  return idempotentMethods.has(method);
}

export function shouldRetryStatus(method: string, status: number, retryAfter: string | null): boolean {
  if (isIdempotent(method)) return idempotentRetryStatuses.has(status);
  return status === 429 || (status === 503 && retryAfter !== null);
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
 * A `Retry-After` header in ms: decimal seconds or an HTTP date. Undefined when absent or not
 * usable (negative, hexadecimal, neither number nor date). A date in the past gives 0.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  // Date.parse also reads plain numbers ("-1", "0x10") as years: an HTTP date has a letter.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (0-based): the backoff, or the server's
 * Retry-After when it asks for longer; Infinity when it asks for more than the client waits.
 */
export function retryDelayMs(retry: number, retryAfter: string | null, now = Date.now()): number {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined && asked > maxRetryAfterMs) return Infinity;
  return Math.max(backoffMs(retry), asked ?? 0);
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
