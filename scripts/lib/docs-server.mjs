// Serves the rendered docs page as `npm start` does: the page at / (and /index.html), the
// changelog it links at /CHANGELOG.md, 404 for anything else — so a test sees every request
// the page makes that the server cannot answer (a /favicon.ico the page did not declare would
// be a console error in the browser).
import { createReadStream } from "node:fs";
import { createServer } from "node:http";
import { dirname } from "node:path";

/** @param {string} page the HTML file to serve */
export function createDocsServer(page) {
  return createServer((request, response) => {
    const url = request.url ?? "/";
    if (url === "/CHANGELOG.md") {
      response.writeHead(200, { "content-type": "text/markdown; charset=utf-8" });
      createReadStream(`${dirname(page)}/CHANGELOG.md`).pipe(response);
      return;
    }
    if (url !== "/" && !url.startsWith("/#") && url !== "/index.html") {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    createReadStream(page).pipe(response);
  });
}
