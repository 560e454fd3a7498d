// A run of the suite while it goes on, and its one send path: every request goes out through
// `send`, which waits out a declared 429, reads the PIN after a start when asked, runs every
// selected check on the exchange (checks.ts), updates the model with what it did, and — after a
// create or a delete that succeeded — reads back everything the model can predict: the resource
// and its parent's list after a create; the resource, its parent's list and its children after a
// delete. Any failure ends the case (Broke), with the exchange that showed it. What cases stand
// on (fixtures, fresh resources, ids, bodies) is here too.
import { parseRetryAfter } from "../retry-policy.ts";
import { sleep } from "../sleep.ts";
import type { CheckName, Failure } from "./checks.ts";
import { runChecks } from "./checks.ts";
import type { Exchange, Intent, ReceivedAnswer, RequestSpec, SentRequest } from "./exchange.ts";
import { succeeded } from "./exchange.ts";
import type { Held } from "./model.ts";
import { Model } from "./model.ts";
import type { HttpOperation, JsonSchema, Prism } from "./prism.ts";
import type { Resource, ResourceTree } from "./resource-tree.ts";
import { authHeader, createdBy, declaredCodes, operationName, parentOf, pathParams, record, requestContent } from "./resource-tree.ts";
import type { SequenceStep } from "./results.ts";
import type { Sender } from "./sender.ts";
import type { Random, TextStyle } from "./values.ts";
import { schemaExamples, untakenVariant, validValue } from "./values.ts";

/** The case cannot run, and why. */
export class Skip extends Error {}

/** The run was cancelled (SIGINT, SIGTERM, an aborted signal): no more requests. */
export class Cancelled extends Error {}

/** What a failure shows of the exchange that broke a check: the request, the server's own answer, a curl. */
export interface Shown {
  request: SentRequest;
  answer?: ReceivedAnswer;
  curl: string;
}

/** An exchange broke a check: the case fails with it. */
export class Broke extends Error {
  constructor(
    readonly shown: Shown,
    readonly failures: Failure[],
    /** For a sequence: every step up to the one that broke a check. */
    readonly steps?: SequenceStep[],
  ) {
    super(failures[0]?.message ?? "a check failed");
  }

  /** A failure of this exchange. */
  static of(exchange: Exchange, failures: Failure[]): Broke {
    return new Broke({ request: exchange.request, ...(exchange.answer && { answer: exchange.answer.shown }), curl: exchange.curl }, failures);
  }
}

/** The target cannot be checked: refused credentials, or not a Verigator server at all. Said in one line. */
export class TargetRefused extends Error {}

/** How a run waits out a declared 429: each wait at most this long, all of them at most `rateLimitBudgetMs`. */
export const rateLimitWaitMs = 5_000;
const rateLimitBudgetMs = 30_000;
const rateLimitTries = 3;
/** A create is sent again this often with its free-text fields varied when it meets a declared 409 (a name an earlier run left). */
const leftoverTries = 3;

export interface Fixture {
  params: Record<string, string>;
  body: unknown;
  answer: unknown;
}

export interface RunSettings {
  /** The phone number the suite's users get, when given (--phone). */
  phone: string | undefined;
  /** The checks this run applies (selected once, in checks.ts). */
  checks: ReadonlySet<CheckName>;
  /** Reads back what the model can predict after every write (off for a server that keeps no state). */
  readBack: boolean;
  /** Wrong PINs a verification takes before it answers throttled. */
  maxWrongPins: number | undefined;
  /** Prints the PIN last sent (--pin-command), given the phone number and the path parameters. */
  readPin: ((env: Record<string, string>) => Promise<string>) | undefined;
  signal?: AbortSignal | undefined;
}

/** What `send` is asked beyond the request: read the PIN after a start. */
export interface SendOptions {
  readPin?: boolean;
}

