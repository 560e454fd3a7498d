// What the suite sends and what comes back: a request as a case means it (its intent, beyond
// what the document says), the request as a report shows it (never the credential), and the
// server's own answer, or why none came. Every check judges an Exchange; sending makes one.
import type { HttpOperation } from "./prism.ts";

/** How a request authenticates: the given credentials, none, or the right user with a wrong password. */
export type AuthKind = "valid" | "none" | "wrong password";

/** How a body goes: as JSON (what the document declares), or form-encoded or multipart (what it does not). */
export type BodyEncoding = "json" | "form" | "multipart";

/** What a case means a request to be: what the checks judge it by, beyond the document and the model. */
export interface Intent {
  /** A request the case counts on succeeding, in words ("reading what was created"): it must answer a 2xx. */
  succeeds?: string;
  /** A create's first tries: a declared 409 may be a name an earlier run left behind, tried again with another. */
  mayBeTaken?: boolean;
  /** A body that breaks the document on purpose: it must be refused with a declared 4xx. */
  invalid?: boolean;
  /** A body in a media type the document does not declare (the type): any 4xx; a 2xx fails. */
  undeclaredMediaType?: string;
  /** A token that cannot be any PIN: it must not verify. */
  madeUpToken?: boolean;
  /** A probe whose answer is only noted, never failed (what a server does with JSON under another type), in words. */
  noteOnly?: string;
}

/** A request to send: its path parameters, its body and how it goes, how it authenticates, and what the case means by it. */
export interface RequestSpec {
  params: Record<string, string>;
  /** A value to send (JSON unless `encoding` says otherwise). */
  body?: unknown;
  encoding?: BodyEncoding;
  /** Text to send as it is, with its own content type (or none). */
  raw?: { text: string; contentType: string | undefined };
  auth?: AuthKind;
  /** The Accept header (default application/json). */
  accept?: string;
  intent?: Intent;
  /** A probe before the cases: not counted towards the timeouts that stop a run. */
  probe?: boolean;
}

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

/** An answer as the checks read it: status, headers (lowercase names), the whole body, parsed when JSON. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json?: unknown;
  /** As a report shows it: redacted, cut. */
  shown: ReceivedAnswer;
}

/** One request of the suite and the server's own answer, or why none came. */
export interface Exchange {
  operation: HttpOperation;
  spec: RequestSpec;
  /** The request as a report shows it. */
  request: SentRequest;
  /** Reproduces the request; reads the credential from $VERIGATOR_AUTH. */
  curl: string;
  answer?: Answer;
  /** Why no answer was read: none within the timeout, none at all, or more than the suite reads. */
  problem?: { kind: "timeout" | "no answer" | "too large"; message: string };
  /** After a start: the PIN `--pin-command` printed, or why it printed none. */
  pin?: { read: string } | { failed: string };
}

/** Whether an exchange got a 2xx. */
export const succeeded = (exchange: Exchange) => exchange.answer !== undefined && exchange.answer.status >= 200 && exchange.answer.status < 300;
