// What a new user does first, as the README says it: install from a git URL into an empty
// project (the prepare script builds dist/), start `npx verigator fake`, and run the quick start
// in Node, Deno and Bun — the README's own commands and code, the URL of this repository
// replaced by a clone of the next commit (git+file), the fake's port by the one it got.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../scripts/lib/document.mjs";
import { startFakeProcess } from "../scripts/lib/fake-process.mjs";
import { copyProject } from "../scripts/lib/project-copy.mjs";
import { bin, quietEnv, run } from "../scripts/lib/run.mjs";
import { codeBlocks, section } from "./support/markdown.js";

const readme = readFileSync(`${root}README.md`, "utf8");
const blocks = (text: string, language: string) => codeBlocks(text, language).map((block) => block.code);
const { version } = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string };

const work = mkdtempSync(join(tmpdir(), "verigator-install-"));
const project = join(work, "app");
// Everything from npm's cache: nothing leaves the machine.
const env = { ...quietEnv, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false" };
let installed: { code: number; output: string };

beforeAll(async () => {
  const clone = join(work, "verigator");
  await copyProject(clone);
  for (const args of [
    ["init", "-q"],
    ["add", "-A"],
    ["-c", "user.name=test", "-c", "user.email=test@127.0.0.1", "commit", "-qm", "the next commit"],
  ]) {
    const done = await run("git", args, { cwd: clone });
    expect(done.code, done.output).toBe(0);
  }
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "my-app", private: true }));
  const fromGit = blocks(section(readme, "Install"), "sh")[0]
    ?.split("\n")
    .find((line) => line.startsWith('npm install "git+'));
  expect(fromGit).toBeDefined();
  const command = String(fromGit).replace(/"git\+https:\/\/<host>\/<owner>\/verigator\.git"/, `"git+file://${clone}"`);
  expect(command).not.toBe(fromGit);
  installed = await run("sh", ["-c", command], { cwd: project, env }).then(({ code, output }) => ({ code: code ?? -1, output }));
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the README's install and quick start, in an empty project", () => {
  it("npm install from git builds dist/: every entry point is there, and verigator --version says the package's version", async () => {
    expect(installed.code, installed.output).toBe(0);
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/verigator/package.json"), "utf8")) as { version: string };
    expect(manifest.version).toBe(version);
    for (const entry of ["index.js", "index.cjs", "raw.js", "testing.js", "contract.js", "openapi.yaml"])
      expect(readFileSync(join(project, "node_modules/verigator/dist", entry)).length).toBeGreaterThan(0);
    // `--` before the command: without it, npx reads --version as its own and prints npm's.
    const said = await run("npx", ["--no", "--", "verigator", "--version"], { cwd: project, env });
    expect(said.output.trim()).toBe(version);
  });

  it("the quick start against npx verigator fake prints what the README says, in Node, Deno and Bun", async () => {
    const quickStart = section(readme, "Quick start");
    expect(blocks(quickStart, "sh")[0]).toMatch(/^npx verigator fake +# http:\/\/127\.0\.0\.1:4012/);
    const [code] = blocks(quickStart, "js");
    const printed = blocks(quickStart, "")[0];
    expect(code).toContain('"http://127.0.0.1:4012"');
    const { child, url } = await startFakeProcess([], [], { npxIn: project, env });
    try {
      writeFileSync(join(project, "quickstart.mjs"), String(code).replace('"http://127.0.0.1:4012"', JSON.stringify(url)));
      const node = await run("node", ["quickstart.mjs"], { cwd: project, env });
      expect(node.output).toBe(printed);
      expect(node.code).toBe(0);
      const deno = await run(bin("deno"), ["run", "--allow-net=127.0.0.1", "quickstart.mjs"], { cwd: project, env: { ...env, NO_COLOR: "1" } });
      expect(deno.output).toBe(printed);
      const bun = await run(bin("bun"), ["quickstart.mjs"], { cwd: project, env });
      expect(bun.output).toBe(printed);
    } finally {
      if (child.pid) process.kill(-child.pid);
    }
  }, 60_000);

  it("the registry commands, for when it is published, name this package", () => {
    const install = section(readme, "Install");
    const { name } = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { name: string };
    for (const command of [`npm install ${name}`, `deno add npm:${name}`, `bun add ${name}`]) expect(install).toContain(command);
  });
});
