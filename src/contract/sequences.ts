// Random sequences of operations, checked step by step against the model and the document,
// and shrunk to the shortest sequence that still fails: fast-check's model-based testing
// (`fc.commands` + `fc.asyncModelRun`) generates and shrinks; the commands are derived from
// the resource tree (create, read — also under another parent —, list, delete, and the
// two-factor start and verify), so a new resource in the document gets its commands by being
// there. Each sequence makes its own parents, and deletes what it made when it ends.

import * as fc from "fast-check";
import type { Case } from "./case-helpers.ts";
import { record } from "./case-helpers.ts";
import { check } from "./checks.ts";
import type { Context } from "./context.ts";
import { Broke, createdId, Skip } from "./context.ts";
import type { Exchange, Failure, RequestSpec } from "./exchange.ts";
import { operationName } from "./exchange.ts";
import type { Model, Resource } from "./model.ts";
import { declaredCodes, pathParams, requestContent, successCodes } from "./model.ts";
import { parentOf } from "./model-cases.ts";
import type { HttpOperation } from "./prism.ts";
import type { SequenceStep } from "./results.ts";
import type { TextStyle } from "./values.ts";
import { seededRandom, validValue } from "./values.ts";

/** A resource a sequence made: its path parameters, and whether it still stands. */
interface Made {
  resource: Resource;
  params: Record<string, string>;
  alive: boolean;
}

interface World {
  made: Made[];
}

interface Real {
  context: Context;
  steps: SequenceStep[];
}

type Command = fc.AsyncCommand<World, Real>;

const styles: TextStyle[] = ["ascii", "tricky", "non-ascii", "shortest", "long"];

/** A failing step: the rules its answer broke. */
class StepFailed extends Error {
  constructor(readonly failures: Failure[]) {
    super(failures[0]?.message ?? "a rule was broken");
  }
}

const alive = (world: World, resource: Resource) => world.made.filter((one) => one.resource === resource && one.alive);
const ofKind = (world: World, resource: Resource) => world.made.filter((one) => one.resource === resource);
const pick = <T>(items: T[], at: number): T | undefined => (items.length ? items[at % items.length] : undefined);

/** Sends one step, records it, and throws StepFailed when the answer breaks a rule or is not among `expected`. */
async function step(real: Real, action: string, operation: HttpOperation, spec: RequestSpec, expected?: number[]): Promise<Exchange> {
  let exchange: Exchange;
  try {
    exchange = await real.context.sendLeniently(operation, spec);
  } catch (error) {
    // A declared 429 past its bounds: the step did nothing, which is no failure.
    if (error instanceof Skip) return real.context.last!;
    throw error;
  }
  const failures = [...exchange.failures];
  const status = exchange.answer?.status;
  if (expected && status !== undefined && !expected.includes(status) && real.context.checks.has(check.positive_data_acceptance)) {
    failures.push({ rule: check.positive_data_acceptance, message: `${action}: expected ${expected.join(" or ")}, got ${status}` });
  }
  real.steps.push({ action, request: exchange.request, ...(exchange.answer && { answer: exchange.answer }), curl: exchange.curl, failures });
  if (failures.length) throw new StepFailed(failures);
  return exchange;
}

const label = (world: World, made: Made) => `${made.resource.param} #${ofKind(world, made.resource).indexOf(made) + 1}`;

