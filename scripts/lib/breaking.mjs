// Classifies every change between two versions of the document as breaking or not, from the
// client's side: a client generated from OLD (and code compiled against OLD's types) talking
// to a server that implements NEW. Request schemas are judged one way — what OLD allowed a
// client to send must still be accepted — and response schemas the other — what NEW allows a
// server to answer must still pass OLD's checks (this client checks answers against the
// schema). Descriptions, summaries, examples, code samples and info.version are not changes.
// Written here because no tool that does this runs on this machine (oasdiff is a Go binary no
// reachable registry ships; @useoptic/optic 1.0.9 crashes on load); see README "Versions".
import { listOperations } from "./document.mjs";

/** @typedef {{ breaking: boolean, operation: string, where: string, what: string, why: string }} Change */
/** @typedef {"request" | "response"} Direction */

/** @param {any} schema @returns {string[]} */
function typesOf(schema) {
  if (schema?.type === undefined) return schema?.properties ? ["object"] : [];
  return Array.isArray(schema.type) ? [...schema.type] : [schema.type];
}

const show = (/** @type {unknown} */ value) => JSON.stringify(value);

/**
 * Compares two schemas at `where`, pushing each change.
 * @param {any} before
 * @param {any} after
 * @param {Direction} direction
 * @param {(breaking: boolean, where: string, what: string, why: string) => void} add
 * @param {string} where
 */
