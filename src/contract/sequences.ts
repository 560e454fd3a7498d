// Random sequences of operations, each step judged by the checks against the model, and shrunk
// to the shortest sequence that still fails: fast-check's model-based testing (`fc.commands` +
// `fc.asyncModelRun`), one class per command, as fast-check's own examples write them. The
// commands are derived from the resource tree (create, read — also under another parent —,
// list, delete, and the two-factor start and verify), so a new resource in the document gets
// its commands by being there. What a sequence made (its fast-check model) is a list of what it
// created: which stands, and under what; the run's model knows what the server should hold.
// Each sequence makes its own parents, and deletes what it made when it ends.
import * as fc from "fast-check";
import type { Case } from "./case.ts";
import type { CheckName, Failure } from "./checks.ts";
import type { Exchange, RequestSpec } from "./exchange.ts";
import type { HttpOperation } from "./prism.ts";
import type { Resource, ResourceTree } from "./resource-tree.ts";
import { listedBy, operationName, parentOf, pathParams, record, requestContent } from "./resource-tree.ts";
import type { SequenceStep } from "./results.ts";
import type { Run } from "./run.ts";
import { Broke, createdId, Skip } from "./run.ts";
import type { TextStyle } from "./values.ts";
import { seededRandom, validValue } from "./values.ts";

/** A resource a sequence made: its path parameters, and whether it still stands. */
interface Made {
  resource: Resource;
  params: Record<string, string>;
  alive: boolean;
}

/** What one sequence made, in order: the fast-check model its commands check their preconditions against. */
interface Sequence {
  made: Made[];
}

interface Real {
  run: Run;
  steps: SequenceStep[];
}

const styles: TextStyle[] = ["ascii", "tricky", "non-ascii", "shortest", "long"];

/** A failing step: the checks its exchange broke. */
class StepFailed extends Error {
  constructor(readonly failures: Failure[]) {
    super(failures[0]?.message ?? "a check failed");
  }
}

const alive = (sequence: Sequence, resource: Resource) => sequence.made.filter((one) => one.resource === resource && one.alive);
const ofKind = (sequence: Sequence, resource: Resource) => sequence.made.filter((one) => one.resource === resource);
const pick = <T>(items: T[], at: number): T | undefined => (items.length ? items[at % items.length] : undefined);
const label = (sequence: Sequence, made: Made) => `${made.resource.param} #${ofKind(sequence, made.resource).indexOf(made) + 1}`;

/**
 * Sends one step through the run (every exchange judged, what it writes read back), recording
 * each exchange as a step; throws StepFailed when one broke a check. A declared 429 past its
 * bounds did nothing: no failure.
 */
async function step(real: Real, sequence: Sequence, action: string, send: () => Promise<Exchange>): Promise<Exchange | undefined> {
  const before = real.steps.length;
  real.run.onExchange = (exchange, failures, readBack) => {
    real.steps.push({
      action: readBack ? `${readBackAction(real.run.tree, sequence, exchange)} (read back)` : action,
      request: exchange.request,
      ...(exchange.answer && { answer: exchange.answer.shown }),
      curl: exchange.curl,
      failures,
    });
  };
  try {
    return await send();
  } catch (error) {
    if (error instanceof Skip) return undefined;
    if (error instanceof Broke) throw new StepFailed(error.failures);
    throw error;
  } finally {
    real.run.onExchange = undefined;
    // Passing read-backs say nothing a person needs: a step is the command, and a read-back only when it failed.
    const recorded = real.steps.splice(before);
    real.steps.push(...recorded.filter((one, at) => at === 0 || one.failures.length > 0));
  }
}

/** How a read-back is named in a step, as the commands name theirs: `listUsers of ServiceId #1`, `getUser UserId #2`. */
function readBackAction(tree: ResourceTree, sequence: Sequence, exchange: Exchange): string {
  const last = pathParams(exchange.operation).at(-1);
  const made = sequence.made.find((one) => last !== undefined && one.resource.param === last && one.params[last] === exchange.spec.params[last]);
  const name = operationName(exchange.operation);
  if (!made) return `${name} ${exchange.request.path}`;
  return listedBy(tree, exchange.operation) ? `${name} of ${label(sequence, made)}` : `${name} ${label(sequence, made)}`;
}

