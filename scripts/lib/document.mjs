// Loads the OpenAPI document with Redocly's own bundler, so that the scripts read it exactly
// as `redocly lint` and the rendered docs do ($refs to components and to code-sample files).
import { fileURLToPath } from "node:url";
import { withCodeSamples } from "./code-samples.mjs";

/**
 * Redocly's bundler, typed as this file uses it; loaded on first use, so that the many scripts
 * and tests that import this file only for `root` do not pay for it. Imported by a name
 * TypeScript does not follow: the package's own declarations (json-schema-to-ts) cost ~5 s of
 * every type check of this project, three times what all of src/ and test/ cost.
 * @typedef {{
 *   bundle(options: { ref: string, config: unknown, dereference: boolean }): Promise<{ bundle: { parsed: any }, problems: { severity: string, message: string, location?: { pointer?: string }[] }[] }>,
 *   createConfig(config: object): Promise<unknown>,
 * }} Redocly
 */
/** @type {Promise<Redocly> | undefined} */
let redocly;

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const documentPath = "openapi/verigator.yaml";
export const methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/**
 * The document as one object, with its code samples (openapi/code-samples/, joined here: see
 * code-samples.mjs); with `dereference` (the default) every $ref replaced by its target, else
 * component $refs kept (the form published as verigator/openapi.yaml).
 * @param {string} [path]
 * @param {{ dereference?: boolean }} [options]
 * @returns {Promise<any>}
 */
export async function loadDocument(path = root + documentPath, { dereference = true } = {}) {
  redocly ??= import(/** @type {string} */ ("@redocly/openapi-core"));
  const { bundle, createConfig } = await redocly;
  const config = await createConfig({});
  const { bundle: document, problems } = await bundle({ ref: path, config, dereference });
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length) {
    const shown = errors.slice(0, 3).map((problem) => problem.message);
    throw new Error(`${path}: ${shown.join("; ")}${errors.length > 3 ? `; and ${errors.length - 3} more` : ""}`);
  }
  return withCodeSamples(document.parsed);
}

/**
 * Every operation of a dereferenced document.
 * @param {any} document
 * @returns {{ operationId: string, method: string, path: string, operation: any }[]}
 */
export function listOperations(document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    methods.filter((method) => item[method]).map((method) => ({ operationId: item[method].operationId, method, path, operation: item[method] })),
  );
}
