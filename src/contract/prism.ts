// Prism, an optional peer dependency, as a library: its parser turns any OpenAPI document
// (YAML or JSON, $refs resolved, also across files) into normalised operations, and its
// validator checks an answer against one — the same validator `prism proxy` runs. The suite
// sends every request straight to the target and validates the answer in-process, so what it
// reports is always the server's own answer (a proxy would replace it, and would answer some
// bad requests itself without forwarding them).
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const prismPackage = "@stoplight/prism-cli";

/** What to install when Prism is missing: the version this package is tested with (its pinned peer dependency). */
export function prismInstallHint(): string {
  const manifest = createRequire(import.meta.url)("verigator/package.json") as { peerDependencies: Record<string, string> };
  return `npm install --save-dev ${prismPackage}@${manifest.peerDependencies[prismPackage]}`;
}

/** The parts of Prism's normalised operation (`IHttpOperation` of @stoplight/types) the suite reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  examples?: unknown[];
  example?: unknown;
  default?: unknown;
  "x-body-optional"?: boolean;
  [keyword: string]: unknown;
}

export interface MediaContent {
  mediaType: string;
  schema?: JsonSchema;
  examples?: { key: string; value?: unknown; summary?: string }[];
}

export interface HttpParameter {
  name: string;
  required?: boolean;
  schema?: JsonSchema;
  examples?: { key: string; value?: unknown }[];
}

export interface HttpResponse {
  code: string;
  contents?: MediaContent[];
  headers?: HttpParameter[];
  description?: string;
}

export interface HttpOperation {
  /** The operationId (Prism's `iid`). */
  iid?: string;
  method: string;
  path: string;
  request?: {
    path?: HttpParameter[];
    headers?: HttpParameter[];
    body?: { required?: boolean; contents?: MediaContent[] };
  };
  responses: HttpResponse[];
  security?: { type: string; in?: string; name?: string }[][];
  /** The operation's `x-` extensions, e.g. `x-wrong-pin-limit`. */
  extensions?: Record<string, unknown>;
}

export interface Diagnostic {
  message: string;
  path?: (string | number)[];
  severity: number;
}

export interface Prism {
  operations(document: string): Promise<HttpOperation[]>;
  /** Prism's findings about an answer; none when it conforms. */
  validate(operation: HttpOperation, answer: { statusCode: number; headers: Record<string, string>; body: unknown }): Diagnostic[];
}

let loaded: Prism | undefined;

/** Prism's installed copy as seen from this package (loaded once), or undefined when it is not installed. */
export function loadPrism(): Prism | undefined {
  loaded ??= load();
  return loaded;
}

function load(): Prism | undefined {
  const own = createRequire(import.meta.url);
  let cli: string;
  try {
    cli = own.resolve(`${prismPackage}/package.json`);
  } catch {
    return undefined;
  }
  // Prism's own parser and validator, resolved from prism-cli's folder as its CLI resolves them
  // (prism-http is its dependency, pinned by prism-cli). The validator is not re-exported from
  // prism-http's index; its module path is stable across the pinned version.
  const fromCli = createRequire(join(dirname(cli), "package.json"));
  const http = fromCli("@stoplight/prism-http") as { getHttpOperationsFromSpec(pathOrDocument: string | object): Promise<HttpOperation[]> };
  const validator = fromCli("@stoplight/prism-http/dist/validator") as {
    validateOutput(input: { resource: HttpOperation; element: unknown }): { _tag: "Left"; left: Diagnostic[] } | { _tag: "Right" };
  };
  // A document is parsed once per version of the file: runs in one process (a test suite, a
  // watcher) share the operations, and with them the validators Prism compiled for their schemas.
  const parsed = new Map<string, { mtimeMs: number; operations: Promise<HttpOperation[]> }>();
  return {
    operations(document) {
      const { mtimeMs } = statSync(document);
      const cached = parsed.get(document);
      if (cached?.mtimeMs === mtimeMs) return cached.operations;
      const operations = http.getHttpOperationsFromSpec(document);
      parsed.set(document, { mtimeMs, operations });
      operations.catch(() => parsed.delete(document));
      return operations;
    },
    validate(operation, answer) {
      const result = validator.validateOutput({ resource: operation, element: answer });
      return result._tag === "Left" ? result.left : [];
    },
  };
}
