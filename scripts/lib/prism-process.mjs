// Starts Prism as a process on a loopback port and waits until it says it listens: the mock
// of `npm start` and the tests. (`verigator contract` uses Prism as a library instead.)
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const prismPackage = "@stoplight/prism-cli";

/** Prism's entry script, or undefined when it is not installed. */
function findPrism() {
  const require = createRequire(import.meta.url);
  try {
    const prismManifest = require.resolve(`${prismPackage}/package.json`);
    // The script its `prism` command runs, as npm would link it.
    return join(dirname(prismManifest), /** @type {{ bin: { prism: string } }} */ (require(prismManifest)).bin.prism);
  } catch {
    return undefined;
  }
}

/**
 * Resolves with the URL Prism prints once it listens ("Prism is listening on http://…").
 * @param {import("node:child_process").ChildProcess} child
 * @param {() => string} output
 * @param {number} deadlineMs
 * @returns {Promise<string>}
 */
function listeningUrl(child, output, deadlineMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`prism did not start within ${deadlineMs} ms`)), deadlineMs);
    const check = () => {
      const found = /Prism is listening on (http:\/\/\S+)/.exec(output());
      if (found?.[1]) finish(undefined, found[1].replace(/\/$/, ""));
    };
    const exited = () => finish(new Error(`prism exited with code ${child.exitCode}`));
    /** @param {Error} [error] @param {string} [url] */
    const finish = (error, url) => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
      child.off("exit", exited);
      if (url) resolve(url);
      else reject(error);
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", exited);
    check();
  });
}

/**
 * Starts `prism mock` or `prism proxy` on `document`. `mode` is ["mock"] or ["proxy", upstream, "--errors"].
 * @param {{ document: string, port?: number, mode?: string[], cwd?: string, env?: NodeJS.ProcessEnv }} options
 */
export async function startPrism({ document, port = 0, mode = ["mock"], cwd, env = process.env }) {
  const prism = findPrism();
  if (!prism) throw new Error(`Prism is not installed: npm install --save-dev ${prismPackage}`);
  const [command, ...modeArgs] = mode;
  // Port 0 lets the system pick a free port, read back from Prism's "listening" line (info
  // level): no window in which another process could take a port chosen in advance.
  const args = [prism, command ?? "mock", document, ...modeArgs, "--host", "127.0.0.1", "--port", String(port), "--verboseLevel", "info"];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  // The last 64 KiB of Prism's log: every request is logged at info level.
  let log = "";
  const keep = (/** @type {Buffer} */ chunk) => {
    log = (log + chunk).slice(-65_536);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once("exit", () => resolve(undefined));
      child.kill("SIGTERM");
    });
  let url;
  try {
    url = await listeningUrl(child, () => log, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n${log}`);
  }
  return { url, stop, output: () => log, child };
}
