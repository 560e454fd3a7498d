// runContract: reads the document, derives the cases, runs them in order against the target,
// and cleans up what the run created. Every string a result carries is scrubbed before it
// leaves: the credential redacted in every encoding, control characters removed, so no
// report — human, JUnit or JSON — prints the password or lets an answer drive the terminal.
import { exec } from "node:child_process";
import { createRequire } from "node:module";
import { connect } from "node:net";
import type { Case } from "./case.ts";
import { deriveCases } from "./cases.ts";
import type { CheckName } from "./checks.ts";
import { checkNames, selectChecks, statefulChecks } from "./checks.ts";
import type { ContractOptions } from "./options.ts";
import { loadPrism, prismInstallHint } from "./prism.ts";
import type { ResourceTree } from "./resource-tree.ts";
import { buildResourceTree, declaredCodes, operationName, requestContent } from "./resource-tree.ts";
import type { CaseResult, ContractReport, CoverageEntry } from "./results.ts";
import { Broke, Cancelled, Run, Skip, TargetRefused } from "./run.ts";
import { scrubber } from "./scrub.ts";
import { createSender, filledPath, noAnswerReason } from "./sender.ts";
import { sequenceCase } from "./sequences.ts";
import { seededRandom } from "./values.ts";

/** The suite could not run: bad options, Prism missing, the document unreadable, the target unreachable, the credentials refused. */
export class ContractSetupError extends Error {
  /** "ContractSetupError". */
  override name = "ContractSetupError";
}

const defaultTimeoutMs = 10_000;
const defaultMaxTimeMs = 600_000;
const defaultSequences = 20;
/** After this many requests in a row get no answer in time, the rest are skipped rather than waited for. */
const stallLimit = 3;
/** …and after this many in all, however they alternate with answers (a round-robin with one hung backend). */
const timeoutLimit = 10;
/** How long the cleanup may take after a cancelled run. */
const cancelledCleanupMs = 10_000;

const unreachable: Record<number, string> = {
  403: "no request with valid credentials is forbidden",
  429: "no rate limit was met",
  500: "a server fault cannot be provoked from outside",
  502: "a gateway fault cannot be provoked from outside",
  503: "a server fault cannot be provoked from outside",
  504: "a gateway fault cannot be provoked from outside",
};

function readPinWith(command: string, timeoutMs: number) {
  return (env: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      exec(command, { env: { ...process.env, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
        const lines = stdout
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
        if (error?.killed) return reject(new Error(`it timed out: no PIN within ${timeoutMs} ms (--request-timeout)`));
        if (error) return reject(new Error(`exit ${error.code ?? error.signal}${stderr.trim() ? `: ${stderr.trim().slice(0, 200)}` : ""}`));
        const pin = lines.at(-1);
        if (!pin) return reject(new Error("it printed nothing"));
        resolve(pin);
      });
    });
}

