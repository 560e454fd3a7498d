// `npm run build`: dist/ from src/ with tsdown (tsdown.config.ts): ESM, CommonJS and types
// for each entry point; then the document as the package publishes it.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "tsdown";
import { writeBundledDocument } from "./bundle-document.mjs";
import { root } from "./lib/document.mjs";

rmSync(`${root}dist`, { recursive: true, force: true });
// The document does not depend on the code: both are written at once.
await Promise.all([build({ logLevel: "warn" }), writeBundledDocument()]);

// msw is an optional peer dependency of verigator/testing: without it installed, its types
// must still load (as any), so the bundled import of msw is marked for TypeScript to skip.
for (const file of ["testing.d.ts", "testing.d.cts"]) {
  const path = `${root}dist/${file}`;
  const text = readFileSync(path, "utf8");
  const marked = text.replace(/^import \* as [\w$]+ from "msw";$/m, "// @ts-ignore msw is an optional peer dependency: without it, fake.handlers is any[]\n$&");
  if (marked === text) throw new Error(`dist/${file}: the import of msw to mark was not found`);
  writeFileSync(path, marked);
}
