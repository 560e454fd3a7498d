// Writes the documents as the package publishes them, for users' own tools (Prism, Redocly,
// generators): the API's as dist/openapi.yaml and dist/openapi.json (code samples inlined,
// component $refs kept; `verigator contract` reads the JSON one by default), and the fake's
// control endpoints' as dist/fake-control.yaml and dist/fake-control.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";
import { loadDocument, root } from "./lib/document.mjs";

const published = [
  { source: "openapi/verigator.yaml", name: "openapi" },
  { source: "openapi/fake-control.yaml", name: "fake-control" },
];

export async function writeBundledDocument(outDir = `${root}dist`) {
  mkdirSync(outDir, { recursive: true });
  for (const { source, name } of published) {
    const document = await loadDocument(root + source, { dereference: false });
    const header = `# generated from ${source} by scripts/bundle-document.mjs, do not edit\n`;
    writeFileSync(`${outDir}/${name}.yaml`, header + stringify(document, { lineWidth: 0 }));
    writeFileSync(`${outDir}/${name}.json`, `${JSON.stringify(document, null, 2)}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeBundledDocument();
  console.log(`wrote ${published.map(({ name }) => `dist/${name}.yaml, dist/${name}.json`).join(", ")}`);
}
