// Sends one built request: a timeout per attempt, retries where the retry policy allows,
// the answer's body read within the timeout and a size limit, and every way of not getting an
// answer turned into a VerigatorError. It hands back the answer's status, headers and text —
// no Response is built, because the decode step is the only reader.
import { InvalidResponseError, VerigatorAbortError, VerigatorConnectionError, VerigatorError, VerigatorTimeoutError } from "./errors.ts";
import type { Log } from "./logger.ts";
import { loggableHeaders } from "./logger.ts";
import type { Redact } from "./redact.ts";
import { redactCause } from "./redact.ts";
import { retryDelayMs, shouldRetryFailure, shouldRetryStatus, wasNotSent } from "./retry-policy.ts";
import { sleep, watchAbort } from "./sleep.ts";

/** A fetch as the client calls it: a URL string and an init, resolving with a standard Response. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Settings of one call: the client's defaults overridden by the call's options. */
export interface AttemptPolicy {
  timeoutMs: number;
  maxRetries: number;
  signal?: AbortSignal | undefined;
}

export interface TransportContext {
  fetch: FetchLike;
  maxResponseBytes: number;
  log: Log | undefined;
  /** Removes credentials from text taken from an answer or a failure. */
  redact: Redact;
}

/** Where a request went, for errors and log lines. */
export interface Where {
  method: string;
  path: string;
}

/** An answer with its body read. */
export interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

interface Failure {
  error: VerigatorError;
  retryable: boolean;
}

export async function send(url: string, init: RequestInit, policy: AttemptPolicy, context: TransportContext, where: Where): Promise<Answer> {
  const { method } = where;
  const { log } = context;
  log?.("debug", `→ ${method} ${where.path}`, { headers: loggableHeaders(init.headers) });
  for (let retry = 0; ; retry++) {
    const started = Date.now();
    const outcome = await attempt(url, init, policy, context, where);
    let waitMs: number;
    if ("error" in outcome) {
      if (retry >= policy.maxRetries || !outcome.retryable) throw outcome.error;
      waitMs = retryDelayMs(retry, null);
    } else {
      log?.("info", `← ${outcome.status} ${method} ${where.path} in ${Date.now() - started} ms`);
      const retryAfter = outcome.headers.get("retry-after");
      if (retry >= policy.maxRetries || !shouldRetryStatus(method, outcome.status, retryAfter)) return outcome;
      waitMs = retryDelayMs(retry, retryAfter);
      if (waitMs === Infinity) return outcome;
    }
    const reason = "error" in outcome ? outcome.error.name : `status ${outcome.status}`;
    log?.("warn", `retrying ${method} ${where.path} in ${Math.round(waitMs)} ms after ${reason} (retry ${retry + 1} of ${policy.maxRetries})`);
    await sleep(waitMs, policy.signal, () => aborted(where));
  }
}

const aborted = (where: Where) => new VerigatorAbortError("the request was aborted by the caller", where);

/** One try: an answer with its body read, or why there is none. */
async function attempt(url: string, init: RequestInit, policy: AttemptPolicy, context: TransportContext, where: Where): Promise<Answer | Failure> {
  const { signal } = policy;
  if (signal?.aborted) throw aborted(where);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, policy.timeoutMs);
  const unwatch = signal && watchAbort(signal, () => controller.abort());
  try {
    init.signal = controller.signal;
    const response = await context.fetch(url, init);
    const { status } = response;
    if (response.type === "opaqueredirect" || (status >= 300 && status < 400)) {
      // Not followed: X-Service-Auth would go along to wherever the redirect points.
      await response.body?.cancel();
      return { error: new InvalidResponseError("the server answered with a redirect, which is not followed", { ...where, status }), retryable: false };
    }
    return { status, statusText: response.statusText, headers: response.headers, text: await readBody(response, context.maxResponseBytes, where) };
  } catch (error) {
    if (signal?.aborted) throw aborted(where);
    if (error instanceof VerigatorError) throw error;
    if (timedOut) {
      return { error: new VerigatorTimeoutError(`no answer within ${policy.timeoutMs} ms`, where), retryable: shouldRetryFailure(where.method, false) };
    }
    const notSent = wasNotSent(error);
    const { redact } = context;
    const connection = new VerigatorConnectionError(`connection failed${notSent ? " before the request was sent" : ""}: ${redact(describe(error))}`, {
      ...where,
      cause: redactCause(error, redact),
    });
    return { error: connection, retryable: shouldRetryFailure(where.method, notSent) };
  } finally {
    clearTimeout(timer);
    unwatch?.();
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
  const message = (error as { message?: unknown } | undefined)?.message;
  return String(typeof cause === "string" ? cause : typeof message === "string" ? message : error);
}

/**
 * The body as text, refusing more than `limit` bytes without holding them. The bytes are
 * counted as they arrive, after any Content-Encoding was undone, so a small gzip that
 * inflates to gigabytes is refused at `limit`; Content-Length only allows an early refusal.
 */
export async function readBody(response: Response, limit: number, where: Where): Promise<string> {
  const tooLarge = () => new InvalidResponseError(`the answer is larger than ${limit} bytes`, { ...where, status: response.status });
  if (Number(response.headers.get("content-length")) > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  let text = "";
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