function checkedTarget(target: unknown): string {
  if (typeof target !== "string" || !target) throw new ContractSetupError("give the server to check: --target http://host:port");
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new ContractSetupError(`--target is not a URL: ${target}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ContractSetupError(`--target must be http or https: ${target}`);
  if (url.search || url.hash || url.username || url.password)
    throw new ContractSetupError("--target takes no query, fragment or credentials (give them with --auth)");
  return url.href.replace(/\/+$/, "");
}

/**
 * The credential, checked before anything is sent and never echoed: `username:password`, no
 * control character (CR or LF would split the header; fetch would quote the value in its
 * error). Sent as its UTF-8 bytes, as curl sends it and the fake compares it.
 */
function checkedAuth(auth: string): { username: string; password: string } {
  const separator = auth.indexOf(":");
  if (separator < 0) throw new ContractSetupError("--auth (or VERIGATOR_AUTH) must be username:password");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(auth))
    throw new ContractSetupError("--auth (or VERIGATOR_AUTH) holds a control character (CR, LF, NUL, …); it cannot be sent in a header");
  return { username: auth.slice(0, separator), password: auth.slice(separator + 1) };
}

/** A TCP connection means the target is there (a slow server is still reachable); none is said in words. */
async function probe(target: string, timeoutMs: number): Promise<void> {
  const url = new URL(target);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("timeout", () => {
      socket.destroy();
      reject(new ContractSetupError(`the target ${target} is unreachable: no connection within ${timeoutMs} ms`));
    });
    socket.once("error", (error) => reject(new ContractSetupError(`the target ${target} is unreachable: ${noAnswerReason({ cause: error }, timeoutMs)}`)));
  });
}

function wholeNumber(value: number | undefined, fallback: number, flag: string, min: number): number {
  const number = value ?? fallback;
  if (!Number.isSafeInteger(number) || number < min || number > 2 ** 31 - 1) throw new ContractSetupError(`${flag} must be a whole number, at least ${min}`);
  return number;
}

/** Runs the contract suite against `options.target`; rejects with ContractSetupError when it cannot run. */
export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const started = performance.now();
  const target = checkedTarget(options?.target);
  const { username, password } = checkedAuth(options.auth ?? "user:pass");
  const timeoutMs = wholeNumber(options.requestTimeoutMs, defaultTimeoutMs, "--request-timeout", 1);
  const maxTimeMs = wholeNumber(options.maxTimeMs, defaultMaxTimeMs, "--max-time", 1);
  const maxFailures = options.maxFailures === undefined ? undefined : wholeNumber(options.maxFailures, 0, "--max-failures", 1);
  const sequences = wholeNumber(options.sequences, defaultSequences, "--sequences", 0);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ContractSetupError("--seed must be a whole number ≥ 0");
  const stateless = options.stateless === true;
  let checks: ReturnType<typeof selectChecks>;
  try {
    checks = selectChecks(options.checks, options.excludeChecks, stateless);
  } catch (error) {
    throw new ContractSetupError((error as Error).message);
  }
  const document = options.document ?? createRequire(import.meta.url).resolve("verigator/openapi.json");

  const prismStarted = performance.now();
  const prism = loadPrism();
  if (!prism) throw new ContractSetupError(`Prism is missing: ${prismInstallHint()}`);
  const prismLoadMs = performance.now() - prismStarted;
  await probe(target, timeoutMs);
  const documentStarted = performance.now();
  let tree: ResourceTree;
  try {
    tree = buildResourceTree(await prism.operations(document));
  } catch (error) {
    throw new ContractSetupError(`the document ${document} cannot be read: ${error instanceof Error ? error.message : error}`);
  }
  if (!tree.operations.length) throw new ContractSetupError(`the document ${document} has no operations`);
  checkPhone(tree, options.phone);
  const maxWrongPins = options.maxWrongPins ?? tree.twoFactor?.wrongPinLimit;
  if (maxWrongPins !== undefined) wholeNumber(maxWrongPins, 0, "--max-wrong-pins", 1);
  const documentMs = performance.now() - documentStarted;

  const sender = createSender({ target, username, password, timeoutMs });
  const readPin = options.pinCommand ? readPinWith(options.pinCommand, timeoutMs) : undefined;
  const run = new Run(tree, sender, prism, seededRandom(seed), {
    phone: options.phone,
    checks,
    readBack: !stateless,
    maxWrongPins,
    readPin,
    signal: options.signal,
  });
  const scrub = scrubber(sender.redact);
  const cases = [...deriveCases(tree), ...(sequences > 0 ? [sequenceCase(tree, { runs: sequences, seed })] : [])];
  try {
    await run.probeTarget(target);
  } catch (error) {
    throw error instanceof TargetRefused ? new ContractSetupError(error.message) : error;
  }
  options.onStart?.({ target, document, seed, cases: cases.length });
  const requestsStarted = performance.now();
  const results: CaseResult[] = [];
  let stopped: string | undefined;
  for (const one of cases) {
    stopped ??= options.signal?.aborted
      ? "cancelled"
      : sender.stats.timeoutsInARow >= stallLimit
        ? `the target stopped answering: ${stallLimit} requests in a row got no answer within ${timeoutMs} ms`
        : sender.stats.timeouts >= timeoutLimit
          ? `the target is unreliable: ${timeoutLimit} requests got no answer within ${timeoutMs} ms`
          : performance.now() - started > maxTimeMs
            ? `the run took longer than --max-time ${maxTimeMs} ms`
            : maxFailures !== undefined && results.filter((one) => one.outcome === "fail").length >= maxFailures
              ? `${maxFailures} case${maxFailures === 1 ? "" : "s"} failed (--max-failures ${maxFailures})`
              : undefined;
    // A cancelled run lists only the cases it ran; one stopped for the target's sake lists the rest as skipped, saying why.
    if (stopped === "cancelled") break;
    const leftOut = stopped ?? (stateless ? leftOutReason(one, checks) : undefined);
    const result = leftOut
      ? { operation: one.operation, family: one.family, name: one.name, failures: [], outcome: "skip" as const, reason: leftOut, durationMs: 0 }
      : await runCase(one, run);
    if (result === "cancelled") {
      stopped = "cancelled";
      break;
    }
    const clean = scrub.result(result);
    results.push(clean);
    options.onCase?.(clean);
  }
  const unanswered = sender.stats.timeoutsInARow >= stallLimit || sender.stats.timeouts >= timeoutLimit;
  const notes = unanswered
    ? ["cleanup skipped: the target stopped answering"]
    : await cleanup(run, results, stopped === "cancelled" ? cancelledCleanupMs : maxTimeMs);
  if (stopped) notes.unshift(stopped === "cancelled" ? "the run was cancelled: the cases not run are not listed" : `the run stopped early: ${stopped}`);
  if (stateless) notes.unshift(statelessNote(checks));
  notes.push(...run.notes);
  if (run.rateLimited) notes.push(`${run.rateLimited} declared 429s met and waited out (each wait at most 5 s)`);
  const requestsMs = performance.now() - requestsStarted;

  const coverage: CoverageEntry[] = tree.operations.flatMap((operation) =>
    declaredCodes(operation).map((status) => {
      const exercised = run.seen.get(operationName(operation))?.has(status) ?? false;
      return { operation: operationName(operation), status, exercised, ...(!exercised && { reason: unreachable[status] ?? "no case got this answer" }) };
    }),
  );
  const count = (outcome: CaseResult["outcome"]) => results.filter((one) => one.outcome === outcome).length;
  return {
    target,
    document,
    seed,
    cases: results,
    passed: count("pass"),
    failed: count("fail"),
    skipped: count("skip"),
    coverage,
    notes: notes.map(scrub.text),
    checks: checkNames.filter((name) => checks.has(name)),
    ...(stopped && { stopped }),
    rateLimited: run.rateLimited,
    timings: {
      totalMs: performance.now() - started,
      prismLoadMs,
      documentMs,
      requestsMs,
      requests: sender.stats.requests,
      readBacks: run.readBacks,
      medianRequestMs: median(sender.stats.durationsMs),
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Why a stateless run leaves a case out: every check it exists for needs a server that keeps state. */
function leftOutReason(one: Case, checks: ReadonlySet<CheckName>): string | undefined {
  if (one.about.some((name) => checks.has(name))) return undefined;
  return `left out for a server that keeps no state (--stateless): it is about ${one.about.join(", ")}`;
}

/** What a stateless run left out, and why: one line for the report's notes. */
function statelessNote(checks: ReadonlySet<CheckName>): string {
  const left = statefulChecks.filter((one) => !checks.has(one.name)).map((one) => `${one.name} (${one.why})`);
  return `--stateless: a server that keeps no state cannot pass these checks, left out: ${left.join("; ")}; the cases about them are skipped, and nothing is read back after a write`;
}

/** `--phone` must be a number the document's schema takes, or every create would be refused. */
function checkPhone(tree: ResourceTree, phone: string | undefined): void {
  if (phone === undefined) return;
  for (const operation of tree.operations) {
    for (const [name, property] of Object.entries(requestContent(operation)?.schema?.properties ?? {})) {
      if (!/phone/i.test(name) || property.pattern === undefined) continue;
      if (!new RegExp(property.pattern, "u").test(phone)) {
        throw new ContractSetupError(`--phone ${phone} does not match ${name}'s pattern ${property.pattern} in the document`);
      }
    }
  }
}

