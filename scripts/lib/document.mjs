// Loads the OpenAPI document and resolves its local $refs, for the scripts that read it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const documentPath = "openapi/verigator.yaml";
export const methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export function loadDocument(path = root + documentPath) {
  return yaml.safeLoad(readFileSync(path, "utf8"));
}

/** Follows "#/a/b" refs; sibling keys of a $ref (OpenAPI 3.1) override the target's. */
export function resolveRefs(node, document) {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, document));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
    const target = node.$ref
      .slice(2)
      .split("/")
      .reduce((at, key) => at[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
    const { $ref, ...siblings } = node;
    return resolveRefs({ ...target, ...siblings }, document);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, document)]));
}

/** Every operation as { operationId, method, path, operation } with refs resolved. */
export function listOperations(document) {
  const resolved = resolveRefs(document, document);
  return Object.entries(resolved.paths).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => ({ operationId: item[method].operationId, method, path, operation: item[method] })),
  );
}
