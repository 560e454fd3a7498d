// The suite's results for people and for CI: one line per case (and what to do about a
// failure), JUnit XML that CI systems read, and the same results as JSON. None of them holds
// the credential: requests show $VERIGATOR_AUTH, answers are redacted when they are kept.
import type { CaseResult, ContractReport, SequenceStep } from "./results.ts";

const marks = { pass: "✓ pass", fail: "✗ FAIL", skip: "- skip" } as const;

/** One case as one line, and for a failure the rule, the request, the answer and a curl line below it. */
export function formatCase(result: CaseResult): string {
  const line = `${marks[result.outcome]}  ${result.operation.padEnd(20)} ${result.name}${result.outcome === "skip" ? ` — ${result.reason}` : ""}`;
  if (result.outcome !== "fail") return line;
  const details = result.failures.length ? result.failures.map((one) => `rule ${one.rule}: ${one.message}`) : [`${result.reason}`];
  const { request, answer } = result;
  if (request) {
    const headers = Object.entries(request.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join(", ");
    details.push(`request: ${request.method} ${request.path} (${headers})${request.body === undefined ? "" : ` ${request.body}`}`);
  }
  details.push(
    answer
      ? `answer:  ${answer.status} ${answer.contentType ?? "(no content type)"} in ${answer.durationMs} ms: ${answer.body ? answer.body.replace(/\s+/g, " ") : "(empty body)"}`
      : "answer:  none",
  );
  if (result.curl) details.push(`curl:    ${result.curl}`);
  if (result.steps?.length) {
    details.push(`the shortest sequence that fails, ${result.steps.length} steps (the same --seed repeats it):`);
    details.push(...result.steps.flatMap((step, at) => formatStep(step, at + 1)));
  }
  return [line, ...details.map((one) => `      ${one}`)].join("\n");
}

function formatStep(step: SequenceStep, number: number): string[] {
  const { answer } = step;
  const answered = answer ? `${answer.status} ${answer.body ? answer.body.replace(/\s+/g, " ") : "(empty body)"}` : "no answer";
  return [
    `  ${number}. ${step.action}: ${step.request.method} ${step.request.path}${step.request.body === undefined ? "" : ` ${step.request.body}`}`,
    `     answer: ${answered}`,
    ...step.failures.map((one) => `     rule ${one.rule}: ${one.message}`),
    `     curl: ${step.curl}`,
  ];
}

/** The lines that end a run: notes, the coverage line, the seed, and the counts. */
export function formatSummary(report: ContractReport): string {
  const lines: string[] = [];
  for (const note of report.notes) lines.push(`note: ${note}`);
  const exercised = report.coverage.filter((one) => one.exercised).length;
  // Grouped by status where a status is missing on every operation, else pair by pair.
  const operations = new Set(report.coverage.map((one) => one.operation)).size;
  const missing = new Map<string, string[]>();
  for (const status of new Set(report.coverage.map((one) => one.status))) {
    const pairs = report.coverage.filter((one) => one.status === status && !one.exercised);
    const everywhere = pairs.length === operations && new Set(pairs.map((one) => one.reason)).size === 1;
    const groups = everywhere
      ? [{ text: `${status} on every operation`, reason: pairs[0]!.reason }]
      : pairs.map((one) => ({ text: `${one.operation} ${status}`, reason: one.reason }));
    for (const { text, reason } of groups) missing.set(reason ?? "", [...(missing.get(reason ?? "") ?? []), text]);
  }
  const listed = [...missing].map(([reason, texts]) => `${texts.join(", ")} (${reason})`);
  lines.push(
    `coverage: ${exercised} of ${report.coverage.length} (operation, status) pairs answered${listed.length ? `; not answered: ${listed.join("; ")}` : ""}`,
  );
  lines.push(
    `seed ${report.seed} (--seed ${report.seed} repeats these requests); ${report.timings.requests} requests in ${(report.timings.totalMs / 1000).toFixed(1)} s`,
  );
  if (report.stopped) lines.push(`stopped early: ${report.stopped}`);
  lines.push(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
  return lines.join("\n");
}

/** The whole run for people: a header, one line per case (failures with what to fix), the summary. */
export function formatHuman(report: ContractReport): string {
  return [
    `verigator contract: ${report.target} against ${report.document}, seed ${report.seed}`,
    ...report.cases.map(formatCase),
    "",
    formatSummary(report),
  ].join("\n");
}

/** The whole run as JSON: the report runContract resolved with. */
export function formatJson(report: ContractReport): string {
  return JSON.stringify(report, null, 2);
}

// XML 1.0 allows no control characters but tab, newline and carriage return, even escaped.
const xml = (text: string) =>
  text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The whole run as JUnit XML: a testsuite per operation, a testcase per case, failures and skips with their reasons. */
export function formatJUnit(report: ContractReport): string {
  const operations = [...new Set(report.cases.map((one) => one.operation))];
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const suites = operations.map((operation) => {
    const cases = report.cases.filter((one) => one.operation === operation);
    const count = (outcome: CaseResult["outcome"]) => cases.filter((one) => one.outcome === outcome).length;
    const time = cases.reduce((sum, one) => sum + one.durationMs, 0);
    const body = cases.map((one) => {
      const open = `    <testcase classname="${xml(`verigator contract.${operation}`)}" name="${xml(one.name)}" time="${seconds(one.durationMs)}"`;
      if (one.outcome === "pass") return `${open}/>`;
      if (one.outcome === "skip") return `${open}>\n      <skipped message="${xml(one.reason ?? "")}"/>\n    </testcase>`;
      const rule = one.failures[0]?.rule ?? "error";
      return `${open}>\n      <failure type="${xml(rule)}" message="${xml(one.reason ?? "")}">${xml(formatCase(one))}</failure>\n    </testcase>`;
    });
    return [
      `  <testsuite name="${xml(operation)}" tests="${cases.length}" failures="${count("fail")}" errors="0" skipped="${count("skip")}" time="${seconds(time)}">`,
      `    <properties><property name="seed" value="${report.seed}"/><property name="target" value="${xml(report.target)}"/></properties>`,
      ...body,
      "  </testsuite>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="verigator contract" tests="${report.cases.length}" failures="${report.failed}" errors="0" skipped="${report.skipped}" time="${seconds(report.timings.totalMs)}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
