// The package's command as a user types it: help at every level, unknown words refused with
// the usage, never a crash on a word that happens to name an Object.prototype member.
import { describe, expect, it } from "vitest";
import { run } from "../scripts/lib/run.mjs";

const verigator = (...args: string[]) => run("node", ["bin/verigator.mjs", ...args]);

describe("verigator: help and unknown words", () => {
  it("--help and -h at the top level print every command's usage, exit 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const { code, output } = await verigator(flag);
      expect(code).toBe(0);
      expect(output).toMatch(/^usage: verigator fake \[options\]/m);
      expect(output).toMatch(/^usage: verigator contract --target http:\/\/host:port \[options\]/m);
      // The top-level help is built from the commands' own usages: nothing drifts.
      for (const option of ["--host", "--phone", "--max-body-bytes", "--sequences"]) expect(output).toContain(option);
    }
  });

  it("fake -h and contract --help print their own usage, exit 0", async () => {
    const fake = await verigator("fake", "-h");
    expect([fake.code, fake.output]).toEqual([0, expect.stringMatching(/^usage: verigator fake \[options\]/)]);
    expect(fake.output).not.toContain("verigator contract");
    const contract = await verigator("contract", "--help");
    expect([contract.code, contract.output]).toEqual([0, expect.stringMatching(/^usage: verigator contract/)]);
  });

  it.for(["constructor", "toString", "__proto__", "hasOwnProperty", "serve"])("verigator %s: the usage and exit 2, no TypeError", async (word) => {
    const { code, output } = await verigator(word);
    expect(code).toBe(2);
    expect(output).toContain(`verigator: no command "${word}"`);
    expect(output).toMatch(/^usage: verigator fake/m);
    expect(output).not.toMatch(/TypeError|at file:/);
  });
});
