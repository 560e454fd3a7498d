// Per-call overhead with no I/O: a fetch that returns a ready Response. Calls/s per contender,
// with the spread over rounds, and the ratio to bare fetch.
import { Bench } from "tinybench";
import { contenders, createdUser } from "./contenders.mjs";

const body = JSON.stringify(createdUser);
// Like a real fetch, the stub reads the request body it is given (ky waits for that).
const stub = async (input) => {
  if (input instanceof Request) await input.arrayBuffer();
  return new Response(body, { status: 201, headers: { "content-type": "application/json", "content-length": String(body.length) } });
};

export async function stubbed({ rounds = 5, time = 400 } = {}) {
  const perRound = {};
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime: 100 });
    for (const [name, make] of Object.entries(contenders)) {
      const call = make("https://api.verigator.com", stub);
      const check = await call();
      if (check.id !== createdUser.id) throw new Error(`${name} returned ${JSON.stringify(check)}`);
      bench.add(name, call);
    }
    await bench.run();
    for (const task of bench.tasks) {
      perRound[task.name] ??= [];
      perRound[task.name].push(task.result.throughput.mean);
    }
  }
  const rows = Object.entries(perRound).map(([name, values]) => {
    values.sort((a, b) => a - b);
    return { name, median: values[Math.floor(values.length / 2)], min: values[0], max: values.at(-1) };
  });
  const bare = rows.find((row) => row.name === "bare fetch").median;
  return rows.map((row) => ({ ...row, ratioToBare: row.median / bare }));
}
