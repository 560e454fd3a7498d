// What a release must say about the document: the last released document is kept as a
// snapshot (openapi/released.json, with the package version it shipped in), and the working
// document is compared with it. A breaking change needs a new major of both info.version and
// the package's version; a non-breaking one at least a new minor; and CHANGELOG.md a section
// for the package's version that lists every change. `npm test` runs the check; `npm run
// release` writes the changelog section and the new snapshot.
import { compareDocuments } from "../../tools/breaking/diff.mjs";

export const snapshotPath = "openapi/released.json";

/** @param {string} version @returns {[number, number, number]} */
function parts(version) {
  const found = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!found) throw new Error(`${version} is not a semantic version`);
  return [Number(found[1]), Number(found[2]), Number(found[3])];
}

/** @param {string} was @param {string} is @param {"major" | "minor"} level */
export function bumped(was, is, level) {
  const [a, b] = [parts(was), parts(is)];
  if (level === "major") return b[0] > a[0];
  return b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]);
}

/** The next version at `level` (x.0.0 or x.y.0). @param {string} version @param {"major" | "minor"} level */
export const next = (version, level) => {
  const [major, minor] = parts(version);
  return level === "major" ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
};

/**
 * What is wrong with the working tree as a release, or nothing.
 * @param {{ released: any, releasedPackage: string, current: any, packageVersion: string, changelog: string }} input
 *   `released` and `current` dereferenced documents; `changelog` CHANGELOG.md's text
 * @returns {{ changes: import("../../tools/breaking/diff.mjs").Change[], level: "major" | "minor" | undefined, problems: string[] }}
 */
export function checkRelease({ released, releasedPackage, current, packageVersion, changelog }) {
  const changes = compareDocuments(released, current);
  // A change that may break, or that no rule understood, asks at least a minor, as any change does.
  const level = changes.some((one) => one.breaking) ? "major" : changes.length ? "minor" : undefined;
  /** @type {string[]} */
  const problems = [];
  if (!level) return { changes, level, problems };
  const why =
    level === "major"
      ? "it has breaking changes"
      : changes.some((one) => one.level === "may-break")
        ? "it has changes that may break"
        : "it has non-breaking changes";
  const was = { document: released.info.version, package: releasedPackage };
  if (!bumped(was.document, current.info.version, level)) {
    problems.push(`the document changed since ${was.document} and ${why}: info.version ${current.info.version} must be at least ${next(was.document, level)}`);
  }
  if (!bumped(was.package, packageVersion, level)) {
    problems.push(
      `the document changed since the release of ${was.package} and ${why}: the package's version ${packageVersion} must be at least ${next(was.package, level)}`,
    );
  }
  const section = changelogSection(changelog, packageVersion);
  if (section === undefined) problems.push(`CHANGELOG.md has no section "## [${packageVersion}]": run npm run release`);
  else {
    for (const change of changes) {
      if (!section.includes(changelogLine(change))) problems.push(`CHANGELOG.md's section for ${packageVersion} does not list: ${changelogLine(change)}`);
    }
  }
  return { changes, level, problems };
}

/** The text of `## [version]` up to the next section, or undefined. @param {string} changelog @param {string} version */
export function changelogSection(changelog, version) {
  const start = changelog.indexOf(`## [${version}]`);
  if (start < 0) return undefined;
  const end = changelog.indexOf("\n## [", start + 1);
  return changelog.slice(start, end < 0 ? undefined : end);
}

/** A change as a changelog line. @param {import("../../tools/breaking/diff.mjs").Change} change */
export function changelogLine({ level, operation, where, what, why }) {
  const mark = level === "breaking" ? "**Breaking:** " : level === "may-break" ? "**May break:** " : "";
  return `- ${mark}\`${operation}\` ${where}: ${what} — ${why}`;
}

/** The document changes of a release as Keep a Changelog subsections. @param {import("../../tools/breaking/diff.mjs").Change[]} changes */
export function changelogEntries(changes) {
  /** @type {Record<string, string[]>} */
  const groups = { Added: [], Changed: [], Removed: [] };
  for (const change of changes) {
    const kind = /\b(added|declared)\b/.test(change.what) ? "Added" : /\bremoved\b|no longer/.test(change.what) ? "Removed" : "Changed";
    groups[kind]?.push(changelogLine(change));
  }
  return Object.entries(groups)
    .filter(([, lines]) => lines.length)
    .map(([kind, lines]) => `### ${kind} (the document)\n\n${lines.join("\n")}`)
    .join("\n\n");
}
