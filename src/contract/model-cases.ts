// The cases between resources, derived from the resource tree: stored values as sent, exact
// lists, a child reachable only under its own parent, uniqueness per parent, a delete that
// removes its target only; and the two-factor rules between users: a PIN verifies only its own
// user, a start leaves another user's PIN alone, wrong PINs are throttled. The cases make the
// sequences; the model (holdings.ts) judges every answer in them.

import type { Case, SuiteOptions } from "./case-helpers.ts";
import { expectSuccess, record } from "./case-helpers.ts";
import { check } from "./checks.ts";
import type { Context } from "./context.ts";
import { Skip } from "./context.ts";
import { operationName } from "./exchange.ts";
import type { Model, Resource } from "./model.ts";
import { pathParams, successCodes } from "./model.ts";
import type { HttpOperation } from "./prism.ts";
import type { TextStyle } from "./values.ts";

/** The resource a resource lives under: the one its path names before its own id. */
export function parentOf(model: Model, resource: Resource): Resource | undefined {
  const names = pathParams(resource.creator);
  return names.length ? model.resources.get(names.at(-1)!) : undefined;
}

/** The operations that name a resource by its id (reads, deletes, and what lies below it), but its create. */
export function operationsOn(model: Model, resource: Resource): HttpOperation[] {
  return model.operations.filter((one) => pathParams(one).includes(resource.param) && one !== resource.creator);
}

/** Fresh parents for a case of its own (none for a top-level resource), so that what it lists is only what it made. */
async function freshParents(context: Context, resource: Resource, parent: Resource | undefined): Promise<Record<string, string>> {
  return parent ? context.fresh(parent) : context.ids(resource.creator);
}

export function modelCases(model: Model, resource: Resource, options: SuiteOptions): Case[] {
  const { creator, reader, lister, deleter, param } = resource;
  const parent = parentOf(model, resource);
  const cases: Case[] = [];
  const add = (operation: HttpOperation, name: string, run: Case["run"]) =>
    cases.push({ operation: operationName(operation), family: "model", name: `model: ${name}`, run });

  if (reader) {
    add(creator, "what is stored is answered as sent (mixed case, non-ASCII, marks, emoji, quotes, 300 characters, shortest)", async (context) => {
      const styles: TextStyle[] = ["tricky", "non-ascii", "long", "shortest"];
      for (const style of styles) {
        const params = await context.fresh(resource, {}, context.body(creator, style));
        // Read twice: the values as sent, id and ctime as created, both times.
        for (let read = 0; read < 2; read++) expectSuccess(context, reader, await context.send(reader, { params }), "reading what was created");
      }
    });
  }

  if (lister && parent) {
    add(lister, `a list holds exactly the ${param}s of its parent: none missing, none of another, none deleted`, async (context) => {
      const mine = await freshParents(context, resource, parent);
      const other = await freshParents(context, resource, parent);
      const children = [];
      for (let i = 0; i < 4; i++) children.push(await context.fresh(resource, mine));
      await context.fresh(resource, other);
      if (deleter) expectSuccess(context, deleter, await context.send(deleter, { params: children[0]! }), "deleting one of them");
      for (const params of [mine, other]) expectSuccess(context, lister, await context.send(lister, { params }), "listing");
    });
  }

  if (parent) {
    const reachable = operationsOn(model, resource);
    add(creator, `a ${param} is reachable only under its own ${parent.param}: elsewhere 404, and nothing changes`, async (context) => {
      const mine = await freshParents(context, resource, parent);
      const other = await freshParents(context, resource, parent);
      const child = await context.fresh(resource, mine);
      const pair = model.twoFactor && reachable.includes(model.twoFactor.start) ? model.twoFactor : undefined;
      let pin: string | undefined;
      if (pair && options.readPin) {
        const startBody = { ...record(context.body(pair.start)), [pair.methodField]: "sms" };
        expectSuccess(context, pair.start, await context.send(pair.start, { params: child, body: startBody }), "starting an SMS authentication");
        pin = await context.readPin(options.readPin, pair.verify, child);
      }
      const elsewhere = { ...child, [parent.param]: other[parent.param]! };
      // The model expects 404 for each (parent_scope); verify gets the right PIN, if it is known.
      for (const operation of reachable) {
        const body = operation === pair?.verify && pin !== undefined ? { ...record(context.body(operation)), [pair.tokenField]: pin } : context.body(operation);
        await context.send(operation, { params: elsewhere, body });
      }
      if (reader) expectSuccess(context, reader, await context.send(reader, { params: child }), `after all that, reading the ${param} where it is`);
      if (lister) {
        expectSuccess(context, lister, await context.send(lister, { params: mine }), "listing its own parent");
        expectSuccess(context, lister, await context.send(lister, { params: other }), "listing the other parent");
      }
      if (pair && pin !== undefined) {
        const body = { ...record(context.body(pair.verify, "ascii", "required")), [pair.tokenField]: pin };
        const exchange = await context.send(pair.verify, { params: child, body });
        if (record(exchange.json).verified !== true) {
          context.fail(exchange, check.parent_scope, "the PIN sent no longer verifies its own user after requests for it under another parent");
        }
      }
    });

    add(creator, `what is a duplicate under one ${parent.param} is accepted under another`, async (context) => {
      const mine = await freshParents(context, resource, parent);
      const other = await freshParents(context, resource, parent);
      const { exchange: first, body } = await context.create(resource, mine, context.body(creator, "tricky"));
      expectSuccess(context, creator, first, "the first create");
      const again = await context.send(creator, { params: other, body });
      context.expect(again, successCodes(creator), check.unique_per_parent, `the same body under another ${parent.param} is another ${param}`);
    });
  }

  if (deleter && reader) {
    add(deleter, "a delete removes its target only: its siblings and other parents' children stay", async (context) => {
      const mine = await freshParents(context, resource, parent);
      const target = await context.fresh(resource, mine);
      const sibling = await context.fresh(resource, mine);
      const other = parent ? await context.fresh(resource, await freshParents(context, resource, parent)) : undefined;
      expectSuccess(context, deleter, await context.send(deleter, { params: target }), "the delete");
      for (const [params, what] of [
        [sibling, "its sibling"],
        [other, `a ${param} of another parent`],
      ] as const) {
        if (!params) continue;
        const exchange = await context.send(reader, { params });
        context.expect(exchange, successCodes(reader), check.delete_isolation, `after the delete, reading ${what}`);
      }
      if (lister && parent) expectSuccess(context, lister, await context.send(lister, { params: mine }), "listing after the delete");
    });
  }
  return cases;
}

