// `verigator fake` as a process of its own, and what the hostile-input test and the memory bench
// do to it: start it, read its memory, stream a body at it. Shared by test/ and bench/.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";

/**
 * Starts `verigator fake --port 0 …args` (node flags in `nodeArgs`); resolves once it listens.
 * With `npxIn`, as a user starts it there: `npx --no verigator fake`, in a process group of its
 * own (npx does not pass a signal on: stop it with `process.kill(-child.pid)`).
 * @param {string[]} [args] @param {string[]} [nodeArgs] @param {{ npxIn?: string, env?: NodeJS.ProcessEnv }} [how]
 * @returns {Promise<{ child: import("node:child_process").ChildProcessWithoutNullStreams, url: string }>}
 */
export function startFakeProcess(args = [], nodeArgs = [], { npxIn, env } = {}) {
  const child = npxIn
    ? spawn("npx", ["--no", "verigator", "fake", "--port", "0", ...args], { cwd: npxIn, env, detached: true })
    : spawn("node", [...nodeArgs, "bin/verigator.mjs", "fake", "--port", "0", ...args], { env });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const found = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1]) resolve({ child, url: found[1] });
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`the fake exited ${code}: ${output}`)));
  });
}

/** A process's resident memory in bytes (Linux): now (VmRSS) or at its peak (VmHWM). @param {number} pid @param {"VmRSS" | "VmHWM"} [field] */
export function residentBytes(pid, field = "VmHWM") {
  const found = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(found?.[1]) * 1024;
}

/**
 * POSTs `total` bytes in 1 MiB chunks (chunked, no Content-Length); resolves with the answer once
 * it came. A fake that refused closes the connection: writing on is an error the answer explains.
 * @param {string} url @param {number} total @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, body: string }>}
 */
export function streamBody(url, total, headers = {}) {
  return new Promise((resolve, reject) => {
    const sending = request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!sending.write(chunk)) return void sending.once("drain", pump);
      }
      sending.end();
    };
    sending.on("response", (response) => {
      let body = "";
      response.on("data", (data) => (body += data));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body });
        sending.destroy();
      });
    });
    sending.on("error", (error) => (sent >= total ? reject(error) : undefined));
    pump();
  });
}
