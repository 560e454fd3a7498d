// Over loopback HTTP to a minimal node:http server that answers like the API: median and p99
// latency at concurrency 1, throughput at concurrency 32.
import { createServer } from "node:http";
import { contenders, createdUser } from "./contenders.mjs";

const body = JSON.stringify(createdUser);

function startServer() {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(201, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** Interleaved rounds (the order rotates each round) so no contender gains from going later. */
export async function loopback({ rounds = 4, sequential = 600, concurrent = 1500, concurrency = 32 } = {}) {
  const server = await startServer();
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const names = Object.keys(contenders);
  const calls = Object.fromEntries(names.map((name) => [name, contenders[name](baseUrl, globalThis.fetch)]));
  const latencies = Object.fromEntries(names.map((name) => [name, []]));
  const busySeconds = Object.fromEntries(names.map((name) => [name, 0]));
  try {
    for (const name of names) for (let i = 0; i < 300; i++) await calls[name](); // warm up sockets and JIT
    for (let round = 0; round < rounds; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const name of order) {
        const call = calls[name];
        for (let i = 0; i < sequential; i++) {
          const started = performance.now();
          await call();
          latencies[name].push(performance.now() - started);
        }
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next++ < concurrent) await call();
          }),
        );
        busySeconds[name] += (performance.now() - started) / 1000;
      }
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  const rows = names.map((name) => {
    const sorted = latencies[name].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    return {
      name,
      medianMs: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      throughput1: 1000 / mean,
      throughput32: (rounds * concurrent) / busySeconds[name],
    };
  });
  const bare = rows.find((row) => row.name === "bare fetch");
  return rows.map((row) => ({ ...row, medianOverBare: row.medianMs / bare.medianMs - 1 }));
}
