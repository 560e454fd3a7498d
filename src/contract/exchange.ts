// One request of the suite, sent straight to the target, and the checks every answer gets:
// a declared status, no server error, a JSON content type, the body and headers as the
// document declares them (Prism's validator), within the request timeout. What is kept of it
// for a report never holds the credential: X-Service-Auth is shown as $VERIGATOR_AUTH, and
// the server's answer is redacted in every encoding it might echo the password in.
import { InvalidResponseError } from "../errors.ts";
import { isJsonMediaType } from "../media-type.js";
import { fillTemplate } from "../path-template.ts";
import { createCredentialRedactor } from "../redact.ts";
import { readBody } from "../transport.ts";
import type { CheckName } from "./checks.ts";
import { check } from "./checks.ts";
import type { HttpOperation, Prism } from "./prism.ts";

/** How a request authenticates: the given credentials, none, or the right user with a wrong password. */
export type AuthKind = "valid" | "none" | "wrong password";

/** A request the suite sent, as a report shows it (never the credential). */
export interface SentRequest {
  /** "GET", "POST", … */
  method: string;
  /** The path with its parameters filled in, as sent. */
  path: string;
  /** The headers as sent, X-Service-Auth as `$VERIGATOR_AUTH` (or a note that it was left out or wrong). */
  headers: Record<string, string>;
  /** The body as sent, when there was one. */
  body?: string;
}

/** The server's own answer to a request, as a report shows it. */
export interface ReceivedAnswer {
  /** Its HTTP status. */
  status: number;
  /** Its Content-Type header, if it sent one. */
  contentType: string | undefined;
  /** The body, redacted and cut to a readable excerpt. */
  body: string;
  /** How long it took to come, in ms. */
  durationMs: number;
}

/** A rule an answer broke: a Schemathesis-style check name and what was wrong. */
export interface Failure {
  /** The check, e.g. check.status_code_conformance, check.exact_list, check.parent_scope (see `checks`). */
  rule: CheckName;
  /** What was wrong, in words. */
  message: string;
}

export interface Exchange {
  operation: string;
  request: SentRequest;
  /** Undefined when no answer came (connection refused, timed out). */
  answer?: ReceivedAnswer;
  /** The parsed JSON body, when the body was JSON. */
  json?: unknown;
  failures: Failure[];
  curl: string;
  /** The answer's Retry-After header, for waiting out a 429. */
  retryAfter?: string;
}

export interface RequestSpec {
  params: Record<string, string>;
  /** A JSON value to send, or `raw` text with its own content type. */
  body?: unknown;
  raw?: { text: string; contentType: string | undefined };
  auth?: AuthKind;
  /** The Accept header (default application/json). */
  accept?: string;
  /** A probe before the cases: not counted towards the timeouts that stop a run. */
  probe?: boolean;
}

export interface Sender {
  send(operation: HttpOperation, spec: RequestSpec): Promise<Exchange>;
  /** Requests sent so far, how many in a row got no answer in time, how many in all, and each answered one's time, checks included. */
  readonly stats: { requests: number; timeoutsInARow: number; timeouts: number; durationsMs: number[] };
  /** Removes the credential, in every encoding it may be echoed in, from a text. */
  readonly redact: (text: string) => string;
}

const maxBodyBytes = 1024 * 1024;
/** How much of a body a report shows: cut here once, with the length said. */
const excerptLength = 300;
const excerpt = (text: string) => (text.length > excerptLength ? `${text.slice(0, excerptLength)}… (${text.length} characters)` : text);

export function operationName(operation: HttpOperation): string {
  return operation.iid ?? `${operation.method.toUpperCase()} ${operation.path}`;
}

/** The header that carries the credentials for this operation, or undefined when it declares none. */
export function authHeader(operation: HttpOperation): string | undefined {
  for (const alternative of operation.security ?? []) {
    for (const scheme of alternative) if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) return scheme.name;
  }
  return undefined;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function curlLine(url: string, request: SentRequest, body: string | undefined, auth: AuthKind, header: string | undefined): string {
  const parts = ["curl", "-sS", "-i", "-X", request.method, shellQuote(url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === header?.toLowerCase()) continue;
    parts.push("-H", shellQuote(`${name}: ${value}`));
  }
  // The credential comes from the shell's environment, never from the report.
  if (header && auth === "valid") parts.push("-H", `"${header}: $VERIGATOR_AUTH"`);
  if (header && auth === "wrong password") parts.push("-H", `"${header}: \${VERIGATOR_AUTH%%:*}:wrong-password"`);
  if (body !== undefined) parts.push("--data-raw", shellQuote(body));
  return parts.join(" ");
}

/** Why a fetch got no answer, in words: "connection refused", "no answer within 10000 ms", … */
export function noAnswerReason(error: unknown, timeoutMs: number): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const byCode: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset before an answer",
    ENOTFOUND: "host name not found",
    EAI_AGAIN: "host name not found",
    UND_ERR_SOCKET: "connection closed before an answer",
    UND_ERR_HEADERS_TIMEOUT: `no answer within ${timeoutMs} ms`,
  };
  return (cause?.code && byCode[cause.code]) || cause?.message || (error instanceof Error ? error.message : String(error));
}

/** A text as the byte string of its UTF-8 encoding: what a header value holds. */
const asBytes = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

/** A path template with its parameters filled in, each percent-encoded. */
export const filledPath = (template: string, params: Record<string, string>) => fillTemplate(template, (name) => encodeURIComponent(params[name] ?? ""));

