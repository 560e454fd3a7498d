// `npm run breaking -- OLD NEW [--format json] [--fail-on may-break]`: every change between two
// versions of the document, one line each with its level (breaking, may-break, non-breaking),
// where it is, why, and its rule id. Exit 1 when a change is breaking (or, with --fail-on
// may-break, may break), 0 otherwise, 2 when either document cannot be read.
// `npm run breaking -- --list-rules`: every rule id, its level, what it compares and means.
import { parseArgs } from "node:util";
import { loadDocument } from "../../scripts/lib/document.mjs";
import { compareDocuments } from "./diff.mjs";
import { countLevels, formatChanges, formatJson, formatRules } from "./format.mjs";

const usage = "usage: npm run breaking -- OLD.yaml NEW.yaml [--format text|json] [--fail-on breaking|may-break]\n       npm run breaking -- --list-rules";
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      "fail-on": { type: "string", default: "breaking" },
      "list-rules": { type: "boolean", default: false },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values["list-rules"]) {
  console.log(formatRules());
  process.exit(0);
}
const [oldPath, newPath] = positionals;
if (!oldPath || !newPath || !["text", "json"].includes(values.format) || !["breaking", "may-break"].includes(values["fail-on"])) {
  console.error(usage);
  process.exit(2);
}
/** @param {string} path */
async function read(path) {
  try {
    return await loadDocument(path);
  } catch (error) {
    console.error(`${path} cannot be read: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    process.exit(2);
  }
}
const [before, after] = [await read(oldPath), await read(newPath)];
const changes = compareDocuments(before, after);
const { breaking, mayBreak, nonBreaking } = countLevels(changes);
if (values.format === "json") console.log(formatJson(changes));
else {
  if (changes.length) console.log(formatChanges(changes));
  console.log(`${changes.length ? "\n" : ""}${breaking} breaking, ${mayBreak} may-break, ${nonBreaking} non-breaking (${oldPath} → ${newPath})`);
}
process.exit(breaking || (values["fail-on"] === "may-break" && mayBreak) ? 1 : 0);
