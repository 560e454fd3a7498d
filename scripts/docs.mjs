// Renders the document into one self-contained HTML file (Redoc inlined: works offline), with
// the page's own scripts: its accessibility fixes always, and the Try it panels with their
// in-page sandbox (src/docs-page/) unless `--no-try-it` (the benchmark builds both to compare).
//
//   node scripts/docs.mjs [--output build/docs/index.html] [--no-try-it]
//
// The page is built from a copy of the document made for it: the code samples joined
// (loadDocument), the servers those `npm start` serves (MOCK_PORT, FAKE_PORT: the same
// environment `npm start` runs this in), and the two-factor flow drawn as a sequence diagram from
// the Arazzo workflow. Redocly reads the page template (with the theme) from redocly.yaml.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { build } from "esbuild";
import { parse } from "yaml";
import { loadDocument, root } from "./lib/document.mjs";
import { flowSvg, readFlow } from "./lib/flow-diagram.mjs";
import { bin, run } from "./lib/run.mjs";
import { startServers } from "./lib/start-ports.mjs";
import { tryItData } from "./lib/try-it-data.mjs";

const argv = process.argv.slice(2);
const outputFlag = argv.indexOf("--output");
// Relative to the repository (as npm scripts run), or absolute.
const docsFile = resolve(root, (outputFlag >= 0 ? argv[outputFlag + 1] : undefined) ?? "build/docs/index.html");
const withTryIt = !argv.includes("--no-try-it");

/** The sequence diagram, placed after the flow's numbered steps in the overview. @param {any} document @param {any} dereferenced */
function withFlowDiagram(document, dereferenced) {
  const arazzo = parse(readFileSync(`${root}openapi/verigator.arazzo.yaml`, "utf8"));
  const flow = readFlow(arazzo, dereferenced);
  const figure = [
    '<figure class="flow">',
    flowSvg(flow, "two-factor-flow"),
    `<figcaption>The two-factor flow, step by step (drawn from <code>verigator.arazzo.yaml</code>; “…” stands for <code>${flow.prefix}</code>).</figcaption>`,
    "</figure>",
  ].join("");
  const anchor = "The same flow is described as an Arazzo workflow in `verigator.arazzo.yaml`.";
  const description = String(document.info.description);
  if (!description.includes(anchor)) throw new Error(`the overview has no "${anchor}" to put the flow diagram after`);
  return { ...document, info: { ...document.info, description: description.replace(anchor, () => `${anchor}\n\n${figure}\n`) } };
}

/** A script bundled for the browser from src/docs-page/: minified, one file, nothing loaded later. @param {string} entry */
async function bundle(entry) {
  const { outputFiles } = await build({
    entryPoints: [`${root}src/docs-page/${entry}`],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "warning",
  });
  return /** @type {{ text: string }[]} */ (outputFiles)[0]?.text ?? "";
}

/** Text safe inside a <script> element: no "</script" and no "<!--" can end or bend it. @param {string} text */
const scriptText = (text) => text.replace(/<(?=\/script|!--)/gi, "\\u003c");

const started = Date.now();
const [document, dereferenced] = await Promise.all([loadDocument(undefined, { dereference: false }), loadDocument()]);
const page = withFlowDiagram({ ...document, servers: startServers() }, dereferenced);
const source = `${root}build/docs-source/openapi.json`;
mkdirSync(dirname(source), { recursive: true });
mkdirSync(dirname(docsFile), { recursive: true });
writeFileSync(source, JSON.stringify(page));

const { code, output } = await run(bin("redocly"), [
  "build-docs",
  source,
  "--inlineBundle",
  "--title",
  "Verigator API — typed client reference",
  `--templateOptions.metaDescription=${document.info.title} ${document.info.version}: ${document.info.summary} Every call can be tried in the page, against a sandbox.`,
  "--output",
  docsFile,
]);
if (code !== 0) {
  process.stderr.write(output);
  process.exit(code ?? 1);
}
// Redoc's attribution logo is an <img> from a CDN even with --inlineBundle; inline it so the
// page makes no request off the machine it is served from.
const logo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044d4">Redoc</text></svg>',
)}`;
const scripts = [`<script type="module">${scriptText(await bundle("page.ts"))}</script>`];
if (withTryIt) {
  const data = JSON.stringify(tryItData(dereferenced, startServers()));
  const style = readFileSync(`${root}src/docs-page/try-it.css`, "utf8");
  scripts.push(
    `<style id="try-it-style">${style}</style>`,
    `<script type="application/json" id="try-it-data">${scriptText(data)}</script>`,
    `<script type="module">${scriptText(await bundle("try-it.ts"))}</script>`,
  );
}
const html = readFileSync(docsFile, "utf8").replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, logo);
// The page's own </body>: the last one (Redoc's inlined script holds the text "</body>" too).
const end = html.lastIndexOf("</body>");
if (end < 0) throw new Error(`${docsFile} has no </body> to add the page's scripts before`);
writeFileSync(docsFile, `${html.slice(0, end)}${scripts.join("\n")}\n${html.slice(end)}`);
// The changelog the page links ("Versions"), beside it.
copyFileSync(`${root}CHANGELOG.md`, `${dirname(docsFile)}/CHANGELOG.md`);
console.log(`wrote ${relative(root, docsFile)}${withTryIt ? "" : " (without Try it)"} in ${Date.now() - started} ms`);
