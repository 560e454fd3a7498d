// Writes generated/ from openapi/verigator.yaml: the TypeScript types (openapi-typescript)
// and the operation table the runtime uses to build and check requests and responses.
// `--check` writes nothing and fails when generated/ differs from what the document gives now.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { root, documentPath, loadDocument, listOperations } from "./lib/document.mjs";

const header = `// generated from ${documentPath} by scripts/generate.mjs, do not edit\n`;

// The JSON Schema keywords the runtime checker (src/schema-check.ts) understands.
const checkedKeywords = ["type", "required", "properties", "items", "enum", "pattern", "minLength", "additionalProperties"];

function checkedSchema(schema) {
  const out = {};
  for (const key of checkedKeywords) {
    if (!(key in schema)) continue;
    const value = schema[key];
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, checkedSchema(s)]));
    } else if (key === "items") {
      out.items = checkedSchema(value);
    } else if (key === "additionalProperties" && typeof value === "object") {
      continue; // only `false` is checked
    } else {
      out[key] = value;
    }
  }
  return out;
}

function jsonContent(content) {
  return content?.["application/json"]?.schema;
}

function operationTable(document) {
  const entries = listOperations(document).map(({ operationId, method, path, operation }) => {
    const [status, response] = Object.entries(operation.responses).find(([code]) => code.startsWith("2"));
    const request = jsonContent(operation.requestBody?.content);
    const result = jsonContent(response.content);
    const entry = {
      method: method.toUpperCase(),
      path,
      status: Number(status),
      ...(request && { request: checkedSchema(request) }),
      ...(result && { response: checkedSchema(result) }),
    };
    return `  ${operationId}: ${JSON.stringify(entry)},`;
  });
  return (
    header +
    "// Each operation's method, path, success status and the schemas its body and answer are checked against.\n" +
    "export const operationTable = {\n" +
    entries.join("\n") +
    "\n} as const;\n"
  );
}

async function types() {
  const ast = await openapiTS(new URL(`../${documentPath}`, import.meta.url));
  return header + astToString(ast);
}

export async function generatedFiles() {
  const document = loadDocument();
  return {
    "generated/verigator.ts": await types(),
    "generated/operation-table.ts": operationTable(document),
  };
}

async function main() {
  const check = process.argv.includes("--check");
  const files = await generatedFiles();
  const stale = [];
  for (const [file, text] of Object.entries(files)) {
    const path = root + file;
    if (check) {
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(file);
    } else {
      mkdirSync(new URL(".", "file://" + path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale.length) {
    console.error(`generated/ is out of date with ${documentPath}: ${stale.join(", ")}\nrun: npm run generate`);
    process.exit(1);
  }
  if (check) console.log(`generated/ matches ${documentPath}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