export class Run {
  /** The fixture of each resource: created once by its creator's first positive case. */
  readonly fixtures = new Map<string, Fixture>();
  /** Why a fixture is missing, for the cases that need it. */
  readonly missing = new Map<string, string>();
  /** Everything a create answered with an id, to delete at the end. */
  readonly created: { resource: Resource; params: Record<string, string> }[] = [];
  /** Statuses seen per operation, for the coverage line. */
  readonly seen = new Map<string, Set<number>>();
  /** What the run noted and did not fail (how a server takes JSON under another type, …). */
  readonly notes: string[] = [];
  /** What the server should hold: every exchange is judged against it, then updates it. */
  readonly model: Model;
  /** The last exchange sent, for a failure that has none of its own. */
  last: Exchange | undefined;
  /** Called with every exchange, follow-up reads included (a sequence records its steps). */
  onExchange: ((exchange: Exchange, failures: Failure[], readBack: string | undefined) => void) | undefined;
  /** Declared 429s met (and waited out) so far. */
  rateLimited = 0;
  /** Reads sent after a write to check what the server holds (timings.readBacks). */
  readBacks = 0;
  private rateLimitWaitedMs = 0;

  constructor(
    readonly tree: ResourceTree,
    readonly sender: Sender,
    private readonly prism: Prism,
    readonly random: Random,
    readonly settings: RunSettings,
  ) {
    this.model = new Model(tree);
  }

  /**
   * Sends a request, judges it by every selected check, updates the model, and reads back what
   * the model can predict after a write. Throws Broke for the first exchange that broke a check;
   * Skip when a declared 429 outlasted its bounds (it was not acted on: no failure).
   */
  async send(operation: HttpOperation, spec: RequestSpec, options: SendOptions = {}): Promise<Exchange> {
    const { exchange, failures } = await this.exchange(operation, spec, options);
    if (failures.length) throw Broke.of(exchange, failures);
    await this.readBack(exchange);
    return exchange;
  }

  /** One request, its 429s waited out, judged and applied to the model; its failures returned, not thrown. */
  private async exchange(
    operation: HttpOperation,
    spec: RequestSpec,
    options: SendOptions,
    readBack?: string,
  ): Promise<{ exchange: Exchange; failures: Failure[] }> {
    const started = performance.now();
    let exchange = await this.sendOnce(operation, spec);
    const limited = declaredCodes(operation).includes(429);
    for (let tries = 0; limited && exchange.answer?.status === 429; tries++) {
      this.rateLimited++;
      const wait = Math.min(parseRetryAfter(exchange.answer.headers["retry-after"] ?? null) ?? 1000, rateLimitWaitMs);
      if (tries >= rateLimitTries || this.rateLimitWaitedMs + wait > rateLimitBudgetMs) {
        throw new Skip(
          `rate limited: ${operationName(operation)} answered the declared 429 ${tries + 1} times (waits are bounded: ${rateLimitWaitMs} ms each, ${rateLimitBudgetMs} ms in all)`,
        );
      }
      this.rateLimitWaitedMs += wait;
      await sleep(wait);
      exchange = await this.sendOnce(operation, spec);
    }
    if (options.readPin && succeeded(exchange)) exchange = { ...exchange, pin: await this.pinOf(operation, spec.params) };
    const failures = runChecks(this.settings.checks, exchange, { tree: this.tree, model: this.model, maxWrongPins: this.settings.maxWrongPins }, this.prism);
    if (failures.length) this.model.dispute(exchange);
    this.model.apply(exchange);
    this.remember(exchange);
    this.sender.stats.durationsMs.push(performance.now() - started);
    this.onExchange?.(exchange, failures, readBack);
    return { exchange, failures };
  }

  private async sendOnce(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    if (this.settings.signal?.aborted) throw new Cancelled("the run was cancelled");
    const exchange = await this.sender.send(operation, spec);
    this.last = exchange;
    const status = exchange.answer?.status;
    if (status !== undefined) {
      const name = operationName(operation);
      if (!this.seen.has(name)) this.seen.set(name, new Set());
      this.seen.get(name)?.add(status);
    }
    return exchange;
  }

