// Writes generated/ from openapi/verigator.yaml: the TypeScript types (openapi-typescript)
// and the operation table the runtime uses to build and check requests and responses.
// `--check` writes nothing and fails when generated/ differs from what the document gives now.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { documentPath, listOperations, loadDocument, root } from "./lib/document.mjs";

const header = `// generated from ${documentPath} by scripts/generate.mjs, do not edit\n`;

// The JSON Schema keywords the runtime checker (src/schema-check.ts) understands, and those
// that only annotate. Any other keyword is refused: dropping it silently would weaken the
// runtime check without any test failing.
const checkedKeywords = ["type", "required", "properties", "items", "enum", "pattern", "minLength", "additionalProperties"];
const annotationKeywords = ["description", "examples", "example", "title", "format", "deprecated", "readOnly", "writeOnly", "default", "$comment"];

/**
 * The schema as src/schema-check.ts reads it: checked keywords only, annotations dropped.
 * @param {Record<string, any>} schema
 * @param {string} [at] where in the document, for errors
 * @returns {Record<string, unknown>}
 */
function checkedSchema(schema, at = "schema") {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || annotationKeywords.includes(key)) continue;
    if (!checkedKeywords.includes(key)) {
      throw new Error(`${at}: the keyword "${key}" is not checked by src/schema-check.ts; teach the checker first`);
    }
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, checkedSchema(s, `${at}.${name}`)]));
    } else if (key === "items") {
      out.items = checkedSchema(value, `${at}[]`);
    } else if (key === "additionalProperties" && typeof value === "object") {
      // A schema for extra properties: not checked, and extra properties are allowed.
      if (Object.keys(value).length) throw new Error(`${at}: additionalProperties with a schema is not checked`);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** @param {any} content */
function jsonContent(content) {
  return content?.["application/json"]?.schema;
}

/**
 * The table as compact JavaScript: every object schema used more than once is written once
 * as a constant, since this table is bundled into every app that uses the client.
 * @param {any} document dereferenced
 */
export function operationTable(document) {
  const operations = listOperations(document).map(({ operationId, method, path, operation }) => {
    const [, response] = /** @type {[string, any]} */ (Object.entries(operation.responses).find(([code]) => code.startsWith("2")));
    const request = jsonContent(operation.requestBody?.content);
    const result = jsonContent(response.content);
    return {
      operationId,
      entry: {
        method: method.toUpperCase(),
        path,
        ...(request && { request: checkedSchema(request, `${operationId} request`) }),
        // An answer whose body may be absent (x-body-optional) is not checked: empty and JSON alike succeed.
        ...(result && !result["x-body-optional"] && { response: checkedSchema(result, `${operationId} answer`) }),
      },
    };
  });
  /** @type {Map<string, number>} */
  const counts = new Map();
  /** @param {unknown} node */
  const count = (node) => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    const key = JSON.stringify(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const value of Object.values(node)) count(value);
  };
  for (const { entry } of operations) {
    count(entry.request);
    count(entry.response);
  }
  /** @type {Map<string, { name: string, text: string }>} */
  const constants = new Map();
  /**
   * @param {unknown} node
   * @returns {string}
   */
  const source = (node) => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return JSON.stringify(node);
    const key = JSON.stringify(node);
    const known = constants.get(key);
    if (known) return known.name;
    const text = `{${Object.entries(node)
      .map(([name, value]) => `${JSON.stringify(name)}:${source(value)}`)
      .join(",")}}`;
    if ((counts.get(key) ?? 0) < 2 || !("type" in node)) return text;
    const name = `s${constants.size}`;
    constants.set(key, { name, text });
    return name;
  };
  const entries = operations.map(({ operationId, entry }) => `  ${operationId}: ${source(entry)},`);
  return (
    header +
    "// Each operation's method, path and the schemas its body and answer are checked against.\n" +
    tableTypes +
    [...constants.values()].map(({ name, text }) => `const ${name} = ${text} as const;\n`).join("") +
    "const table = {\n" +
    entries.join("\n") +
    "\n} as const;\n\n" +
    "/** Every operation of the document, by operationId: each entry as declared, with its own literal types. */\n" +
    "export const operationTable: { readonly [Op in keyof typeof table]: OperationEntry & (typeof table)[Op] } = table;\n"
  );
}

