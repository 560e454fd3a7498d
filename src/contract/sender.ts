// Sending, and nothing else: one request straight to the target, its answer read with the
// client's own bounded reader, timed. What is kept of it for a report never holds the
// credential: X-Service-Auth is shown as $VERIGATOR_AUTH, and the server's answer is redacted in
// every encoding it might echo the password in. The checks (checks.ts) judge what comes back.
import { InvalidResponseError } from "../errors.ts";
import { fillTemplate } from "../path-template.ts";
import { createCredentialRedactor } from "../redact.ts";
import { shellQuote } from "../shell-quote.ts";
import { readBody } from "../transport.ts";
import type { AuthKind, Exchange, RequestSpec, SentRequest } from "./exchange.ts";
import type { HttpOperation } from "./prism.ts";
import { authHeader, record } from "./resource-tree.ts";

export interface Sender {
  send(operation: HttpOperation, spec: RequestSpec): Promise<Exchange>;
  /** Requests sent so far, how many in a row got no answer in time, how many in all, and each answered one's time. */
  readonly stats: { requests: number; timeoutsInARow: number; timeouts: number; durationsMs: number[] };
  /** Removes the credential, in every encoding it may be echoed in, from a text. */
  readonly redact: (text: string) => string;
}

const maxBodyBytes = 1024 * 1024;
/** How much of a body a report shows: cut here once, with the length said. */
const excerptLength = 300;
const excerpt = (text: string) => (text.length > excerptLength ? `${text.slice(0, excerptLength)}… (${text.length} characters)` : text);
/** The boundary of a multipart body the suite sends (a fixed one: the same seed sends the same bytes). */
const boundary = "verigator-contract-boundary";

/** A body's text, its content type, and how curl sends the same. */
interface Payload {
  text: string;
  contentType: string | undefined;
  curl: string[];
}

const formFields = (body: unknown) =>
  Object.entries(record(body)).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)] as const);

function payloadOf(spec: RequestSpec, redact: (text: string) => string): Payload | undefined {
  if (spec.raw) {
    const { text, contentType } = spec.raw;
    return { text, contentType, curl: ["--data-raw", shellQuote(redact(text))] };
  }
  if (spec.body === undefined) return undefined;
  if (spec.encoding === "form") {
    const text = new URLSearchParams(formFields(spec.body).map(([name, value]) => [name, value])).toString();
    return { text, contentType: "application/x-www-form-urlencoded", curl: ["--data-raw", shellQuote(redact(text))] };
  }
  if (spec.encoding === "multipart") {
    const parts = formFields(spec.body).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    const text = `${parts.join("")}--${boundary}--\r\n`;
    const curl = formFields(spec.body).flatMap(([name, value]) => ["-F", shellQuote(redact(`${name}=${value}`))]);
    return { text, contentType: `multipart/form-data; boundary=${boundary}`, curl };
  }
  const text = JSON.stringify(spec.body);
  return { text, contentType: "application/json", curl: ["--data-raw", shellQuote(redact(text))] };
}

function curlLine(url: string, request: SentRequest, payload: Payload | undefined, auth: AuthKind, header: string | undefined): string {
  const parts = ["curl", "-sS", "-i", "-X", request.method, shellQuote(url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === header?.toLowerCase()) continue;
    // curl writes its own multipart type, with its own boundary.
    if (name === "content-type" && value.startsWith("multipart/")) continue;
    parts.push("-H", shellQuote(`${name}: ${value}`));
  }
  // The credential comes from the shell's environment, never from the report.
  if (header && auth === "valid") parts.push("-H", `"${header}: $VERIGATOR_AUTH"`);
  if (header && auth === "wrong password") parts.push("-H", `"${header}: \${VERIGATOR_AUTH%%:*}:wrong-password"`);
  if (payload) parts.push(...payload.curl);
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

export function createSender(options: { target: string; username: string; password: string; timeoutMs: number }): Sender {
  const { target, timeoutMs } = options;
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
    const payload = payloadOf(spec, redact);
    const headers: Record<string, string> = { accept: spec.accept ?? "application/json", ...(payload?.contentType && { "content-type": payload.contentType }) };
    const sent: Record<string, string> = { ...headers };
    if (header && auth === "valid") sent[header.toLowerCase()] = credential;
    if (header && auth === "wrong password") sent[header.toLowerCase()] = wrongCredential;
    const shown = {
      ...headers,
      ...(header && auth === "valid" && { [header]: "$VERIGATOR_AUTH" }),
      ...(header && auth === "wrong password" && { [header]: "(the username with a wrong password)" }),
    };
    const request: SentRequest = { method: operation.method.toUpperCase(), path, headers: shown, ...(payload && { body: excerpt(redact(payload.text)) }) };
    const url = target + path;
    const exchange: Exchange = { operation, spec, request, curl: curlLine(url, request, payload, auth, header) };

    stats.requests++;
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      // A body without a type must go as bytes: fetch labels a string body text/plain.
      const body = payload === undefined ? undefined : payload.contentType ? payload.text : new TextEncoder().encode(payload.text);
      response = await fetch(url, { method: request.method, headers: sent, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      // The client's own bounded reader: a hostile server may send far more, or lie about its length.
      text = await readBody(response, maxBodyBytes, { method: request.method, path });
    } catch (error) {
      if (error instanceof InvalidResponseError) return { ...exchange, problem: { kind: "too large", message: error.message } };
      const reason = noAnswerReason(error, timeoutMs);
      const timedOut = reason.startsWith("no answer within");
      if (!spec.probe) {
        stats.timeoutsInARow = timedOut ? stats.timeoutsInARow + 1 : 0;
        if (timedOut) stats.timeouts++;
      }
      return { ...exchange, problem: { kind: timedOut ? "timeout" : "no answer", message: reason } };
    }
    if (!spec.probe) stats.timeoutsInARow = 0;
    const headersRead: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headersRead[name] = value;
    });
    let json: unknown;
    if (text.length) {
      try {
        json = JSON.parse(text);
      } catch {}
    }
    const durationMs = performance.now() - started;
    stats.durationsMs.push(durationMs);
    return {
      ...exchange,
      answer: {
        status: response.status,
        headers: headersRead,
        text,
        ...(json !== undefined && { json }),
        shown: { status: response.status, contentType: headersRead["content-type"], body: excerpt(redact(text)), durationMs: Math.round(durationMs) },
      },
    };
  }

  return { send, stats, redact };
}
