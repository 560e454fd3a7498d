// What the cases share while a run goes on: the sender, the seed's random values, the
// resources created (fixtures other cases stand on, and everything to delete at the end), the
// statuses seen per operation (for the coverage line), and the two ways a case ends early —
// Skip (it cannot run, with why) and Broke (an answer broke a rule).
import { parseRetryAfter } from "../retry-policy.ts";
import { sleep } from "../sleep.ts";
import type { CheckName } from "./checks.ts";
import { check } from "./checks.ts";
import type { Exchange, Failure, RequestSpec, Sender } from "./exchange.ts";
import { authHeader, operationName } from "./exchange.ts";
import { Holdings } from "./holdings.ts";
import type { Model, Resource } from "./model.ts";
import { declaredCodes, pathParams, requestContent, writeOnlyFields } from "./model.ts";
import type { HttpOperation, JsonSchema } from "./prism.ts";
import type { SequenceStep } from "./results.ts";
import type { Random, TextStyle } from "./values.ts";
import { schemaExamples, untakenVariant, validValue } from "./values.ts";

export class Skip extends Error {}

/** Every authorized request so far answered 401: the credentials are wrong, not the server. */
export class CredentialsRefused extends Error {}

/** The run was cancelled (SIGINT, SIGTERM, an aborted signal): no more requests. */
export class Cancelled extends Error {}

/** How a run waits out a declared 429: each wait at most this long, all of them at most `rateLimitBudgetMs`. */
export const rateLimitWaitMs = 5_000;
const rateLimitBudgetMs = 30_000;
const rateLimitTries = 3;

/** The id a create answered with, when it succeeded (any 2xx) and named one. */
export function createdId(resource: Resource, exchange: Exchange): string | undefined {
  const status = exchange.answer?.status ?? 0;
  const id = (exchange.json as Record<string, unknown> | undefined)?.[resource.idField];
  return status >= 200 && status < 300 && (typeof id === "string" || typeof id === "number") ? String(id) : undefined;
}

export class Broke extends Error {
  constructor(
    readonly exchange: Exchange,
    readonly failures: Failure[],
    /** For a sequence: every step up to the one that broke the rule. */
    readonly steps?: SequenceStep[],
  ) {
    super(failures[0]?.message ?? "a rule was broken");
  }
}

interface Created {
  resource: Resource;
  params: Record<string, string>;
}

export interface Fixture {
  params: Record<string, string>;
  body: unknown;
  answer: unknown;
}

export interface ContextSettings {
  phone: string | undefined;
  /** The checks this run applies; a failure of any other is not reported. */
  checks: ReadonlySet<CheckName>;
  signal?: AbortSignal | undefined;
}

export class Context {
  /** The fixture of each resource: created once by its creator's first positive case. */
  readonly fixtures = new Map<string, Fixture>();
  /** Why a fixture is missing, for the cases that need it. */
  readonly missing = new Map<string, string>();
  readonly created: Created[] = [];
  readonly seen = new Map<string, Set<number>>();
  /** The last exchange of the running case, shown when it fails. */
  last: Exchange | undefined;
  /** What the server should hold: every answer is judged against it. */
  readonly holdings: Holdings;
  /** Declared 429s met (and waited out) so far. */
  rateLimited = 0;
  private rateLimitWaitedMs = 0;
  private readonly writeOnly: string[];
  readonly phone: string | undefined;
  readonly checks: ReadonlySet<CheckName>;
  private readonly signal: AbortSignal | undefined;

  constructor(
    readonly model: Model,
    readonly sender: Sender,
    readonly random: Random,
    settings: ContextSettings,
  ) {
    this.holdings = new Holdings(model);
    this.writeOnly = writeOnlyFields(model.operations);
    this.phone = settings.phone;
    this.checks = settings.checks;
    this.signal = settings.signal;
  }

  /** Sends and records, and throws Broke when the answer breaks a rule every answer is held to. */
  async send(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    const exchange = await this.sendLeniently(operation, spec);
    if (exchange.failures.length) throw new Broke(exchange, exchange.failures);
    return exchange;
  }

  /**
   * Sends and records, whatever the answer; the caller judges it. A declared 429 is waited
   * out (Retry-After, bounded) and the request sent again — a 429 says it was not acted on;
   * past the bounds the case is skipped, never failed. The answer is judged against the
   * model, and the model updated.
   */
  async sendLeniently(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    let exchange = await this.sendOnce(operation, spec);
    const limited = declaredCodes(operation).includes(429);
    for (let tries = 0; limited && exchange.answer?.status === 429; tries++) {
      this.rateLimited++;
      const wait = Math.min(parseRetryAfter(exchange.retryAfter ?? null) ?? 1000, rateLimitWaitMs);
      if (tries >= rateLimitTries || this.rateLimitWaitedMs + wait > rateLimitBudgetMs) {
        throw new Skip(
          `rate limited: ${operationName(operation)} answered the declared 429 ${tries + 1} times (waits are bounded: ${rateLimitWaitMs} ms each, ${rateLimitBudgetMs} ms in all)`,
        );
      }
      this.rateLimitWaitedMs += wait;
      await sleep(wait);
      exchange = await this.sendOnce(operation, spec);
    }
    exchange.failures.push(...this.judged(operation, spec, exchange));
    exchange.failures = exchange.failures.filter((one) => this.checks.has(one.rule));
    this.remember(operation, spec, exchange);
    return exchange;
  }

