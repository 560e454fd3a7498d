// Releases say what changed: the working document against the last released one
// (openapi/released.json). A breaking change needs a new major of info.version and of the
// package's version, a non-breaking one at least a new minor, and CHANGELOG.md a section for
// the version listing every change. Checked on this repository (so `npm test` fails when a
// change comes without its bump) and shown on edited copies, end to end with `npm run release`.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument, root } from "../scripts/lib/document.mjs";
import { copyProject } from "../scripts/lib/project-copy.mjs";
import { changelogLine, checkRelease, snapshotPath } from "../scripts/lib/release.mjs";
import { run } from "../scripts/lib/run.mjs";

const manifest = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const snapshot = JSON.parse(readFileSync(root + snapshotPath, "utf8"));
const changelog = readFileSync(`${root}CHANGELOG.md`, "utf8");
const released = await loadDocument(root + snapshotPath);

describe("this repository as a release", () => {
  it("the working document, the versions and CHANGELOG.md agree with the last release", async () => {
    const current = await loadDocument();
    const { problems } = checkRelease({ released, releasedPackage: snapshot["x-released"].package, current, packageVersion: manifest.version, changelog });
    expect(problems).toEqual([]);
  });

  it("CHANGELOG.md is in Keep a Changelog form, with a section for the released version", () => {
    expect(changelog).toMatch(/^# Changelog\n/);
    expect(changelog).toContain("## [Unreleased]");
    expect(changelog).toContain(`## [${snapshot["x-released"].package}] - `);
    for (const heading of changelog.match(/^## .*$/gm) ?? []) expect(heading).toMatch(/^## \[(Unreleased|\d+\.\d+\.\d+)\]( - \d{4}-\d{2}-\d{2})?$/);
    expect(JSON.parse(readFileSync(`${root}jsr.json`, "utf8")).version).toBe(manifest.version);
  });
});

describe("what a release must say, on edited copies", () => {
  const scratch = mkdtempSync(join(root, "build", "release-"));
  let copies = 0;
  const edited = async (from: string, to: string, version?: string) => {
    const dir = join(scratch, `doc-${copies++}`);
    mkdirSync(dir);
    let text = readFileSync(`${root}openapi/verigator.yaml`, "utf8");
    expect(text).toContain(from);
    text = text.replace(from, () => to);
    if (version) text = text.replace(/^ {2}version: .*$/m, `  version: ${version}`);
    writeFileSync(join(dir, "verigator.yaml"), text);
    return loadDocument(join(dir, "verigator.yaml"));
  };
  /** A copy of the repository's files (node_modules linked), to run the release script in. */
  const projectCopy = async (name: string) => {
    const dir = join(scratch, name);
    await copyProject(dir, { linkModules: true });
    return dir;
  };
  const base = { released, releasedPackage: "0.2.0", changelog: "" };
  const current = released.info.version as string;
  // A breaking edit (phone_number given a maxLength: a pattern changed only may break) and a
  // non-breaking one (an optional request field).
  const stricter = ["pattern: '^\\+[0-9]+$'", "pattern: '^\\+[0-9]+$'\n          maxLength: 16"] as const;
  const optional = [
    "        token:\n          type: string\n          minLength: 1\n",
    "        token:\n          type: string\n          minLength: 1\n        locale:\n          type: string\n",
  ] as const;

  it("a breaking change without a new major of both versions is refused, saying which and to what", async () => {
    const { level, problems } = checkRelease({ ...base, current: await edited(...stricter, "1.2.0"), packageVersion: "0.3.0" });
    expect(level).toBe("major");
    expect(problems).toEqual(
      expect.arrayContaining([
        `the document changed since ${current} and it has breaking changes: info.version 1.2.0 must be at least 2.0.0`,
        "the document changed since the release of 0.2.0 and it has breaking changes: the package's version 0.3.0 must be at least 1.0.0",
      ]),
    );
  });

  it("a breaking change with both majors bumped and the changelog listing it passes", async () => {
    const document = await edited(...stricter, "2.0.0");
    const { changes } = checkRelease({ ...base, current: document, packageVersion: "1.0.0" });
    const section = `## [1.0.0] - 2026-12-01\n\n${changes.map(changelogLine).join("\n")}\n`;
    expect(section).toContain("- **Breaking:** `createUser` request body.phone_number: maxLength 16 added");
    expect(checkRelease({ ...base, current: document, packageVersion: "1.0.0", changelog: section }).problems).toEqual([]);
    // Without the section, or with it missing a change, it is refused.
    expect(checkRelease({ ...base, current: document, packageVersion: "1.0.0", changelog: "## [1.0.0]\n" }).problems[0]).toMatch(
      /^CHANGELOG\.md's section for 1\.0\.0 does not list: - \*\*Breaking:\*\* `createUser`/,
    );
    expect(checkRelease({ ...base, current: document, packageVersion: "1.0.0" }).problems).toEqual([
      'CHANGELOG.md has no section "## [1.0.0]": run npm run release',
    ]);
  });

  it("a non-breaking change needs at least a new minor: a patch is not enough", async () => {
    // Versions relative to the last release's document: a patch of it, and the next minor.
    const [major, minor] = current.split(".").map(Number) as [number, number];
    const patch = checkRelease({ ...base, current: await edited(...optional, `${major}.${minor}.1`), packageVersion: "0.2.1" });
    expect(patch.level).toBe("minor");
    expect(patch.problems.slice(0, 2)).toEqual([
      `the document changed since ${current} and it has non-breaking changes: info.version ${major}.${minor}.1 must be at least ${major}.${minor + 1}.0`,
      "the document changed since the release of 0.2.0 and it has non-breaking changes: the package's version 0.2.1 must be at least 0.3.0",
    ]);
    const next = checkRelease({ ...base, current: await edited(...optional, `${major}.${minor + 1}.0`), packageVersion: "0.3.0" });
    expect(next.problems).toEqual(['CHANGELOG.md has no section "## [0.3.0]": run npm run release']);
  });

  it("descriptions and examples alone need no release at all", async () => {
    const reworded = await edited("Returns every user added to the service.", "Every user of the service.");
    expect(checkRelease({ ...base, current: reworded, packageVersion: "0.2.0" })).toEqual({ changes: [], level: undefined, problems: [] });
  });

  it("a change that may break (the server URL changed) asks at least a minor, and the changelog lists it", async () => {
    const moved = await edited("  - url: https://api.verigator.com", "  - url: https://api2.verigator.com");
    const unbumped = checkRelease({ ...base, current: moved, packageVersion: "0.2.0" });
    expect(unbumped.level).toBe("minor");
    expect(unbumped.problems).toEqual([
      `the document changed since ${current} and it has changes that may break: info.version ${current} must be at least ${current.replace(/\.\d+\.\d+$/, (rest) => `.${Number(rest.split(".")[1]) + 1}.0`)}`,
      "the document changed since the release of 0.2.0 and it has changes that may break: the package's version 0.2.0 must be at least 0.3.0",
      'CHANGELOG.md has no section "## [0.2.0]": run npm run release',
    ]);
    expect(unbumped.changes.map(changelogLine)).toEqual([
      "- **May break:** `(document)` servers: server URL changed from https://api.verigator.com to https://api2.verigator.com — clients configured with the old URL call a server that may no longer answer",
    ]);
  });

  it("in a copy of the project whose server URL changed with no version bump, npm run release refuses it", async () => {
    const dir = await projectCopy("moved");
    const yaml = join(dir, "openapi/verigator.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("  - url: https://api.verigator.com", "  - url: https://api2.verigator.com"));
    const refused = await run("node", ["scripts/release.mjs"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/it has changes that may break: info\.version .* must be at least \d+\.\d+\.0/);
  }, 60_000);

  it("npm run release, in a copy of the project: refuses unbumped versions, then writes the changelog and the snapshot", async () => {
    const dir = await projectCopy("project");
    const yaml = join(dir, "openapi/verigator.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(...optional));
    const refused = await run("node", ["scripts/release.mjs"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/info\.version .* must be at least \d+\.\d+\.0/);
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^ {2}version: .*$/m, "  version: 9.1.0"));
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ ...pkg, version: "9.1.0" }, null, 2));
    const done = await run("node", ["scripts/release.mjs"], { cwd: dir });
    expect(done.output).toContain("CHANGELOG.md: section 9.1.0 with 1 document change(s)");
    expect(done.code).toBe(0);
    const written = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
    expect(written).toMatch(
      /## \[Unreleased\]\n\n## \[9\.1\.0\] - \d{4}-\d{2}-\d{2}\n\nThe document: Verigator API 9\.1\.0 \(was \d+\.\d+\.\d+\)\.\n\n### Added \(the document\)\n\n- `verifyPin` request body\.locale: added as optional — clients need not send it\n/,
    );
    const newSnapshot = JSON.parse(readFileSync(join(dir, snapshotPath), "utf8"));
    expect(newSnapshot["x-released"]).toEqual({ package: "9.1.0" });
    expect(newSnapshot.info.version).toBe("9.1.0");
    // Released: the next check compares with it, and finds nothing to say.
    const again = await run("node", ["tools/breaking/cli.mjs", join(dir, snapshotPath), yaml]);
    expect(again.output).toMatch(/^0 breaking, 0 may-break, 0 non-breaking/m);
  }, 60_000);
});
