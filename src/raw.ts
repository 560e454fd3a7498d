// `verigator/raw`: the typed openapi-fetch client, for `{ data, error, response }` results.
// Its own entry point, so that an app using only the methods does not bundle openapi-fetch.
// It runs on the same transport as the methods (timeouts, retries, size cap, redaction),
// honours the Request's own signal, and hands openapi-fetch and its middleware real Responses.

import type { Client } from "openapi-fetch";
import createClient from "openapi-fetch";
import type { paths } from "../generated/verigator.ts";
import { decode, isHttpStatus } from "./decode.ts";
import type { VerigatorOptions } from "./options.ts";
import { configure } from "./options.ts";
import { send } from "./transport.ts";

/** Answers with no body by definition: `new Response` refuses a body for them. */
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * openapi-fetch's typed client for the document, on this package's transport: the same
 * options, timeouts, retries, redaction and size cap as createVerigator. Resolves with
 * `{ data, error, response }` as openapi-fetch does (errors are answers, not rejections);
 * rejects with VerigatorTimeoutError, VerigatorConnectionError, VerigatorAbortError or
 * InvalidResponseError when there is no answer to hand over.
 */
export function createRawClient(options: VerigatorOptions = {}): Client<paths> {
  const config = configure(options);
  const { context } = config;
  return interopDefault(createClient)<paths>({
    baseUrl: config.baseUrl,
    headers: config.headers,
    fetch: async (request: Request) => {
      const where = { method: request.method, path: new URL(request.url).pathname };
      const body = request.body ? await request.arrayBuffer() : undefined;
      const init: RequestInit = { method: request.method, headers: request.headers, body, redirect: "manual" };
      const answer = await send(request.url, init, { timeoutMs: config.timeoutMs, maxRetries: config.maxRetries, signal: request.signal }, context, where);
      const { status, statusText, headers } = answer;
      // decode() throws the same InvalidResponseError the methods give (and needs no schema to).
      if (!isHttpStatus(status)) decode(answer, undefined, context.redact, where);
      const text = status < 300 ? answer.text : context.redact(answer.text);
      return new Response(nullBodyStatuses.has(status) ? null : text, { status, statusText, headers });
    },
  });
}

export type { Client } from "openapi-fetch";
export type { paths } from "../generated/verigator.ts";
export type { VerigatorOptions } from "./options.ts";

/**
 * openapi-fetch's CommonJS build sets `exports.default`; Node-style interop (what our CommonJS
 * build does, like Node's own import of CommonJS) hands over its whole exports object instead.
 */
function interopDefault<T extends (...args: never[]) => unknown>(imported: T): T {
  return typeof imported === "function" ? imported : (imported as unknown as { default: T }).default;
}
