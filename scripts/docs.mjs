// Renders the document into one self-contained HTML file (Redoc inlined: works offline).
import { mkdirSync } from "node:fs";
import { root, documentPath } from "./lib/document.mjs";
import { bin, run } from "./lib/run.mjs";

export const docsFile = "build/docs/index.html";

const started = Date.now();
mkdirSync(root + "build/docs", { recursive: true });
const { code, output } = await run(bin("redocly"), [
  "build-docs",
  documentPath,
  "--inlineBundle",
  "--title",
  "Verigator API — typed client reference",
  "--output",
  docsFile,
]);
if (code !== 0) {
  process.stderr.write(output);
  process.exit(code ?? 1);
}
console.log(`wrote ${docsFile} in ${Date.now() - started} ms`);
