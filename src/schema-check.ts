// A small checker for the JSON Schema subset that scripts/generate.mjs emits into
// generated/operation-table.ts: enough to refuse a bad request before sending it and
// a wrong-shaped answer before handing it back as typed data.

import type { CheckedSchema } from "../generated/operation-table.ts";

// The subset's type is declared beside the table it describes, in generated/.
export type { CheckedSchema };

/** The first field of `value` that breaks `schema`, and why; undefined when it conforms. */
export type Problem = [field: string, reason: string];

const patterns = new Map<string, RegExp>();

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" && Number.isInteger(value) ? "integer" : typeof value;
}

function isKind(type: string, value: unknown): boolean {
  const kind = kindOf(value);
  return kind === type || (type === "number" && kind === "integer");
}

export function findProblem(schema: CheckedSchema, value: unknown, at = "body"): Problem | undefined {
  const { type } = schema;
  const types = typeof type === "string" ? [type] : type;
  if (types && !types.some((one) => isKind(one, value))) {
    return [at, `must be ${types.map((one) => (/^[aeiou]/.test(one) ? "an " : "a ") + one).join(" or ")}, not ${kindOf(value)}`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [at, `must be one of ${schema.enum.join(", ")}`];
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) return [at, "must not be empty"];
    if (schema.pattern !== undefined) {
      let pattern = patterns.get(schema.pattern);
      if (!pattern) {
        pattern = new RegExp(schema.pattern, "u");
        patterns.set(schema.pattern, pattern);
      }
      if (!pattern.test(value)) return [at, `must match ${schema.pattern}`];
    }
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const problem = findProblem(schema.items, value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
  } else if (type === "object" && value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const fieldOf = (name: string) => (at === "body" ? name : `${at}.${name}`);
    // Own properties only: JSON.stringify sends nothing inherited, and names such as
    // "constructor" or "__proto__" must not find Object.prototype's members.
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(record, name) || record[name] === undefined) return [fieldOf(name), "is required"];
    }
    for (const name of Object.keys(record)) {
      const property = schema.properties && Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
      const field = fieldOf(name);
      if (record[name] === undefined) continue;
      if (!property) {
        if (schema.additionalProperties === false) return [field, "is not a known field"];
        continue;
      }
      const problem = findProblem(property, record[name], field);
      if (problem) return problem;
    }
  }
  return undefined;
}