class CreateCommand implements fc.AsyncCommand<Sequence, Real> {
  constructor(
    private readonly tree: ResourceTree,
    private readonly resource: Resource,
    private readonly under: number,
    private readonly seed: number,
    private readonly style: TextStyle,
  ) {}
  private get parent() {
    return parentOf(this.tree, this.resource);
  }
  check(sequence: Sequence) {
    return !this.parent || alive(sequence, this.parent).length > 0;
  }
  async run(sequence: Sequence, real: Real) {
    const { resource } = this;
    const parentMade = this.parent ? pick(alive(sequence, this.parent), this.under) : undefined;
    const params = parentMade ? { ...parentMade.params } : {};
    const schema = requestContent(resource.creator)?.schema;
    const value = schema ? validValue(schema, seededRandom(this.seed), this.style, "all") : undefined;
    const body = real.run.withPhone(value, schema);
    const made: Made = { resource, params, alive: false };
    sequence.made.push(made);
    const action = `${operationName(resource.creator)}${parentMade ? ` under ${label(sequence, parentMade)}` : ""} (${this.style} text) → ${label(sequence, made)}`;
    const created = await step(real, sequence, action, async () => (await real.run.create(resource, params, body)).exchange);
    const id = created && createdId(resource, created);
    if (id === undefined) return;
    made.params = { ...params, [resource.param]: id };
    made.alive = true;
  }
  toString() {
    return `${operationName(this.resource.creator)}(${this.style})`;
  }
}

class ReadCommand implements fc.AsyncCommand<Sequence, Real> {
  constructor(
    private readonly tree: ResourceTree,
    private readonly resource: Resource,
    private readonly reader: HttpOperation,
    private readonly which: number,
    private readonly elsewhere: boolean,
    private readonly other: number,
  ) {}
  check(sequence: Sequence) {
    return ofKind(sequence, this.resource).some((one) => one.params[this.resource.param] !== undefined);
  }
  async run(sequence: Sequence, real: Real) {
    const { resource } = this;
    const parent = parentOf(this.tree, resource);
    const made = pick(
      ofKind(sequence, resource).filter((one) => one.params[resource.param] !== undefined),
      this.which,
    )!;
    // Under another parent, when there is one: the model expects 404 there.
    const foreign =
      this.elsewhere && parent
        ? pick(
            alive(sequence, parent).filter((one) => one.params[parent.param] !== made.params[parent.param]),
            this.other,
          )
        : undefined;
    const params = foreign && parent ? { ...made.params, [parent.param]: foreign.params[parent.param]! } : made.params;
    const own =
      !foreign &&
      made.alive &&
      (!parent || sequence.made.some((one) => one.resource === parent && one.alive && one.params[parent.param] === made.params[parent.param]));
    const spec: RequestSpec = { params, ...(own && { intent: { succeeds: "reading what stands" } }) };
    await step(real, sequence, `${operationName(this.reader)} ${label(sequence, made)}${foreign ? ` under ${label(sequence, foreign)}` : ""}`, () =>
      real.run.send(this.reader, spec),
    );
  }
  toString() {
    return `${operationName(this.reader)}(${this.which}${this.elsewhere ? ", elsewhere" : ""})`;
  }
}

class ListCommand implements fc.AsyncCommand<Sequence, Real> {
  constructor(
    private readonly parent: Resource,
    private readonly lister: HttpOperation,
    private readonly under: number,
  ) {}
  check(sequence: Sequence) {
    return alive(sequence, this.parent).length > 0;
  }
  async run(sequence: Sequence, real: Real) {
    const parentMade = pick(alive(sequence, this.parent), this.under)!;
    await step(real, sequence, `${operationName(this.lister)} of ${label(sequence, parentMade)}`, () =>
      real.run.send(this.lister, { params: parentMade.params, intent: { succeeds: "listing" } }),
    );
  }
  toString() {
    return `${operationName(this.lister)}(${this.under})`;
  }
}

class DeleteCommand implements fc.AsyncCommand<Sequence, Real> {
  constructor(
    private readonly resource: Resource,
    private readonly deleter: HttpOperation,
    private readonly which: number,
  ) {}
  check(sequence: Sequence) {
    return alive(sequence, this.resource).length > 0;
  }
  async run(sequence: Sequence, real: Real) {
    const { resource } = this;
    const made = pick(alive(sequence, resource), this.which)!;
    // With children standing: refused (409) or all deleted, as the checks judge it; without, it must succeed.
    const children = sequence.made.filter((one) => one !== made && one.alive && one.params[resource.param] === made.params[resource.param]);
    const spec: RequestSpec = { params: made.params, ...(!children.length && { intent: { succeeds: "deleting what has nothing under it" } }) };
    const exchange = await step(real, sequence, `${operationName(this.deleter)} ${label(sequence, made)}`, () => real.run.send(this.deleter, spec));
    const status = exchange?.answer?.status ?? 0;
    if (status < 200 || status >= 300) return;
    for (const one of sequence.made) if (one.params[resource.param] === made.params[resource.param]) one.alive = false;
  }
  toString() {
    return `${operationName(this.deleter)}(${this.which})`;
  }
}