  private async sendOnce(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    if (this.signal?.aborted) throw new Cancelled("the run was cancelled");
    const exchange = await this.sender.send(operation, spec);
    this.last = exchange;
    const status = exchange.answer?.status;
    if (status === undefined) return exchange;
    const name = operationName(operation);
    if (!this.seen.has(name)) this.seen.set(name, new Set());
    this.seen.get(name)!.add(status);
    return exchange;
  }

  /**
   * Before any case: reads of two operations (of ids that do not exist) with the credentials.
   * Both answering 401 is a wrong --auth, said once, rather than every case blamed on the
   * server; one is a server that refuses one operation, which its cases report.
   */
  async checkCredentials(): Promise<void> {
    const reads = this.model.operations.filter((one) => authHeader(one) && one.method.toLowerCase() === "get").slice(0, 2);
    if (reads.length < 2) return;
    for (const read of reads) {
      const params = Object.fromEntries(pathParams(read).map((name) => [name, this.unknownId()]));
      if ((await this.sender.send(read, { params, probe: true })).answer?.status !== 401) return;
    }
    throw new CredentialsRefused("the server refused the credentials: authorized requests to two operations answered 401; check --auth (or VERIGATOR_AUTH)");
  }

  /** The rules only the model and the document's markers can judge: write-only fields, and what the server should hold. */
  private judged(operation: HttpOperation, spec: RequestSpec, exchange: Exchange): Failure[] {
    const failures: Failure[] = [];
    const status = exchange.answer?.status ?? 0;
    if (status >= 200 && status < 300 && exchange.json !== undefined) {
      const found = this.writeOnly.filter((field) => holdsKey(exchange.json, field, 0));
      for (const field of found)
        failures.push({ rule: check.write_only_hidden, message: `the answer carries ${field}, which the document marks writeOnly (never returned)` });
    }
    // A request with wrong credentials or a hand-made body says nothing of what the server holds.
    if ((spec.auth ?? "valid") !== "valid" || spec.raw) return failures;
    failures.push(...this.holdings.judge(operation, spec.params, spec.body, exchange));
    return failures;
  }

  /** Throws Broke unless the answer's status is one of `expected`. */
  expect(exchange: Exchange, expected: number[], rule: CheckName, what: string): void {
    const status = exchange.answer?.status;
    if ((status !== undefined && expected.includes(status)) || !this.checks.has(rule)) return;
    throw new Broke(exchange, [{ rule, message: `${what}: expected ${expected.join(" or ")}, got ${status ?? "no answer"}` }]);
  }

  /** Throws Broke for `rule` (unless the run does not apply it); `also` are failures of the same answer. */
  fail(exchange: Exchange, rule: CheckName, message: string, also: Failure[] = []): void {
    const failures = [...(this.checks.has(rule) ? [{ rule, message }] : []), ...also];
    if (failures.length) throw new Broke(exchange, failures);
  }

  /**
   * Creates a resource the case needs, under `params`. A 409 where the document declares it is
   * taken as a name an earlier run left behind (a database outlives a run), and the create is
   * sent again with the free-text fields varied, so that leftovers never fail a run.
   */
  async create(resource: Resource, params: Record<string, string>, body: unknown): Promise<{ exchange: Exchange; body: unknown }> {
    let sent = body;
    let exchange = await this.sendLeniently(resource.creator, { params, body: sent });
    const schema = requestContent(resource.creator)?.schema;
    for (let tries = 0; tries < 3 && schema && exchange.answer?.status === 409 && declaredCodes(resource.creator).includes(409); tries++) {
      sent = untakenVariant(sent, schema, this.random);
      exchange = await this.sendLeniently(resource.creator, { params, body: sent });
    }
    return { exchange, body: sent };
  }

  /** Anything a creator answered with an id is deleted at the end, whichever case made it. */
  private remember(operation: HttpOperation, spec: RequestSpec, exchange: Exchange): void {
    const status = exchange.answer?.status ?? 0;
    if (status < 200 || status >= 300) return;
    for (const resource of this.model.resources.values()) {
      if (resource.creator !== operation) continue;
      const id = createdId(resource, exchange);
      if (id !== undefined) this.created.push({ resource, params: { ...spec.params, [resource.param]: id } });
    }
  }

