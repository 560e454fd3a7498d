// The lint, the drift check and the type check are part of the test run, and each is shown
// to fail when it should.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, inject, it } from "vitest";
import { staleFiles } from "../scripts/generate.mjs";
import { documentPath, root } from "../scripts/lib/document.mjs";
import { bin, run } from "../scripts/lib/run.mjs";

const scratch = mkdtempSync(`${root}build/tooling-`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The document, generated/ and scripts/: what lint and the drift check read. */
function documentCopy(): string {
  const dir = mkdtempSync(`${scratch}/copy-`);
  for (const folder of ["openapi", "generated", "scripts"]) cpSync(`${root}${folder}`, `${dir}/${folder}`, { recursive: true });
  cpSync(`${root}redocly.yaml`, `${dir}/redocly.yaml`);
  return dir;
}

function edit(path: string, from: string, to: string) {
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe("lint", () => {
  it("the document has zero problems", async () => {
    const { code, output } = await run(bin("redocly"), ["lint"]);
    expect(output).toMatch(/Your API descriptions? (is|are) valid/);
    expect(output).not.toMatch(/\d+ (errors?|warnings?)/);
    expect(code).toBe(0);
  });

  it.each([
    ["an example that breaks its schema", "phone_number: '+4401234567'", "phone_number: '4401234567'", /no-invalid-media-type-examples/],
    [
      "an operation without a description",
      "      summary: Delete a user\n      description: |",
      "      summary: Delete a user\n      x-note: |",
      /operation-description/,
    ],
    ["an undeclared tag", "tags: [Authentication]", "tags: [Auth]", /operation-tag-defined/],
    [
      "a response without a 4xx",
      "        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '403':\n          $ref: '#/components/responses/Forbidden'\n        '404':\n          $ref: '#/components/responses/NotFound'\n        '500':\n          $ref: '#/components/responses/InternalServerError'\n        '503':\n          $ref: '#/components/responses/ServiceUnavailable'\n  /v1/service/service/{ServiceId}/users/{UserId}/auth:",
      "        '500':\n          $ref: '#/components/responses/InternalServerError'\n  /v1/service/service/{ServiceId}/users/{UserId}/auth:",
      /operation-4xx-response/,
    ],
  ])("fails on a copy with %s", async (_, from, to, rule) => {
    const dir = documentCopy();
    edit(`${dir}/openapi/verigator.yaml`, from, to);
    const { code, output } = await run(bin("redocly"), ["lint", "openapi/verigator.yaml"], { cwd: dir });
    expect(code).not.toBe(0);
    expect(output).toMatch(rule);
  });
});

describe("drift check", () => {
  it("generated/ matches the document", async () => {
    const { code, output } = await run("node", ["scripts/generate.mjs", "--check"]);
    expect(output).toContain("generated/ matches");
    expect(code).toBe(0);
  });

  it("fails when a generated file was edited by hand", async () => {
    const dir = documentCopy();
    edit(`${dir}/generated/operation-table.ts`, '"method":"POST"', '"status":200');
    const { code, output } = await run("node", ["scripts/generate.mjs", "--check"], { cwd: dir });
    expect(code).toBe(1);
    expect(output).toContain("generated/operation-table.ts");
  });

  it("fails when the document changed and generate was not run", async () => {
    const dir = documentCopy();
    edit(`${dir}/openapi/verigator.yaml`, "enum: [sms, totp]", "enum: [sms, totp, voice]");
    // In this process (the exit code of --check is shown above): the copy's generated/ is stale.
    expect(await staleFiles(`${dir}/`)).toEqual(["generated/verigator.ts", "generated/operation-table.ts"]);
  });
});

describe("code lint and format (Biome)", () => {
  it("src, scripts, bin, test and bench pass biome check", async () => {
    const { code, output } = await run(bin("biome"), ["check", "."]);
    expect(output).toMatch(/Checked \d+ files/);
    expect(output).not.toMatch(/error|warning/i);
    expect(code).toBe(0);
  });

  it("fails on a floating promise, an unused variable and unformatted code", async () => {
    // A project with this repository's biome.json, outside its git ignore rules.
    const dir = mkdtempSync(`${tmpdir()}/biome-`);
    cpSync(`${root}biome.json`, `${dir}/biome.json`);
    mkdirSync(`${dir}/src`);
    const bad = "export async function f(): Promise<void> {}\nexport function g() {\n  const unused = 1;\n  f();\n}\nexport const   h = 1\n";
    writeFileSync(`${dir}/src/bad.ts`, bad);
    const { code, output } = await run(bin("biome"), ["check", "--vcs-enabled=false", "src"], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(output).toContain("lint/nursery/noFloatingPromises");
    expect(output).toContain("lint/correctness/noUnusedVariables");
    expect(output).toMatch(/format/);
    expect(code).not.toBe(0);
  });
});

describe("type check", () => {
  // The whole project in one program: the longest single check of the run.
  it("tsc passes on src, generated, the tests and type tests (test/*.test-d.ts), and scripts/ and bin/ as checked JavaScript", {
    timeout: 120_000,
  }, async () => {
    const { code, output } = await run(bin("tsc"), ["-p", "tsconfig.json"]);
    expect(output).toBe("");
    expect(code).toBe(0);
  });
});

describe("the source document loads in other OpenAPI tools, not only Redocly", () => {
  it("Spectral's spectral:oas (.spectral.yaml) finds no error in openapi/verigator.yaml or openapi/fake-control.yaml", async () => {
    for (const file of ["openapi/verigator.yaml", "openapi/fake-control.yaml"]) {
      const { code, output } = await run(bin("spectral"), ["lint", file, "--fail-severity", "error", "--format", "json", "--quiet"]);
      const problems = JSON.parse(output.slice(output.indexOf("["))) as { code: string; severity: number; message: string }[];
      expect(
        problems.filter((one) => one.severity === 0).map((one) => `${one.code}: ${one.message}`),
        file,
      ).toEqual([]);
      expect(code, file).toBe(0);
    }
  });

  it("Spectral finds the error the source once had: a $ref to a file that is not YAML or JSON", async () => {
    const dir = documentCopy();
    edit(`${dir}/openapi/verigator.yaml`, "paths:\n", "x-sample:\n  $ref: ./code-samples/shell/createUser.sh\npaths:\n");
    const { code } = await run(bin("spectral"), ["lint", `${dir}/openapi/verigator.yaml`, "--fail-severity", "error", "--quiet"]);
    expect(code).not.toBe(0);
  });

  it("Prism mocks the source itself: npm start's mock (and every test's) is started on openapi/verigator.yaml and answers", async () => {
    expect(documentPath).toBe("openapi/verigator.yaml");
    const answer = await fetch(`${inject("mockUrl")}/v1/service/service/my-service-id`, { headers: { "X-Service-Auth": "user:pass" } });
    expect(answer.status).toBe(200);
  });
});
