// `npm test`: builds the package, runs every vitest suite (lint, drift and type checks
// included), and ends with one plain line of totals: "N passed, N failed".
import { existsSync, readFileSync, rmSync } from "node:fs";
import { root } from "./lib/document.mjs";
import { bin, quietEnv, run } from "./lib/run.mjs";

const resultsFile = `${root}build/vitest-results.json`;

/** @param {string} name @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
async function step(name, command, args, env = quietEnv) {
  console.log(`\n▶ ${name}`);
  const { code } = await run(command, args, { echo: true, env });
  return code === 0;
}

function totals() {
  if (!existsSync(resultsFile)) return { passed: 0, failed: 1 };
  const results = JSON.parse(readFileSync(resultsFile, "utf8"));
  // A file can fail outside its tests (a type error, a crash in a hook): count it once.
  /** @type {{ status: string, assertionResults: { status: string }[] }[]} */
  const files = results.testResults;
  const failedSuites = files.filter((file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")).length;
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + failedSuites,
    skipped: results.numPendingTests + results.numTodoTests,
  };
}

/** One line per runtime from test/runtimes.test.ts: name, version, pass/fail. */
function printRuntimeMatrix() {
  const file = `${root}build/runtimes.json`;
  if (!existsSync(file)) return;
  const { tarballBytes, matrix } = JSON.parse(readFileSync(file, "utf8"));
  console.log(`\nRuntimes (packed tarball ${tarballBytes} bytes):`);
  for (const { runtime, version, ok, detail } of matrix) {
    console.log(`  ${ok ? "pass" : "FAIL"}  ${runtime.padEnd(18)} ${version}${ok ? "" : `  ${detail}`}`);
  }
}

rmSync(resultsFile, { force: true });
rmSync(`${root}build/runtimes.json`, { force: true });
const built = await step("build", "node", ["scripts/build.mjs"]);
const extra = process.argv.slice(2);
// The tests that pack the package use this build instead of building again.
const testEnv = { ...quietEnv, VERIGATOR_BUILT: "1" };
const tested =
  built && (await step("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${resultsFile}`, ...extra], testEnv));
printRuntimeMatrix();
const { passed, failed, skipped } = totals();
// A failed build, or vitest exiting non-zero with every counted test passing, is one failure.
const otherFailures = !built || (!tested && failed === 0) ? 1 : 0;
console.log(`\n${passed} passed, ${failed + otherFailures} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(tested && failed + otherFailures === 0 && !skipped ? 0 : 1);