  /** The path parameters of `operation` from the fixtures; Skip when one is missing. */
  ids(operation: HttpOperation, given: Record<string, string> = {}): Record<string, string> {
    const params: Record<string, string> = {};
    for (const name of pathParams(operation)) {
      if (given[name] !== undefined) continue;
      const fixture = this.fixtures.get(name);
      if (fixture) {
        Object.assign(params, fixture.params);
        continue;
      }
      const resource = this.model.resources.get(name);
      if (!resource) {
        const parameter = operation.request?.path?.find((one) => one.name === name);
        const example = parameter?.examples?.[0]?.value ?? (parameter?.schema && schemaExamples(parameter.schema)[0]);
        if (example === undefined) throw new Skip(`needs a ${name}, and no operation creates one`);
        params[name] = String(example);
        continue;
      }
      throw new Skip(`needs a ${name}: ${this.missing.get(name) ?? `${operationName(resource.creator)} has not created one`}`);
    }
    return params;
  }

  /** A valid body for `operation`, new under the seed each call (so creates do not collide). */
  body(operation: HttpOperation, style: TextStyle = "ascii", optional: "all" | "required" = "all"): unknown {
    const schema = requestContent(operation)?.schema;
    if (!schema) return undefined;
    const value = validValue(schema, this.random, style, optional);
    if (value === undefined) throw new Skip("no valid body can be generated from the schema, and it has no example");
    return this.withPhone(value, schema);
  }

  /** `--phone` replaces the generated phone numbers, so PINs go to a number the tester can read. */
  withPhone(value: unknown, schema: JsonSchema | undefined): unknown {
    if (!this.phone || !schema?.properties || typeof value !== "object" || value === null) return value;
    const out = { ...(value as Record<string, unknown>) };
    for (const name of Object.keys(schema.properties)) if (/phone/i.test(name) && name in out) out[name] = this.phone;
    return out;
  }

  /** The fixture of a resource; Skip when its creator could not make one. */
  fixture(param: string): Fixture {
    const found = this.fixtures.get(param);
    if (found) return found;
    throw new Skip(`needs a ${param}: ${this.missing.get(param) ?? "no operation created one"}`);
  }

  /** A new resource of `resource`'s kind, under the fixtures of its parents (or `parents`), for a case of its own. */
  async fresh(resource: Resource, parents: Record<string, string> = {}, body: unknown = this.body(resource.creator)): Promise<Record<string, string>> {
    // Its creator's first case already failed: the cases that need one say so, as with a fixture.
    const failed = this.missing.get(resource.param);
    if (failed !== undefined && !this.fixtures.has(resource.param)) throw new Skip(`needs a ${resource.param}: ${failed}`);
    const params = { ...this.ids(resource.creator, parents), ...parents };
    // What the create answered is judged by the creator's own cases; here only its id counts.
    const { exchange } = await this.create(resource, params, body);
    const id = createdId(resource, exchange);
    if (id === undefined) {
      const why = exchange.answer ? `got ${exchange.answer.status}` : exchange.failures[0]?.message;
      throw new Broke(exchange, [{ rule: check.positive_data_acceptance, message: `creating a ${resource.param} for this case failed: ${why}` }]);
    }
    return { ...params, [resource.param]: id };
  }

  /**
   * The path parameters for `operation`, with a fresh resource for the last one when the
   * operation destroys it, or starts a two-factor authentication (starts are spread over
   * fresh users: SMS gateways limit starts per user).
   */
  async idsFor(operation: HttpOperation): Promise<Record<string, string>> {
    const last = pathParams(operation).at(-1);
    const resource = last === undefined ? undefined : this.model.resources.get(last);
    const destroys = operation.method.toLowerCase() === "delete" && resource?.deleter === operation;
    const starts = this.model.twoFactor?.start === operation;
    return resource && (destroys || starts) ? this.fresh(resource) : this.ids(operation);
  }

  /**
   * The PIN last sent for `params` (a verify's path parameters), from --pin-command: it gets the
   * phone number the user was created with, and every path parameter, in its environment.
   */
  async readPin(read: (env: Record<string, string>) => Promise<string>, verify: HttpOperation, params: Record<string, string>): Promise<string> {
    const userParam = pathParams(verify).at(-1);
    const sent = this.holdings.get(userParam ?? "", userParam === undefined ? undefined : params[userParam])?.sent ?? {};
    const phone = Object.entries(sent).find(([name]) => /phone/i.test(name))?.[1];
    const env: Record<string, string> = { ...(typeof phone === "string" && { VERIGATOR_PHONE: phone }) };
    for (const [name, value] of Object.entries(params)) env[`VERIGATOR_${name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`] = value;
    try {
      return await read(env);
    } catch (error) {
      throw new Broke(this.last!, [{ rule: check.pin_command, message: `--pin-command failed: ${error instanceof Error ? error.message : error}` }]);
    }
  }

  /** An id no resource has: a UUID from the seed. */
  unknownId(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

/** Whether a parsed answer holds `key` at any depth (bounded: the sender already refused deeper JSON). */
function holdsKey(value: unknown, key: string, depth: number): boolean {
  if (typeof value !== "object" || value === null || depth > 64) return false;
  if (!Array.isArray(value) && Object.hasOwn(value, key)) return true;
  return Object.values(value).some((inner) => holdsKey(inner, key, depth + 1));
}