async function runCase(one: Case, run: Run): Promise<CaseResult | "cancelled"> {
  const base = { operation: one.operation, family: one.family, name: one.name, failures: [] };
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  run.last = undefined;
  try {
    await one.run(run);
    return { ...base, outcome: "pass", durationMs: durationMs() };
  } catch (error) {
    if (error instanceof Cancelled) return "cancelled";
    if (error instanceof Skip) return { ...base, outcome: "skip", reason: error.message, durationMs: durationMs() };
    // A creator's first case makes the fixture; the cases that need it say why it is missing.
    for (const resource of run.tree.resources.values()) {
      const first = !run.fixtures.has(resource.param) && !run.missing.has(resource.param);
      if (operationName(resource.creator) === one.operation && one.family === "positive" && first) {
        run.missing.set(resource.param, `${one.operation} › ${one.name} failed`);
      }
    }
    if (error instanceof Broke) {
      const { request, answer, curl } = error.shown;
      return {
        ...base,
        outcome: "fail",
        reason: error.message,
        failures: error.failures,
        request,
        ...(answer && { answer }),
        curl,
        ...(error.steps && { steps: error.steps }),
        durationMs: durationMs(),
      };
    }
    // A fault of the suite itself, reported rather than hiding the other cases.
    return {
      ...base,
      outcome: "fail",
      reason: `the suite could not run this case: ${error instanceof Error ? error.message : error}`,
      durationMs: durationMs(),
    };
  }
}