/** The declared types of the table: the schema subset it holds (what src/schema-check.ts checks), and an entry. */
const tableTypes = `
/** The JSON Schema subset the table holds: what src/schema-check.ts checks. */
export interface CheckedSchema {
  /** A type, or several (OpenAPI 3.1: \`[string, "null"]\`). */
  readonly type?: string | readonly string[];
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: CheckedSchema };
  readonly items?: CheckedSchema;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly additionalProperties?: boolean;
}

/** One operation: its method, path template, and the schemas its body and answer are checked against. */
export interface OperationEntry {
  readonly method: string;
  readonly path: string;
  readonly request?: CheckedSchema;
  readonly response?: CheckedSchema;
}

`;

/**
 * What each operation may answer, for the fake in src/testing/: its success status, and for
 * every declared error status the `message` of the document's first example (the fake answers
 * nothing the document does not declare). Kept apart from the operation table so that the
 * client's bundle carries none of it.
 */
export function operationAnswers(/** @type {any} */ document) {
  const entries = listOperations(document).map(({ operationId, operation }) => {
    /** @type {Record<string, string>} */
    const errors = {};
    /** @type {number[]} */
    const retryAfter = [];
    let success;
    for (const [code, response] of Object.entries(operation.responses)) {
      if (code.startsWith("2")) {
        success ??= Number(code);
        continue;
      }
      const example = Object.values(jsonContentOf(response)?.examples ?? {})[0];
      const message = example?.value?.message;
      if (typeof message !== "string") throw new Error(`${operationId} ${code}: no example with a message`);
      errors[code] = message;
      if (response.headers?.["Retry-After"]) retryAfter.push(Number(code));
    }
    // x-wrong-pin-limit: how many wrong PINs a verification takes before it answers throttled.
    const wrongPinLimit = operation["x-wrong-pin-limit"];
    return `  ${operationId}: ${JSON.stringify({ success, errors, retryAfter, ...(wrongPinLimit !== undefined && { wrongPinLimit }) })},`;
  });
  return (
    header +
    "// Each operation's success status, its declared error statuses with the document's example message,\n" +
    "// the statuses that may carry Retry-After, and the wrong PINs a verification takes (x-wrong-pin-limit).\n" +
    "export const operationAnswers = {\n" +
    entries.join("\n") +
    "\n} as const;\n"
  );
}

/** @param {any} response */
function jsonContentOf(response) {
  return response.content?.["application/json"];
}

/** @param {string} documentFile */
async function types(documentFile) {
  const ast = await openapiTS(pathToFileURL(documentFile), { rootTypes: true, rootTypesNoSchemaPrefix: true });
  // openapi-typescript documents the schemas' members but not the root type aliases it adds;
  // each alias gets its schema's description, so an editor's hover shows the document's words.
  const document = await loadDocument(documentFile);
  /** @type {Record<string, { description?: string }>} */
  const schemas = document.components?.schemas ?? {};
  return (
    header +
    astToString(ast).replace(/^export type (\w+) = components\['schemas'\]\['(\w+)'\];$/gm, (line, _alias, name) => {
      const description = schemas[name]?.description
        ?.trim()
        .split(/\n\s*\n/)[0]
        ?.replace(/\s+/g, " ");
      return description ? `/** ${description.replace(/\*\//g, "*\\/")} */\n${line}` : line;
    })
  );
}

/**
 * What generated/ should hold, from the document of the project at `projectRoot`.
 * @param {string} [projectRoot]
 * @returns {Promise<Record<string, string>>}
 */
async function generatedFiles(projectRoot = root) {
  const documentFile = projectRoot + documentPath;
  const document = await loadDocument(documentFile);
  return {
    "generated/verigator.ts": await types(documentFile),
    "generated/operation-table.ts": operationTable(document),
    "generated/operation-answers.ts": operationAnswers(document),
  };
}

/**
 * The files in the project's generated/ that differ from what its document gives now.
 * @param {string} [projectRoot]
 */
export async function staleFiles(projectRoot = root) {
  const files = await generatedFiles(projectRoot);
  return Object.entries(files)
    .filter(([file, text]) => !existsSync(projectRoot + file) || readFileSync(projectRoot + file, "utf8") !== text)
    .map(([file]) => file);
}

async function main() {
  if (process.argv.includes("--check")) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(`generated/ is out of date with ${documentPath}: ${stale.join(", ")}\nrun: npm run generate`);
      process.exit(1);
    }
    console.log(`generated/ matches ${documentPath}`);
    return;
  }
  for (const [file, text] of Object.entries(await generatedFiles())) {
    mkdirSync(`${root}generated`, { recursive: true });
    writeFileSync(root + file, text);
    console.log(`wrote ${file}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
