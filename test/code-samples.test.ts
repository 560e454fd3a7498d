// Every TypeScript and curl sample in the docs runs against the Prism mock, so none can rot.
// The Python and Java samples (Messente's SDKs, written in this project's words) compile with
// python3 and javac against stubs of the SDKs' published signatures in test/fixtures/sdk-stubs;
// the Python ones also run against the stub, so a call with the wrong arguments fails.
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
    expect(readdirSync(`${samples}/shell`)).toContain(`${operationId}.sh`);
    expect(readdirSync(`${samples}/python`)).toContain(`${operationId}.py`);
    expect(readdirSync(`${samples}/java`)).toContain(`${operationId}.java`);
  });
});

const stubs = `${root}test/fixtures/sdk-stubs`;

function runTool(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(" ")}: ${error.message}\n${stdout}${stderr}`)) : resolve(stdout + stderr),
    ),
  );
}

describe("Python samples compile and call the SDK with its published signatures", () => {
  it.each(readdirSync(`${samples}/python`))("%s", async (file) => {
    const source = readFileSync(`${samples}/python/${file}`, "utf8");
    expect(source).not.toMatch(/\+x{5,}/); // no placeholder phone numbers: the mock must accept every value
    await runTool("python3", ["-m", "py_compile", `${samples}/python/${file}`], { PYTHONPYCACHEPREFIX: `${scratch}/pycache` });
    await runTool("python3", [`${samples}/python/${file}`], { PYTHONPATH: `${stubs}/python`, PYTHONDONTWRITEBYTECODE: "1" });
  });
});

describe("Java samples compile against the SDK's published signatures", () => {
  it("javac compiles all nine", async () => {
    const sources = readdirSync(`${samples}/java`).map((file) => `${samples}/java/${file}`);
    expect(sources).toHaveLength(documentedOperations.length);
    const stubSources = [
      "Verigator",
      "Service",
      "User",
      "exceptions/VerigatorException",
      "serializers/VerificationResponse",
      "serializers/AuthenticationResponse",
    ].map((name) => `${stubs}/java/com/messente/verigator/${name}.java`);
    await runTool("javac", ["-d", `${scratch}/javac`, ...stubSources, ...sources]);
  }, 60_000);
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
    const source = readFileSync(`${samples}/shell/${operationId}.sh`, "utf8").trimEnd();
    expect(source).toContain("https://api.verigator.com/");
    const script = `${source.replaceAll("https://api.verigator.com", inject("mockUrl"))} -sS -w '\\nHTTP %{http_code}'`;
    const output = await runShell(script);
    const success = documentedResponses.find((r) => r.operationId === operationId && r.status < 300);
    expect(output).toMatch(new RegExp(`HTTP ${success?.status}$`));
    if (success?.example !== undefined) expect(JSON.parse(output.slice(0, output.lastIndexOf("\n")))).toEqual(success.example);
  });
});
