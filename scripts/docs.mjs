// Renders the document into one self-contained HTML file (Redoc inlined: works offline).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { documentPath, root } from "./lib/document.mjs";
import { bin, run } from "./lib/run.mjs";

// `--output PATH` (relative to the repository) lets tests build their own copy side by side.
const outputFlag = process.argv.indexOf("--output");
const docsFile = (outputFlag > 0 ? process.argv[outputFlag + 1] : undefined) ?? "build/docs/index.html";

const started = Date.now();
mkdirSync(dirname(root + docsFile), { recursive: true });
const { code, output } = await run(bin("redocly"), [
  "build-docs",
  documentPath,
  "--inlineBundle",
  "--title",
  "Verigator API — typed client reference",
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
// A declared (empty) icon: without one a browser asks the server for /favicon.ico, which it
// does not serve, and logs the 404 as a console error on every load. Long lines of the code
// samples wrap instead of being cut at the dark panel's right edge.
const head = `<link rel="icon" href="data:,"><style>pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }</style>`;
const html = readFileSync(root + docsFile, "utf8")
  .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, logo)
  .replace("</head>", `${head}</head>`);
if (!html.includes(head)) throw new Error(`${docsFile} has no </head> to add the icon and styles to`);
writeFileSync(root + docsFile, html);
// The changelog the page links ("Versions"), beside it.
copyFileSync(`${root}CHANGELOG.md`, `${dirname(root + docsFile)}/CHANGELOG.md`);
console.log(`wrote ${docsFile} in ${Date.now() - started} ms`);
