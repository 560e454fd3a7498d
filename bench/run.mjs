// `npm run bench`: every benchmark, printed with its target, then written to bench/RESULTS.md
// and bench/chart.svg. `--quick` skips timing the test command.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { run } from "../scripts/lib/run.mjs";
import { buildTime } from "./build-time.mjs";
import { chart } from "./chart.mjs";
import { contractTime } from "./contract.mjs";
import { docsCost } from "./docs.mjs";
import { fakeListTime } from "./fake.mjs";
import { fakeMemory } from "./fake-memory.mjs";
import { loopback } from "./loopback.mjs";
import { sizes, targetGzipBytes } from "./size.mjs";
import { stubbed } from "./stubbed.mjs";
import { typecheckCost } from "./typecheck.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const version = (name) => JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;
const met = (ok) => (ok ? "met" : "MISSED");
const lines = [];
const say = (line = "") => {
  console.log(line);
  lines.push(line);
};

const results = {};
results.stubbed = await stubbed();
results.loopback = await loopback();
results.sizes = await sizes();
results.typecheck = await typecheckCost();
results.build = await buildTime();
results.contract = await contractTime();
results.fakeList = await fakeListTime();
results.fakeMemory = await fakeMemory();
results.docs = await docsCost();
if (!process.argv.includes("--quick")) {
  const started = performance.now();
  const { code } = await run("npm", ["test"]);
  results.testSeconds = code === 0 ? (performance.now() - started) / 1000 : undefined;
}

const row = (cells) => `| ${cells.join(" | ")} |`;
const ours = (rows) => rows.find((r) => r.name === "verigator" || r.name === "verigator (whole client)");
const stub = results.stubbed;
const ofetch = stub.find((r) => r.name === "openapi-fetch");
const stubRatio = ours(stub).median / ofetch.median;
const bareLoop = results.loopback.find((r) => r.name === "bare fetch");
const floorLoop = results.loopback.find((r) => r.name === "bare fetch + signal and timer");
const loopOver = ours(results.loopback).medianOverBare;
const overFloor = ours(results.loopback).medianMs / floorLoop.medianMs;
const clientSize = ours(results.sizes).gzipBytes;
const unused = results.sizes.find((r) => r.name.includes("unused")).gzipBytes;

say(`# Benchmarks`);
say();
say(
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
);
say(
  `Versions: openapi-fetch ${version("openapi-fetch")}, ky ${version("ky")}, axios ${version("axios")}, esbuild ${version("esbuild")}, typescript ${version("typescript")}, tinybench ${version("tinybench")}.`,
);
say();
say(`## Targets`);
say();
say(row(["target", "measured", ""]));
say(row(["---", "---", "---"]));
say(row(["stubbed fetch: users.create ≥ 1.5× openapi-fetch POST", `${stubRatio.toFixed(2)}×`, met(stubRatio >= 1.5)]));
say(
  row([
    "loopback: median ≤ 1.05× the floor (bare fetch + AbortSignal + timer)",
    `${overFloor.toFixed(3)}× the floor; ${(loopOver * 100).toFixed(1)} % over bare fetch`,
    met(overFloor <= 1.05),
  ]),
);
say(
  row([
    "whole client min+gzip ≤ 4.5 kB",
    `${(clientSize / 1000).toFixed(2)} kB (size-limit budget: ${(ours(results.sizes).limitBytes / 1000).toFixed(1)} kB)`,
    met(clientSize <= targetGzipBytes),
  ]),
);
say(row(["importing it without using it adds nothing", `${unused} bytes`, met(unused < 50)]));
say(row(["document → types + docs < 5 s", `${results.build.typesAndDocs.toFixed(2)} s`, met(results.build.typesAndDocs < 5)]));
say(
  row([
    "npm test < 3 min",
    results.testSeconds ? `${results.testSeconds.toFixed(0)} s` : "not run (--quick)",
    results.testSeconds ? met(results.testSeconds < 180) : "",
  ]),
);
say();
say(`## Per-call overhead, stubbed fetch (no I/O), calls/s over 5 rounds`);
say();
say(row(["contender", "median", "min–max", "× bare fetch"]));
say(row(["---", "---:", "---:", "---:"]));
for (const r of stub)
  say(
    row([
      r.name,
      Math.round(r.median).toLocaleString("en"),
      `${Math.round(r.min).toLocaleString("en")}–${Math.round(r.max).toLocaleString("en")}`,
      r.ratioToBare.toFixed(2),
    ]),
  );
say();
say(`axios here runs with an adapter that does no I/O: it builds no Request and reads no Response, so it is not comparable with the fetch-based contenders.`);
say();
say(`## Loopback HTTP (node:http server answering 201 like the API)`);
say();
say(row(["contender", "median ms", "p99 ms", "req/s at 1", "req/s at 32", "median vs bare"]));
say(row(["---", "---:", "---:", "---:", "---:", "---:"]));
for (const r of results.loopback)
  say(
    row([
      r.name,
      r.medianMs.toFixed(3),
      r.p99Ms.toFixed(3),
      Math.round(r.throughput1).toLocaleString("en"),
      Math.round(r.throughput32).toLocaleString("en"),
      `${(r.medianOverBare * 100).toFixed(1)} %`,
    ]),
  );
