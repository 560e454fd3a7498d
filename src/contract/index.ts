// `verigator/contract`: the contract suite as a library. `runContract(options)` checks a
// Verigator-compatible server against the document and resolves with every case's result;
// `verigator contract` is a thin command around it. Node only; an app that imports `verigator`
// bundles none of it. Prism (an optional peer dependency) parses the document and validates
// the answers.
import { exec } from "node:child_process";
import { createRequire } from "node:module";
import { connect } from "node:net";
import type { Case, Family } from "./cases.ts";
import { deriveCases } from "./cases.ts";
import { Broke, Context, Skip } from "./context.ts";
import type { Failure, ReceivedAnswer, SentRequest } from "./exchange.ts";
import { createSender, noAnswerReason, operationName } from "./exchange.ts";
import { buildModel, declaredCodes } from "./model.ts";
import { loadPrism, prismInstallHint } from "./prism.ts";
import { seededRandom } from "./values.ts";

export type { Family } from "./cases.ts";
export type { Failure, ReceivedAnswer, SentRequest } from "./exchange.ts";
export { formatCase, formatHuman, formatJson, formatJUnit, formatSummary } from "./report.ts";

/** What runContract takes: the server to check, and how. Only `target` is required. */
export interface ContractOptions {
  /** The server to check, e.g. `http://127.0.0.1:4010`. */
  target: string;
  /** `username:password` for X-Service-Auth (default `user:pass`, what `verigator fake` accepts). Never printed. */
  auth?: string;
  /** Repeats the requests of an earlier run (default: a random seed, reported in the results). */
  seed?: number;
  /** How long each answer may take, in ms (default 10 000). */
  requestTimeoutMs?: number;
  /**
   * A shell command that prints the PIN last sent to a phone number (e.g. from a test SMS
   * inbox); its last line is the PIN. It runs with VERIGATOR_PHONE, VERIGATOR_SERVICE_ID and
   * VERIGATOR_USER_ID (every path parameter, upper snake case) in its environment. Without it
   * the right-PIN case is skipped.
   */
  pinCommand?: string;
  /** The OpenAPI document to check against (default: the one this package publishes). */
  document?: string;
  /** The phone number the suite's users get (default: generated from the schema). */
  phone?: string;
  /** Called once the cases are derived, before the first request. */
  onStart?: (run: { target: string; document: string; seed: number; cases: number }) => void;
  /** Called as each case ends, for progress output. */
  onCase?: (result: CaseResult) => void;
}

/** One case of a run: what it checked and how it ended; for a failure, what to fix it from. */
export interface CaseResult {
  /** The operationId (or `METHOD /path`). */
  operation: string;
  /** The kind of check: positive, auth, bad input, unknown id, state or two-factor. */
  family: Family;
  /** What the case checks; the same in every run. */
  name: string;
  /** Passed; failed (a rule was broken); or skipped, with `reason` saying why. */
  outcome: "pass" | "fail" | "skip";
  /** Why it was skipped, or the first rule it broke. */
  reason?: string;
  /** Every rule the failing answer broke. */
  failures: Failure[];
  /** The failing request (X-Service-Auth shown as $VERIGATOR_AUTH). */
  request?: SentRequest;
  /** The server's own answer to it, redacted; absent when none came. */
  answer?: ReceivedAnswer;
  /** Reproduces the failing request; reads the credential from $VERIGATOR_AUTH. */
  curl?: string;
  /** How long the case took, its requests included. */
  durationMs: number;
}

/** One (operation, declared status) pair, and whether the run got that answer. */
export interface CoverageEntry {
  /** The operationId. */
  operation: string;
  /** A status the document declares for it. */
  status: number;
  /** Some case got this status from the server for this operation. */
  exercised: boolean;
  /** Why it was not, when it was not. */
  reason?: string;
}

/** What runContract resolves with: every case's result, the counts, the coverage, the seed. */
export interface ContractReport {
  /** The server checked. */
  target: string;
  /** The document it was checked against (a path). */
  document: string;
  /** The seed of the generated values: `seed` in the options repeats the run's requests. */
  seed: number;
  /** Every case, in the order they ran. */
  cases: CaseResult[];
  /** How many cases passed. */
  passed: number;
  /** How many failed: the run passed when this is 0. */
  failed: number;
  /** How many could not run (each with its reason). */
  skipped: number;
  /** Every (operation, declared status) pair: answered, or why not. */
  coverage: CoverageEntry[];
  /** Things that are not a case's result, e.g. a resource the cleanup could not delete. */
  notes: string[];
  /**
   * Where the time went, in ms: loading Prism, reading the document, the requests (and how many).
   */
  timings: {
    /**
     * The whole run.
     */
    totalMs: number;
    /**
     * Loading Prism's parser and validator.
     */
    prismLoadMs: number;
    /**
     * Reading the document into operations.
     */
    documentMs: number;
    /**
     * Sending the requests and checking the answers, cleanup included.
     */
    requestsMs: number;
    /**
     * How many requests were sent.
     */
    requests: number;
  };
}

/** The suite could not run: bad options, Prism missing, the document unreadable, the target unreachable. */
export class ContractSetupError extends Error {
  /** "ContractSetupError". */
  override name = "ContractSetupError";
}

const defaultTimeoutMs = 10_000;
/** After this many requests in a row get no answer in time, the rest are skipped rather than waited for. */
const stallLimit = 3;

