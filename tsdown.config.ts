// The published build: ESM (.js) and CommonJS (.cjs) with types for each (.d.ts, .d.cts),
// one file per entry point in dist/. Error classes stay `instanceof`-compatible across the
// two formats (src/errors.ts), so loading both is not a dual-package hazard.
import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", raw: "src/raw.ts", testing: "src/testing/index.ts" },
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
});
