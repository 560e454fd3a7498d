// Bundle sizes of the package's entry points (min+gzip, with their dependencies), as an app
// importing them would bundle them. Run by `npm test` (test/size.test.ts) and read by
// `npm run bench` for bench/RESULTS.md.
/** @param {import("esbuild").BuildOptions} config */
const esm = (config) => ({ ...config, format: "esm" });

/** @param {string} name @param {string} path @param {string} imports @param {string} limit */
const entry = (name, path, imports, limit) => ({ name, path, import: imports, limit, gzip: true, modifyEsbuildConfig: esm });

export default [
  entry("verigator", "dist/index.js", "{ createVerigator }", "7.2 kB"),
  // No side effects: importing the client without using it must bundle nothing.
  entry("verigator imported, unused", "dist/index.js", "{}", "0 B"),
  entry("verigator/raw", "dist/raw.js", "{ createRawClient }", "8.6 kB"),
  // The fake with its control endpoints, journal queries, near misses and preloading (a test helper, not an app's code).
  entry("verigator/testing", "dist/testing.js", "{ createFakeVerigator }", "10.8 kB"),
];
