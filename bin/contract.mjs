// `verigator contract --target URL [--auth user:pass] [--seed N] [--reporter human|junit|json]
//  [--output FILE] [--request-timeout MS] [--pin-command CMD] [--document FILE] [--phone +…]`
// A thin command around runContract (verigator/contract): prints each case as it ends, writes
// the chosen report, and exits 0 when every case passed, 1 when a check failed, 2 when the
// suite could not run.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

export const contractUsage =
  "usage: verigator contract --target http://host:port [--auth user:pass] [--seed N] [--reporter human|junit|json] [--output FILE] [--request-timeout MS] [--pin-command CMD] [--document FILE] [--phone +4401234567]";

/** @param {string | undefined} text @param {string} flag */
function wholeNumber(text, flag) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new RangeError(`${flag} must be a whole number, got ${text}`);
  return Number(text);
}

/** @param {string[]} argv */
export async function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        target: { type: "string" },
        auth: { type: "string", default: process.env.VERIGATOR_AUTH ?? "user:pass" },
        seed: { type: "string" },
        reporter: { type: "string", default: "human" },
        output: { type: "string" },
        "request-timeout": { type: "string" },
        "pin-command": { type: "string" },
        document: { type: "string" },
        phone: { type: "string" },
      },
    }));
    if (!values.target) throw new RangeError("give the server to check with --target");
    if (!["human", "junit", "json"].includes(values.reporter)) throw new RangeError(`--reporter is human, junit or json, got ${values.reporter}`);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${contractUsage}`);
    return 2;
  }
  const { runContract, formatCase, formatSummary, formatJUnit, formatJson, formatHuman, ContractSetupError } = await import("verigator/contract");
  const human = values.reporter === "human";
  // Machine output alone on stdout when it goes there; otherwise people read the progress.
  const progress = human || values.output !== undefined;
  let report;
  try {
    const seed = wholeNumber(values.seed, "--seed");
    const requestTimeoutMs = wholeNumber(values["request-timeout"], "--request-timeout");
    report = await runContract({
      target: values.target,
      auth: values.auth,
      ...(seed !== undefined && { seed }),
      ...(requestTimeoutMs !== undefined && { requestTimeoutMs }),
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
  }
  const text = human ? formatHuman(report) : values.reporter === "junit" ? formatJUnit(report) : formatJson(report);
  if (values.output !== undefined) writeFileSync(values.output, text.endsWith("\n") ? text : `${text}\n`);
  if (progress) console.log(`\n${formatSummary(report)}`);
  else console.log(text);
  return report.failed ? 1 : 0;
}
