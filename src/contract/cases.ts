// The cases, derived from the document's operations alone: for every operation its positive,
// auth, bad-input, unknown-id and media-type cases; for every resource its state cases; for the
// two-factor pair its PIN cases. A new operation gets its cases by being in the document. A
// case only sends — what it means by a request is its intent (exchange.ts) — and the checks judge
// every answer. Case names hold no generated value, so they are the same from run to run.
import type { Case } from "./case.ts";
import type { BodyEncoding, Exchange, RequestSpec } from "./exchange.ts";
import { modelCases, pinCases } from "./model-cases.ts";
import type { HttpOperation, JsonSchema } from "./prism.ts";
import type { Resource, ResourceTree } from "./resource-tree.ts";
import { authHeader, createdBy, declaredCodes, invalidInputCodes, operationName, pathParams, record, requestContent } from "./resource-tree.ts";
import type { Run } from "./run.ts";
import { Skip } from "./run.ts";
import { enumBreaker, patternBreaker, wrongTypeValue } from "./values.ts";

const isDelete = (operation: HttpOperation) => operation.method.toLowerCase() === "delete";

/** Whether a body schema has a free-text string field (no pattern, enum or format): the generated text variants vary it. */
function hasFreeText(schema: JsonSchema): boolean {
  return Object.values(schema.properties ?? {}).some((one) => one.type === "string" && !one.pattern && !one.enum && !one.format);
}

function positiveCases(tree: ResourceTree, operation: HttpOperation): Case[] {
  const op = operationName(operation);
  const schema = requestContent(operation)?.schema;
  const creates = createdBy(tree, operation);
  const cases: Case[] = [];
  const add = (name: string, makeBody: (run: Run) => unknown, accept?: string) =>
    cases.push({
      operation: op,
      family: "positive",
      name: `positive: ${name}`,
      about: ["positive_data_acceptance"],
      async run(run) {
        const params = await run.idsFor(operation);
        const body = makeBody(run);
        // A create goes through run.create: a name an earlier run left is varied, not failed.
        if (creates) await run.create(creates, params, body, "a valid request");
        else await run.send(operation, { params, body, intent: { succeeds: "a valid request" }, ...(accept && { accept }) });
      },
    });
  if (!schema) {
    add(isDelete(operation) ? "deletes what it names" : "the resource the path names", () => undefined);
    // The document: a server answers JSON whatever Accept says (the Python SDK sends */*).
    if (operation.method.toLowerCase() === "get") add("Accept: */*", () => undefined, "*/*");
    return cases;
  }
  const examples = requestContent(operation)?.examples?.filter((one) => one.value !== undefined) ?? [];
  for (const example of examples) add(`example ${example.key}`, (run) => run.withPhone(example.value, schema));
  if (!examples.length) add("schema example", (run) => run.body(operation));
  if (hasFreeText(schema)) {
    add("generated, non-ASCII text", (run) => run.body(operation, "non-ascii"));
    add("generated, long text", (run) => run.body(operation, "long"));
    add("generated, shortest text", (run) => run.body(operation, "shortest"));
  }
  const required = new Set(schema.required ?? []);
  if (Object.keys(schema.properties ?? {}).some((name) => !required.has(name))) {
    add("generated, required fields only", (run) => run.body(operation, "ascii", "required"));
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    for (const value of property.enum ?? []) add(`${field} = ${JSON.stringify(value)}`, (run) => ({ ...record(run.body(operation)), [field]: value }));
  }
  return cases;
}

function authCases(operation: HttpOperation): Case[] {
  const header = authHeader(operation);
  if (!header) return [];
  return (["none", "wrong password"] as const).map((auth) => ({
    operation: operationName(operation),
    family: "auth",
    name: auth === "none" ? `auth: no ${header}` : "auth: wrong password",
    about: ["ignored_auth"],
    async run(run) {
      await run.send(operation, { params: await run.idsFor(operation), body: run.body(operation), auth });
    },
  }));
}

