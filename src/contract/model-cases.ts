// The cases between resources, derived from the resource tree: stored values as sent, exact
// lists, a child reachable only under its own parent, uniqueness per parent, a delete that
// removes its target only; and the two-factor cases between users: a PIN verifies only its own
// user, a start leaves another user's PIN alone, wrong PINs are throttled. They only send: the
// model (model.ts) knows what each answer should be, and the checks judge it.
import type { Case } from "./case.ts";
import type { HttpOperation } from "./prism.ts";
import type { Resource, ResourceTree } from "./resource-tree.ts";
import { operationName, operationsOn, parentOf, pathParams, record } from "./resource-tree.ts";
import type { Run } from "./run.ts";
import { Skip } from "./run.ts";
import type { TextStyle } from "./values.ts";

export function modelCases(tree: ResourceTree, resource: Resource): Case[] {
  const { creator, reader, lister, deleter, param } = resource;
  const parent = parentOf(tree, resource);
  const cases: Case[] = [];
  const add = (operation: HttpOperation, name: string, about: Case["about"], run: Case["run"]) =>
    cases.push({ operation: operationName(operation), family: "model", name: `model: ${name}`, about, run });

  if (reader) {
    add(
      creator,
      "what is stored is answered as sent (mixed case, non-ASCII, marks, emoji, quotes, 300 characters, shortest)",
      ["stored_values"],
      async (run) => {
        const styles: TextStyle[] = ["tricky", "non-ascii", "long", "shortest"];
        for (const style of styles) {
          const params = await run.fresh(resource, {}, run.body(creator, style));
          // Read twice: the values as sent, id and ctime as created, both times.
          for (let read = 0; read < 2; read++) await run.send(reader, { params, intent: { succeeds: "reading what was created" } });
        }
      },
    );
  }

  if (lister && parent) {
    add(lister, `a list holds exactly the ${param}s of its parent: none missing, none of another, none deleted`, ["exact_list"], async (run) => {
      const mine = await run.freshParents(resource);
      const other = await run.freshParents(resource);
      const children = [];
      for (let i = 0; i < 4; i++) children.push(await run.fresh(resource, mine));
      await run.fresh(resource, other);
      if (deleter) await run.send(deleter, { params: children[0]!, intent: { succeeds: "deleting one of them" } });
      for (const params of [mine, other]) await run.send(lister, { params, intent: { succeeds: "listing" } });
    });
  }

  if (parent) {
    const reachable = operationsOn(tree, resource);
    add(creator, `a ${param} is reachable only under its own ${parent.param}: elsewhere 404, and nothing changes`, ["parent_scope"], async (run) => {
      const mine = await run.freshParents(resource);
      const other = await run.freshParents(resource);
      const child = await run.fresh(resource, mine);
      const pair = tree.twoFactor && reachable.includes(tree.twoFactor.start) ? tree.twoFactor : undefined;
      let pin: string | undefined;
      if (pair && run.settings.readPin) {
        const startBody = { ...record(run.body(pair.start)), [pair.methodField]: "sms" };
        await run.send(pair.start, { params: child, body: startBody, intent: { succeeds: "starting an SMS authentication" } }, { readPin: true });
        pin = run.pinSent(pair.verify, child);
      }
      const elsewhere = { ...child, [parent.param]: other[parent.param]! };
      // Each must answer 404 there (the model knows it); verify gets the right PIN, if it is known.
      for (const operation of reachable) {
        const body = operation === pair?.verify && pin !== undefined ? { ...record(run.body(operation)), [pair.tokenField]: pin } : run.body(operation);
        await run.send(operation, { params: elsewhere, body });
      }
      if (reader) await run.send(reader, { params: child, intent: { succeeds: `after all that, reading the ${param} where it is` } });
      if (lister) {
        await run.send(lister, { params: mine, intent: { succeeds: "listing its own parent" } });
        await run.send(lister, { params: other, intent: { succeeds: "listing the other parent" } });
      }
      if (pair && pin !== undefined) {
        // The PIN sent still verifies its own user: the requests elsewhere changed nothing.
        await run.send(pair.verify, {
          params: child,
          body: { ...record(run.body(pair.verify, "ascii", "required")), [pair.tokenField]: pin },
          intent: { succeeds: "verifying" },
        });
      }
    });

    add(creator, `what is a duplicate under one ${parent.param} is accepted under another`, ["unique_per_parent"], async (run) => {
      const mine = await run.freshParents(resource);
      const other = await run.freshParents(resource);
      const { body } = await run.create(resource, mine, run.body(creator, "tricky"), "the first create");
      await run.send(creator, { params: other, body });
    });
  }

  if (deleter && reader) {
    add(deleter, "a delete removes its target only: its siblings and other parents' children stay", ["delete_isolation"], async (run) => {
      const mine = await run.freshParents(resource);
      const target = await run.fresh(resource, mine);
      const sibling = await run.fresh(resource, mine);
      const other = parent ? await run.fresh(resource, await run.freshParents(resource)) : undefined;
      await run.send(deleter, { params: target, intent: { succeeds: "the delete" } });
      for (const params of [sibling, other]) if (params) await run.send(reader, { params });
      if (lister && parent) await run.send(lister, { params: mine, intent: { succeeds: "listing after the delete" } });
    });
  }
  return cases;
}

