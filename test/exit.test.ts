// A process that used the client exits by itself: no timer or socket is left behind, even
// after timeouts, retries and aborts with long timeouts still pending.
import { spawn } from "node:child_process";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../scripts/lib/net.mjs";
import { hang, json, service, startFaultServer } from "./support/fault-server.js";

const server = await startFaultServer((request, response, body) => {
  if (request.url?.includes("/hang")) return hang(request, response, body);
  if (request.url?.includes("/busy")) return json(503, { message: "busy" })(request, response, body);
  return json(200, service)(request, response, body);
});
afterAll(() => server.stop());

it("exits on its own after timeouts, retries, an abort and a refused connection", async () => {
  const closed = `http://127.0.0.1:${await freePort()}`;
  const child = spawn(process.execPath, ["test/fixtures/exits-by-itself.mjs", server.url, closed], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.on("exit", (exitCode) => {
      clearTimeout(killer);
      resolve(exitCode);
    });
  });
  expect(output.trim()).toBe('VerigatorTimeoutError, VerigatorAbortError, VerigatorConnectionError, ok {"id":"9a2d2fe5-d3e9');
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(5_000);
});
