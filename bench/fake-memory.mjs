// The fake's memory under hostile input, in a process of its own (`verigator fake`): its peak
// resident memory (Linux VmHWM) while it refuses a 1 GB chunked body, and after 100,000
// journaled requests (the journal keeps its newest 5,000), with its V8 heap capped at 64 MB.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";

const peakRss = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) * 1024;
const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) * 1024;

async function fakeProcess() {
  // A 64 MB heap: had the journal or the body reader kept what they were sent, this process would die.
  const child = spawn("node", ["--max-old-space-size=64", "bin/verigator.mjs", "fake", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const found = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) resolve(found[1]);
    });
  });
  return { child, url };
}

/** Streams `total` bytes; resolves with the status once the fake answered (it closes the connection then). */
function stream(url, total) {
  return new Promise((resolve, reject) => {
    const sending = request(`${url}/v1/service/service`, { method: "POST", headers: { "content-type": "application/json" } });
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
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode, sentBytes: sent }));
    });
    sending.on("error", (error) => (sent < total ? undefined : reject(error)));
    pump();
  });
}

export async function fakeMemory() {
  const { child, url } = await fakeProcess();
  try {
    const idle = peakRss(child.pid);
    const refused = await stream(url, 1024 ** 3);
    const afterBomb = peakRss(child.pid);
    // 100,000 authenticated requests, 8 at a time: each is journaled (a 404 for an unknown service).
    const total = 100_000;
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next++;
        const answer = await fetch(`${url}/v1/service/service/s${next}`, { headers: { "x-service-auth": "user:pass" } });
        await answer.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const journal = await (await fetch(`${url}/_fake/requests`, { headers: { "x-service-auth": "user:pass" } })).json();
    if (child.exitCode !== null) throw new Error(`the fake died (exit ${child.exitCode}) under a 64 MB heap`);
    return {
      idleRss: idle,
      bombStatus: refused.status,
      peakRssRefusing1GB: afterBomb,
      rssAfter100k: rss(child.pid),
      peakRssAfter100k: peakRss(child.pid),
      journalEntries: journal.requests.length,
    };
  } finally {
    child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await fakeMemory());