function badInputCases(operation: HttpOperation): Case[] {
  const schema = requestContent(operation)?.schema;
  if (!schema) return [];
  const cases: Case[] = [];
  const add = (name: string, make: (valid: Record<string, unknown>) => Pick<RequestSpec, "body" | "raw"> | undefined) =>
    cases.push({
      operation: operationName(operation),
      family: "bad input",
      name: `bad input: ${name}`,
      about: ["negative_data_rejection"],
      async run(run) {
        if (!invalidInputCodes(operation).length) throw new Skip("the document declares no 4xx for an invalid body");
        const params = run.ids(operation);
        const spec = make(record(run.body(operation)));
        if (!spec) throw new Skip("no such value can be made for this field");
        await run.send(operation, { params, ...spec, intent: { invalid: true } });
      },
    });
  for (const field of schema.required ?? []) {
    add(`${field} missing`, (valid) => {
      const { [field]: _, ...rest } = valid;
      return { body: rest };
    });
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const wrong = wrongTypeValue(property);
    if (wrong !== undefined) add(`${field} of the wrong type`, (valid) => ({ body: { ...valid, [field]: wrong } }));
    if (property.pattern !== undefined) {
      add(`${field} breaks its pattern`, (valid) => {
        const broken = patternBreaker(property, valid[field]);
        return broken === undefined ? undefined : { body: { ...valid, [field]: broken } };
      });
    }
    if (property.enum?.length) {
      add(`${field} not one of its values`, (valid) => {
        const broken = enumBreaker(property);
        return broken === undefined ? undefined : { body: { ...valid, [field]: broken } };
      });
    }
    if (property.type === "string" && (property.minLength ?? 0) > 0 && !property.enum) {
      add(`${field} too short`, (valid) => ({ body: { ...valid, [field]: "a".repeat((property.minLength ?? 1) - 1) } }));
    }
    if (property.type === "string" && property.maxLength !== undefined) {
      add(`${field} too long`, (valid) => ({ body: { ...valid, [field]: "a".repeat(property.maxLength! + 1) } }));
    }
  }
  if (schema.additionalProperties === false) add("undeclared property", (valid) => ({ body: { ...valid, undeclared_property: "x" } }));
  if (schema.required?.length) add("empty object", () => ({ body: {} }));
  add("not JSON", (valid) => ({ raw: { text: JSON.stringify(valid).slice(0, -1), contentType: "application/json" } }));
  if (requestContent(operation) && operation.request?.body?.required) add("no body", () => ({ raw: { text: "", contentType: "application/json" } }));
  return cases;
}

const undeclared: [BodyEncoding, string][] = [
  ["form", "application/x-www-form-urlencoded"],
  ["multipart", "multipart/form-data"],
];

/**
 * The body in media types the document does not declare: the same valid fields form-encoded and
 * as multipart must not succeed (any 4xx), and nothing may appear in the parent's list; JSON
 * text sent as text/plain or with no Content-Type is only noted — many servers read JSON whatever
 * the type says, and the document does not forbid it.
 */
function mediaTypeCases(tree: ResourceTree, operation: HttpOperation): Case[] {
  const schema = requestContent(operation)?.schema;
  if (!schema) return [];
  const op = operationName(operation);
  const creates = createdBy(tree, operation);
  return [
    {
      operation: op,
      family: "media type",
      name: "media type: form-encoded and multipart bodies are refused, and create nothing",
      about: ["media_type_rejection"],
      async run(run) {
        // Under fresh parents, so that what it lists afterwards is only what this case made.
        const params = creates ? await run.freshParents(creates) : await run.idsFor(operation);
        for (const [encoding, type] of undeclared) {
          await run.send(operation, { params, body: run.body(operation), encoding, intent: { undeclaredMediaType: type } });
        }
        if (creates?.lister && pathParams(creates.lister).length)
          await run.send(creates.lister, { params, intent: { succeeds: "listing after the refused creates" } });
        const noted: string[] = [];
        for (const [label, contentType] of [
          ["as text/plain", "text/plain"],
          ["with no Content-Type", undefined],
        ] as const) {
          const exchange: Exchange = await run.send(operation, {
            params: creates ? params : await run.idsFor(operation),
            raw: { text: JSON.stringify(run.body(operation)), contentType },
            intent: { noteOnly: label },
          });
          noted.push(`${label}: ${exchange.answer ? `${exchange.answer.status}${exchange.answer.status < 300 ? " (read as JSON)" : ""}` : "no answer"}`);
        }
        run.notes.push(`${op} took JSON ${noted.join("; ")}`);
      },
    },
  ];
}

function unknownIdCases(operation: HttpOperation): Case[] {
  const op = operationName(operation);
  return pathParams(operation).map((param) => ({
    operation: op,
    family: "unknown id",
    name: `unknown id: ${param}`,
    about: ["unknown_id"],
    async run(run) {
      if (!declaredCodes(operation).includes(404)) throw new Skip(`the document declares no 404 for ${op}`);
      const params = { ...(await run.idsFor(operation)), [param]: run.unknownId() };
      await run.send(operation, { params, body: run.body(operation) });
    },
  }));
}

/** The GET operations under a resource's path (itself, its lists, its children). */
function readsUnder(tree: ResourceTree, resource: Resource): HttpOperation[] {
  return tree.operations.filter((one) => one.method.toLowerCase() === "get" && (one.path === resource.path || one.path.startsWith(`${resource.path}/`)));
}

