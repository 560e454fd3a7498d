// `verigator contract` against what a server should hold: servers correct but for one defect
// between resources (a list that leaks another service's users, a value stored mangled, a PIN
// that verifies another user or can be guessed) must each fail by the case and check that name
// it; servers as real ones run (a database that outlives a run, a killed or cancelled run
// before, a per-user start limit) must pass; a failing random sequence is shown shrunk, and
// its seed repeats it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../scripts/lib/run.mjs";
import type { ContractOptions, ContractReport } from "../src/contract/index.js";
import { type checks, formatCase, formatJUnit, runContract } from "../src/contract/index.js";
import type { Defect } from "./fixtures/verigator-server.mjs";
import { createVerigatorServer } from "./fixtures/verigator-server.mjs";
import { serversOfThisFile } from "./support/servers.js";

const listen = serversOfThisFile();

const work = mkdtempSync(join(tmpdir(), "verigator-model-"));
let files = 0;

type ServerOptions = Parameters<typeof createVerigatorServer>[0];

async function fixture(options: ServerOptions = {}) {
  const pinFile = join(work, `pin-${files++}.txt`);
  const target = await listen(createVerigatorServer({ ...options, pinFile }));
  const pinCommand = `grep -F " $VERIGATOR_USER_ID" '${pinFile}' | tail -n 1 | cut -d' ' -f2`;
  return { target, auth: "user:pass", pinCommand, seed: 7, requestTimeoutMs: 2_000 } satisfies ContractOptions;
}

const failing = (report: ContractReport) => report.cases.filter((one) => one.outcome === "fail");
const named = (report: ContractReport, operation: string, name: string) => report.cases.find((one) => one.operation === operation && one.name === name);

const listed = "model: a list holds exactly the UserIds of its parent: none missing, none of another, none deleted";
const stored = "model: what is stored is answered as sent (mixed case, non-ASCII, marks, emoji, quotes, 300 characters, shortest)";
const scope = "model: a UserId is reachable only under its own ServiceId: elsewhere 404, and nothing changes";

// Each defect, alone, and the case and check that must catch it.
const defects: [Defect, operation: string, name: string, check: keyof typeof checks][] = [
  ["lists every service's users", "listUsers", listed, "exact_list"],
  ["lists only the first user", "listUsers", listed, "exact_list"],
  ["lists deleted users", "listUsers", listed, "exact_list"],
  ["users reachable under another service", "createUser", scope, "parent_scope"],
  ["cuts id_in_service to 64 characters", "createUser", stored, "stored_values"],
  ["lowercases id_in_service", "createUser", stored, "stored_values"],
  ["stores id_in_service as Latin-1", "createUser", stored, "stored_values"],
  ["ctime changes on every read", "createUser", stored, "stored_values"],
  ["id_in_service unique across services", "createUser", "model: what is a duplicate under one ServiceId is accepted under another", "unique_per_parent"],
  ["answers the phone number", "createUser", "positive: example email", "write_only_hidden"],
  [
    "deleteUser deletes the whole service's users",
    "deleteUser",
    "model: a delete removes its target only: its siblings and other parents' children stay",
    "delete_isolation",
  ],
  ["never throttles wrong PINs", "verifyPin", "two-factor: after too many wrong PINs the right one is refused, and status.throttled says so", "pin_throttling"],
  ["a PIN verifies any user of the service", "verifyPin", "two-factor: a PIN sent to one user never verifies another", "pin_isolation"],
  ["a start resets every pending PIN", "verifyPin", "two-factor: a start for one user leaves another's pending PIN as it was", "pin_isolation"],
  ["verifies 000000 for a user sent nothing", "verifyPin", "two-factor: a user who was sent nothing is not verified", "pin_isolation"],
];

describe.concurrent("each defect between resources is caught by the case and check that name it", () => {
  it.for(defects)("%s", async ([defect, operation, name, check]) => {
    const report = await runContract({ ...(await fixture({ defect })), sequences: 0 });
    const result = named(report, operation, name);
    expect(result, `${operation} › ${name} is a case`).toBeDefined();
    expect({ outcome: result?.outcome, rules: result?.failures.map((one) => one.rule) }).toMatchObject({
      outcome: "fail",
      rules: expect.arrayContaining([check]),
    });
    // The report shows the server's own answer and a curl, never the credential.
    expect(result?.answer?.status).toBeGreaterThanOrEqual(200);
    expect(result?.curl).toMatch(/^curl .*"X-Service-Auth: \$VERIGATOR_AUTH"/);
    expect(formatCase(result!)).not.toContain("user:pass");
  });

  it("the correct server passes every model, two-factor and sequence case", async () => {
    const report = await runContract(await fixture());
    expect(failing(report).map(formatCase)).toEqual([]);
    expect(report.skipped).toBe(0);
    for (const family of ["model", "two-factor", "sequence"]) expect(report.cases.filter((one) => one.family === family).length).toBeGreaterThan(0);
  });
});