function compareSchema(before, after, direction, add, where) {
  if (!before || !after) return;
  const request = direction === "request";
  // Stricter in a request breaks a client sending what OLD allowed; looser in an answer breaks
  // a client checking answers against OLD.
  const stricter = (/** @type {string} */ what, why = request ? "a client generated from OLD may send what NEW refuses" : "") =>
    add(request, where, what, why || "every answer NEW allows still passes OLD's checks");
  const looser = (/** @type {string} */ what, why = request ? "" : "a client generated from OLD refuses answers NEW allows") =>
    add(!request, where, what, why || "what OLD allowed a client to send is still accepted");

  const oldTypes = typesOf(before);
  const newTypes = typesOf(after);
  if (oldTypes.length && newTypes.length) {
    const widened = newTypes.filter((type) => !oldTypes.includes(type) && !(type === "integer" && oldTypes.includes("number")));
    const narrowed = oldTypes.filter((type) => !newTypes.includes(type) && !(type === "integer" && newTypes.includes("number")));
    if (narrowed.length && widened.length) {
      add(
        true,
        where,
        `type changed from ${oldTypes.join(" | ")} to ${newTypes.join(" | ")}`,
        "values of the old type are refused, and code typed for it no longer compiles",
      );
      return;
    }
    if (narrowed.length) stricter(`type narrowed from ${oldTypes.join(" | ")} to ${newTypes.join(" | ")}`);
    if (widened.length) looser(`type widened from ${oldTypes.join(" | ")} to ${newTypes.join(" | ")}`);
  } else if (newTypes.length && !oldTypes.length) stricter(`type ${newTypes.join(" | ")} required`);
  else if (oldTypes.length && !newTypes.length) looser(`type ${oldTypes.join(" | ")} no longer required`);

  // enum and const
  /** @type {unknown[] | undefined} */
  const oldEnum = before.enum ?? (before.const !== undefined ? [before.const] : undefined);
  /** @type {unknown[] | undefined} */
  const newEnum = after.enum ?? (after.const !== undefined ? [after.const] : undefined);
  if (oldEnum && newEnum) {
    const added = newEnum.filter((value) => !oldEnum.some((old) => show(old) === show(value)));
    const removed = oldEnum.filter((value) => !newEnum.some((now) => show(now) === show(value)));
    for (const value of added) {
      if (request) add(false, where, `enum value ${show(value)} added`, "a value clients may now send; none they sent is refused");
      else add(true, where, `enum value ${show(value)} added`, "answers may use it, and a client generated from OLD refuses a value it has never seen");
    }
    for (const value of removed) {
      if (request) add(true, where, `enum value ${show(value)} removed`, "a client generated from OLD may send it, and NEW refuses it");
      else
        add(
          false,
          where,
          `enum value ${show(value)} removed`,
          "every answer NEW allows is one OLD allowed; code handling the value is now dead code (decision: README, Versions)",
        );
    }
  } else if (newEnum && !oldEnum) stricter(`values restricted to ${newEnum.map(show).join(", ")}`);
  else if (oldEnum && !newEnum) looser(`values no longer restricted to ${oldEnum.map(show).join(", ")}`);

  // pattern and format: a change cannot be proven looser, so it counts as stricter.
  for (const keyword of ["pattern", "format"]) {
    if (before[keyword] === after[keyword]) continue;
    if (after[keyword] === undefined) looser(`${keyword} ${show(before[keyword])} removed`);
    else if (before[keyword] === undefined) stricter(`${keyword} ${show(after[keyword])} added`);
    else add(true, where, `${keyword} changed from ${show(before[keyword])} to ${show(after[keyword])}`, "values valid under one are not under the other");
  }

  // Bounds: a minimum rising or a maximum falling is stricter.
  /** @type {[string, boolean][]} */
  const bounds = [
    ["minLength", true],
    ["minimum", true],
    ["exclusiveMinimum", true],
    ["minItems", true],
    ["minProperties", true],
    ["maxLength", false],
    ["maximum", false],
    ["exclusiveMaximum", false],
    ["maxItems", false],
    ["maxProperties", false],
  ];
  for (const [keyword, lower] of bounds) {
    const was = before[keyword];
    const is = after[keyword];
    if (was === is) continue;
    const tighter = is === undefined ? false : was === undefined ? true : lower ? is > was : is < was;
    const text = was === undefined ? `${keyword} ${is} added` : is === undefined ? `${keyword} ${was} removed` : `${keyword} changed from ${was} to ${is}`;
    if (tighter) stricter(text);
    else looser(text);
  }

  // Objects: required fields, properties, closing.
  const oldRequired = new Set(before.required ?? []);
  const newRequired = new Set(after.required ?? []);
  const oldProperties = before.properties ?? {};
  const newProperties = after.properties ?? {};
  const field = (/** @type {string} */ name) => `${where}.${name}`;
  for (const name of newRequired) {
    if (oldRequired.has(name)) continue;
    if (request) add(true, field(name), name in oldProperties ? "made required" : "added as required", "a client generated from OLD may leave it out");
    else add(false, field(name), name in oldProperties ? "made required" : "added as required", "answers now always carry it");
  }
  for (const name of oldRequired) {
    if (newRequired.has(name)) continue;
    if (request) add(false, field(name), "made optional", "clients may still send it");
    else if (name in newProperties || after.additionalProperties !== false)
      add(true, field(name), "made optional", "answers may leave out a field OLD's clients and types count on");
  }
  for (const [name, property] of Object.entries(newProperties)) {
    if (name in oldProperties) compareSchema(oldProperties[name], property, direction, add, field(name));
    else if (!newRequired.has(name))
      add(false, field(name), "added as optional", request ? "clients need not send it" : "clients that do not know it ignore it");
  }
  for (const name of Object.keys(oldProperties)) {
    if (name in newProperties) continue;
    if (request) {
      const closed = after.additionalProperties === false;
      add(
        closed,
        field(name),
        "removed",
        closed ? "a client generated from OLD may send it, and NEW refuses unknown fields" : "NEW ignores it when a client sends it",
      );
    } else add(true, field(name), "removed", "code reading it against OLD's types no longer compiles, and it is no longer in answers");
  }
  const oldClosed = before.additionalProperties === false;
  const newClosed = after.additionalProperties === false;
  if (!oldClosed && newClosed) stricter("unknown fields no longer allowed");
  if (oldClosed && !newClosed) looser("unknown fields now allowed");
  if (before.items || after.items) compareSchema(before.items ?? {}, after.items ?? {}, direction, add, `${where}[]`);
}

/**
 * The security schemes an operation uses, by name.
 * @param {any} document
 * @param {any} operation
 * @returns {Map<string, any>}
 */
