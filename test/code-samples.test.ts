// Every TypeScript and curl sample in the docs runs against the Prism mock, so none can rot.
// (The Python and Java samples are Messente's own, copied from its page; their SDKs cannot be
// installed here.)
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, inject, it, vi } from "vitest";
import { root } from "../scripts/lib/document.mjs";
import { documentedOperations, documentedResponses } from "./support/document.js";

const samples = `${root}openapi/code-samples`;
const scratch = `${root}build/samples`;
mkdirSync(scratch, { recursive: true });

describe("every operation has its samples", () => {
  it.each(documentedOperations.map(({ operationId }) => operationId))("%s", (operationId) => {
    expect(readdirSync(`${samples}/typescript`)).toContain(`${operationId}.ts`);
    expect(readdirSync(`${samples}/curl`)).toContain(`${operationId}.sh`);
  });
});

describe("TypeScript samples run against the mock", () => {
  it.each(readdirSync(`${samples}/typescript`))("%s", async (file) => {
    const source = readFileSync(`${samples}/typescript/${file}`, "utf8");
    expect(source).toContain('from "verigator"');
    const runnable = `${scratch}/${file}`;
    writeFileSync(runnable, source.replace('from "verigator"', `from "${root}test/support/sample-shim.js"`));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await import(runnable);
      expect(log).toHaveBeenCalledTimes(1);
      const printed = log.mock.calls[0]?.map(String).join(" ") ?? "";
      expect(printed).not.toMatch(/undefined|^$/);
    } finally {
      log.mockRestore();
    }
  });
});

function runShell(script: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile("bash", ["-c", script], { env: { ...process.env, MESSENTE_USERNAME: "user", MESSENTE_PASSWORD: "pass" } }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

describe("curl samples run against the mock", () => {
  it.each(documentedOperations.map(({ operationId }) => operationId))("%s.sh answers its documented success", async (operationId) => {
    const source = readFileSync(`${samples}/curl/${operationId}.sh`, "utf8").trimEnd();
    expect(source).toContain("https://api.verigator.com/");
    const script = `${source.replaceAll("https://api.verigator.com", inject("mockUrl"))} -sS -w '\\nHTTP %{http_code}'`;
    const output = await runShell(script);
    const success = documentedResponses.find((r) => r.operationId === operationId && r.status < 300);
    expect(output).toMatch(new RegExp(`HTTP ${success?.status}$`));
    if (success?.example !== undefined) expect(JSON.parse(output.slice(0, output.lastIndexOf("\n")))).toEqual(success.example);
  });
});
