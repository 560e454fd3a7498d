// Testing an app's two-factor login from other languages, as docs/fake.md shows it: a Python
// unittest (standard library only) and a POSIX shell script with curl, each starting
// `npx verigator fake --services …`, signing a user up, reading the PIN from /_fake/messages,
// verifying it, resetting and reading the journal. Run as their users would run them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { root } from "../../scripts/lib/document.mjs";
import { quietEnv, run } from "../../scripts/lib/run.mjs";
import { codeBlocks, section } from "../support/markdown.js";

describe("testing from other languages against npx verigator fake", () => {
  it("Python (urllib, unittest): python3 -m unittest passes", async () => {
    const { code, output } = await run("python3", ["-m", "unittest", "-v", "test_two_factor_login"], { cwd: `${root}test/examples/python`, env: quietEnv });
    expect(output).toMatch(/^Ran 5 tests in /m);
    expect(output).toMatch(/^OK$/m);
    expect(code).toBe(0);
  }, 60_000);

  it("sh and curl: the script passes every step", async () => {
    const { code, output } = await run("sh", [`${root}test/examples/shell/two-factor-login.sh`], { env: quietEnv });
    expect(output.match(/^ok: /gm)).toHaveLength(8);
    expect(output).toMatch(/^all passed$/m);
    expect(code).toBe(0);
  }, 60_000);

  it("docs/fake.md's Python example is this file, word for word", () => {
    const page = readFileSync(`${root}docs/fake.md`, "utf8");
    const block = codeBlocks(section(page, "Python"), "python")[0]?.code;
    expect(block).toBe(readFileSync(`${root}test/examples/python/test_two_factor_login.py`, "utf8"));
  });
});