say();
say(`axios uses its Node http adapter over loopback; the others use Node's fetch.`);
say();
say(`## Bundle size (size-limit with esbuild: min+gzip, with dependencies)`);
say();
say(row(["app", "min+gzip", "size-limit budget"]));
say(row(["---", "---:", "---:"]));
for (const r of results.sizes) say(row([r.name, r.gzipBytes, r.limitBytes ?? ""]));
say();
say(`## Type-check cost of a consumer file`);
say();
say(
  `Check time ${results.typecheck.checkSeconds} s, total ${results.typecheck.totalSeconds} s, ${results.typecheck.instantiations} instantiations, ${results.typecheck.types} types.`,
);
say();
say(`## Build time`);
say();
say(
  `lint ${results.build.lint.toFixed(2)} s, types ${results.build.types.toFixed(2)} s, docs ${results.build.docs.toFixed(2)} s (bare-fetch median over loopback was ${bareLoop.medianMs.toFixed(3)} ms).`,
);
say();
say(`## verigator contract against the fake (wall time of the command, median of 3 fresh processes)`);
say();
const c = results.contract;
say(row(["part", "ms"]));
say(row(["---", "---:"]));
say(row([`whole command (${c.cases} cases, ${c.requests} requests)`, c.wallMs.toFixed(0)]));
say(row(["of which: loading Prism's parser and validator", c.prismLoadMs.toFixed(0)]));
say(row(["of which: reading the document", c.documentMs.toFixed(0)]));
say(row([`of which: the requests (${(c.requestsMs / c.requests).toFixed(2)} ms each, validation included)`, c.requestsMs.toFixed(0)]));
say(
  row([
    `of which, about: reading back what the server holds after each create and delete (${c.readBacks} of the ${c.requests} requests, at the median request's time)`,
    (c.readBacks * c.medianRequestMs).toFixed(0),
  ]),
);
say(row(["for comparison: `prism proxy` alone, from spawn to listening", c.prismProxyStartMs.toFixed(0)]));
say();
say(
  `Targets: the whole command within 2× \`prism proxy\`'s start: ${(c.wallMs / c.prismProxyStartMs).toFixed(2)}× — ${met(c.wallMs <= 2 * c.prismProxyStartMs)}; the median request, validation included, under 2 ms: ${c.medianRequestMs.toFixed(2)} ms — ${met(c.medianRequestMs < 2)}.`,
);
say();
const d = results.docs;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
say(`## The docs page with and without its Try it panels (same run, same document; first paint: median of 7 loads in Chromium)`);
say();
say(row(["page", "HTML", "gzipped", "first contentful paint"]));
say(row(["---", "---:", "---:", "---:"]));
say(row(["without Try it (`--no-try-it`)", kB(d.without.bytes), kB(d.without.gzipBytes), `${d.without.firstPaintMs.toFixed(0)} ms`]));
say(row(["with Try it (what `npm run docs` builds)", kB(d.with.bytes), kB(d.with.gzipBytes), `${d.with.firstPaintMs.toFixed(0)} ms`]));
say();
const addedGzip = d.with.gzipBytes - d.without.gzipBytes;
const paintRatio = d.with.firstPaintMs / d.without.firstPaintMs;
say(
  `Targets: Try it adds at most 60 kB gzipped: ${kB(addedGzip)} — ${met(addedGzip <= 60_000)}; first paint at most 20 % later: ${((paintRatio - 1) * 100).toFixed(0)} % — ${met(paintRatio <= 1.2)}.`,
);
say();
say(`## The fake with 10,000 preloaded users (verigator/testing; listUsers medians of 50)`);
say();
say(row(["users", "preload ms", "listUsers via fake.fetch ms", "listUsers over HTTP (fake.listen) ms"]));
say(row(["---:", "---:", "---:", "---:"]));
for (const r of results.fakeList) say(row([r.users.toLocaleString("en"), r.preloadMs.toFixed(1), r.fetchMs.toFixed(2), r.httpMs.toFixed(2)]));

say();
const m = results.fakeMemory;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
say(`## The fake's memory under hostile input (\`verigator fake\`, its own process, V8 heap capped at 64 MB)`);
say();
say(row(["what", "resident memory"]));
say(row(["---", "---:"]));
say(row(["idle, after start", mb(m.idleRss)]));
say(row([`peak while refusing a 1 GB chunked body (answered ${m.bombStatus} at 1 MiB)`, mb(m.peakRssRefusing1GB)]));
say(row([`after 100,000 journaled requests (the journal holds ${m.journalEntries.toLocaleString("en")})`, mb(m.rssAfter100k)]));
say();
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${root}bench/chart.svg`, chart(results));
console.log("\nwrote bench/RESULTS.md (tables above, plus notes kept by hand below the marker), bench/chart.svg, bench/results.json");

// RESULTS.md keeps a hand-written section (why a target is missed) below the marker.
const marker = "<!-- notes: kept across runs -->";
let notes = "";
try {
  const previous = readFileSync(`${root}bench/RESULTS.md`, "utf8");
  notes = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : "";
} catch {}
writeFileSync(`${root}bench/RESULTS.md`, `${lines.join("\n")}\n\n![chart](chart.svg)\n\n${notes || `${marker}\n`}`);
