// The cases, derived from the document's operations alone: for every operation its positive,
// auth, bad-input and unknown-id cases; for every resource its state cases; for the two-factor
// pair its PIN rules. A new operation gets its cases by being in the document. Case names hold
// no generated value, so they are the same from run to run.

import type { Case, SuiteOptions } from "./case-helpers.ts";
import { expectSuccess, record } from "./case-helpers.ts";
import { check } from "./checks.ts";
import type { Context } from "./context.ts";
import { Broke, createdId, Skip } from "./context.ts";
import type { Exchange } from "./exchange.ts";
import { authHeader, operationName } from "./exchange.ts";
import type { Model, Resource } from "./model.ts";
import { declaredCodes, invalidInputCodes, pathParams, requestContent, successCodes } from "./model.ts";
import { modelCases, pinCases } from "./model-cases.ts";
import type { HttpOperation, JsonSchema } from "./prism.ts";
import { enumBreaker, patternBreaker, wrongTypeValue } from "./values.ts";

const isDelete = (operation: HttpOperation) => operation.method.toLowerCase() === "delete";

/** The resource `operation` creates, if it is a creator. */
function createdBy(model: Model, operation: HttpOperation): Resource | undefined {
  return [...model.resources.values()].find((one) => one.creator === operation);
}

/** Whether a body schema has a free-text string field (no pattern, enum or format): the generated text variants vary it. */
function hasFreeText(schema: JsonSchema): boolean {
  return Object.values(schema.properties ?? {}).some((one) => one.type === "string" && !one.pattern && !one.enum && !one.format);
}

/** The two-factor rule on a start's answer: the method asked, or `sms`, the document's fallback for an app. */
function checkStartAnswer(context: Context, model: Model, operation: HttpOperation, body: unknown, exchange: Exchange) {
  const pair = model.twoFactor;
  if (!pair || pair.start !== operation) return;
  const asked = record(body)[pair.methodField];
  const answered = record(exchange.json)[pair.methodField];
  const allowed = asked === "sms" ? ["sms"] : [asked, "sms"];
  if (!allowed.includes(answered)) {
    context.fail(
      exchange,
      check.two_factor_method,
      `a ${String(asked)} start answered ${pair.methodField} ${JSON.stringify(answered)}; the document allows ${allowed.map((one) => JSON.stringify(one)).join(" or ")}`,
    );
  }
}

function positiveCases(model: Model, operation: HttpOperation): Case[] {
  const op = operationName(operation);
  const content = requestContent(operation);
  const schema = content?.schema;
  const creates = createdBy(model, operation);
  const cases: Case[] = [];
  const add = (name: string, makeBody: (context: Context) => unknown, accept?: string) =>
    cases.push({
      operation: op,
      family: "positive",
      name: `positive: ${name}`,
      async run(context) {
        const params = await context.idsFor(operation);
        const made = makeBody(context);
        // A create goes through context.create: a name an earlier run left is varied, not failed.
        const { exchange, body } = creates
          ? await context.create(creates, params, made)
          : { exchange: await context.sendLeniently(operation, { params, body: made, ...(accept && { accept }) }), body: made };
        // The first create of a resource is the fixture the other cases stand on — also when
        // its answer broke a rule, as long as it made something: one defect must not hide the rest.
        const id = creates && createdId(creates, exchange);
        if (creates && id !== undefined && !context.fixtures.has(creates.param)) {
          context.fixtures.set(creates.param, { params: { ...params, [creates.param]: id }, body, answer: exchange.json });
        }
        if (exchange.failures.length) throw new Broke(exchange, exchange.failures);
        expectSuccess(context, operation, exchange);
        checkStartAnswer(context, model, operation, body, exchange);
        if (creates && id === undefined) context.fail(exchange, check.response_schema_conformance, `the answer has no ${creates.idField}`);
      },
    });
  if (!schema) {
    add(isDelete(operation) ? "deletes what it names" : "the resource the path names", () => undefined);
    // The document: a server answers JSON whatever Accept says (the Python SDK sends */*).
    if (operation.method.toLowerCase() === "get") add("Accept: */*", () => undefined, "*/*");
    return cases;
  }
  const examples = content.examples?.filter((one) => one.value !== undefined) ?? [];
  for (const example of examples) add(`example ${example.key}`, (context) => context.withPhone(example.value, schema));
  if (!examples.length) add("schema example", (context) => context.body(operation));
  if (hasFreeText(schema)) {
    add("generated, non-ASCII text", (context) => context.body(operation, "non-ascii"));
    add("generated, long text", (context) => context.body(operation, "long"));
    add("generated, shortest text", (context) => context.body(operation, "shortest"));
  }
  const required = new Set(schema.required ?? []);
  if (Object.keys(schema.properties ?? {}).some((name) => !required.has(name))) {
    add("generated, required fields only", (context) => context.body(operation, "ascii", "required"));
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    for (const value of property.enum ?? []) {
      add(`${field} = ${JSON.stringify(value)}`, (context) => ({ ...record(context.body(operation)), [field]: value }));
    }
  }
  return cases;
}

