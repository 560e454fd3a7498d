// `verigator contract`: a thin command around runContract (verigator/contract). Prints each
// case as it ends, writes the chosen report, and exits 0 when every case passed, 1 when a check
// failed (or the run stopped early), 2 when the suite could not run (bad options, refused
// credentials, unreachable target), 130/143 when cancelled by SIGINT/SIGTERM.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

/** The one usage text of the command: every option and its default. */
export const usage = `usage: verigator contract --target http://host:port [options]

Checks a Verigator-compatible server against the OpenAPI document: every answer against the
document, and what the server holds against a model of what it should hold.

  --target URL            the server to check (required)
  --auth USER:PASS        X-Service-Auth credentials (default: $VERIGATOR_AUTH, else user:pass);
                          prefer VERIGATOR_AUTH, which keeps the password off the command line
  --seed N                repeats an earlier run's requests and sequences (default: random, printed)
  --sequences N           random sequences of operations checked against the model (default 20; 0: none)
  --checks A,B            only these checks (names: docs/contract.md, table of checks)
  --exclude-checks C      all checks but these
  --stateless             for a server that keeps no state (npm start's mock): only the checks it can
                          pass; the report's notes say which were left out, and why
  --max-wrong-pins N      wrong PINs before a verification is throttled (default: the document's x-wrong-pin-limit)
  --pin-command CMD       prints the PIN last sent to $VERIGATOR_PHONE (default: none; PIN cases skipped)
  --phone +4401234567     the phone number the suite's users get (default: generated from the schema)
  --request-timeout MS    how long each answer may take (default 10000)
  --max-time MS           how long the whole run may take (default 600000)
  --max-failures N        stop after N failing cases, the rest skipped (default: run them all)
  --document FILE         the OpenAPI document (default: the one this package publishes)
  --reporter KIND         human, junit or json (default human)
  --output FILE           write the report to FILE (progress stays on stdout)
  -h, --help              this text

Exit: 0 all passed, 1 a check failed or the run stopped early, 2 it could not run.`;

/** @param {string | undefined} text @param {string} flag */
function wholeNumber(text, flag) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new RangeError(`${flag} must be a whole number, got ${text}`);
  return Number(text);
}

/** @param {string | undefined} text */
const list = (text) =>
  text === undefined
    ? undefined
    : text
        .split(",")
        .map((one) => one.trim())
        .filter(Boolean);

/** @param {string[]} argv */
export async function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        help: { type: "boolean", short: "h" },
        target: { type: "string" },
        auth: { type: "string" },
        seed: { type: "string" },
        sequences: { type: "string" },
        checks: { type: "string" },
        "exclude-checks": { type: "string" },
        stateless: { type: "boolean" },
        "max-wrong-pins": { type: "string" },
        reporter: { type: "string", default: "human" },
        output: { type: "string" },
        "request-timeout": { type: "string" },
        "max-time": { type: "string" },
        "max-failures": { type: "string" },
        "pin-command": { type: "string" },
        document: { type: "string" },
        phone: { type: "string" },
      },
    }));
    if (values.help) {
      console.log(usage);
      return 0;
    }
    if (!values.target) throw new RangeError("give the server to check with --target");
    if (!["human", "junit", "json"].includes(values.reporter)) throw new RangeError(`--reporter is human, junit or json, got ${values.reporter}`);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
    return 2;
  }
  const { runContract, formatCase, formatSummary, formatJUnit, formatJson, formatHuman, ContractSetupError } = await import("verigator/contract");
  const human = values.reporter === "human";
  // Machine output alone on stdout when it goes there; otherwise people read the progress.
  const progress = human || values.output !== undefined;
  // Ctrl-C or a CI timeout: stop sending, delete what the run made (bounded), say what is left.
  const cancel = new AbortController();
  /** @type {NodeJS.Signals | undefined} */
  let signalled;
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    if (signalled) process.exit(signal === "SIGINT" ? 130 : 143);
    signalled = signal;
    console.error(`\n${signal}: stopping, and deleting what this run created (a second ${signal} quits at once)`);
    cancel.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let report;
  try {
    const seed = wholeNumber(values.seed, "--seed");
    const requestTimeoutMs = wholeNumber(values["request-timeout"], "--request-timeout");
    const maxTimeMs = wholeNumber(values["max-time"], "--max-time");
    const maxFailures = wholeNumber(values["max-failures"], "--max-failures");
    const sequences = wholeNumber(values.sequences, "--sequences");
    const maxWrongPins = wholeNumber(values["max-wrong-pins"], "--max-wrong-pins");
    const checks = list(values.checks);
    const excludeChecks = list(values["exclude-checks"]);
    report = await runContract({
      target: values.target,
      auth: values.auth ?? process.env.VERIGATOR_AUTH ?? "user:pass",
      signal: cancel.signal,
      ...(seed !== undefined && { seed }),
      ...(requestTimeoutMs !== undefined && { requestTimeoutMs }),
      ...(maxTimeMs !== undefined && { maxTimeMs }),
      ...(maxFailures !== undefined && { maxFailures }),
      ...(sequences !== undefined && { sequences }),
      ...(maxWrongPins !== undefined && { maxWrongPins }),
      ...(checks !== undefined && { checks }),
      ...(excludeChecks !== undefined && { excludeChecks }),
      ...(values.stateless && { stateless: true }),
      ...(values["pin-command"] !== undefined && { pinCommand: values["pin-command"] }),
      ...(values.document !== undefined && { document: values.document }),
      ...(values.phone !== undefined && { phone: values.phone }),
      ...(progress && {
        onStart: (/** @type {{ target: string, document: string, seed: number, cases: number }} */ run) =>
          console.log(`verigator contract: ${run.target} against ${run.document}, seed ${run.seed}, ${run.cases} cases`),
      }),
      ...(progress && { onCase: (/** @type {import("verigator/contract").CaseResult} */ result) => console.log(formatCase(result)) }),
    });
  } catch (error) {
    if (error instanceof ContractSetupError || error instanceof RangeError) {
      console.error(`verigator contract could not run: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const text = human ? formatHuman(report) : values.reporter === "junit" ? formatJUnit(report) : formatJson(report);
  if (values.output !== undefined) writeFileSync(values.output, text.endsWith("\n") ? text : `${text}\n`);
  if (progress) console.log(`\n${formatSummary(report)}`);
  else console.log(text);
  if (signalled) return signalled === "SIGINT" ? 130 : 143;
  return report.failed || report.stopped ? 1 : 0;
}
