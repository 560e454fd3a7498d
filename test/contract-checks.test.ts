// A check is one entry of one registry (src/contract/checks.ts), run from one place: proven by
// adding one — one entry, in a copy of the source, bundled as the package bundles it — and
// seeing it run on every exchange, selected with --checks, left out with --exclude-checks, and
// reported by its name in the human report, in JSON and as JUnit's failure type.
// And the table of checks in docs/contract.md (which the README links) is the registry.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { root } from "../scripts/lib/document.mjs";
import type * as Contract from "../src/contract/index.js";
import { checks } from "../src/contract/index.js";
import { createVerigatorServer } from "./fixtures/verigator-server.mjs";
import { serversOfThisFile } from "./support/servers.js";

const listen = serversOfThisFile();
const copy = join(root, "build", "check-entry");
let contract: typeof Contract;

/** The entry the test adds: names longer than 50 characters are refused (the suite's long-text case sends 300). */
const entry = `  short_names: {
    checks: "a name is at most 50 characters",
    appliesTo: "every answer with a name",
    judge: (exchange) => {
      const json = exchange.answer?.json;
      const name = json && typeof json === "object" && "name" in json ? json.name : undefined;
      return typeof name === "string" && name.length > 50 ? [\`the name has \${name.length} characters\`] : [];
    },
  },
`;

beforeAll(async () => {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const folder of ["src", "generated"]) cpSync(join(root, folder), join(copy, folder), { recursive: true });
  const file = join(copy, "src/contract/checks.ts");
  const source = readFileSync(file, "utf8");
  const opening = "export const checks = {\n";
  expect(source).toContain(opening);
  writeFileSync(
    file,
    source.replace(opening, () => opening + entry),
  );
  // Bundled as tsdown bundles verigator/contract: one file, fast-check inside, Prism loaded at run time.
  await build({
    entryPoints: [join(copy, "src/contract/index.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: join(copy, "contract.mjs"),
    logLevel: "error",
  });
  contract = await import(join(copy, "contract.mjs"));
}, 60_000);

describe("a check added as one entry of the registry", () => {
  it("runs on every exchange, is selected, left out and reported by its name", async () => {
    const target = await listen(createVerigatorServer());
    const options = { target, seed: 3, sequences: 0 };
    expect(Object.keys(contract.checks)).toContain("short_names");

    const all = await contract.runContract(options);
    const failed = all.cases.filter((one) => one.outcome === "fail");
    expect(failed.map((one) => `${one.operation} › ${one.name}`)).toContain("createService › positive: generated, long text");
    expect(new Set(failed.flatMap((one) => one.failures.map((failure) => failure.rule)))).toEqual(new Set(["short_names"]));
    expect(contract.formatHuman(all)).toMatch(/^ {6}rule short_names: the name has 300 characters$/m);
    expect(contract.formatJUnit(all)).toContain('<failure type="short_names"');
    expect(JSON.parse(contract.formatJson(all)).checks).toContain("short_names");

    const only = await contract.runContract({ ...options, checks: ["short_names"] });
    expect(only.checks).toEqual(["short_names"]);
    expect(only.failed).toBe(all.failed);
    const without = await contract.runContract({ ...options, excludeChecks: ["short_names"] });
    expect(without.failed).toBe(0);
    expect(without.checks).not.toContain("short_names");
  }, 60_000);
});

describe("the table of checks in docs/contract.md (the README links it)", () => {
  it("is the registry, row for row", () => {
    const readme = readFileSync(join(root, "docs/contract.md"), "utf8");
    const table = readme.slice(readme.indexOf("| check | what it checks | applies to |"));
    const rows = [...table.slice(0, table.indexOf("\n\n")).matchAll(/^\| `([a-z_]+)` \| (.+?) \| (.+?) \|$/gm)].map(([, name, what, where]) => [
      name,
      what,
      where,
    ]);
    expect(rows).toEqual(Object.entries(checks).map(([name, info]) => [name, info.checks, info.appliesTo]));
  });
});