function commandsFor(model: Model): fc.Arbitrary<Command>[] {
  const arbitraries: fc.Arbitrary<Command>[] = [];
  for (const resource of model.resources.values()) {
    const parent = parentOf(model, resource);
    const { creator, reader, lister, deleter } = resource;
    const schema = requestContent(creator)?.schema;
    arbitraries.push(
      fc.record({ under: fc.nat(), seed: fc.nat(), style: fc.constantFrom(...styles) }).map(
        ({ under, seed, style }): Command => ({
          check: (world) => !parent || alive(world, parent).length > 0,
          async run(world, real) {
            const parentMade = parent ? pick(alive(world, parent), under) : undefined;
            const params = parentMade ? { ...parentMade.params } : {};
            const value = schema ? validValue(schema, seededRandom(seed), style, "all") : undefined;
            const body = real.context.withPhone(value, schema);
            const action = `${operationName(creator)}${parentMade ? ` under ${label(world, parentMade)}` : ""} (${style} text)`;
            const made: Made = { resource, params, alive: false };
            world.made.push(made);
            const { exchange } = await real.context.create(resource, params, body);
            real.steps.push({
              action: `${action} → ${resource.param} #${ofKind(world, resource).length}`,
              request: exchange.request,
              ...(exchange.answer && { answer: exchange.answer }),
              curl: exchange.curl,
              failures: exchange.failures,
            });
            const id = createdId(resource, exchange);
            if (exchange.failures.length) throw new StepFailed(exchange.failures);
            if (id === undefined)
              throw new StepFailed([{ rule: check.positive_data_acceptance, message: `${action}: expected a 2xx with an ${resource.idField}` }]);
            made.params = { ...params, [resource.param]: id };
            made.alive = true;
          },
          toString: () => `${operationName(creator)}(${style})`,
        }),
      ),
    );
    if (reader) {
      arbitraries.push(
        fc.record({ which: fc.nat(), elsewhere: fc.boolean(), other: fc.nat() }).map(
          ({ which, elsewhere, other }): Command => ({
            check: (world) => ofKind(world, resource).some((one) => one.params[resource.param] !== undefined),
            async run(world, real) {
              const made = pick(
                ofKind(world, resource).filter((one) => one.params[resource.param] !== undefined),
                which,
              )!;
              // Under another parent, when there is one: the model expects 404 there.
              const foreign =
                elsewhere && parent
                  ? pick(
                      alive(world, parent).filter((one) => one.params[parent.param] !== made.params[parent.param]),
                      other,
                    )
                  : undefined;
              const params = foreign ? { ...made.params, [parent!.param]: foreign.params[parent!.param]! } : made.params;
              const own =
                !foreign &&
                made.alive &&
                (!parent || world.made.some((one) => one.resource === parent && one.alive && one.params[parent.param] === made.params[parent.param]));
              await step(
                real,
                `${operationName(reader)} ${label(world, made)}${foreign ? ` under ${label(world, foreign)}` : ""}`,
                reader,
                { params },
                own ? successCodes(reader) : undefined,
              );
            },
            toString: () => `${operationName(reader)}(${which}${elsewhere ? ", elsewhere" : ""})`,
          }),
        ),
      );
    }
    if (lister && parent) {
      arbitraries.push(
        fc.nat().map(
          (under): Command => ({
            check: (world) => alive(world, parent).length > 0,
            async run(world, real) {
              const parentMade = pick(alive(world, parent), under)!;
              await step(real, `${operationName(lister)} of ${label(world, parentMade)}`, lister, { params: parentMade.params }, successCodes(lister));
            },
            toString: () => `${operationName(lister)}(${under})`,
          }),
        ),
      );
    }
    if (deleter) {
      const children = [...model.resources.values()].filter((one) => parentOf(model, one) === resource);
      arbitraries.push(
        fc.nat().map(
          (which): Command => ({
            check: (world) => alive(world, resource).length > 0,
            async run(world, real) {
              const made = pick(alive(world, resource), which)!;
              const hasChildren = children.some((child) => alive(world, child).some((one) => one.params[resource.param] === made.params[resource.param]));
              const refusal = hasChildren && declaredCodes(deleter).includes(409) ? [409] : [];
              const exchange = await step(real, `${operationName(deleter)} ${label(world, made)}`, deleter, { params: made.params }, [
                ...successCodes(deleter),
                ...refusal,
              ]);
              const status = exchange.answer?.status ?? 0;
              if (status < 200 || status >= 300) return;
              made.alive = false;
              for (const one of world.made) if (one.params[resource.param] === made.params[resource.param]) one.alive = false;
            },
            toString: () => `${operationName(deleter)}(${which})`,
          }),
        ),
      );
    }
  }
  const pair = model.twoFactor;
  const user = pair && model.resources.get(pathParams(pair.verify).at(-1) ?? "");
  if (pair && user) {
    arbitraries.push(
      fc.record({ which: fc.nat(), verify: fc.boolean() }).map(
        ({ which, verify }): Command => ({
          check: (world) => alive(world, user).length > 0,
          async run(world, real) {
            const made = pick(alive(world, user), which)!;
            const operation = verify ? pair.verify : pair.start;
            const body = verify
              ? { ...record(real.context.body(pair.verify, "ascii", "required")), [pair.tokenField]: "not-a-pin" }
              : { ...record(real.context.body(pair.start)), [pair.methodField]: "sms" };
            const exchange = await step(
              real,
              `${operationName(operation)} for ${label(world, made)}`,
              operation,
              { params: made.params, body },
              successCodes(operation),
            );
            if (verify && record(exchange.json).verified === true) {
              real.steps.at(-1)!.failures.push({ rule: check.two_factor_pin, message: "a made-up PIN answered verified true" });
              throw new StepFailed(real.steps.at(-1)!.failures);
            }
          },
          toString: () => `${operationName(verify ? pair.verify : pair.start)}(${which})`,
        }),
      ),
    );
  }
  return arbitraries;
}

/** Deletes what one sequence made, children first; what is left is deleted by the run's cleanup. */
async function tidy(world: World, context: Context): Promise<void> {
  for (const made of [...world.made].reverse()) {
    if (!made.alive || !made.resource.deleter) continue;
    await context.sender.send(made.resource.deleter, { params: made.params });
  }
}

/** The case that runs `runs` random sequences under `seed`, and on a failure reports the shortest one that still fails. */
export function sequenceCase(model: Model, { runs, seed }: { runs: number; seed: number }): Case {
  return {
    operation: "sequences",
    family: "sequence",
    name: `sequences: ${runs} random sequences of operations hold to the model`,
    async run(context) {
      const arbitraries = commandsFor(model);
      if (!arbitraries.length) throw new Skip("the document has no resource to make sequences of");
      let lastFailure: { steps: SequenceStep[]; failures: Failure[] } | undefined;
      const property = fc.asyncProperty(fc.commands(arbitraries, { maxCommands: 12 }), async (commands) => {
        const world: World = { made: [] };
        const real: Real = { context, steps: [] };
        try {
          await fc.asyncModelRun(() => ({ model: world, real }), commands);
        } catch (error) {
          if (error instanceof StepFailed) lastFailure = { steps: real.steps, failures: error.failures };
          throw error;
        } finally {
          await tidy(world, context);
        }
      });
      // Shrinking re-runs sequences against the server: bounded in time, as everything here.
      const result = await fc.check(property, { seed, numRuns: runs, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: false });
      if (!result.failed) return;
      if (!lastFailure) throw result.errorInstance ?? new Error("a sequence failed");
      const last = lastFailure.steps.at(-1)!;
      const exchange: Exchange = {
        operation: "sequences",
        request: last.request,
        ...(last.answer && { answer: last.answer }),
        failures: lastFailure.failures,
        curl: last.curl,
      };
      throw new Broke(exchange, lastFailure.failures, lastFailure.steps);
    },
  };
}
