// Starts Prism (an optional peer dependency of this package) on a loopback port and waits
// until it answers. Used by `verigator contract` and by this repository's scripts.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export const prismPackage = "@stoplight/prism-cli";

/** Prism's entry script, or undefined when it is not installed where this package can see it. */
export function findPrism() {
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${prismPackage}/package.json`)), "dist/index.js");
  } catch {
    return undefined;
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * @param {string} url
 * @param {import("node:child_process").ChildProcess} child
 * @param {number} deadlineMs
 */
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
 * Starts `prism mock` or `prism proxy` on `document`. `mode` is ["mock"] or ["proxy", upstream, "--errors"].
 * @param {{ document: string, port?: number, mode?: string[], verbosity?: string, cwd?: string, env?: NodeJS.ProcessEnv }} options
 */
export async function startPrism({ document, port, mode = ["mock"], verbosity = "warn", cwd, env = process.env }) {
  const prism = findPrism();
  if (!prism) throw new Error(`Prism is not installed: npm install --save-dev ${prismPackage}`);
  port ??= await freePort();
  const [command, ...modeArgs] = mode;
  const args = [prism, command ?? "mock", document, ...modeArgs, "--host", "127.0.0.1", "--port", String(port), "--verboseLevel", verbosity];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (/** @type {Buffer} */ chunk) => (output += chunk));
  child.stderr.on("data", (/** @type {Buffer} */ chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once("exit", () => resolve(undefined));
      child.kill("SIGTERM");
    });
  try {
    await waitUntilAnswering(url, child, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n${output}`);
  }
  return { url, stop, output: () => output, child };
}