const unreachable: Record<number, string> = {
  403: "no request with valid credentials is forbidden",
  429: "the suite does not provoke rate limits",
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

/** Runs the contract suite against `options.target`; rejects with ContractSetupError when it cannot run. */
export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const started = performance.now();
  const target = checkedTarget(options?.target);
  const auth = options.auth ?? "user:pass";
  const separator = auth.indexOf(":");
  if (separator < 0) throw new ContractSetupError("--auth must be username:password");
  const timeoutMs = options.requestTimeoutMs ?? defaultTimeoutMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 2 ** 31 - 1)
    throw new ContractSetupError("--request-timeout must be a whole number of ms, at least 1");
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ContractSetupError("--seed must be a whole number ≥ 0");
  const document = options.document ?? createRequire(import.meta.url).resolve("verigator/openapi.json");

  const prismStarted = performance.now();
  const prism = loadPrism();
  if (!prism) throw new ContractSetupError(`Prism is missing: ${prismInstallHint()}`);
  const prismLoadMs = performance.now() - prismStarted;
  await probe(target, timeoutMs);
  const documentStarted = performance.now();
  let model: ReturnType<typeof buildModel>;
  try {
    model = buildModel(await prism.operations(document));
  } catch (error) {
    throw new ContractSetupError(`the document ${document} cannot be read: ${error instanceof Error ? error.message : error}`);
  }
  if (!model.operations.length) throw new ContractSetupError(`the document ${document} has no operations`);
  const documentMs = performance.now() - documentStarted;

  const sender = createSender({ target, username: auth.slice(0, separator), password: auth.slice(separator + 1), timeoutMs, prism });
  const context = new Context(model, sender, seededRandom(seed), options.phone);
  const readPin = options.pinCommand ? readPinWith(options.pinCommand, timeoutMs) : undefined;
  const cases = deriveCases(model, readPin ? { readPin } : {});
  options.onStart?.({ target, document, seed, cases: cases.length });
  const requestsStarted = performance.now();
  const results: CaseResult[] = [];
  for (const one of cases) {
    const result = await runCase(one, context, timeoutMs);
    results.push(result);
    options.onCase?.(result);
  }
  const notes = sender.stats.timeoutsInARow >= stallLimit ? ["cleanup skipped: the target stopped answering"] : await cleanup(context, results);
  const requestsMs = performance.now() - requestsStarted;

  const coverage: CoverageEntry[] = model.operations.flatMap((operation) =>
    declaredCodes(operation).map((status) => {
      const exercised = context.seen.get(operationName(operation))?.has(status) ?? false;
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
    notes,
    timings: { totalMs: performance.now() - started, prismLoadMs, documentMs, requestsMs, requests: sender.stats.requests },
  };
}

async function runCase(one: Case, context: Context, timeoutMs: number): Promise<CaseResult> {
  const base = { operation: one.operation, family: one.family, name: one.name, failures: [] };
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  if (context.sender.stats.timeoutsInARow >= stallLimit) {
    return {
      ...base,
      outcome: "skip",
      reason: `the target stopped answering: ${stallLimit} requests in a row got no answer within ${timeoutMs} ms`,
      durationMs: 0,
    };
  }
  context.last = undefined;
  try {
    await one.run(context);
    return { ...base, outcome: "pass", durationMs: durationMs() };
  } catch (error) {
    if (error instanceof Skip) return { ...base, outcome: "skip", reason: error.message, durationMs: durationMs() };
    // A creator's first case makes the fixture; the cases that need it say why it is missing.
    for (const resource of context.model.resources.values()) {
      const first = !context.fixtures.has(resource.param) && !context.missing.has(resource.param);
      if (operationName(resource.creator) === one.operation && one.family === "positive" && first) {
        context.missing.set(resource.param, `${one.operation} › ${one.name} failed`);
      }
    }
    if (error instanceof Broke) {
      const { request, answer, curl } = error.exchange;
      return { ...base, outcome: "fail", reason: error.message, failures: error.failures, request, ...(answer && { answer }), curl, durationMs: durationMs() };
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
 * failure's request names, so that its curl line still reproduces it; the notes say what was kept.
 */
async function cleanup(context: Context, results: CaseResult[]): Promise<string[]> {
  const notes: string[] = [];
  const done = new Set<string>();
  const named = new Set(results.flatMap((result) => result.request?.path.split("/") ?? []));
  const kept: string[] = [];
  for (const { resource, params } of [...context.created].reverse()) {
    const key = JSON.stringify(params);
    if (!resource.deleter || done.has(key)) continue;
    done.add(key);
    const id = params[resource.param];
    if (id !== undefined && named.has(encodeURIComponent(id))) {
      kept.push(`${operationName(resource.deleter)} ${resource.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""))}`);
      continue;
    }
    const exchange = await context.sender.send(resource.deleter, { params });
    const status = exchange.answer?.status;
    if (status === undefined || (status >= 300 && status !== 404)) {
      notes.push(`cleanup: ${operationName(resource.deleter)} ${exchange.request.path} answered ${status ?? exchange.failures[0]?.message}`);
    }
  }
  if (kept.length) notes.unshift(`kept for the failures' curl lines: ${kept.join(", ")} (delete them when done)`);
  return notes;
}
