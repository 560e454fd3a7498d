// One request of the suite, sent straight to the target, and the checks every answer gets:
// a declared status, no server error, a JSON content type, the body and headers as the
// document declares them (Prism's validator), within the request timeout. What is kept of it
// for a report never holds the credential: X-Service-Auth is shown as $VERIGATOR_AUTH, and
// the server's answer is redacted in every encoding it might echo the password in.
import { InvalidResponseError } from "../errors.ts";
import { createRedactor } from "../redact.ts";
import { readBody } from "../transport.ts";
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
  /** The rule, e.g. "status_code_conformance", "ignored_auth", "negative_data_rejection", "use_after_free". */
  rule: string;
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
}

export interface RequestSpec {
  params: Record<string, string>;
  /** A JSON value to send, or `raw` text with its own content type. */
  body?: unknown;
  raw?: { text: string; contentType: string | undefined };
  auth?: AuthKind;
  /** The Accept header (default application/json). */
  accept?: string;
}

export interface Sender {
  send(operation: HttpOperation, spec: RequestSpec): Promise<Exchange>;
  /** Requests sent so far, and how many in a row got no answer in time. */
  readonly stats: { requests: number; timeoutsInARow: number };
}

const maxBodyBytes = 1024 * 1024;
const excerptLength = 600;

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

function curlLine(url: string, request: SentRequest, auth: AuthKind, header: string | undefined): string {
  const parts = ["curl", "-sS", "-i", "-X", request.method, shellQuote(url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === header?.toLowerCase()) continue;
    parts.push("-H", shellQuote(`${name}: ${value}`));
  }
  // The credential comes from the shell's environment, never from the report.
  if (header && auth === "valid") parts.push("-H", `"${header}: $VERIGATOR_AUTH"`);
  if (header && auth === "wrong password") parts.push("-H", `"${header}: \${VERIGATOR_AUTH%%:*}:wrong-password"`);
  if (request.body !== undefined) parts.push("--data-raw", shellQuote(request.body));
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

const isJsonType = (type: string | undefined) => !!type && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type);

export function createSender(options: { target: string; username: string; password: string; timeoutMs: number; prism: Prism }): Sender {
  const { target, timeoutMs, prism } = options;
  const credential = `${options.username}:${options.password}`;
  const wrongCredential = `${options.username}:${options.password === "wrong-password" ? "wrong-password-2" : "wrong-password"}`;
  const redact = createRedactor([credential, options.password].filter((one) => one.length > 0));
  const stats = { requests: 0, timeoutsInARow: 0 };

  async function send(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    const auth = spec.auth ?? "valid";
    const header = authHeader(operation);
    const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(spec.params[name] ?? ""));
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
    const request: SentRequest = { method: operation.method.toUpperCase(), path, headers: shown, ...(body !== undefined && { body: redact(body) }) };
    const url = target + path;
    const exchange: Exchange = { operation: operationName(operation), request, failures: [], curl: curlLine(url, request, auth, header) };

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
        exchange.failures.push({ rule: "response_size", message: error.message });
        return exchange;
      }
      const reason = noAnswerReason(error, timeoutMs);
      stats.timeoutsInARow = reason.startsWith("no answer within") ? stats.timeoutsInARow + 1 : 0;
      exchange.failures.push({ rule: reason.startsWith("no answer within") ? "response_time" : "no_answer", message: reason });
      return exchange;
    }
    stats.timeoutsInARow = 0;
    const contentType = response.headers.get("content-type") ?? undefined;
    exchange.answer = { status: response.status, contentType, body: redact(text).slice(0, excerptLength), durationMs: Math.round(performance.now() - started) };
    let json: unknown;
    if (text.length) {
      try {
        json = JSON.parse(text);
        exchange.json = json;
      } catch {}
    }
    exchange.failures.push(...answerFailures(operation, response, text, json, prism));
    return exchange;
  }

  return { send, stats };
}

/** The rules every answer is held to, whatever the request was. */
function answerFailures(operation: HttpOperation, response: Response, text: string, json: unknown, prism: Prism): Failure[] {
  const failures: Failure[] = [];
  const { status } = response;
  const declared = operation.responses.find((one) => one.code === String(status)) ?? operation.responses.find((one) => one.code.toLowerCase() === "default");
  if (status >= 500) failures.push({ rule: "not_a_server_error", message: `the server answered ${status}` });
  if (!declared) {
    failures.push({
      rule: "status_code_conformance",
      message: `${status} is not a status the document declares for ${operationName(operation)} (${operation.responses.map((one) => one.code).join(", ")})`,
    });
    return failures;
  }
  const contents = declared.contents ?? [];
  if (!contents.length) return failures;
  const contentType = response.headers.get("content-type") ?? undefined;
  const optional = contents.some((one) => one.schema?.["x-body-optional"] === true);
  if (!text.length && optional) return failures;
  const wantsJson = contents.some((one) => isJsonType(one.mediaType));
  if (wantsJson && !isJsonType(contentType)) {
    failures.push({
      rule: "content_type_conformance",
      message: `the answer's content type is ${contentType ? `"${contentType}"` : "missing"}; the document declares ${contents.map((one) => one.mediaType).join(", ")}`,
    });
  }
  if (wantsJson && json === undefined) {
    failures.push({ rule: "response_schema_conformance", message: text.length ? "the body is not JSON" : "the body is empty" });
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
    const rule = where === "body" ? "response_schema_conformance" : /^header/.test(where) ? "response_headers_conformance" : "response_conformance";
    failures.push({ rule, message: diagnostic.message });
  }
  return failures;
}
