// What the cases share while a run goes on: the sender, the seed's random values, the
// resources created (fixtures other cases stand on, and everything to delete at the end), the
// statuses seen per operation (for the coverage line), and the two ways a case ends early —
// Skip (it cannot run, with why) and Broke (an answer broke a rule).
import type { Exchange, Failure, RequestSpec, Sender } from "./exchange.ts";
import { operationName } from "./exchange.ts";
import type { Model, Resource } from "./model.ts";
import { pathParams, requestContent } from "./model.ts";
import type { HttpOperation, JsonSchema } from "./prism.ts";
import type { Random, TextStyle } from "./values.ts";
import { schemaExamples, validValue } from "./values.ts";

export class Skip extends Error {}

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

export class Context {
  /** The fixture of each resource: created once by its creator's first positive case. */
  readonly fixtures = new Map<string, Fixture>();
  /** Why a fixture is missing, for the cases that need it. */
  readonly missing = new Map<string, string>();
  readonly created: Created[] = [];
  readonly seen = new Map<string, Set<number>>();
  /** The last exchange of the running case, shown when it fails. */
  last: Exchange | undefined;

  constructor(
    readonly model: Model,
    readonly sender: Sender,
    readonly random: Random,
    readonly phone: string | undefined,
  ) {}

  /** Sends and records, and throws Broke when the answer breaks a rule every answer is held to. */
  async send(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    const exchange = await this.sendLeniently(operation, spec);
    if (exchange.failures.length) throw new Broke(exchange, exchange.failures);
    return exchange;
  }

  /** Sends and records, whatever the answer; the caller judges it. */
  async sendLeniently(operation: HttpOperation, spec: RequestSpec): Promise<Exchange> {
    const exchange = await this.sender.send(operation, spec);
    this.last = exchange;
    if (exchange.answer) {
      const name = operationName(operation);
      if (!this.seen.has(name)) this.seen.set(name, new Set());
      this.seen.get(name)!.add(exchange.answer.status);
      this.remember(operation, spec, exchange);
    }
    return exchange;
  }

  /** Throws Broke unless the answer's status is one of `expected`. */
  expect(exchange: Exchange, expected: number[], rule: string, what: string): void {
    const status = exchange.answer?.status;
    if (status !== undefined && expected.includes(status)) return;
    throw new Broke(exchange, [{ rule, message: `${what}: expected ${expected.join(" or ")}, got ${status ?? "no answer"}` }]);
  }

  fail(exchange: Exchange, rule: string, message: string): never {
    throw new Broke(exchange, [{ rule, message }]);
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
  async fresh(resource: Resource, parents: Record<string, string> = {}): Promise<Record<string, string>> {
    const params = { ...this.ids(resource.creator, parents), ...parents };
    // What the create answered is judged by the creator's own cases; here only its id counts.
    const exchange = await this.sendLeniently(resource.creator, { params, body: this.body(resource.creator) });
    const id = createdId(resource, exchange);
    if (id === undefined) {
      const why = exchange.answer ? `got ${exchange.answer.status}` : exchange.failures[0]?.message;
      throw new Broke(exchange, [{ rule: "positive_data_acceptance", message: `creating a ${resource.param} for this case failed: ${why}` }]);
    }
    return { ...params, [resource.param]: id };
  }

  /** The path parameters for `operation`, with a fresh resource for the last one when the operation destroys it. */
  async idsFor(operation: HttpOperation): Promise<Record<string, string>> {
    if (operation.method.toLowerCase() !== "delete") return this.ids(operation);
    const last = pathParams(operation).at(-1);
    const resource = last === undefined ? undefined : this.model.resources.get(last);
    return resource?.deleter === operation ? this.fresh(resource) : this.ids(operation);
  }

  /** An id no resource has: a UUID from the seed. */
  unknownId(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}