function securityOf(document, operation) {
  const requirements = operation.security ?? document.security ?? [];
  const schemes = document.components?.securitySchemes ?? {};
  /** @type {Map<string, any>} */
  const used = new Map();
  for (const requirement of requirements) for (const name of Object.keys(requirement)) used.set(name, schemes[name]);
  return used;
}

const jsonOf = (/** @type {any} */ content) => content?.["application/json"];
const shape = (/** @type {string} */ path) => path.replace(/\{[^}]+\}/g, "{}");
const paramNames = (/** @type {string} */ path) => [...path.matchAll(/\{([^}]+)\}/g)].map((found) => found[1]);

/**
 * Every change between two dereferenced documents, classified.
 * @param {any} oldDocument
 * @param {any} newDocument
 * @returns {Change[]}
 */
export function compareDocuments(oldDocument, newDocument) {
  /** @type {Change[]} */
  const changes = [];
  const oldOperations = new Map(listOperations(oldDocument).map((one) => [one.operationId, one]));
  const newOperations = new Map(listOperations(newDocument).map((one) => [one.operationId, one]));
  const byEndpoint = (/** @type {Map<string, any>} */ operations, /** @type {any} */ one) =>
    [...operations.values()].find((other) => other.method === one.method && shape(other.path) === shape(one.path));

  for (const [id, before] of oldOperations) {
    const add = (/** @type {boolean} */ breaking, /** @type {string} */ where, /** @type {string} */ what, /** @type {string} */ why) =>
      changes.push({ breaking, operation: id, where, what, why });
    const after = newOperations.get(id);
    if (!after) {
      const renamed = byEndpoint(newOperations, before);
      if (renamed)
        add(
          true,
          `${before.method.toUpperCase()} ${before.path}`,
          `operationId renamed to ${renamed.operationId}`,
          "code and generated types name operations by their operationId",
        );
      else add(true, `${before.method.toUpperCase()} ${before.path}`, "operation removed", "clients generated from OLD call it");
      continue;
    }
    const endpoint = `${after.method.toUpperCase()} ${after.path}`;
    if (before.method !== after.method)
      add(true, endpoint, `method changed from ${before.method.toUpperCase()}`, "clients generated from OLD send the old method");
    if (shape(before.path) !== shape(after.path)) add(true, endpoint, `path changed from ${before.path}`, "clients generated from OLD call the old path");
    else {
      const [oldNames, newNames] = [paramNames(before.path), paramNames(after.path)];
      oldNames.forEach((name, at) => {
        if (newNames[at] !== name) add(true, `path parameter ${name}`, `renamed to ${newNames[at]}`, "code passing path parameters by name no longer compiles");
      });
    }
    compareOperation(before.operation, after.operation, add);
    const [oldSecurity, newSecurity] = [securityOf(oldDocument, before.operation), securityOf(newDocument, after.operation)];
    const describe = (/** @type {Map<string, any>} */ used) =>
      [...used.values()]
        .map((scheme) => [scheme?.type, scheme?.in, scheme?.name ?? scheme?.scheme].filter(Boolean).join(" "))
        .sort()
        .join(" or ") || "none";
    if (describe(oldSecurity) !== describe(newSecurity))
      add(true, "security", `changed from ${describe(oldSecurity)} to ${describe(newSecurity)}`, "clients generated from OLD authenticate the old way");
  }
  for (const [id, after] of newOperations) {
    if (oldOperations.has(id) || byEndpoint(oldOperations, after)) continue;
    changes.push({
      breaking: false,
      operation: id,
      where: `${after.method.toUpperCase()} ${after.path}`,
      what: "operation added",
      why: "clients generated from OLD do not call it",
    });
  }
  return changes;
}

/**
 * @param {any} before
 * @param {any} after
 * @param {(breaking: boolean, where: string, what: string, why: string) => void} add
 */