function stateCases(tree: ResourceTree, resource: Resource): Case[] {
  const { creator, reader, lister, deleter, param } = resource;
  const op = operationName(creator);
  const cases: Case[] = [];
  const add = (operation: string, name: string, about: Case["about"], run: Case["run"]) =>
    cases.push({ operation, family: "state", name: `state: ${name}`, about, run });
  if (reader) {
    add(op, `what it creates can be read back (${operationName(reader)})`, ["ensure_resource_availability", "stored_values"], async (run) => {
      await run.send(reader, { params: run.fixture(param).params, intent: { succeeds: "reading what was created" } });
    });
  }
  if (lister) {
    add(op, `what it creates is listed (${operationName(lister)})`, ["ensure_resource_availability", "exact_list"], async (run) => {
      await run.send(lister, { params: run.fixture(param).params, intent: { succeeds: "listing" } });
    });
  }
  if (declaredCodes(creator).includes(409)) {
    add(op, "a duplicate is refused (409)", ["duplicate_rejection"], async (run) => {
      const { params, body } = run.fixture(param);
      const { [param]: _, ...parents } = params;
      await run.send(creator, { params: parents, body });
    });
  }
  if (!deleter) return cases;
  add(operationName(deleter), "reads answer 404 after the delete", ["use_after_free"], async (run) => {
    const params = await run.fresh(resource);
    await run.send(deleter, { params, intent: { succeeds: "the delete" } });
    for (const read of readsUnder(tree, resource)) {
      const ids = { ...params };
      for (const name of pathParams(read)) ids[name] ??= run.unknownId();
      await run.send(read, { params: ids });
    }
  });
  add(operationName(deleter), "a second delete answers 404", ["use_after_free"], async (run) => {
    const params = await run.fresh(resource);
    await run.send(deleter, { params, intent: { succeeds: "the first delete" } });
    await run.send(deleter, { params });
  });
  // A resource that still has children: the document declares the refusal (409, and both stay
  // readable); a server that deletes the children with it passes too, as long as nothing of it
  // stays reachable. What a client needs is a delete that is all or nothing: the model says which.
  for (const child of tree.resources.values()) {
    if (child === resource || !child.path.startsWith(`${resource.path}/`) || !child.reader) continue;
    const childReader = child.reader;
    const childDeleter = child.deleter;
    add(operationName(deleter), `with a ${child.param} in it: refused, or all deleted`, ["delete_with_children"], async (run) => {
      const parent = await run.fresh(resource);
      const both = await run.fresh(child, parent);
      const refused = (await run.send(deleter, { params: parent })).answer?.status === 409;
      await run.send(childReader, { params: both });
      if (reader) await run.send(reader, { params: parent });
      // Refused while it had one: once its children are deleted, the delete goes through.
      if (refused && childDeleter) {
        await run.send(childDeleter, { params: both, intent: { succeeds: `deleting the ${child.param}` } });
        await run.send(deleter, { params: parent, intent: { succeeds: `deleting the ${param} once it has no ${child.param}` } });
      }
    });
  }
  return cases;
}

function twoFactorCases(tree: ResourceTree): Case[] {
  const pair = tree.twoFactor;
  if (!pair) return [];
  const { start, verify, methodField, tokenField } = pair;
  const op = operationName(verify);
  // On the fixture user (the document's example, whose phone a tester may watch); the other
  // starts are spread over fresh users.
  const started = async (run: Run, readPin: boolean) => {
    const params = run.ids(verify);
    const body = { ...record(run.body(start)), [methodField]: "sms" };
    await run.send(start, { params, body, intent: { succeeds: "starting an SMS authentication" } }, { readPin });
    return params;
  };
  const verifying = (run: Run, params: Record<string, string>, token: string, madeUpToken = false) =>
    run.send(verify, {
      params,
      body: { ...record(run.body(verify, "ascii", "required")), [tokenField]: token },
      intent: { succeeds: "verifying", ...(madeUpToken && { madeUpToken }) },
    });
  return [
    {
      operation: op,
      family: "two-factor",
      name: "two-factor: a PIN that cannot be right is not verified",
      about: ["two_factor_pin"],
      async run(run) {
        await verifying(run, await started(run, false), "not-a-pin", true);
      },
    },
    {
      operation: op,
      family: "two-factor",
      name: "two-factor: the PIN sent verifies once, then is spent",
      about: ["two_factor_pin", "pin_command"],
      async run(run) {
        run.needPin();
        const params = await started(run, true);
        const pin = run.pinSent(verify, params);
        if (pin === undefined) throw new Skip("the PIN sent could not be read");
        await verifying(run, params, pin);
        await verifying(run, params, pin);
      },
    },
  ];
}

/**
 * Every case of the suite, in the order they run: creators first (their first case makes the
 * fixtures), then what the server holds after writes (state), the other operations, deletes
 * last. What only state can catch comes early, so a run stopped at its first failure
 * (--max-failures 1) stops soon on a stateful defect.
 */
export function deriveCases(tree: ResourceTree): Case[] {
  const depth = (operation: HttpOperation) => pathParams(operation).length;
  const creators = [...tree.resources.values()].map((one) => one.creator).sort((a, b) => depth(a) - depth(b));
  const others = tree.operations.filter((one) => !creators.includes(one) && !isDelete(one));
  const deletes = tree.operations.filter(isDelete);
  const perOperation = (operation: HttpOperation) => [
    ...positiveCases(tree, operation),
    ...authCases(operation),
    ...badInputCases(operation),
    ...mediaTypeCases(tree, operation),
    ...unknownIdCases(operation),
  ];
  return [
    ...creators.flatMap(perOperation),
    ...[...tree.resources.values()].flatMap((one) => stateCases(tree, one)),
    ...others.flatMap(perOperation),
    ...twoFactorCases(tree),
    ...[...tree.resources.values()].flatMap((one) => modelCases(tree, one)),
    ...pinCases(tree),
    ...deletes.flatMap(perOperation),
  ];
}
