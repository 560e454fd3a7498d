// The code samples the docs show for each operation, kept as files in openapi/code-samples/
// (one folder per language, one file per operationId) and joined to the document when it is
// bundled: `dist/openapi.yaml`, the rendered docs and every script that loads the document see
// them as `x-codeSamples`, while openapi/verigator.yaml stays a plain OpenAPI document every
// tool loads (a `$ref` to a .ts or .sh file has no meaning in OpenAPI 3.1). The languages, their
// labels and their order are the list redocly.yaml gives Redoc (openapi.codeSamples.languages);
// a language's folder is its name, lowercased.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const samplesFolder = fileURLToPath(new URL("../../openapi/code-samples", import.meta.url));
const configFile = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));

/** Every language the docs offer, in their order: `{ lang, label }` as redocly.yaml lists them, and the folder of its files. */
export function sampleLanguages() {
  /** @type {{ lang: string, label: string }[]} */
  const languages = parse(readFileSync(configFile, "utf8")).openapi?.codeSamples?.languages ?? [];
  return languages.map(({ lang, label }) => ({ lang, label, folder: lang.toLowerCase() }));
}

/** The sample file of an operation in a language's folder, whatever its extension; undefined when there is none. @param {string} folder @param {string} operationId */
export function sampleFile(folder, operationId) {
  if (!existsSync(folder)) return undefined;
  const file = readdirSync(folder).find((name) => name.slice(0, name.lastIndexOf(".")) === operationId);
  return file && `${folder}/${file}`;
}

/**
 * Adds to each operation of a parsed document that has none its `x-codeSamples`, from the
 * files that exist for its operationId; returns the same document.
 * @template T
 * @param {T} document
 * @param {string} [folder]
 * @returns {T}
 */
export function withCodeSamples(document, folder = samplesFolder) {
  const languages = sampleLanguages();
  const paths = /** @type {any} */ (document)?.paths ?? {};
  for (const item of Object.values(paths)) {
    // An operation is the member of a path item that has an operationId (parameters and summaries have none).
    for (const operation of Object.values(item ?? {})) {
      if (typeof operation?.operationId !== "string" || operation["x-codeSamples"]) continue;
      const samples = languages.flatMap(({ lang, label, folder: name }) => {
        const file = sampleFile(`${folder}/${name}`, operation.operationId);
        return file ? [{ lang, label, source: readFileSync(file, "utf8") }] : [];
      });
      if (samples.length) operation["x-codeSamples"] = samples;
    }
  }
  return document;
}
