// Where a Try it request goes, and how its answer is read. By default to the sandbox: the
// stateful fake of verigator/testing running in this page (`fake.fetch`) — no server, no
// credentials, nothing leaves the page. With a Base URL, to that server through the browser's
// fetch, with the X-Service-Auth the reader typed: kept in this module's memory only, never in
// the URL, in storage, in the console or in a log. An answer is read as text up to a size and a
// time: a huge or endless one is cut, not waited for.
import { createCredentialRedactor, type Redact } from "../redact.ts";
import { createFakeVerigator, type FakeVerigator } from "../testing/index.ts";

/** The sandbox's own credential: sent for the reader when they give none. */
export const sandboxCredential = { username: "sandbox", password: "sandbox" };
/** Where the sandbox's requests claim to go; `fake.fetch` routes by path, and nothing is fetched. */
const sandboxOrigin = "http://sandbox.invalid";
/** How much of an answer the panel reads, and how long it waits for it. */
export const maxAnswerBytes = 256 * 1024;
export const answerTimeoutMs = 10_000;

/** What the reader chose: a base URL (empty: the sandbox) and a credential (empty: none, or the sandbox's). */
export interface Settings {
  baseUrl: string;
  credential: string;
}

/** An answer as the panel shows it: everything already text, redacted, bounded. */
export interface Answer {
  status: number;
  headers: [string, string][];
  /** The body as text, up to `maxAnswerBytes`. */
  text: string;
  /** The parsed body, when it was JSON. */
  json?: unknown;
  /** Why the body is not whole (too large, too slow), when it is not. */
  cut?: string;
  ms: number;
}

/** A request the panel refuses to send, naming the field to fix. */
export class SettingsError extends Error {
  constructor(
    readonly field: "Base URL" | "X-Service-Auth",
    message: string,
  ) {
    super(message);
  }
}

/** The base URL as a server origin and path prefix; a SettingsError naming "Base URL" when it is not one. */
export function checkedBaseUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new SettingsError("Base URL", "Base URL is not a URL: give one such as http://127.0.0.1:4012, or leave it empty for the sandbox");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SettingsError("Base URL", "Base URL must start with http:// or https://");
  if (url.username || url.password) throw new SettingsError("Base URL", "Base URL takes no credentials: give them in X-Service-Auth, which stays out of URLs");
  if (url.search || url.hash) throw new SettingsError("Base URL", "Base URL takes no query or fragment");
  return url.href.replace(/\/+$/, "");
}

/** A credential a header can carry: printable Latin-1, as the client requires. Never echoed in the message. */
function checkedCredential(credential: string): string {
  if (/[^\x20-\x7e\xa0-\xff]/.test(credential))
    throw new SettingsError("X-Service-Auth", "X-Service-Auth holds a character a header cannot carry (a line break, or one past Latin-1)");
  return credential;
}

/** The body of a response as text, up to `maxAnswerBytes` and `answerTimeoutMs`: cut past either, saying which. */
async function boundedText(response: Response, deadline: number): Promise<{ text: string; cut?: string }> {
  if (!response.body) return { text: "" };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const left = deadline - performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), Math.max(0, left));
    });
    const chunk = await Promise.race([reader.read(), late]);
    clearTimeout(timer);
    if (chunk === "late") {
      void reader.cancel();
      return { text: text + decoder.decode(), cut: `cut: no more of the body came within ${answerTimeoutMs / 1000} s` };
    }
    if (chunk.done) return { text: text + decoder.decode() };
    bytes += chunk.value.byteLength;
    if (bytes > maxAnswerBytes) {
      void reader.cancel();
      const room = chunk.value.byteLength - (bytes - maxAnswerBytes);
      return { text: text + decoder.decode(chunk.value.subarray(0, room)), cut: `cut at ${maxAnswerBytes.toLocaleString("en")} bytes: the body is larger` };
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
}

/** The sandbox and the way out of the page: one per page, shared by every panel. */
export function createConnection() {
  const sandbox: FakeVerigator = createFakeVerigator(sandboxCredential);
  const settings: Settings = { baseUrl: "", credential: "" };
  let redact: Redact = (text) => text;

  return {
    settings,
    sandbox,
    /** Empties the sandbox: no services, users, messages, authenticators or faults. */
    resetSandbox(): void {
      sandbox.reset();
    },
    /** Whether requests go to the sandbox (no base URL). */
    usesSandbox(): boolean {
      return !settings.baseUrl.trim();
    },
    /** Removes the credential the reader typed from a text, in every encoding (the client's own rule). */
    redact(text: string): string {
      return redact(text);
    },
    /**
     * Sends `path` (already filled and percent-encoded) with `method` and a JSON `body`. Throws
     * SettingsError for a base URL or credential it cannot send with; a failed fetch rejects with
     * what the browser said (CORS, refused), never with the credential.
     */
    async send(method: string, path: string, body: string | undefined, header: string): Promise<Answer> {
      const base = checkedBaseUrl(settings.baseUrl);
      const typed = checkedCredential(settings.credential.trim());
      const separator = typed.indexOf(":");
      redact = separator > 0 ? createCredentialRedactor(typed.slice(0, separator), typed.slice(separator + 1)) : (text) => text;
      const credential = typed || (base ? "" : `${sandboxCredential.username}:${sandboxCredential.password}`);
      const headers: Record<string, string> = { accept: "application/json", ...(body !== undefined && { "content-type": "application/json" }) };
      if (credential) headers[header.toLowerCase()] = credential;
      const started = performance.now();
      const deadline = started + answerTimeoutMs;
      const init: RequestInit = { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(answerTimeoutMs) };
      const response = base ? await fetch(base + path, init) : await sandbox.fetch(sandboxOrigin + path, init);
      const { text, cut } = await boundedText(response, deadline);
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {}
      return {
        status: response.status,
        headers: [...response.headers].map(([name, value]) => [name, redact(value)]),
        text: redact(text),
        ...(json !== undefined && { json }),
        ...(cut && { cut }),
        ms: Math.round(performance.now() - started),
      };
    },
  };
}

export type Connection = ReturnType<typeof createConnection>;
