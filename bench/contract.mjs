// The contract suite's wall time against the fake, and how it splits: loading Prism's library,
// reading the document, the requests. Beside it, in the same run, the time Prism alone takes
// to start as a proxy process (what the suite used to wait for). Each measured 3 times in a
// fresh process; medians reported.
import { fileURLToPath } from "node:url";
import { createFakeVerigator } from "verigator/testing";
import { startPrism } from "../scripts/lib/prism-process.mjs";
import { run } from "../scripts/lib/run.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function contractTime(rounds = 3) {
  const fake = createFakeVerigator({ username: "user", password: "pass", nextPin: () => "123456" });
  const server = await fake.listen({ port: 0 });
  const runs = [];
  const prismStarts = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const { code, output } = await run("node", [
        "bin/verigator.mjs",
        "contract",
        "--target",
        server.url,
        "--reporter",
        "json",
        "--pin-command",
        "echo 123456",
        "--seed",
        "1",
      ]);
      const wallMs = performance.now() - started;
      if (code !== 0) throw new Error(`the suite failed against the fake:\n${output.slice(0, 2000)}`);
      const report = JSON.parse(output);
      runs.push({ wallMs, ...report.timings, cases: report.cases.length });
      const prismStarted = performance.now();
      const prism = await startPrism({ document: `${root}dist/openapi.yaml`, mode: ["proxy", server.url] });
      prismStarts.push(performance.now() - prismStarted);
      await prism.stop();
    }
  } finally {
    await server.close();
  }
  const pick = (key) => median(runs.map((one) => one[key]));
  return {
    cases: runs[0].cases,
    requests: runs[0].requests,
    readBacks: runs[0].readBacks,
    wallMs: pick("wallMs"),
    totalMs: pick("totalMs"),
    prismLoadMs: pick("prismLoadMs"),
    documentMs: pick("documentMs"),
    requestsMs: pick("requestsMs"),
    medianRequestMs: pick("medianRequestMs"),
    prismProxyStartMs: median(prismStarts),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await contractTime());
