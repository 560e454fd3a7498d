// The one place an answer is read: status → error class, JSON parse, schema check, redaction
// and excerpt. Nothing is parsed twice; everything an error keeps is redacted and bounded.
import { errorClassFor, InvalidResponseError, RateLimitError } from "./errors.ts";
import { isJsonMediaType } from "./media-type.js";
import type { Redact } from "./redact.ts";
import { cleanMessage, redactHeaders, redactValue } from "./redact.ts";
import { parseRetryAfter } from "./retry-policy.ts";
import type { CheckedSchema } from "./schema-check.ts";
import { findProblem } from "./schema-check.ts";
import type { Answer, Where } from "./transport.ts";

/** How much text of an unexpected answer an error keeps. */
const excerptLength = 500;
/** Error bodies longer than this are kept as an excerpt rather than parsed JSON. */
const maxBodyLength = 8192;

const excerpt = (text: string) => (text.length > excerptLength ? `${text.slice(0, excerptLength)}…` : text);

/** A status `new Response` accepts; anything else is an answer the document cannot promise. */
export const isHttpStatus = (status: number) => status >= 200 && status <= 599;

/** The typed success value (undefined for an operation without an answer body), or throws the error the answer stands for. */
export function decode(answer: Answer, response: CheckedSchema | undefined, redact: Redact, where: Where): unknown {
  const { status, headers, text } = answer;
  const details = () => ({ ...where, status, headers: redactHeaders(headers, redact), requestId: headers.get("x-request-id") ?? undefined });
  const invalid = (message: string, field?: string) => new InvalidResponseError(message, { ...details(), field, body: excerpt(redact(text)) });
  if (!isHttpStatus(status)) throw invalid(`status ${status} is outside 200–599`);
  const isJson = isJsonMediaType(headers.get("content-type"));
  if (status < 300) {
    // An operation with no answer body accepts an empty or a JSON one alike (a 202 to a delete).
    if (!response) return undefined;
    const unreadable = () =>
      invalid(
        `status ${status} with ${text === "" ? "an empty body" : isJson ? "a body that is not valid JSON" : `content type ${headers.get("content-type") ?? "none"}`}`,
      );
    if (!isJson) throw unreadable();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw unreadable();
    }
    const problem = findProblem(response, value);
    if (problem) throw invalid(`the answer does not match the document: ${problem[0]} ${problem[1]}`, problem[0]);
    return value;
  }
  // An error status decides the class, whatever the body: gateways answer with their own
  // HTML or text. JSON is parsed and redacted value by value; anything else is kept as a
  // redacted excerpt. Only JSON nested past the limit is refused as an answer the client cannot read.
  let parsed: unknown;
  let body: unknown;
  if (text !== "") {
    try {
      parsed = isJson ? JSON.parse(text) : undefined;
    } catch {}
    if (parsed === undefined) body = excerpt(redact(text));
    else {
      try {
        // Walked even when only an excerpt is kept: the walk is what refuses a million-deep answer.
        body = redactValue(parsed, redact);
        if (text.length > maxBodyLength) body = excerpt(redact(text));
      } catch {
        throw invalid(`status ${status} with JSON nested deeper than the client reads`);
      }
    }
  }
  const serverMessage = (parsed as { message?: unknown } | null | undefined)?.message;
  const message = typeof serverMessage === "string" ? cleanMessage(redact(serverMessage)) : `status ${status}`;
  if (status === 429) throw new RateLimitError(message, { ...details(), body, retryAfterMs: parseRetryAfter(headers.get("retry-after")) });
  throw new (errorClassFor(status))(message, { ...details(), body });
}