class TwoFactorCommand implements fc.AsyncCommand<Sequence, Real> {
  constructor(
    private readonly tree: ResourceTree,
    private readonly user: Resource,
    private readonly which: number,
    private readonly verify: boolean,
  ) {}
  check(sequence: Sequence) {
    return alive(sequence, this.user).length > 0;
  }
  async run(sequence: Sequence, real: Real) {
    const pair = this.tree.twoFactor!;
    const made = pick(alive(sequence, this.user), this.which)!;
    const operation = this.verify ? pair.verify : pair.start;
    const spec: RequestSpec = this.verify
      ? {
          params: made.params,
          body: { ...record(real.run.body(pair.verify, "ascii", "required")), [pair.tokenField]: "not-a-pin" },
          intent: { succeeds: "verifying", madeUpToken: true },
        }
      : {
          params: made.params,
          body: { ...record(real.run.body(pair.start)), [pair.methodField]: "sms" },
          intent: { succeeds: "starting an SMS authentication" },
        };
    await step(real, sequence, `${operationName(operation)} for ${label(sequence, made)}`, () => real.run.send(operation, spec));
  }
  toString() {
    return `${operationName(this.verify ? this.tree.twoFactor!.verify : this.tree.twoFactor!.start)}(${this.which})`;
  }
}

function commandsFor(tree: ResourceTree): fc.Arbitrary<fc.AsyncCommand<Sequence, Real>>[] {
  const arbitraries: fc.Arbitrary<fc.AsyncCommand<Sequence, Real>>[] = [];
  for (const resource of tree.resources.values()) {
    const parent = parentOf(tree, resource);
    const { reader, lister, deleter } = resource;
    const create = fc
      .record({ under: fc.nat(), seed: fc.nat(), style: fc.constantFrom(...styles) })
      .map(({ under, seed, style }) => new CreateCommand(tree, resource, under, seed, style));
    // Creates count twice: a command on what does not exist yet is skipped, and sequences should reach deep.
    arbitraries.push(create, create);
    if (reader) {
      arbitraries.push(
        fc
          .record({ which: fc.nat(), elsewhere: fc.boolean(), other: fc.nat() })
          .map(({ which, elsewhere, other }) => new ReadCommand(tree, resource, reader, which, elsewhere, other)),
      );
    }
    if (lister && parent) arbitraries.push(fc.nat().map((under) => new ListCommand(parent, lister, under)));
    if (deleter) arbitraries.push(fc.nat().map((which) => new DeleteCommand(resource, deleter, which)));
  }
  const pair = tree.twoFactor;
  const user = pair && tree.resources.get(pathParams(pair.verify).at(-1) ?? "");
  if (pair && user)
    arbitraries.push(fc.record({ which: fc.nat(), verify: fc.boolean() }).map(({ which, verify }) => new TwoFactorCommand(tree, user, which, verify)));
  return arbitraries;
}

/** Deletes what one sequence made, children first; what is left is deleted by the run's cleanup. */
async function tidy(sequence: Sequence, run: Run): Promise<void> {
  for (const made of [...sequence.made].reverse()) {
    if (!made.alive || !made.resource.deleter) continue;
    await run.sender.send(made.resource.deleter, { params: made.params });
  }
}

/** The checks sequences exist for: what lies between resources, and the two-factor rules. */
const sequenceChecks: CheckName[] = [
  "exact_list",
  "stored_values",
  "parent_scope",
  "use_after_free",
  "delete_with_children",
  "ensure_resource_availability",
  "delete_isolation",
  "two_factor_pin",
  "status_code_conformance",
  "response_schema_conformance",
];

/** The case that runs `runs` random sequences under `seed`, and on a failure reports the shortest one that still fails. */
export function sequenceCase(tree: ResourceTree, { runs, seed }: { runs: number; seed: number }): Case {
  return {
    operation: "sequences",
    family: "sequence",
    name: `sequences: ${runs} random sequences of operations hold to the model`,
    about: sequenceChecks,
    async run(run) {
      const arbitraries = commandsFor(tree);
      if (!arbitraries.length) throw new Skip("the document has no resource to make sequences of");
      let lastFailure: { steps: SequenceStep[]; failures: Failure[] } | undefined;
      const property = fc.asyncProperty(fc.commands(arbitraries, { maxCommands: 12 }), async (commands) => {
        const sequence: Sequence = { made: [] };
        const real: Real = { run, steps: [] };
        try {
          await fc.asyncModelRun(() => ({ model: sequence, real }), commands);
        } catch (error) {
          if (error instanceof StepFailed) lastFailure = { steps: real.steps, failures: error.failures };
          throw error;
        } finally {
          await tidy(sequence, run);
        }
      });
      // Shrinking re-runs sequences against the server: bounded in time, as everything here.
      const result = await fc.check(property, { seed, numRuns: runs, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: false });
      if (!result.failed) return;
      if (!lastFailure) throw result.errorInstance ?? new Error("a sequence failed");
      const last = lastFailure.steps.at(-1)!;
      throw new Broke({ request: last.request, ...(last.answer && { answer: last.answer }), curl: last.curl }, lastFailure.failures, lastFailure.steps);
    },
  };
}
