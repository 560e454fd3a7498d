// Build, the first step of a call: the operation's path with its parameters percent-encoded
// inside their segments, and its body checked against the document's schema and serialized.
// Everything that can be refused before sending is refused here, with an InvalidDataError that
// names the field; nothing here sends. The client's methods and the docs' Try it panels both
// build their requests with it, so the page refuses exactly what the client refuses.
import type { OperationEntry } from "../generated/operation-table.ts";
import { operationTable } from "../generated/operation-table.ts";
import { InvalidDataError } from "./errors.ts";
import { fillTemplate } from "./path-template.ts";
import { findProblem } from "./schema-check.ts";
import type { OperationId } from "./types.ts";

/** A request ready to send: the operation's entry, its method, its filled path and its JSON text. */
export interface BuiltRequest {
  operation: OperationEntry;
  method: string;
  /** The path with each parameter percent-encoded, e.g. `/v1/service/service/a%2Fb/users`. */
  path: string;
  /** The body as JSON text; undefined for an operation that takes none. */
  body: string | undefined;
}

/** Builds an operation's request from its path parameters and body; throws InvalidDataError naming what it refuses. */
export function buildRequest(operationId: OperationId, params: Readonly<Record<string, unknown>> | undefined, body: unknown): BuiltRequest {
  const operation: OperationEntry = operationTable[operationId];
  const { method } = operation;
  const path = fillPath(operation.path, params, method);
  if (operation.request) {
    const problem = findProblem(operation.request, body);
    if (problem) throw new InvalidDataError(`${problem[0]} ${problem[1]}`, { field: problem[0], method });
  }
  return { operation, method, path, body: body === undefined ? undefined : JSON.stringify(body) };
}

/** The path template with each parameter percent-encoded inside its segment; refuses IDs that cannot stay there. */
function fillPath(template: string, params: Readonly<Record<string, unknown>> | undefined, method: string): string {
  return fillTemplate(template, (field) => {
    const value = params?.[field];
    let problem: string | undefined;
    if (typeof value !== "string") problem = `must be a string, not ${value === null ? "null" : typeof value}`;
    else if (value === "") problem = "must not be empty";
    else if (value === "." || value === "..") problem = "must not be '.' or '..'";
    else {
      try {
        return encodeURIComponent(value);
      } catch {
        problem = "must be well-formed Unicode";
      }
    }
    throw new InvalidDataError(`${field} ${problem}`, { field, method });
  });
}
