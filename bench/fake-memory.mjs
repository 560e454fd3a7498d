// The fake's memory under hostile input, in a process of its own (`verigator fake`): its peak
// resident memory (Linux VmHWM) while it refuses a 1 GB chunked body, and after 100,000
// journaled requests (the journal keeps its newest 5,000), with its V8 heap capped at 64 MB.
import { residentBytes, startFakeProcess, streamBody } from "../scripts/lib/fake-process.mjs";

const peakRss = (pid) => residentBytes(pid, "VmHWM");
const rss = (pid) => residentBytes(pid, "VmRSS");

export async function fakeMemory() {
  // A 64 MB heap: had the journal or the body reader kept what they were sent, this process would die.
  const { child, url } = await startFakeProcess([], ["--max-old-space-size=64"]);
  try {
    const idle = peakRss(child.pid);
    const refused = await streamBody(`${url}/v1/service/service`, 1024 ** 3);
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
