// The published build: ESM (.js) and CommonJS (.cjs) with types for each (.d.ts, .d.cts),
// one file per entry point in dist/. Error classes stay `instanceof`-compatible across the
// two formats (src/errors.ts), so loading both is not a dual-package hazard.
import { defineConfig, type UserConfig } from "tsdown";

const shared: UserConfig = {
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  outDir: "dist",
  // Declarations from src/ and generated/ only: the whole project (tests, scripts) is tsc's job.
  tsconfig: "tsconfig.build.json",
  dts: true,
  // import.meta.url (verigator/testing's optional require of msw) works in the CommonJS build too.
  shims: true,
  deps: { neverBundle: ["openapi-fetch", "msw"] },
  // The declaration bundler is the slow part by design; its timing note is noise in every build.
  checks: { pluginTimings: false },
  sourcemap: false,
  // scripts/build.mjs empties dist/ first and writes the document beside the build meanwhile.
  clean: false,
};

export default defineConfig([
  { ...shared, entry: { index: "src/index.ts", raw: "src/raw.ts", testing: "src/testing/index.ts" } },
  // The contract suite runs on Node only (child processes, Prism): a build of its own, so no
  // chunk of it is shared with what an app bundles.
  { ...shared, entry: { contract: "src/contract/index.ts" }, platform: "node", fixedExtension: false },
]);