  /**
   * After a create or a delete that succeeded: every read and list the model can predict, each
   * judged as any exchange. A create: the resource, and its parent's list. A delete: the
   * resource (gone), its parent's list (without it), its children (gone with it).
   */
  private async readBack(write: Exchange): Promise<void> {
    if (!this.settings.readBack || !succeeded(write) || (write.spec.auth ?? "valid") !== "valid") return;
    const { operation, spec } = write;
    const creates = createdBy(this.tree, operation);
    const id = creates ? record(write.answer?.json)[creates.idField] : undefined;
    const named = operation.method.toLowerCase() === "delete" ? this.model.named(operation, spec.params) : undefined;
    const target: Held | undefined = creates ? this.model.get(creates.param, id === undefined ? undefined : String(id)) : named?.own ? named.held : undefined;
    if (!target || (creates && target.gone) || (!creates && target.resource.deleter !== operation)) return;
    const after = `${operationName(operation)} ${target.resource.param} ${target.id}`;
    const reads: [HttpOperation, Record<string, string>][] = [];
    if (target.resource.reader) reads.push([target.resource.reader, target.params]);
    const parent = parentOf(this.tree, target.resource);
    if (target.resource.lister && (parent ? !this.model.get(parent.param, target.params[parent.param])?.gone : true)) {
      const { [target.resource.param]: _, ...parents } = target.params;
      if (parent || pathParams(target.resource.lister).length === 0) reads.push([target.resource.lister, parents]);
    }
    if (!creates)
      for (const child of this.model.heldUnder(target, true))
        if (child.gone === "with its parent" && child.resource.reader) reads.push([child.resource.reader, child.params]);
    for (const [read, params] of reads) {
      this.readBacks++;
      const { exchange, failures } = await this.exchange(read, { params }, {}, after);
      if (failures.length)
        throw Broke.of(
          exchange,
          failures.map((one) => ({ ...one, message: `read back after ${after}: ${one.message}` })),
        );
    }
  }

