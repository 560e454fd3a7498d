// `npm run release`: after the versions are bumped, writes CHANGELOG.md's section for the
// package's version (the document's changes since the last release, classified) and makes
// the working document the new snapshot (openapi/released.json) the next check compares with.
// Refuses when the versions do not say what the changes are.
import { readFileSync, writeFileSync } from "node:fs";
import { writeBundledDocument } from "./bundle-document.mjs";
import { loadDocument, root } from "./lib/document.mjs";
import { changelogEntries, changelogSection, checkRelease, snapshotPath } from "./lib/release.mjs";

const manifest = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const snapshot = JSON.parse(readFileSync(root + snapshotPath, "utf8"));
let changelog = readFileSync(`${root}CHANGELOG.md`, "utf8");
const [released, current] = [await loadDocument(root + snapshotPath), await loadDocument()];
const { changes, problems } = checkRelease({ released, releasedPackage: snapshot["x-released"].package, current, packageVersion: manifest.version, changelog });
const versionProblems = problems.filter((problem) => !problem.startsWith("CHANGELOG.md"));
if (versionProblems.length) {
  console.error(versionProblems.join("\n"));
  process.exit(1);
}
if (changes.length && changelogSection(changelog, manifest.version) === undefined) {
  const section = `## [${manifest.version}] - ${new Date().toISOString().slice(0, 10)}\n\nThe document: ${current.info.title} ${current.info.version} (was ${released.info.version}).\n\n${changelogEntries(changes)}\n`;
  const at = changelog.indexOf("\n## [", changelog.indexOf("## [Unreleased]") + 1);
  changelog = at < 0 ? `${changelog.trimEnd()}\n\n${section}` : `${changelog.slice(0, at + 1)}${section}\n${changelog.slice(at + 1)}`;
  writeFileSync(`${root}CHANGELOG.md`, changelog);
  console.log(`CHANGELOG.md: section ${manifest.version} with ${changes.length} document change(s)`);
}
// The snapshot: the document as published (bundled, $refs kept), and the version it shipped in.
await writeBundledDocument(`${root}build/release`);
const published = JSON.parse(readFileSync(`${root}build/release/openapi.json`, "utf8"));
writeFileSync(root + snapshotPath, `${JSON.stringify({ "x-released": { package: manifest.version }, ...published }, null, 2)}\n`);
console.log(`${snapshotPath}: the document ${current.info.version} as released in ${manifest.version}`);
