// The contenders' bundles, measured by size-limit the way .size-limit.mjs measures the package:
// the same call to add a user, bundled by esbuild as an ES module, min+gzip.
/** @param {import("esbuild").BuildOptions} config */
const esm = (config) => ({ ...config, format: "esm" });

export default [
  { name: "openapi-fetch alone", path: "apps/openapi-fetch.mjs", gzip: true, modifyEsbuildConfig: esm },
  { name: "ky", path: "apps/ky.mjs", gzip: true, modifyEsbuildConfig: esm },
  { name: "axios", path: "apps/axios.mjs", gzip: true, modifyEsbuildConfig: esm },
];
