// Removes the credentials from anything the client keeps from an answer or a failure: text,
// parsed JSON values, headers and the causes of failed fetches. A server may echo them in any
// encoding, so each character of a secret matches its JSON (`\"`, `\u0026`, `\/`), HTML-entity
// and percent-encoded forms (once or twice), mixed freely; base64 forms (at every alignment) and
// the hex of its bytes (either case) are matched whole.
// Hand-written: a library for this would cost the caller bundle size on every install.

export type Redact = (text: string) => string;

const redacted = "[redacted]";
const shortEscapes: Record<string, string> = {
  '"': '\\\\"',
  "\\": "\\\\\\\\",
  "/": "\\\\/",
  "\b": "\\\\b",
  "\f": "\\\\f",
  "\n": "\\\\n",
  "\r": "\\\\r",
  "\t": "\\\\t",
};
const namedEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Hex digits of `n`, each matching either case, as a regex source. */
function hex(n: number, width = 1): string {
  return n
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

/** Percent-encoding of `bytes`, once (`%41`) or twice (`%2541`, a proxy encoding an encoded URL again). */
function percent(bytes: Iterable<number>, twice = false): string {
  let out = "";
  for (const byte of bytes) out += `${twice ? "%25" : "%"}${hex(byte, 2)}`;
  return out;
}

/** The bytes as hex digits, either case: a debug page or a log of the raw header. */
function hexForm(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => hex(byte, 2)).join("");
}

/** A regex source matching one character in any of the encodings an echo may use. */
function characterForms(character: string, encoder: TextEncoder): string {
  const code = character.codePointAt(0) as number;
  const forms = [
    character.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"),
    Array.from({ length: character.length }, (_, i) => `\\\\[uU]0*${hex(character.charCodeAt(i))}`).join(""),
    `&#0*${code};`,
    `&#[xX]0*${hex(code)};`,
    percent(encoder.encode(character)),
    percent(encoder.encode(character), true),
  ];
  if (code > 127 && code < 256) forms.push(percent([code]));
  if (character === " ") forms.push("\\+");
  if (shortEscapes[character]) forms.push(shortEscapes[character]);
  if (namedEntities[character]) forms.push(namedEntities[character]);
  return `(?:${forms.join("|")})`;
}