/**
 * Deletes what the run created, newest first (children before their parents) — but what a
 * failure's request names, so that its curl line still reproduces it; the notes say what was
 * kept, and what could not be deleted within `budgetMs`.
 */
async function cleanup(run: Run, results: CaseResult[], budgetMs: number): Promise<string[]> {
  const notes: string[] = [];
  const done = new Set<string>();
  // The path segments the failures' requests name, in the order the failures came.
  const order = results.flatMap((result) => [result.request, ...(result.steps ?? []).map((step) => step.request)].flatMap((one) => one?.path.split("/") ?? []));
  const named = new Set(order);
  const kept: { at: number; text: string }[] = [];
  const left: string[] = [];
  const until = performance.now() + budgetMs;
  for (const { resource, params } of [...run.created].reverse()) {
    const key = JSON.stringify(params);
    if (!resource.deleter || done.has(key)) continue;
    done.add(key);
    const id = params[resource.param];
    if (id !== undefined && named.has(encodeURIComponent(id))) {
      kept.push({ at: order.indexOf(encodeURIComponent(id)), text: `${operationName(resource.deleter)} ${filledPath(resource.path, params)}` });
      continue;
    }
    if (performance.now() > until) {
      left.push(filledPath(resource.path, params));
      continue;
    }
    const exchange = await run.sender.send(resource.deleter, { params });
    const status = exchange.answer?.status;
    if (status === undefined || (status >= 300 && status !== 404)) {
      notes.push(`cleanup: ${operationName(resource.deleter)} ${exchange.request.path} answered ${status ?? exchange.problem?.message}`);
    }
  }
  if (kept.length) {
    const texts = kept.sort((a, b) => a.at - b.at).map((one) => one.text);
    notes.unshift(`kept for the failures' curl lines: ${texts.join(", ")} (delete them when done)`);
  }
  if (left.length) notes.push(`cleanup ran out of time; not deleted: ${left.join(", ")}`);
  return notes;
}
