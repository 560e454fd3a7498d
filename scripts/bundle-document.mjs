// Writes the document as the package publishes it, for users' own tools (Prism, Redocly,
// generators): dist/openapi.yaml and dist/openapi.json, one file each, code samples inlined,
// component $refs kept. `verigator contract` reads the JSON one by default.
import { mkdirSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";
import { loadDocument, root } from "./lib/document.mjs";

const header = "# generated from openapi/verigator.yaml by scripts/bundle-document.mjs, do not edit\n";

export async function writeBundledDocument(outDir = `${root}dist`) {
  const document = await loadDocument(undefined, { dereference: false });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/openapi.yaml`, header + stringify(document, { lineWidth: 0 }));
  writeFileSync(`${outDir}/openapi.json`, `${JSON.stringify(document, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeBundledDocument();
  console.log("wrote dist/openapi.yaml, dist/openapi.json");
}
