// Whether a value is an operation's request body: the generated schema check proves it (an
// operation without one takes none). A type predicate, so a checked body is typed as the
// document states it, with no cast.
import { operationTable } from "../../generated/operation-table.ts";
import type { CheckedSchema } from "../schema-check.ts";
import { findProblem } from "../schema-check.ts";
import type { OperationId, RequestBody } from "../types.ts";

export function conforms<Op extends OperationId>(operationId: Op, body: unknown): body is RequestBody<Op> {
  const schema: CheckedSchema | undefined = operationTable[operationId].request;
  return schema ? findProblem(schema, body) === undefined : body === undefined;
}

/** A JSON object, as opposed to an array, null or a scalar. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
