// The size guard is size-limit (.size-limit.mjs): each entry point within its budget, and
// importing the client without using it bundles nothing. And the proof that verigator/testing
// and verigator/contract cost an app that imports only `verigator` nothing: none of their
// modules is in that bundle.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { root } from "../scripts/lib/document.mjs";
import { bin, run } from "../scripts/lib/run.mjs";

describe("bundle size", () => {
  it("size-limit: every entry point within its budget; the unused import is empty", async () => {
    const { code, output } = await run(bin("size-limit"), ["--json"]);
    const results = JSON.parse(output.slice(output.indexOf("["))) as { name: string; passed: boolean; size: number; sizeLimit: number }[];
    console.log(results.map(({ name, size, sizeLimit }) => `${name}: ${size} B (limit ${sizeLimit})`).join("\n"));
    expect(results.map((result) => result.name)).toEqual(["verigator", "verigator imported, unused", "verigator/raw", "verigator/testing"]);
    for (const result of results) expect(result, result.name).toMatchObject({ passed: true });
    expect(results[1]?.size).toBeLessThanOrEqual(0);
    expect(code).toBe(0);
  });

  it("an app that imports only verigator bundles nothing of verigator/testing or verigator/contract", async () => {
    const result = await build({
      stdin: { contents: `import { createVerigator } from "verigator"; console.log(createVerigator);`, resolveDir: root, loader: "js" },
      bundle: true,
      format: "esm",
      write: false,
      metafile: true,
      // Not the repository's tsconfig paths (they map verigator to src/): the package as published.
      tsconfigRaw: "{}",
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.startsWith("dist/index"))).toBe(true);
    expect(inputs.filter((input) => /testing|msw|contract|prism/i.test(input))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? "";
    for (const marker of ["failNext", "lastPin", "Service already exists", "addAuthenticator", "runContract", "negative_data_rejection", "VERIGATOR_AUTH"]) {
      expect(code).not.toContain(marker);
    }
  });
});
