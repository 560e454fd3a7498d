// `npm start`'s last step: the Prism mock at 127.0.0.1:4010, the rendered docs at
// 127.0.0.1:4011 and the stateful fake of verigator/testing at 127.0.0.1:4012, until Ctrl-C.
// Ports can be changed with MOCK_PORT, DOCS_PORT and FAKE_PORT, the page with DOCS_FILE.
import { existsSync } from "node:fs";
import { startFake } from "../bin/fake.mjs";
import { createDocsServer } from "./lib/docs-server.mjs";
import { root } from "./lib/document.mjs";
import { startMock } from "./lib/mock.mjs";
import { startPorts } from "./lib/start-ports.mjs";

const { mock: mockPort, docs: docsPort, fake: fakePort } = startPorts();
const docsPath = process.env.DOCS_FILE ?? `${root}build/docs/index.html`;
if (!existsSync(docsPath)) {
  console.error(`${docsPath} is missing: run npm run docs first (npm start does)`);
  process.exit(1);
}

const mock = await startMock({ port: mockPort });
const docs = createDocsServer(docsPath);
await new Promise((resolve) => docs.listen(docsPort, "127.0.0.1", () => resolve(undefined)));
const fake = await startFake(["--port", String(fakePort), "--auth", "user:pass"]);
const users = `${fake.server.url}/v1/service/service/$SID/users`;
const json = `-H 'X-Service-Auth: user:pass' -H 'Content-Type: application/json'`;

console.log(`
Verigator mock (Prism):  ${mock.url}
Rendered API docs:       http://127.0.0.1:${docsPort}/
Stateful fake:           ${fake.server.url}  (verigator/testing; X-Service-Auth: user:pass)

Try it:
  curl -i -X POST ${mock.url}/v1/service/service/my-service-id/users \\
    -H 'X-Service-Auth: user:pass' -H 'Content-Type: application/json' -H 'Accept: application/json' \\
    -d '{"id_in_service":"john_doe","phone_number":"+4401234567"}'

The fake keeps what you add: create a service, add a user, list it, add it again (409):
  SID=$(curl -s -X POST ${fake.server.url}/v1/service/service ${json} -d '{"fqdn":"app.example","name":"App"}' | node -e 'let t="";process.stdin.on("data",(d)=>(t+=d)).on("end",()=>console.log(JSON.parse(t).id))')
  curl -s -w ' %{http_code}\\n' -X POST ${users} ${json} -d '{"id_in_service":"ann","phone_number":"+3725555555"}'
  curl -s -w ' %{http_code}\\n' ${users} -H 'X-Service-Auth: user:pass'
  curl -s -w ' %{http_code}\\n' -X POST ${users} ${json} -d '{"id_in_service":"ann","phone_number":"+3725555555"}'

Ctrl-C stops all three.`);

mock.child.stdout.pipe(process.stdout);
const stop = async () => {
  docs.close();
  await fake.server.close();
  await mock.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
