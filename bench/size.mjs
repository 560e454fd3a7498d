// Bundle size of a small app per library: esbuild, minified, then gzip and brotli. Also the
// size of an app that imports the client but uses nothing (should be ~0: no side effects).
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** The client's budget, min+gzip, enforced by test/size.test.ts. The target is 4.5 kB. */
export const budgetGzipBytes = 6700;
export const targetGzipBytes = 4500;

export const apps = {
  "verigator (whole client)": `import { createVerigator } from "verigator";
    const v = createVerigator({ username: "u", password: "p" });
    v.users.create("s", { id_in_service: "a", phone_number: "+4401234567" }).then(console.log);`,
  "verigator/raw": `import { createRawClient } from "verigator/raw";
    const c = createRawClient({ username: "u", password: "p" });
    c.POST("/v1/service/service/{ServiceId}/users", { params: { path: { ServiceId: "s" } }, body: {} }).then(console.log);`,
  "openapi-fetch alone": `import createClient from "openapi-fetch";
    const c = createClient({ baseUrl: "https://api.verigator.com", headers: { "X-Service-Auth": "u:p" } });
    c.POST("/v1/service/service/{ServiceId}/users", { params: { path: { ServiceId: "s" } }, body: {} }).then(console.log);`,
  ky: `import ky from "ky";
    ky.post("https://api.verigator.com/v1/service/service/s/users", { json: {}, headers: { "X-Service-Auth": "u:p" } }).json().then(console.log);`,
  axios: `import axios from "axios";
    axios.post("https://api.verigator.com/v1/service/service/s/users", {}, { headers: { "X-Service-Auth": "u:p" } }).then((r) => console.log(r.data));`,
  "verigator imported, unused": `import { createVerigator } from "verigator";`,
};

export async function bundleSize(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    alias: { "verigator/raw": `${root}dist/src/raw.js`, verigator: `${root}dist/src/index.js` },
  });
  const code = result.outputFiles[0].contents;
  return {
    minBytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    brotliBytes: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export async function sizes() {
  const rows = [];
  for (const [name, source] of Object.entries(apps)) rows.push({ name, ...(await bundleSize(source)) });
  return rows;
}