// What the server holds after every write, read back whatever the seed: each defect caught in
// every one of 20 runs with 20 seeds, without random sequences. Only the check that names it is
// selected (the selection changes which checks judge, not which requests are sent), and a run
// stops at its first failing case (--max-failures 1).
const heldAfterWrites: [Defect, string, keyof typeof checks][] = [
  ["lists deleted users", "a deleted user still listed, after the others", "exact_list"],
  ["lists a deleted user first", "a deleted user still listed, first", "exact_list"],
  ["misses the newest user", "a created user missing from the list", "ensure_resource_availability"],
  ["lists every service's users", "another service's user in a service's list", "exact_list"],
  ["a deleted service stays readable", "a deleted service still readable", "use_after_free"],
  ["accepts a form-encoded create", "a create sent form-encoded accepted", "media_type_rejection"],
  ["accepts a multipart create", "a create sent as multipart accepted", "media_type_rejection"],
];

describe.concurrent("what the server holds after every write, caught whatever the seed", () => {
  it.for(heldAfterWrites)("%s: %s, in 20 runs of 20 seeds", { timeout: 120_000 }, async ([defect, , check]) => {
    const { target } = await fixture({ defect });
    for (let seed = 1; seed <= 20; seed++) {
      // Only the check that names the defect, and the run stops at its first failure.
      const report = await runContract({ target, seed, sequences: 0, checks: [check], maxFailures: 1 });
      expect(
        failing(report).flatMap((one) => one.failures.map((failure) => failure.rule)),
        `seed ${seed}`,
      ).toContain(check);
    }
  });
});

describe("random sequences, shrunk", () => {
  it("a failing random sequence is shown shrunk to its shortest, and the same seed repeats it", async () => {
    const options = {
      ...(await fixture({ defect: "lists users deleted from any service" })),
      checks: ["exact_list", "status_code_conformance"],
      seed: 1234,
      sequences: 40,
    };
    const first = await runContract(options);
    const sequence = named(first, "sequences", "sequences: 40 random sequences of operations hold to the model");
    expect(sequence?.outcome).toBe("fail");
    const steps = sequence?.steps ?? [];
    // The least that shows it (fast-check shrank the rest away): a service and its list, which
    // holds the users the cases before deleted; or a user, its delete and the list.
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps.length).toBeLessThanOrEqual(4);
    expect(steps[0]?.action).toMatch(/^createService/);
    expect(steps.at(-1)?.action).toMatch(/^listUsers of ServiceId #1/);
    expect(new Set(steps.at(-1)?.failures.map((one) => one.rule))).toEqual(new Set(["exact_list"]));
    const text = formatCase(sequence!);
    expect(text).toMatch(/the shortest sequence that fails, \d steps \(the same --seed repeats it\):/);
    expect(text).toMatch(/^ {8}1\. createService/m);
    expect(text.match(/curl: curl /g)?.length).toBe(steps.length);
    const again = await runContract({ ...options, target: (await fixture({ defect: "lists users deleted from any service" })).target });
    const repeated = named(again, "sequences", "sequences: 40 random sequences of operations hold to the model");
    expect(repeated?.steps?.map((one) => one.action)).toEqual(steps.map((one) => one.action));
  });
});