function authCases(operation: HttpOperation): Case[] {
  const header = authHeader(operation);
  if (!header) return [];
  const op = operationName(operation);
  const expected = declaredCodes(operation).includes(401) ? [401] : [401, 403];
  return (["none", "wrong password"] as const).map((auth) => ({
    operation: op,
    family: "auth",
    name: auth === "none" ? `auth: no ${header}` : "auth: wrong password",
    async run(context) {
      const params = await context.idsFor(operation);
      const exchange = await context.send(operation, { params, body: context.body(operation), auth });
      context.expect(
        exchange,
        expected,
        check.ignored_auth,
        auth === "none" ? `a request without ${header} must be refused` : "a wrong password must be refused",
      );
    },
  }));
}

function badInputCases(operation: HttpOperation): Case[] {
  const content = requestContent(operation);
  const schema = content?.schema;
  if (!schema) return [];
  const op = operationName(operation);
  const expected = invalidInputCodes(operation);
  const cases: Case[] = [];
  const add = (
    name: string,
    make: (valid: Record<string, unknown>) => { body?: unknown; raw?: { text: string; contentType: string | undefined } } | undefined,
  ) =>
    cases.push({
      operation: op,
      family: "bad input",
      name: `bad input: ${name}`,
      async run(context) {
        if (!expected.length) throw new Skip("the document declares no 4xx for an invalid body");
        const params = context.ids(operation);
        const spec = make(record(context.body(operation)));
        if (!spec) throw new Skip("no such value can be made for this field");
        const exchange = await context.send(operation, { params, ...spec });
        context.expect(exchange, expected, check.negative_data_rejection, "an invalid body must be refused with a declared 4xx");
      },
    });
  const properties = Object.entries(schema.properties ?? {});
  for (const field of schema.required ?? []) {
    add(`${field} missing`, (valid) => {
      const { [field]: _, ...rest } = valid;
      return { body: rest };
    });
  }
  for (const [field, property] of properties) {
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
  add("no JSON content type", (valid) => ({ raw: { text: JSON.stringify(valid), contentType: "text/plain" } }));
  if (operation.request?.body?.required) add("no body", () => ({ raw: { text: "", contentType: "application/json" } }));
  return cases;
}

function unknownIdCases(operation: HttpOperation): Case[] {
  const op = operationName(operation);
  return pathParams(operation).map((param) => ({
    operation: op,
    family: "unknown id",
    name: `unknown id: ${param}`,
    async run(context) {
      if (!declaredCodes(operation).includes(404)) throw new Skip(`the document declares no 404 for ${op}`);
      const params = { ...(await context.idsFor(operation)), [param]: context.unknownId() };
      const exchange = await context.send(operation, { params, body: context.body(operation) });
      context.expect(exchange, [404], check.unknown_id, `a ${param} that does not exist must answer 404`);
    },
  }));
}

/** The GET operations under a resource's path (itself, its lists, its children). */
function readsUnder(model: Model, resource: Resource): HttpOperation[] {
  return model.operations.filter((one) => one.method.toLowerCase() === "get" && (one.path === resource.path || one.path.startsWith(`${resource.path}/`)));
}

function stateCases(model: Model, resource: Resource): Case[] {
  const { creator, reader, lister, deleter, param, idField } = resource;
  const op = operationName(creator);
  const cases: Case[] = [];
  const add = (operation: string, name: string, run: Case["run"]) => cases.push({ operation, family: "state", name: `state: ${name}`, run });
  const fixture = (context: Context) => context.fixture(param);
  if (reader) {
    // What was read is compared with what was created by the model (stored_values).
    add(op, `what it creates can be read back (${operationName(reader)})`, async (context) => {
      const { params } = fixture(context);
      const exchange = await context.send(reader, { params });
      expectSuccess(context, reader, exchange, "reading what was created");
    });
  }
  if (lister) {
    add(op, `what it creates is listed (${operationName(lister)})`, async (context) => {
      const { params } = fixture(context);
      // The model's exact_list failure, if any, comes with this case's own.
      const exchange = await context.sendLeniently(lister, { params });
      if (exchange.failures.some((one) => one.rule !== check.exact_list)) throw new Broke(exchange, exchange.failures);
      expectSuccess(context, lister, exchange, "listing");
      const id = params[param];
      const lists = Object.values(record(exchange.json)).filter(Array.isArray);
      if (!lists.some((list) => list.some((item) => String(record(item)[idField]) === id))) {
        context.fail(exchange, check.ensure_resource_availability, `the ${idField} just created is not in the list`, exchange.failures);
      }
      if (exchange.failures.length) throw new Broke(exchange, exchange.failures);
    });
  }
  if (declaredCodes(creator).includes(409)) {
    add(op, "a duplicate is refused (409)", async (context) => {
      const { params, body } = fixture(context);
      const { [param]: _, ...parents } = params;
      const exchange = await context.send(creator, { params: parents, body });
      context.expect(exchange, [409], check.duplicate_rejection, "creating the same thing twice must answer 409");
    });
  }
  if (!deleter) return cases;
  const gone = async (context: Context, params: Record<string, string>) => {
    for (const read of readsUnder(model, resource)) {
      const ids = { ...params };
      for (const name of pathParams(read)) ids[name] ??= context.unknownId();
      const exchange = await context.send(read, { params: ids });
      context.expect(exchange, [404], check.use_after_free, `after the delete, ${operationName(read)} must answer 404`);
    }
  };
  add(operationName(deleter), `reads answer 404 after the delete`, async (context) => {
    const params = await context.fresh(resource);
    const exchange = await context.send(deleter, { params });
    expectSuccess(context, deleter, exchange, "the delete");
    await gone(context, params);
  });
  add(operationName(deleter), "a second delete answers 404", async (context) => {
    const params = await context.fresh(resource);
    expectSuccess(context, deleter, await context.send(deleter, { params }), "the first delete");
    const again = await context.send(deleter, { params });
    context.expect(again, [404], check.use_after_free, "deleting what is already deleted must answer 404");
  });
  // A resource that still has children: the document declares the refusal (409, and both
  // stay readable); a server that deletes the children with it passes too, as long as nothing
  // of it stays reachable. What a client needs is a delete that is all or nothing.
  for (const child of model.resources.values()) {
    if (child === resource || !child.path.startsWith(`${resource.path}/`) || !child.reader) continue;
    const childReader = child.reader;
    const refusal = declaredCodes(deleter).includes(409) ? [409] : [];
    add(operationName(deleter), `with a ${child.param} in it: refused, or all deleted`, async (context) => {
      const parent = await context.fresh(resource);
      const both = await context.fresh(child, parent);
      const exchange = await context.send(deleter, { params: parent });
      const status = exchange.answer?.status ?? 0;
      if (refusal.includes(status)) {
        expectSuccess(context, childReader, await context.send(childReader, { params: both }), `after the refused delete, reading the ${child.param}`);
        if (reader) expectSuccess(context, reader, await context.send(reader, { params: parent }), `after the refused delete, reading the ${param}`);
        return;
      }
      context.expect(exchange, [...refusal, ...successCodes(deleter)], check.delete_with_children, `deleting a ${param} that still has a ${child.param}`);
      const read = await context.send(childReader, { params: both });
      context.expect(
        read,
        [404],
        check.delete_with_children,
        `the delete answered ${status}, so its ${child.param} must be gone: ${operationName(childReader)} must answer 404`,
      );
      if (reader)
        context.expect(
          await context.send(reader, { params: parent }),
          [404],
          check.delete_with_children,
          `the delete answered ${status}, so ${operationName(reader)} must answer 404`,
        );
    });
  }
  return cases;
}

function twoFactorCases(model: Model, options: SuiteOptions): Case[] {
  const pair = model.twoFactor;
  if (!pair) return [];
  const { start, verify, methodField, tokenField } = pair;
  const op = operationName(verify);
  // On the fixture user (the document's example, whose phone a tester may watch); the other
  // starts are spread over fresh users.
  const started = async (context: Context) => {
    const params = context.ids(verify);
    const startBody = { ...record(context.body(start)), [methodField]: "sms" };
    const exchange = await context.send(start, { params, body: startBody });
    expectSuccess(context, start, exchange, "starting an SMS authentication");
    return params;
  };
  const verifying = async (context: Context, params: Record<string, string>, token: string) => {
    const exchange = await context.send(verify, { params, body: { ...record(context.body(verify, "ascii", "required")), [tokenField]: token } });
    expectSuccess(context, verify, exchange, "verifying");
    return { exchange, verified: record(exchange.json).verified };
  };
  const cases: Case[] = [
    {
      operation: op,
      family: "two-factor",
      name: "two-factor: a PIN that cannot be right is not verified",
      async run(context) {
        const params = await started(context);
        const { exchange, verified } = await verifying(context, params, "not-a-pin");
        if (verified !== false) context.fail(exchange, check.two_factor_pin, `a made-up PIN answered verified ${JSON.stringify(verified)}`);
      },
    },
    {
      operation: op,
      family: "two-factor",
      name: "two-factor: the PIN sent verifies once, then is spent",
      async run(context) {
        if (!options.readPin) throw new Skip("needs --pin-command to read the PIN sent");
        const params = await started(context);
        const pin = await context.readPin(options.readPin, verify, params);
        const first = await verifying(context, params, pin);
        if (first.verified !== true) context.fail(first.exchange, check.two_factor_pin, `the PIN sent answered verified ${JSON.stringify(first.verified)}`);
        const second = await verifying(context, params, pin);
        if (second.verified !== false)
          context.fail(second.exchange, check.two_factor_pin, `a PIN already used answered verified ${JSON.stringify(second.verified)}: a PIN verifies once`);
      },
    },
  ];
  return cases;
}

/** Every case of the suite, in the order they run: creators first (their first case makes the fixtures), deletes last. */
export function deriveCases(model: Model, options: SuiteOptions): Case[] {
  const depth = (operation: HttpOperation) => pathParams(operation).length;
  const creators = [...model.resources.values()].map((one) => one.creator).sort((a, b) => depth(a) - depth(b));
  const others = model.operations.filter((one) => !creators.includes(one) && !isDelete(one));
  const deletes = model.operations.filter(isDelete);
  const perOperation = (operation: HttpOperation) => [
    ...positiveCases(model, operation),
    ...authCases(operation),
    ...badInputCases(operation),
    ...unknownIdCases(operation),
  ];
  return [
    ...creators.flatMap(perOperation),
    ...others.flatMap(perOperation),
    ...[...model.resources.values()].flatMap((one) => stateCases(model, one)),
    ...twoFactorCases(model, options),
    ...[...model.resources.values()].flatMap((one) => modelCases(model, one, options)),
    ...pinCases(model, options),
    ...deletes.flatMap(perOperation),
  ];
}