/** The two-factor rules between users, and against guessing. */
export function pinCases(model: Model, options: SuiteOptions): Case[] {
  const pair = model.twoFactor;
  const user = pair && model.resources.get(pathParams(pair.verify).at(-1) ?? "");
  if (!pair || !user) return [];
  const { start, verify, methodField, tokenField } = pair;
  const op = operationName(verify);
  const add = (name: string, run: Case["run"]): Case => ({ operation: op, family: "two-factor", name: `two-factor: ${name}`, run });
  const parent = parentOf(model, user);
  const newUser = async (context: Context, parents?: Record<string, string>) => context.fresh(user, parents ?? (await freshParents(context, user, parent)));
  const started = async (context: Context, params: Record<string, string>) => {
    const body = { ...record(context.body(start)), [methodField]: "sms" };
    expectSuccess(context, start, await context.send(start, { params, body }), "starting an SMS authentication");
  };
  const verifying = async (context: Context, params: Record<string, string>, token: string) => {
    const exchange = await context.send(verify, { params, body: { ...record(context.body(verify, "ascii", "required")), [tokenField]: token } });
    expectSuccess(context, verify, exchange, "verifying");
    return { exchange, answer: record(exchange.json) };
  };
  const needPin = () => {
    if (!options.readPin) throw new Skip("needs --pin-command to read the PIN sent");
    return options.readPin;
  };
  const wrong = (pin: string | undefined, i: number) => {
    const guess = String(100000 + ((i * 7919) % 900000));
    return guess === pin ? String(100000 + ((i * 7919 + 1) % 900000)) : guess;
  };
  return [
    add("a user who was sent nothing is not verified", async (context) => {
      const params = await newUser(context);
      for (const guess of ["000000", "123456"]) {
        const { exchange, answer } = await verifying(context, params, guess);
        if (answer.verified !== false)
          context.fail(exchange, check.pin_isolation, `a user sent no PIN answered verified ${JSON.stringify(answer.verified)} to ${guess}`);
      }
    }),
    // The other user is sent nothing: a fixed PIN (`verigator fake --pin`) cannot hide a leak.
    add("a PIN sent to one user never verifies another", async (context) => {
      const read = needPin();
      const first = await newUser(context);
      const second = await newUser(context, first);
      await started(context, first);
      const pin = await context.readPin(read, verify, first);
      const crossed = await verifying(context, second, pin);
      if (crossed.answer.verified !== false) context.fail(crossed.exchange, check.pin_isolation, "the PIN sent to one user verified another");
      const own = await verifying(context, first, pin);
      if (own.answer.verified !== true)
        context.fail(own.exchange, check.pin_isolation, `the PIN sent answered verified ${JSON.stringify(own.answer.verified)} for its own user`);
    }),
    add("a start for one user leaves another's pending PIN as it was", async (context) => {
      const read = needPin();
      const first = await newUser(context);
      const second = await newUser(context, first);
      await started(context, first);
      const pin = await context.readPin(read, verify, first);
      await started(context, second);
      const own = await verifying(context, first, pin);
      if (own.answer.verified !== true) {
        context.fail(
          own.exchange,
          check.pin_isolation,
          `after a start for another user, the PIN sent answered verified ${JSON.stringify(own.answer.verified)}`,
        );
      }
    }),
    add("after too many wrong PINs the right one is refused, and status.throttled says so", async (context) => {
      const limit = options.maxWrongPins;
      if (limit === undefined) throw new Skip("the document states no x-wrong-pin-limit, and --max-wrong-pins is not given");
      const params = await newUser(context);
      await started(context, params);
      const pin = options.readPin ? await context.readPin(options.readPin, verify, params) : undefined;
      for (let i = 0; i < limit; i++) {
        const { exchange, answer } = await verifying(context, params, wrong(pin, i));
        if (answer.verified !== false) context.fail(exchange, check.two_factor_pin, `a wrong PIN answered verified ${JSON.stringify(answer.verified)}`);
      }
      const { exchange, answer } = await verifying(context, params, pin ?? wrong(pin, limit));
      const throttled = record(answer.status).throttled;
      if (answer.verified !== false || throttled !== true) {
        context.fail(
          exchange,
          check.pin_throttling,
          `after ${limit} wrong PINs, the ${pin ? "right PIN" : "next PIN"} answered verified ${JSON.stringify(answer.verified)}, status.throttled ${JSON.stringify(throttled)}: a PIN can be guessed`,
        );
      }
    }),
  ];
}
