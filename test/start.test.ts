// What `npm start` ends with (scripts/serve.mjs): the mock and the docs on the ports it prints,
// answering the README's curl with 201, 401 without the header, 422 with a field missing.
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { freePort } from "../scripts/lib/prism.mjs";
import { root } from "../scripts/lib/document.mjs";
import { run } from "../scripts/lib/run.mjs";

it("serves the mock and the docs, and stops on SIGTERM", async () => {
  // Its own copy of the page: the docs browser test may be rebuilding build/docs meanwhile.
  const docs = await run("node", ["scripts/docs.mjs", "--output", "build/start-test/index.html"]);
  expect(docs.code, docs.output).toBe(0);
  const [mockPort, docsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: { ...process.env, MOCK_PORT: String(mockPort), DOCS_PORT: String(docsPort), DOCS_FILE: `${root}build/start-test/index.html` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toContain("Ctrl-C stops both");
    expect(output).toContain(`Verigator mock (Prism):  http://127.0.0.1:${mockPort}`);
    expect(output).toContain(`Rendered API docs:       http://127.0.0.1:${docsPort}/`);
    expect(output).toContain(`curl -i -X POST http://127.0.0.1:${mockPort}/v1/service/service/my-service-id/users`);

    const users = `http://127.0.0.1:${mockPort}/v1/service/service/my-service-id/users`;
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(users, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
    const created = await post({ "X-Service-Auth": "user:pass" }, { id_in_service: "john_doe", phone_number: "+4401234567" });
    expect(created.status).toBe(201);
    expect(await created.json()).toHaveProperty("id");
    expect((await post({}, { id_in_service: "john_doe", phone_number: "+4401234567" })).status).toBe(401);
    expect((await post({ "X-Service-Auth": "user:pass" }, { id_in_service: "john_doe" })).status).toBe(422);

    const page = await fetch(`http://127.0.0.1:${docsPort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Verigator API");
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
});
