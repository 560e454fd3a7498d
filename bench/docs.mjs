// What the Try it panels cost the docs page: its weight (raw and gzipped, as the docs server
// sends it) and its first contentful paint in Chromium, with and without them, built in the same
// run from the same document (scripts/docs.mjs --no-try-it). First paint: the median of 7 fresh
// loads each, alternating, everything off loopback blocked.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { isLoopback, launchChromium } from "../scripts/lib/chromium.mjs";
import { createDocsServer } from "../scripts/lib/docs-server.mjs";
import { run } from "../scripts/lib/run.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function build(name, args) {
  const output = `${root}build/bench-docs/${name}/index.html`;
  const { code, output: said } = await run("node", ["scripts/docs.mjs", "--output", output, ...args]);
  if (code !== 0) throw new Error(`scripts/docs.mjs ${args.join(" ")} failed:\n${said}`);
  const html = readFileSync(output);
  return { output, bytes: html.length, gzipBytes: gzipSync(html).length };
}

/** @param {import("playwright-core").Browser} browser @param {string} url */
async function firstPaintMs(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.route("**/*", (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: "load" });
  const paint = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const found = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
        const poll = () => (found() === undefined ? setTimeout(poll, 20) : resolve(found()));
        poll();
      }),
  );
  await page.close();
  return Number(paint);
}

export async function docsCost(rounds = 7) {
  const pages = { without: await build("without", ["--no-try-it"]), with: await build("with", []) };
  const servers = {};
  for (const [name, { output }] of Object.entries(pages)) {
    const server = createDocsServer(output);
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers[name] = { server, url: `http://127.0.0.1:${server.address().port}/` };
  }
  const browser = await launchChromium();
  const paints = { without: [], with: [] };
  try {
    for (let round = 0; round < rounds; round++)
      for (const name of round % 2 ? ["with", "without"] : ["without", "with"]) paints[name].push(await firstPaintMs(browser, servers[name].url));
  } finally {
    await browser.close();
    for (const { server } of Object.values(servers)) server.close();
  }
  return {
    without: { bytes: pages.without.bytes, gzipBytes: pages.without.gzipBytes, firstPaintMs: median(paints.without) },
    with: { bytes: pages.with.bytes, gzipBytes: pages.with.gzipBytes, firstPaintMs: median(paints.with) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await docsCost());