  /** The PIN last sent for a start's user, from --pin-command: it gets the user's phone number and every path parameter in its environment. */
  private async pinOf(start: HttpOperation, params: Record<string, string>): Promise<NonNullable<Exchange["pin"]>> {
    const read = this.settings.readPin;
    if (!read) throw new Skip("needs --pin-command to read the PIN sent");
    const userParam = pathParams(start).at(-1);
    const sent = this.model.get(userParam ?? "", userParam === undefined ? undefined : params[userParam])?.sent ?? {};
    const phone = Object.entries(sent).find(([name]) => /phone/i.test(name))?.[1];
    const env: Record<string, string> = { ...(typeof phone === "string" && { VERIGATOR_PHONE: phone }) };
    for (const [name, value] of Object.entries(params)) env[`VERIGATOR_${name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`] = value;
    try {
      return { read: await read(env) };
    } catch (error) {
      return { failed: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Before any case: a read without credentials and reads of two operations (of ids that do not
   * exist) with them. Both authorized reads answering 401 is a wrong --auth; no JSON in any answer
   * and no 401 without credentials is not a Verigator server at all (a page answering HTML 404s):
   * each said once, rather than every case blamed on the server.
   */
  async probeTarget(target: string): Promise<void> {
    const reads = this.tree.operations.filter((one) => authHeader(one) && one.method.toLowerCase() === "get").slice(0, 2);
    if (!reads.length) return;
    const probe = async (read: HttpOperation, auth: RequestSpec["auth"]) =>
      this.sender.send(read, { params: Object.fromEntries(pathParams(read).map((name) => [name, this.unknownId()])), auth, probe: true });
    const answers = [await probe(reads[0]!, "none"), ...(await Promise.all(reads.map((read) => probe(read, "valid"))))];
    const [anonymous, ...authorized] = answers;
    if (authorized.length === 2 && authorized.every((one) => one.answer?.status === 401)) {
      throw new TargetRefused("the server refused the credentials: authorized requests to two operations answered 401; check --auth (or VERIGATOR_AUTH)");
    }
    const json = answers.some((one) => one.answer?.json !== undefined);
    const guarded = anonymous?.answer?.status === 401 || anonymous?.answer?.status === 403;
    if (!json && !guarded && answers.every((one) => one.answer)) {
      const first = answers[0]?.answer;
      throw new TargetRefused(
        `${target} answers, but not as a Verigator server: ${anonymous?.request.method} ${anonymous?.request.path} answered ${first?.status} ${first?.headers["content-type"] ?? "(no content type)"} without credentials, and no answer was JSON; check --target (the server's base URL, without /v1)`,
      );
    }
  }

  /**
   * Creates a resource, under `params`: a valid create the case counts on. A declared 409 is taken
   * as a name an earlier run left behind (a database outlives a run), and the create is sent again
   * with its free-text fields varied, so that leftovers never fail a run. The first create of a
   * resource is the fixture other cases stand on — also when its answer broke a check, as long as
   * it made something: one defect must not hide the rest.
   */
  async create(
    resource: Resource,
    params: Record<string, string>,
    body: unknown,
    what = `creating a ${resource.param}`,
  ): Promise<{ exchange: Exchange; body: unknown }> {
    let sent = body;
    const schema = requestContent(resource.creator)?.schema;
    for (let tries = 0; ; tries++) {
      const intent: Intent = { succeeds: what, ...(tries < leftoverTries && schema && { mayBeTaken: true }) };
      const { exchange, failures } = await this.exchange(resource.creator, { params, body: sent, intent }, {});
      const id = createdId(resource, exchange);
      if (id !== undefined && !this.fixtures.has(resource.param)) {
        this.fixtures.set(resource.param, { params: { ...params, [resource.param]: id }, body: sent, answer: exchange.answer?.json });
      }
      if (failures.length) throw Broke.of(exchange, failures);
      if (intent.mayBeTaken && exchange.answer?.status === 409 && schema) {
        sent = untakenVariant(sent, schema, this.random);
        continue;
      }
      await this.readBack(exchange);
      return { exchange, body: sent };
    }
  }

  /** Anything a creator answered with an id is deleted at the end, whichever case made it. */
  private remember(exchange: Exchange): void {
    const creates = createdBy(this.tree, exchange.operation);
    const id = creates && createdId(creates, exchange);
    if (creates && id !== undefined) this.created.push({ resource: creates, params: { ...exchange.spec.params, [creates.param]: id } });
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
      const resource = this.tree.resources.get(name);
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
    if (!this.settings.phone || !schema?.properties || typeof value !== "object" || value === null) return value;
    const out = { ...record(value) };
    for (const name of Object.keys(schema.properties)) if (/phone/i.test(name) && name in out) out[name] = this.settings.phone;
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
    const { exchange } = await this.create(resource, params, body, `creating a ${resource.param} for this case`);
    const id = createdId(resource, exchange);
    if (id === undefined) throw Broke.of(exchange, [{ rule: "response_schema_conformance", message: `the create answered no ${resource.idField}` }]);
    return { ...params, [resource.param]: id };
  }

  /** Fresh parents for a resource (none for a top-level one), so that what it lists is only what the case made. */
  async freshParents(resource: Resource): Promise<Record<string, string>> {
    const parent = parentOf(this.tree, resource);
    return parent ? this.fresh(parent) : this.ids(resource.creator);
  }

  /**
   * The path parameters for `operation`, with a fresh resource for the last one when the
   * operation destroys it, or starts a two-factor authentication (starts are spread over
   * fresh users: SMS gateways limit starts per user).
   */
  async idsFor(operation: HttpOperation): Promise<Record<string, string>> {
    const last = pathParams(operation).at(-1);
    const resource = last === undefined ? undefined : this.tree.resources.get(last);
    const destroys = operation.method.toLowerCase() === "delete" && resource?.deleter === operation;
    const starts = this.tree.twoFactor?.start === operation;
    return resource && (destroys || starts) ? this.fresh(resource) : this.ids(operation);
  }

  /** The PIN --pin-command read for the user an operation's params name, as the model holds it. */
  pinSent(operation: HttpOperation, params: Record<string, string>): string | undefined {
    const name = pathParams(operation).at(-1);
    const user = name === undefined ? undefined : this.model.get(name, params[name]);
    return user && this.model.pin(user).pending?.pin;
  }

  /** Skips the case (before it sends anything) when no --pin-command can read the PIN sent. */
  needPin(): void {
    if (!this.settings.readPin) throw new Skip("needs --pin-command to read the PIN sent");
  }

  /** An id no resource has: a UUID from the seed, which the model knows to be made up. */
  unknownId(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16)).join("");
    return this.model.madeUpId(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`);
  }
}

/** The id a create answered with, when it succeeded (any 2xx) and named one. */
export function createdId(resource: Resource, exchange: Exchange): string | undefined {
  const id = record(exchange.answer?.json)[resource.idField];
  return succeeded(exchange) && (typeof id === "string" || typeof id === "number") ? String(id) : undefined;
}
