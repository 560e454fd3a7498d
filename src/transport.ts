// Sends one request with a timeout per attempt, retries what is safe to retry (see
// retry-policy.ts), reads the answer's body within the timeout and a size limit, and turns
// every way of not getting an answer into a VerigatorError.
import {
  InvalidResponseError,
  VerigatorAbortError,
  VerigatorConnectionError,
  VerigatorError,
  VerigatorTimeoutError,
} from "./errors.ts";
import type { Log } from "./logger.ts";
import { loggableHeaders } from "./logger.ts";
import { backoffMs, retryAfterMs, shouldRetryFailure, shouldRetryStatus, wasNotSent } from "./retry-policy.ts";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Settings of one call: the client's defaults overridden by the call's options. */
export interface AttemptPolicy {
  timeoutMs: number;
  maxRetries: number;
  signal?: AbortSignal | undefined;
  /** The request body already serialized, so it need not be read back out of the Request. */
  body?: string | undefined;
  /** Answer with a light stand-in for Response (status, headers, text()) instead of a new
   * Response: for the client's own methods, where the answer never reaches the caller. */
  lite?: boolean;
}

export interface TransportContext {
  fetch: FetchLike;
  maxResponseBytes: number;
  log: Log | undefined;
  /** Removes credentials from text taken from an answer. */
  redact: (text: string) => string;
}

interface Failure {
  error: VerigatorError;
  retryable: boolean;
}

/** Answers with no body by definition: `new Response` refuses a body for them. */
const nullBodyStatuses = new Set([101, 204, 205, 304]);

export async function send(request: Request, policy: AttemptPolicy, context: TransportContext): Promise<Response> {
  const { method, url, headers } = request;
  const path = new URL(url).pathname;
  const where = { method, path };
  const body = policy.body ?? (request.body ? await request.arrayBuffer() : undefined);
  const { log } = context;
  log?.("debug", `→ ${method} ${path}`, { headers: loggableHeaders(headers) });

  for (let retry = 0; ; retry++) {
    const started = Date.now();
    const outcome = await attempt(url, { method, headers, body, redirect: "manual" }, policy, context, where);
    let waitMs: number;
    if (!("error" in outcome)) {
      log?.("info", `← ${outcome.status} ${method} ${path} in ${Date.now() - started} ms`);
      if (retry >= policy.maxRetries || !shouldRetryStatus(method, outcome.status)) return outcome;
      waitMs = retryAfterMs(outcome.headers.get("retry-after")) ?? backoffMs(retry);
      if (waitMs === Infinity) return outcome;
    } else {
      if (retry >= policy.maxRetries || !outcome.retryable) throw outcome.error;
      waitMs = backoffMs(retry);
    }
    const reason = "error" in outcome ? outcome.error.name : `status ${outcome.status}`;
    log?.("warn", `retrying ${method} ${path} in ${Math.round(waitMs)} ms after ${reason} (retry ${retry + 1} of ${policy.maxRetries})`);
    await sleep(waitMs, policy.signal, where);
  }
}

/** One try: an answer with its body read, or why there is none. */
async function attempt(
  url: string,
  init: RequestInit,
  policy: AttemptPolicy,
  context: TransportContext,
  where: { method: string; path: string },
): Promise<Response | Failure> {
  const { signal } = policy;
  if (signal?.aborted) throw new VerigatorAbortError("the request was aborted by the caller", where);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, policy.timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort);
  try {
    const response = await context.fetch(url, { ...init, signal: controller.signal });
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      // Not followed: X-Service-Auth would go along to wherever the redirect points.
      await response.body?.cancel();
      return { error: new InvalidResponseError("the server answered with a redirect, which is not followed", { ...where, status: response.status }), retryable: false };
    }
    const text = await readBody(response, context.maxResponseBytes, where);
    const { status, statusText, headers } = response;
    const ok = status >= 200 && status < 300;
    const body = ok ? text : context.redact(text);
    if (policy.lite) return { status, statusText, ok, headers, url, text: () => Promise.resolve(body) } as unknown as Response;
    const answer = new Response(nullBodyStatuses.has(status) ? null : body, { status, statusText, headers });
    Object.defineProperty(answer, "url", { value: url });
    return answer;
  } catch (error) {
    if (signal?.aborted) throw new VerigatorAbortError("the request was aborted by the caller", where);
    if (error instanceof VerigatorError) throw error;
    if (timedOut) {
      const timeout = new VerigatorTimeoutError(`no answer within ${policy.timeoutMs} ms`, where);
      return { error: timeout, retryable: shouldRetryFailure(init.method as string, false) };
    }
    const notSent = wasNotSent(error);
    const connection = new VerigatorConnectionError(
      `connection failed${notSent ? " before the request was sent" : ""}: ${describe(error)}`,
      { ...where, cause: error },
    );
    return { error: connection, retryable: shouldRetryFailure(init.method as string, notSent) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
  const message = (error as { message?: unknown } | undefined)?.message;
  return String(typeof cause === "string" ? cause : typeof message === "string" ? message : error);
}

/** The body as text, refusing more than `limit` bytes without buffering them. */
async function readBody(response: Response, limit: number, where: { method: string; path: string }): Promise<string> {
  const tooLarge = () =>
    new InvalidResponseError(`the answer is larger than ${limit} bytes`, { ...where, status: response.status });
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (declared >= 0) return response.text();
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function sleep(ms: number, signal: AbortSignal | undefined, where: { method: string; path: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new VerigatorAbortError("the request was aborted by the caller", where));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