function compareOperation(before, after, add) {
  if (!before.deprecated && after.deprecated) add(false, "operation", "deprecated", "it still works; clients are told to move off it");
  // Parameters other than the path's (query, header, cookie).
  const key = (/** @type {any} */ parameter) => `${parameter.in} ${parameter.name}`;
  const others = (/** @type {any} */ operation) =>
    new Map((operation.parameters ?? []).filter((/** @type {any} */ one) => one.in !== "path").map((/** @type {any} */ one) => [key(one), one]));
  const [oldParameters, newParameters] = [others(before), others(after)];
  for (const [name, parameter] of newParameters) {
    const old = oldParameters.get(name);
    if (!old)
      add(
        !!parameter.required,
        `parameter ${name}`,
        parameter.required ? "added as required" : "added as optional",
        parameter.required ? "clients generated from OLD do not send it" : "clients need not send it",
      );
    else {
      if (parameter.required && !old.required) add(true, `parameter ${name}`, "made required", "clients generated from OLD may leave it out");
      compareSchema(old.schema, parameter.schema, "request", add, `parameter ${name}`);
    }
  }
  for (const name of oldParameters.keys())
    if (!newParameters.has(name)) add(true, `parameter ${name}`, "removed", "code passing it against OLD's types no longer compiles");

  // The request body.
  const [oldBody, newBody] = [before.requestBody, after.requestBody];
  if (newBody && !oldBody)
    add(
      !!newBody.required,
      "request body",
      newBody.required ? "added as required" : "added as optional",
      newBody.required ? "clients generated from OLD send none" : "clients need not send one",
    );
  else if (oldBody && !newBody) add(true, "request body", "removed", "clients generated from OLD send one, and their calls no longer compile");
  else if (oldBody && newBody) {
    if (newBody.required && !oldBody.required) add(true, "request body", "made required", "clients generated from OLD may send none");
    if (oldBody.required && !newBody.required) add(false, "request body", "made optional", "clients may still send one");
    const [oldJson, newJson] = [jsonOf(oldBody.content), jsonOf(newBody.content)];
    if (oldJson && !newJson) add(true, "request body", "no longer takes application/json", "clients generated from OLD send JSON");
    compareSchema(oldJson?.schema, newJson?.schema, "request", add, "request body");
  }

  // The responses.
  const codes = (/** @type {any} */ operation) => Object.keys(operation.responses ?? {});
  const success = (/** @type {string[]} */ list) => list.filter((code) => /^2/.test(code)).sort();
  const [oldCodes, newCodes] = [codes(before), codes(after)];
  const [oldSuccess, newSuccess] = [success(oldCodes), success(newCodes)];
  if (oldSuccess.join() !== newSuccess.join()) {
    add(
      true,
      "responses",
      `success status changed from ${oldSuccess.join(", ")} to ${newSuccess.join(", ")}`,
      "clients generated from OLD treat the new status as an unexpected answer",
    );
  }
  for (const code of newCodes) {
    if (oldCodes.includes(code) || /^2/.test(code)) continue;
    add(false, `response ${code}`, "error status declared", "a client maps every status to its error class, declared or not (decision: README, Versions)");
  }
  for (const code of oldCodes) {
    if (newCodes.includes(code) || /^2/.test(code)) continue;
    add(false, `response ${code}`, "error status no longer declared", "clients still handle it if it comes (decision: README, Versions)");
  }
  for (const code of newCodes.filter((one) => oldCodes.includes(one))) {
    const [oldJson, newJson] = [jsonOf(before.responses[code]?.content), jsonOf(after.responses[code]?.content)];
    if (oldJson && !newJson && after.responses[code]?.content)
      add(true, `response ${code}`, "no longer application/json", "clients generated from OLD parse JSON");
    else if (!oldJson && newJson && /^2/.test(code)) add(true, `response ${code}`, "now has a JSON body", "clients generated from OLD expect none");
    compareSchema(oldJson?.schema, newJson?.schema, "response", add, `response ${code} body`);
  }
}

/**
 * One line per change: `breaking     createUser  request body.phone_number: made required — why`.
 * @param {Change[]} changes
 */
export function formatChanges(changes) {
  return changes
    .map(
      ({ breaking, operation, where, what, why }) =>
        `${(breaking ? "breaking" : "non-breaking").padEnd(13)} ${operation.padEnd(20)} ${where}: ${what} — ${why}`,
    )
    .join("\n");
}