/** Standard and URL-safe base64 of `bytes` at each of the three alignments it can have inside a longer text. */
function base64Forms(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = btoa(String.fromCharCode(...new Uint8Array(shift), ...bytes));
    const form = encoded.slice(Math.ceil((shift * 4) / 3), Math.floor(((shift + bytes.length) * 8) / 6));
    if (form.length >= 8) out.push(form, form.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return out;
}

/** A word matching in any case, as a regex source: `pwd` → `[pP][wW][dD]`. */
function anyCase(word: string): string {
  return Array.from(word, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`).join("");
}

/** Letters, digits and marks: what a word is made of, so what may not touch a password redacted only as a value. */
const wordCharacter = "[\\p{L}\\p{N}\\p{M}]";
/**
 * Where a value stands as a credential: after a key that names one (`password`, `pwd`, `secret`,
 * `token`, `credential…`, `…auth…`), a colon or an equals sign, and an optional quote — as in
 * `{"password":"pass"}`, `password=pass`, `X-Service-Auth: pass`.
 */
const credentialKey = `(?<=(?:${["password", "pass", "pwd", "secret", "token", "credential", "auth"].map(anyCase).join("|")})[\\w-]*["']?\\s*[:=]\\s*["']?)`;

/** A regex source matching `secret` in every encoding an echo may use. */
function secretForms(secret: string, encoder: TextEncoder): string[] {
  const sources = [Array.from(secret, (character) => characterForms(character, encoder)).join("")];
  const latin1 = Uint8Array.from(secret, (character) => character.charCodeAt(0));
  for (const form of [...base64Forms(latin1), ...base64Forms(encoder.encode(secret))]) sources.push(form.replace(/[+/]/g, "\\$&"));
  sources.push(hexForm(encoder.encode(secret)), hexForm(latin1));
  return sources;
}

/**
 * A redactor for `secrets`, removed wherever they appear, and for `values`, removed only where
 * they stand as a credential's value (`"password":"pass"`, `password=pass`, `X-Service-Auth:
 * pass`), never out of ordinary words: a short password such as `pass` stays in "a wrong
 * password" and in "cannot pass". The identity for none.
 */
export function createRedactor(secrets: string[], values: string[] = []): Redact {
  const everywhere = secrets.filter((one) => one.length > 0);
  const asValues = values.filter((one) => one.length > 0);
  if (everywhere.length === 0 && asValues.length === 0) return (text) => text;
  let pattern: RegExp | undefined;
  return (text) => {
    if (!pattern) {
      const encoder = new TextEncoder();
      const sources = everywhere.flatMap((secret) => secretForms(secret, encoder));
      for (const value of asValues) {
        sources.push(`${credentialKey}(?:${secretForms(value, encoder).join("|")})(?!${wordCharacter})`);
      }
      pattern = new RegExp(sources.join("|"), "gu");
    }
    return text.replace(pattern, redacted);
  };
}

/**
 * A password shorter than this is redacted only where it stands as a credential (the whole
 * `username:password`, and a credential field's value): cut out of every text, a password
 * `pass` would turn "a wrong password" into "a wrong [redacted]word", and "cannot pass" into
 * "cannot [redacted]". The whole credential is redacted everywhere, whatever its length.
 */
export const passwordRedactedEverywhereFrom = 8;

/** A text as the byte string of its UTF-8 encoding: what a header value holds on the wire. */
const asBytes = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

/**
 * The one redaction rule for a credential, for the client and the contract suite alike: the
 * whole `username:password` everywhere, in every encoding; the password alone everywhere when it
 * has at least `passwordRedactedEverywhereFrom` characters, else only as a credential field's
 * value. Each also as the byte string of its UTF-8 form (a header value echoed as bytes).
 */
export function createCredentialRedactor(username: string, password: string): Redact {
  const both = (text: string) => [...new Set([text, asBytes(text)])];
  const credential = both(`${username}:${password}`);
  const long = password.length >= passwordRedactedEverywhereFrom;
  return createRedactor([...credential, ...(long ? both(password) : [])], long ? [] : both(password));
}

/** How deep a parsed answer the client walks; deeper is refused as not what the document promises. */
export const maxDepth = 64;

/** A copy of a parsed JSON value with every string and key redacted; throws past `maxDepth`. */
export function redactValue(value: unknown, redact: Redact, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > maxDepth) throw new RangeError("nested too deeply");
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact, depth + 1));
  // fromEntries defines properties, so a key "__proto__" stays a plain key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactValue(item, redact, depth + 1)]));
}

export function redactHeaders(headers: Headers, redact: Redact): Headers {
  const out = new Headers();
  for (const [name, value] of headers) out.append(name, redact(value));
  return out;
}

/** How deep a failure's cause chain is copied; what lies below is cut, not shown. */
const maxCauseDepth = 8;

/**
 * A copy of a fetch failure, its causes and everything they hold, with the credentials removed
 * from every string and key: a fetch wrapper's cause may be an Error, a plain object, a string,
 * an AggregateError's errors, nested or circular. Bounded in depth; cycles are cut.
 */
export function redactCause(error: unknown, redact: Redact, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof error === "string") return redact(error);
  if (error === null || typeof error !== "object") return typeof error === "function" ? "[function]" : error;
  if (seen.has(error)) return "[circular]";
  if (depth >= maxCauseDepth) return "[cause chain cut]";
  seen.add(error);
  const copyOf = (value: unknown) => redactCause(value, redact, depth + 1, seen);
  if (Array.isArray(error)) return error.map(copyOf);
  if (!(error instanceof Error)) return Object.fromEntries(Object.entries(error).map(([key, value]) => [redact(key), copyOf(value)]));
  const options = "cause" in error ? { cause: copyOf(error.cause) } : undefined;
  const message = redact(error.message);
  const copy =
    error instanceof AggregateError
      ? new AggregateError((Array.isArray(error.errors) ? error.errors : []).map(copyOf), message, options)
      : new (error instanceof TypeError ? TypeError : Error)(message, options);
  copy.name = redact(error.name);
  copy.stack = redact(error.stack ?? "");
  // Own properties a failure carries (code, errno, syscall, a wrapper's config…), redacted too.
  for (const [key, value] of Object.entries(error)) {
    if (key === "errors" || key === "cause") continue;
    Object.defineProperty(copy, redact(key), { value: copyOf(value), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** A text as one line that cannot drive a terminal: no control characters, escape sequences or bidi overrides. */
export function cleanLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]+/gu, " ");
}

/** A server's message as a one-line, bounded error message: no control characters or escape sequences. */
export function cleanMessage(message: string): string {
  const line = cleanLine(message);
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
