// `npm run breaking -- OLD NEW`: every change between two versions of the document, one line
// each, marked breaking or non-breaking, with where it is and why. Exit 1 when any change is
// breaking, 0 when none is, 2 when either document cannot be read.
import { compareDocuments, formatChanges } from "./lib/breaking.mjs";
import { loadDocument } from "./lib/document.mjs";

const [oldPath, newPath] = process.argv.slice(2);
if (!oldPath || !newPath) {
  console.error("usage: npm run breaking -- OLD.yaml NEW.yaml");
  process.exit(2);
}
/** @param {string} path */
async function read(path) {
  try {
    // Code samples are no change: a copy of the YAML without its samples beside it is still read.
    return await loadDocument(path, { tolerate: (pointer) => pointer.includes("/x-codeSamples/") });
  } catch (error) {
    console.error(`${path} cannot be read: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    process.exit(2);
  }
}
const [before, after] = [await read(oldPath), await read(newPath)];
const changes = compareDocuments(before, after);
const breaking = changes.filter((change) => change.breaking).length;
if (changes.length) console.log(formatChanges(changes));
console.log(`${changes.length ? "\n" : ""}${breaking} breaking, ${changes.length - breaking} non-breaking (${oldPath} → ${newPath})`);
process.exit(breaking ? 1 : 0);
