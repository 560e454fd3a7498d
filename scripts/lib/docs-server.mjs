// Serves the rendered docs page as `npm start` does: the page at / (and /index.html), the
// changelog it links at /CHANGELOG.md, 404 for anything else — so a test sees every request
// the page makes that the server cannot answer (a /favicon.ico the page did not declare would
// be a console error in the browser). Compressed as the browser accepts (brotli, else gzip): the
// page is ~2.7 MB of HTML and script, ~0.7 MB gzipped. Each file is read and compressed once,
// and again when it changes on disk.
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** @typedef {{ mtimeMs: number, identity: Buffer, gzip?: Buffer, br?: Buffer }} Cached */

/**
 * The encoding to answer with: the best the request accepts (br, then gzip), or identity.
 * @param {string | undefined} header the Accept-Encoding header
 * @returns {"br" | "gzip" | "identity"}
 */
export function chosenEncoding(header) {
  /** @type {Map<string, number>} */
  const accepted = new Map();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((one) => /^\s*q=([\d.]+)\s*$/.exec(one)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (/** @type {string} */ name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (wants("br")) return "br";
  if (wants("gzip")) return "gzip";
  return "identity";
}

/** @param {string} page the HTML file to serve */
export function createDocsServer(page) {
  /** @type {Map<string, Cached>} */
  const cache = new Map();
  /** The file's bytes in `encoding`, compressed once per version of the file. @param {string} file @param {"br" | "gzip" | "identity"} encoding */
  function bytes(file, encoding) {
    const { mtimeMs } = statSync(file);
    let cached = cache.get(file);
    if (!cached || cached.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, identity: readFileSync(file) };
      cache.set(file, cached);
    }
    if (encoding === "identity") return cached.identity;
    if (encoding === "gzip") {
      cached.gzip ??= gzipSync(cached.identity, { level: 6 });
      return cached.gzip;
    }
    // Quality 6: within a few percent of the best, in a fraction of its time for a 2.7 MB page.
    cached.br ??= brotliCompressSync(cached.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
    return cached.br;
  }

  return createServer((request, response) => {
    const url = request.url ?? "/";
    const file = url === "/CHANGELOG.md" ? `${dirname(page)}/CHANGELOG.md` : url === "/" || url.startsWith("/#") || url === "/index.html" ? page : undefined;
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    const encoding = chosenEncoding(request.headers["accept-encoding"]);
    let body;
    try {
      body = bytes(file, encoding);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not built yet: npm run docs\n");
      return;
    }
    response.writeHead(200, {
      "content-type": file.endsWith(".md") ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8",
      vary: "accept-encoding",
      ...(encoding !== "identity" && { "content-encoding": encoding }),
      "content-length": String(body.length),
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
}