export function createSender(options: { target: string; username: string; password: string; timeoutMs: number; prism: Prism }): Sender {
  const { target, timeoutMs, prism } = options;
  // Header values go as bytes: a non-Latin-1 credential is sent as its UTF-8 bytes.
  const credential = asBytes(`${options.username}:${options.password}`);
  const wrongCredential = asBytes(`${options.username}:${options.password === "wrong-password" ? "wrong-password-2" : "wrong-password"}`);
  // The client's rule: the credential everywhere, a short password only where it stands alone.
  const redact = createCredentialRedactor(options.username, options.password);
  const durationsMs: number[] = [];
  const stats = { requests: 0, timeoutsInARow: 0, timeouts: 0, durationsMs };

  async function send(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    const auth = spec.auth ?? "valid";
    const header = authHeader(operation);
    const path = filledPath(operation.path, spec.params);
    const headers: Record<string, string> = { accept: spec.accept ?? "application/json" };
    let body: string | undefined;
    if (spec.raw) {
      body = spec.raw.text;
      if (spec.raw.contentType) headers["content-type"] = spec.raw.contentType;
    } else if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers["content-type"] = "application/json";
    }
    const sent: Record<string, string> = { ...headers };
    if (header && auth === "valid") sent[header.toLowerCase()] = credential;
    if (header && auth === "wrong password") sent[header.toLowerCase()] = wrongCredential;
    const shown = {
      ...headers,
      ...(header && auth === "valid" && { [header]: "$VERIGATOR_AUTH" }),
      ...(header && auth === "wrong password" && { [header]: "(the username with a wrong password)" }),
    };
    const request: SentRequest = { method: operation.method.toUpperCase(), path, headers: shown, ...(body !== undefined && { body: excerpt(redact(body)) }) };
    const url = target + path;
    const exchange: Exchange = {
      operation: operationName(operation),
      request,
      failures: [],
      curl: curlLine(url, request, body === undefined ? undefined : redact(body), auth, header),
    };

    stats.requests++;
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      // A body without a type must go as bytes: fetch labels a string body text/plain.
      const payload = body === undefined ? undefined : spec.raw && !spec.raw.contentType ? new TextEncoder().encode(body) : body;
      response = await fetch(url, { method: request.method, headers: sent, body: payload, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      // The client's own bounded reader: a hostile server may send far more, or lie about its length.
      text = await readBody(response, maxBodyBytes, { method: request.method, path });
    } catch (error) {
      if (error instanceof InvalidResponseError) {
        exchange.failures.push({ rule: check.response_size, message: error.message });
        return exchange;
      }
      const reason = noAnswerReason(error, timeoutMs);
      const timedOut = reason.startsWith("no answer within") && !spec.probe;
      stats.timeoutsInARow = timedOut ? stats.timeoutsInARow + 1 : 0;
      if (timedOut) stats.timeouts++;
      exchange.failures.push({ rule: reason.startsWith("no answer within") ? check.response_time : check.no_answer, message: reason });
      return exchange;
    }
    if (!spec.probe) stats.timeoutsInARow = 0;
    const contentType = response.headers.get("content-type") ?? undefined;
    const retryAfter = response.headers.get("retry-after");
    if (retryAfter !== null) exchange.retryAfter = retryAfter;
    exchange.answer = { status: response.status, contentType, body: excerpt(redact(text)), durationMs: Math.round(performance.now() - started) };
    let json: unknown;
    if (text.length) {
      try {
        json = JSON.parse(text);
        exchange.json = json;
      } catch {}
    }
    exchange.failures.push(...answerFailures(operation, response, text, json, prism));
    stats.durationsMs.push(performance.now() - started);
    return exchange;
  }

  return { send, stats, redact };
}

/** The rules every answer is held to, whatever the request was. */
function answerFailures(operation: HttpOperation, response: Response, text: string, json: unknown, prism: Prism): Failure[] {
  const failures: Failure[] = [];
  const { status } = response;
  const declared = operation.responses.find((one) => one.code === String(status)) ?? operation.responses.find((one) => one.code.toLowerCase() === "default");
  if (status >= 500) failures.push({ rule: check.not_a_server_error, message: `the server answered ${status}` });
  if (!declared) {
    failures.push({
      rule: check.status_code_conformance,
      message: `${status} is not a status the document declares for ${operationName(operation)} (${operation.responses.map((one) => one.code).join(", ")})`,
    });
    return failures;
  }
  const contents = declared.contents ?? [];
  if (!contents.length) return failures;
  const contentType = response.headers.get("content-type") ?? undefined;
  const optional = contents.some((one) => one.schema?.["x-body-optional"] === true);
  if (!text.length && optional) return failures;
  const wantsJson = contents.some((one) => isJsonMediaType(one.mediaType));
  if (wantsJson && !isJsonMediaType(contentType)) {
    failures.push({
      rule: check.content_type_conformance,
      message: `the answer's content type is ${contentType ? `"${contentType}"` : "missing"}; the document declares ${contents.map((one) => one.mediaType).join(", ")}`,
    });
  }
  if (wantsJson && json === undefined) {
    failures.push({ rule: check.response_schema_conformance, message: text.length ? "the body is not JSON" : "the body is empty" });
    return failures;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // Prism reads the media type from the headers; the content-type rule above already spoke.
  if (wantsJson) headers["content-type"] = "application/json";
  for (const diagnostic of prism.validate(operation, { statusCode: status, headers, body: json ?? text })) {
    if (/returned status code|media type/i.test(diagnostic.message)) continue;
    const where = String(diagnostic.path?.[0] ?? "");
    const rule = where === "body" ? check.response_schema_conformance : /^header/.test(where) ? check.response_headers_conformance : check.response_conformance;
    failures.push({ rule, message: diagnostic.message });
  }
  return failures;
}
