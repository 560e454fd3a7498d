// The TypeScript and JavaScript snippets of the README, docs/ and CONTRIBUTING.md, each written
// out as a file of its own (an ES module, as the README says they are) and type-checked against
// the package: a snippet that uses a name it does not define, or an option or method that does
// not exist, fails.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { root } from "../scripts/lib/document.mjs";
import { bin, run } from "../scripts/lib/run.mjs";
import { codeBlocks } from "./support/markdown.js";

// Every snippet of the README and docs/ (for users) and of CONTRIBUTING.md (for people working here).
const pages = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(`${root}docs`)
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const snippets = pages.flatMap((name) =>
  codeBlocks(readFileSync(`${root}${name}`, "utf8"))
    .filter((block) => block.language === "ts" || block.language === "js")
    .map(({ code, line }) => ({ file: name, line, code })),
);

describe("the snippets of README.md, docs/ and CONTRIBUTING.md", () => {
  it("are found: every code block of TypeScript or JavaScript", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
    for (const { file, line, code } of snippets) expect(code, `${file}:${line}`).toMatch(/^import /m);
  });

  it("each type-checks on its own as an ES module, with every name it uses defined", async () => {
    const dir = `${root}build/readme-snippets`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = snippets.map(({ file: from, line, code }) => {
      const file = `${from.replace(/\.md$/, "").replace("/", "-").toLowerCase()}-line-${line}.mts`;
      writeFileSync(`${dir}/${file}`, code);
      return file;
    });
    // The repository's settings (strict, NodeNext; `verigator` mapped to src/) for just these files.
    writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ extends: "../../tsconfig.json", compilerOptions: { noEmit: true }, include: files }));
    const { code, output } = await run(bin("tsc"), ["-p", dir]);
    expect(output).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});
