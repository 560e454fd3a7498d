// Starts a Prism mock (or proxy) of the document on a loopback port and waits until it answers.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { root, documentPath } from "./document.mjs";
import { bin, quietEnv } from "./run.mjs";

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with code ${child.exitCode}`);
    try {
      await fetch(`${url}/v1/service/service/readiness-probe`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`prism did not answer at ${url} within ${deadlineMs} ms`);
}

/**
 * `mode` is ["mock"] or ["proxy", upstream, "--errors"]. Resolves with { url, stop, output() }.
 */
export async function startPrism({ port, mode = ["mock"], document = root + documentPath, verbosity = "warn" } = {}) {
  port ??= await freePort();
  const [command, ...modeArgs] = mode;
  const args = [command, document, ...modeArgs, "--host", "127.0.0.1", "--port", String(port), "--verboseLevel", verbosity];
  const child = spawn(bin("prism"), args, { cwd: root, env: quietEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  try {
    await waitUntilAnswering(url, child, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${output}`);
  }
  return { url, stop, output: () => output, child };
}