describe("servers as real ones run pass", () => {
  it("a database that outlives the runs: a run, a killed run, a cancelled run (Ctrl-C), a run again — each passes or cleans up", async () => {
    const store = join(work, "store.json");
    const pinFile = join(work, "store-pins.txt");
    const target = await listen(createVerigatorServer({ store, pinFile }));
    const pinCommand = `grep -F " $VERIGATOR_USER_ID" '${pinFile}' | tail -n 1 | cut -d' ' -f2`;
    // The same seed every time: the names a run makes are those an earlier one left.
    const options = { target, pinCommand, seed: 99, sequences: 5 };
    expect(failing(await runContract(options)).map(formatCase)).toEqual([]);
    const command = ["bin/verigator.mjs", "contract", "--target", target, "--seed", "99", "--sequences", "5"];
    /** Runs the command until it has reported `cases` cases, then sends it `signal`. */
    const interrupted = async (signal: NodeJS.Signals, cases: number) => {
      const child = spawn("node", command, { stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stderr.on("data", (chunk) => (output += chunk));
      child.stdout.on("data", (chunk) => {
        output += chunk;
        if ((output.match(/^✓ pass/gm)?.length ?? 0) >= cases && !child.killed) child.kill(signal);
      });
      const code = await new Promise((resolve) => child.once("exit", (exit, by) => resolve(exit ?? by)));
      return { code, output };
    };
    // A CI timeout: killed outright, it leaves everything it made.
    await interrupted("SIGKILL", 40);
    const left = JSON.parse(readFileSync(store, "utf8")).services.length;
    expect(left).toBeGreaterThan(0);
    // Ctrl-C: it stops, deletes what it made, and says so.
    const { code, output } = await interrupted("SIGINT", 40);
    expect(code).toBe(130);
    expect(output).toMatch(/SIGINT: stopping, and deleting what this run created/);
    expect(output).toMatch(/the run was cancelled/);
    // Only the cases it ran are listed: none is reported as skipped for the cancel.
    expect(output).not.toMatch(/^- skip .* — cancelled$/m);
    expect(JSON.parse(readFileSync(store, "utf8")).services.length).toBe(left);
    expect(failing(await runContract(options)).map(formatCase)).toEqual([]);
  }, 90_000);

  it("a per-user start limit (429 with Retry-After) is waited out and counted, never failed", async () => {
    const limited = await runContract({ ...(await fixture({ firstStartLimited: true })), sequences: 5 });
    expect(failing(limited).map(formatCase)).toEqual([]);
    expect(limited.rateLimited).toBeGreaterThan(5);
    expect(limited.notes).toContainEqual(expect.stringMatching(/^\d+ declared 429s met and waited out/));
    expect(limited.coverage.find((one) => one.operation === "startAuthentication" && one.status === 429)?.exercised).toBe(true);
    const windowed = await runContract({ ...(await fixture({ startLimitMs: 1000 })), sequences: 5 });
    expect(failing(windowed).map(formatCase)).toEqual([]);
  }, 60_000);

  it("a server with another wrong-PIN limit passes with --max-wrong-pins, and fails without it", async () => {
    // The fixture throttles after 5: told 3, the suite expects throttling too early and fails.
    const early = await runContract({ ...(await fixture()), maxWrongPins: 3, sequences: 0 });
    expect(named(early, "verifyPin", "two-factor: after too many wrong PINs the right one is refused, and status.throttled says so")?.outcome).toBe("fail");
    const right = await runContract({ ...(await fixture()), maxWrongPins: 5, sequences: 0 });
    expect(failing(right)).toEqual([]);
  });
});

describe("checks with names", () => {
  it("--checks and --exclude-checks select from the registry; JUnit failures carry the check's name as their type", async () => {
    const options = { ...(await fixture({ defect: "answers the phone number" })), sequences: 0 };
    const only = await runContract({ ...options, checks: ["write_only_hidden"] });
    expect(new Set(failing(only).flatMap((one) => one.failures.map((failure) => failure.rule)))).toEqual(new Set(["write_only_hidden"]));
    expect(formatJUnit(only)).toMatch(/<failure type="write_only_hidden"/);
    const without = await runContract({ ...options, excludeChecks: ["write_only_hidden"] });
    expect(failing(without)).toEqual([]);
    await expect(runContract({ ...options, checks: ["no_such_check"] })).rejects.toThrow(/no check named no_such_check; the checks are not_a_server_error, /);
  });
});

describe("a command that explains itself", () => {
  it("--help and -h print every option and its default, exit 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const { code, output } = await run("node", ["bin/verigator.mjs", "contract", flag]);
      expect(code).toBe(0);
      for (const option of [
        "--target",
        "--auth",
        "--seed",
        "--sequences",
        "--checks",
        "--exclude-checks",
        "--max-wrong-pins",
        "--pin-command",
        "--phone",
        "--request-timeout",
        "--max-time",
        "--document",
        "--reporter",
        "--output",
      ]) {
        expect(output).toContain(option);
      }
      expect(output).toMatch(/default: \$VERIGATOR_AUTH, else user:pass/);
    }
  });

  it("a wrong --auth exits 2 with one line that says so; a --phone the document refuses exits 2 before anything is sent", async () => {
    const { target } = await fixture();
    const wrong = await run("node", ["bin/verigator.mjs", "contract", "--target", target, "--auth", "user:not-the-password"]);
    expect(wrong.code).toBe(2);
    expect(wrong.output.trim()).toBe(
      "verigator contract could not run: the server refused the credentials: authorized requests to two operations answered 401; check --auth (or VERIGATOR_AUTH)",
    );
    const journal: string[] = [];
    const quiet = await listen(createVerigatorServer({ journal }));
    const phone = await run("node", ["bin/verigator.mjs", "contract", "--target", quiet, "--phone", "4401234567"]);
    expect(phone.code).toBe(2);
    expect(phone.output).toMatch(/--phone 4401234567 does not match phone_number's pattern/);
    expect(journal).toEqual([]);
  });

  it("a --pin-command that hangs says it timed out, and after how long", async () => {
    const report = await runContract({ ...(await fixture()), pinCommand: "sleep 5", requestTimeoutMs: 300, sequences: 0 });
    const result = named(report, "verifyPin", "two-factor: the PIN sent verifies once, then is spent");
    expect(result?.failures).toEqual([{ rule: "pin_command", message: "--pin-command failed: it timed out: no PIN within 300 ms (--request-timeout)" }]);
  });
});
