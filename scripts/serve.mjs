// `npm start`'s last step: the Prism mock at 127.0.0.1:4010 and the rendered docs at
// 127.0.0.1:4011, until Ctrl-C. Ports can be changed with MOCK_PORT and DOCS_PORT, the page
// with DOCS_FILE.
import { createReadStream, existsSync } from "node:fs";
import { createServer } from "node:http";
import { root } from "./lib/document.mjs";
import { startMock } from "./lib/mock.mjs";

const mockPort = Number(process.env.MOCK_PORT ?? 4010);
const docsPort = Number(process.env.DOCS_PORT ?? 4011);
const docsPath = process.env.DOCS_FILE ?? root + "build/docs/index.html";
if (!existsSync(docsPath)) {
  console.error(`${docsPath} is missing: run npm run docs first (npm start does)`);
  process.exit(1);
}

const mock = await startMock({ port: mockPort, verbosity: "info" });
const docs = createServer((request, response) => {
  if (request.url !== "/" && !request.url.startsWith("/#") && request.url !== "/index.html") {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    return;
  }
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  createReadStream(docsPath).pipe(response);
});
await new Promise((resolve) => docs.listen(docsPort, "127.0.0.1", resolve));

console.log(`
Verigator mock (Prism):  ${mock.url}
Rendered API docs:       http://127.0.0.1:${docsPort}/

Try it:
  curl -i -X POST ${mock.url}/v1/service/service/my-service-id/users \\
    -H 'X-Service-Auth: user:pass' -H 'Content-Type: application/json' -H 'Accept: application/json' \\
    -d '{"id_in_service":"john_doe","phone_number":"+4401234567"}'

Ctrl-C stops both.`);

mock.child.stdout.pipe(process.stdout);
const stop = async () => {
  docs.close();
  await mock.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
