// What the docs' Try it panels are built from, read off the dereferenced document at build time
// and embedded in the page as JSON (its shape: src/docs-page/data.ts): for each operation its
// tag, summary, method and path, its path parameters, its body's fields with the document's
// examples, and which path parameter its answer's id fills (the POST on a collection creates
// what `{Param}` after it names). Nothing here names an operation: a new one gets its panel by
// being in the document.
import { listOperations } from "./document.mjs";

/** The first sentence of a description, without Markdown's code marks: a form field's help line (the docs beside it say the rest). @param {unknown} text */
function firstSentence(text) {
  const plain = String(text ?? "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\*\*([^*]*)\*\*/g, "$1")
    .trim();
  const end = plain.search(/(?<=\.)\s|\n\n/);
  return (end < 0 ? plain : plain.slice(0, end)).replace(/\s+/g, " ").trim();
}

/** A body field as a form shows it. @param {string} name @param {any} schema @param {boolean} required */
function field(name, schema, required) {
  const type = Array.isArray(schema.type) ? schema.type.find((/** @type {string} */ one) => one !== "null") : schema.type;
  const example = schema.examples?.[0] ?? schema.example;
  return {
    name,
    type: type ?? "string",
    required,
    description: firstSentence(schema.description),
    ...(schema.enum && { enum: schema.enum.map(String) }),
    ...(schema.pattern && { pattern: schema.pattern }),
    ...(example !== undefined && { example }),
  };
}

/**
 * @param {any} document the dereferenced document
 * @param {{ url: string, description: string }[]} servers the servers a reader may send to instead of the sandbox
 */
export function tryItData(document, servers) {
  const operations = listOperations(document);
  const scheme = Object.values(document.components?.securitySchemes ?? {}).find((/** @type {any} */ one) => one.type === "apiKey" && one.in === "header");
  return {
    title: document.info.title,
    version: document.info.version,
    servers,
    credentialHeader: /** @type {any} */ (scheme)?.name ?? "X-Service-Auth",
    operations: operations.map(({ operationId, method, path, operation }) => {
      const parameters = [...(document.paths[path].parameters ?? []), ...(operation.parameters ?? [])].filter((one) => one.in === "path");
      const content = operation.requestBody?.content?.["application/json"];
      const schema = content?.schema;
      const required = new Set(schema?.required ?? []);
      // The POST on this path creates what the parameter after it names: its answer's id fills that parameter.
      const creates = method === "post" ? operations.some((one) => one.path.startsWith(`${path}/{`)) : false;
      const produced = creates
        ? /^\{([^}]+)\}/.exec(operations.find((one) => one.path.startsWith(`${path}/{`))?.path.slice(path.length + 1) ?? "")?.[1]
        : undefined;
      return {
        operationId,
        tag: operation.tags?.[0] ?? "",
        summary: operation.summary ?? operationId,
        method: method.toUpperCase(),
        path,
        params: parameters.map((one) => ({
          name: one.name,
          description: firstSentence(one.description),
          ...((one.example ?? one.schema?.examples?.[0]) !== undefined && { example: String(one.example ?? one.schema.examples[0]) }),
        })),
        ...(schema && {
          body: {
            fields: Object.entries(schema.properties ?? {}).map(([name, property]) => field(name, property, required.has(name))),
            examples: Object.entries(content.examples ?? {}).map(([key, example]) => ({
              key,
              summary: /** @type {any} */ (example).summary ?? key,
              value: /** @type {any} */ (example).value,
            })),
          },
        }),
        ...(produced && { produces: produced }),
      };
    }),
  };
}