/** The two-factor cases between users, and against guessing. */
export function pinCases(tree: ResourceTree): Case[] {
  const pair = tree.twoFactor;
  const user = pair && tree.resources.get(pathParams(pair.verify).at(-1) ?? "");
  if (!pair || !user) return [];
  const { start, verify, methodField, tokenField } = pair;
  const op = operationName(verify);
  const add = (name: string, about: Case["about"], run: Case["run"]): Case => ({
    operation: op,
    family: "two-factor",
    name: `two-factor: ${name}`,
    about,
    run,
  });
  const newUser = async (run: Run, parents?: Record<string, string>) => run.fresh(user, parents ?? (await run.freshParents(user)));
  /** Starts an SMS authentication for the user; the PIN sent, when --pin-command can read it. */
  const started = async (run: Run, params: Record<string, string>) => {
    const body = { ...record(run.body(start)), [methodField]: "sms" };
    await run.send(start, { params, body, intent: { succeeds: "starting an SMS authentication" } }, { readPin: !!run.settings.readPin });
    return run.pinSent(verify, params);
  };
  const verifying = (run: Run, params: Record<string, string>, token: string) =>
    run.send(verify, { params, body: { ...record(run.body(verify, "ascii", "required")), [tokenField]: token }, intent: { succeeds: "verifying" } });
  /** A wrong six-digit guess (never the PIN sent). */
  const wrong = (pin: string | undefined, i: number) => {
    const guess = String(100000 + ((i * 7919) % 900000));
    return guess === pin ? String(100000 + ((i * 7919 + 1) % 900000)) : guess;
  };
  const knownPin = (pin: string | undefined) => {
    if (pin === undefined) throw new Skip("the PIN sent could not be read");
    return pin;
  };
  return [
    add("a user who was sent nothing is not verified", ["pin_isolation"], async (run) => {
      const params = await newUser(run);
      for (const guess of ["000000", "123456"]) await verifying(run, params, guess);
    }),
    // The other user is sent nothing: a fixed PIN (`verigator fake --pin`) cannot hide a leak.
    add("a PIN sent to one user never verifies another", ["pin_isolation"], async (run) => {
      run.needPin();
      const first = await newUser(run);
      const second = await newUser(run, first);
      const pin = knownPin(await started(run, first));
      await verifying(run, second, pin);
      await verifying(run, first, pin);
    }),
    add("a start for one user leaves another's pending PIN as it was", ["pin_isolation"], async (run) => {
      run.needPin();
      const first = await newUser(run);
      const second = await newUser(run, first);
      const pin = knownPin(await started(run, first));
      await started(run, second);
      await verifying(run, first, pin);
    }),
    add("after too many wrong PINs the right one is refused, and status.throttled says so", ["pin_throttling"], async (run) => {
      const limit = run.settings.maxWrongPins;
      if (limit === undefined) throw new Skip("the document states no x-wrong-pin-limit, and --max-wrong-pins is not given");
      const params = await newUser(run);
      const pin = await started(run, params);
      for (let i = 0; i < limit; i++) await verifying(run, params, wrong(pin, i));
      await verifying(run, params, pin ?? wrong(pin, limit));
    }),
  ];
}
