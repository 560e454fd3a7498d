// Classifies every change between two versions of the document, from the client's side: a
// client generated from OLD (and code compiled against OLD's types) talking to a server that
// implements NEW. Nothing is silent: the two dereferenced documents are compared as trees
// first (tree-diff.mjs), then walked together, each part by the rules of breaking-rules.mjs; a
// difference no rule understood is reported as `unclassified` (may break), with its pointer.
// Written here because no tool that does this runs on this machine (oasdiff is a Go binary no
// reachable registry ships); api-smart-diff cross-checks it in the tests (README, Versions).

import { isJsonMediaType as isJson } from "../../src/media-type.js";
import { documentationKeywords, levelOf, schemaRules, typesOf } from "./breaking-rules.mjs";
import { listOperations } from "./document.mjs";
import { diffTrees, pointerSegment, same } from "./tree-diff.mjs";

/**
 * One change: its rule, its level, the operation (or "(document)"), where and what, and why.
 * `breaking` is `level === "breaking"`.
 * @typedef {{ id: string, level: import("./breaking-rules.mjs").Level, breaking: boolean, operation: string, location: string, where: string, what: string, why: string }} Change
 */

const schemaKeywords = new Set([...schemaRules.flatMap((rule) => rule.keywords), ...documentationKeywords, "$schema"]);
const show = (/** @type {unknown} */ value) => {
  const text = JSON.stringify(value) ?? "absent";
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/** A copy without what only documents (descriptions, examples, samples): equal copies differ in words only. @param {unknown} value @returns {unknown} */
function withoutDocumentation(value) {
  if (Array.isArray(value)) return value.map(withoutDocumentation);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !documentationKeywords.includes(key))
      .map(([key, inner]) => [key, withoutDocumentation(inner)]),
  );
}

/** The walk over both documents: what it reports, and the pointers whose every difference it accounted for. */
class Walk {
  /** @type {Change[]} */
  changes = [];
  /** @type {Set<string>} */
  seen = new Set();

  /** @param {string} id @param {string} operation @param {string} location @param {string} where @param {string} what @param {string} why */
  add(id, operation, location, where, what, why) {
    const level = levelOf(id);
    this.changes.push({ id, level, breaking: level === "breaking", operation, location, where, what, why });
  }

  /**
   * Every key of two objects that the caller does not read, and documentation does not explain,
   * reported as unclassified where it differs. Marks `pointer` as accounted for.
   * @param {any} before @param {any} after @param {string[]} known @param {string} operation @param {string} pointer @param {string} where
   */
  rest(before, after, known, operation, pointer, where) {
    this.seen.add(pointer);
    for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
      if (known.includes(key) || documentationKeywords.includes(key)) continue;
      if (same(withoutDocumentation(before?.[key]), withoutDocumentation(after?.[key]))) continue;
      this.add(
        "unclassified",
        operation,
        `${pointer}/${pointerSegment(key)}`,
        where,
        `${key} changed from ${show(before?.[key])} to ${show(after?.[key])}`,
        "no rule understands this change: a person must judge",
      );
    }
  }

  /**
   * Two schemas on one side: every schema rule, then what no rule reads.
   * @param {any} before @param {any} after @param {import("./breaking-rules.mjs").Side} side @param {string} operation @param {string} pointer @param {string} where
   */
  schema(before, after, side, operation, pointer, where) {
    if (!before || !after || typeof before !== "object" || typeof after !== "object") {
      if (!same(before, after))
        this.add(
          "unclassified",
          operation,
          pointer,
          where,
          `schema changed from ${show(before)} to ${show(after)}`,
          "no rule understands this change: a person must judge",
        );
      this.seen.add(pointer);
      return;
    }
    /** @type {import("./breaking-rules.mjs").SchemaContext} */
    const context = {
      side,
      where,
      pointer,
      report: (id, what, why, inner, keyword) =>
        this.add(
          id,
          operation,
          keyword !== undefined ? (keyword ? `${pointer}/${keyword}` : pointer) : inner ? `${pointer}/properties/${pointerSegment(inner)}` : pointer,
          inner ? `${where}.${inner}` : where,
          what,
          why,
        ),
      recurse: (was, is, key, inner) =>
        this.schema(
          was,
          is,
          side,
          operation,
          `${pointer}/${key.split("/").map(pointerSegment).join("/")}`,
          inner.startsWith("[") || inner.startsWith("{") ? `${where}${inner}` : `${where}.${inner}`,
        ),
    };
    for (const rule of schemaRules) rule.check(before, after, context);
    this.rest(before, after, [...schemaKeywords], operation, pointer, where);
  }
}

/** The security schemes an operation uses, described. @param {any} document @param {any} operation */
function securityOf(document, operation) {
  const schemes = document.components?.securitySchemes ?? {};
  return (
    (operation.security ?? document.security ?? [])
      .flatMap((/** @type {any} */ requirement) => Object.keys(requirement).map((name) => schemes[name]))
      .map((/** @type {any} */ scheme) => [scheme?.type, scheme?.in, scheme?.name ?? scheme?.scheme].filter(Boolean).join(" "))
      .sort()
      .join(" or ") || "none"
  );
}

const shape = (/** @type {string} */ path) => path.replace(/\{[^}]+\}/g, "{}");
const paramNames = (/** @type {string} */ path) => [...path.matchAll(/\{([^}]+)\}/g)].map((found) => found[1]);
const operationPointer = (/** @type {{ path: string, method: string }} */ one) => `/paths/${pointerSegment(one.path)}/${one.method}`;

/**
 * Every change between two dereferenced documents, classified.
 * @param {any} oldDocument
 * @param {any} newDocument
 * @returns {Change[]}
 */
export function compareDocuments(oldDocument, newDocument) {
  const walk = new Walk();
  compareDocumentLevel(walk, oldDocument, newDocument);
  const oldOperations = new Map(listOperations(oldDocument).map((one) => [one.operationId, one]));
  const newOperations = new Map(listOperations(newDocument).map((one) => [one.operationId, one]));
  const byEndpoint = (/** @type {Map<string, any>} */ operations, /** @type {any} */ one) =>
    [...operations.values()].find((other) => other.method === one.method && shape(other.path) === shape(one.path));

  for (const [id, before] of oldOperations) {
    const after = newOperations.get(id);
    const endpoint = `${before.method.toUpperCase()} ${before.path}`;
    if (!after) {
      const renamed = byEndpoint(newOperations, before);
      if (renamed) {
        walk.add(
          "operation-id-renamed",
          id,
          operationPointer(renamed),
          endpoint,
          `operationId renamed to ${renamed.operationId}`,
          "code and generated types name operations by their operationId",
        );
        walk.seen.add(operationPointer(renamed));
      } else walk.add("operation-removed", id, operationPointer(before), endpoint, "operation removed", "clients generated from OLD call it");
      walk.seen.add(operationPointer(before));
      continue;
    }
    compareOperation(walk, { document: oldDocument, ...before }, { document: newDocument, ...after });
  }
  for (const [id, after] of newOperations) {
    if (oldOperations.has(id)) continue;
    walk.seen.add(operationPointer(after));
    if (!byEndpoint(oldOperations, after))
      walk.add(
        "operation-added",
        id,
        operationPointer(after),
        `${after.method.toUpperCase()} ${after.path}`,
        "operation added",
        "clients generated from OLD do not call it",
      );
  }
  // What the walk did not account for, found by the tree diff.
  const covered = (/** @type {string} */ pointer) => [...walk.seen].some((seen) => pointer === seen || pointer.startsWith(`${seen}/`));
  for (const { pointer, before, after } of diffTrees(oldDocument, newDocument)) {
    if (covered(pointer) || documentationKeywords.includes(pointer.split("/").at(-1) ?? "")) continue;
    if (same(withoutDocumentation(before), withoutDocumentation(after))) continue;
    walk.add(
      "unclassified",
      "(document)",
      pointer,
      pointer,
      `changed from ${show(before)} to ${show(after)}`,
      "no rule understands this change: a person must judge",
    );
  }
  return walk.changes;
}

/** Servers, security, components and info: what is not an operation. @param {Walk} walk @param {any} before @param {any} after */
function compareDocumentLevel(walk, before, after) {
  walk.seen.add("/info/version");
  // The release snapshot's own mark (openapi/released.json: which package shipped it).
  walk.seen.add("/x-released");
  // Components are judged where they are used: dereferenced, every use holds its own copy.
  for (const kind of ["schemas", "parameters", "responses", "headers", "examples", "requestBodies"]) walk.seen.add(`/components/${kind}`);
  compareServers(walk, before.servers, after.servers, "(document)", "/servers");
  // Security is judged per operation; the schemes themselves are read there.
  walk.seen.add("/security");
  walk.seen.add("/components/securitySchemes");
  walk.seen.add("/tags");
  if (!same(withoutDocumentation(before.tags), withoutDocumentation(after.tags))) {
    walk.add(
      "unclassified",
      "(document)",
      "/tags",
      "tags",
      `changed from ${show(before.tags)} to ${show(after.tags)}`,
      "no rule understands this change: a person must judge",
    );
  }
}

/** @param {Walk} walk @param {any[] | undefined} before @param {any[] | undefined} after @param {string} operation @param {string} pointer */
function compareServers(walk, before = [], after = [], operation, pointer) {
  walk.seen.add(pointer);
  const urls = (/** @type {any[]} */ list) => list.map((one) => one.url);
  const [was, is] = [urls(before), urls(after)];
  const removed = was.filter((url) => !is.includes(url));
  const added = is.filter((url) => !was.includes(url));
  // The same place in the list under another URL: a server moved.
  const moved = Math.min(removed.length, added.length);
  for (let at = 0; at < moved; at++)
    walk.add(
      "server-url-changed",
      operation,
      pointer,
      "servers",
      `server URL changed from ${removed[at]} to ${added[at]}`,
      "clients configured with the old URL call a server that may no longer answer",
    );
  for (const url of removed.slice(moved))
    walk.add("server-removed", operation, pointer, "servers", `server ${url} removed`, "clients configured with it call a server that may no longer answer");
  for (const url of added.slice(moved)) walk.add("server-added", operation, pointer, "servers", `server ${url} added`, "clients may use it; none has to");
  for (const server of after) {
    const old = before.find((one) => one.url === server.url);
    if (old) walk.rest(old, server, ["url"], operation, `${pointer}`, "servers");
  }
}

/**
 * @param {Walk} walk
 * @param {{ document: any, operationId: string, method: string, path: string, operation: any }} before
 * @param {{ document: any, operationId: string, method: string, path: string, operation: any }} after
 */
function compareOperation(walk, before, after) {
  const id = after.operationId;
  const pointer = operationPointer(after);
  const endpoint = `${after.method.toUpperCase()} ${after.path}`;
  const add = (/** @type {string} */ rule, /** @type {string} */ where, /** @type {string} */ what, /** @type {string} */ why, at = pointer) =>
    walk.add(rule, id, at, where, what, why);
  walk.seen.add(operationPointer(before));
  if (before.method !== after.method)
    add("operation-method-changed", endpoint, `method changed from ${before.method.toUpperCase()}`, "clients generated from OLD send the old method");
  if (shape(before.path) !== shape(after.path))
    add("operation-path-changed", endpoint, `path changed from ${before.path}`, "clients generated from OLD call the old path");
  const [was, is] = [before.operation, after.operation];
  if (!was.deprecated && is.deprecated) add("operation-deprecated", "operation", "deprecated", "it still works; clients are told to move off it");
  if (was.deprecated && !is.deprecated) add("operation-reactivated", "operation", "no longer deprecated", "clients may keep using it");
  if (securityOf(before.document, was) !== securityOf(after.document, is))
    add(
      "security-changed",
      "security",
      `changed from ${securityOf(before.document, was)} to ${securityOf(after.document, is)}`,
      "clients generated from OLD authenticate the old way",
    );
  if (!same(was["x-wrong-pin-limit"], is["x-wrong-pin-limit"]))
    add(
      "wrong-pin-limit-changed",
      "x-wrong-pin-limit",
      `changed from ${show(was["x-wrong-pin-limit"])} to ${show(is["x-wrong-pin-limit"])}`,
      "the wrong PINs a verification takes changed: the fake and verigator contract read it",
    );
  compareServers(walk, was.servers, is.servers, id, `${pointer}/servers`);
  compareParameters(walk, before, after);
  compareRequestBody(walk, id, was.requestBody, is.requestBody, `${pointer}/requestBody`);
  compareResponses(walk, id, was.responses ?? {}, is.responses ?? {}, `${pointer}/responses`);
  walk.rest(
    was,
    is,
    ["operationId", "deprecated", "security", "x-wrong-pin-limit", "servers", "parameters", "requestBody", "responses", "tags"],
    id,
    pointer,
    "operation",
  );
}

/**
 * Path parameters by position (from the path item and the operation), the others by `in` and name.
 * @param {Walk} walk @param {{ path: string, document: any, operationId: string, method: string, operation: any }} before @param {{ path: string, document: any, operationId: string, method: string, operation: any }} after
 */
function compareParameters(walk, before, after) {
  const id = after.operationId;
  /** Each parameter with where it is: the path item's, then the operation's. @param {typeof before} one */
  const all = (one) => {
    const item = `/paths/${pointerSegment(one.path)}/parameters`;
    walk.seen.add(item);
    walk.seen.add(`${operationPointer(one)}/parameters`);
    return [
      ...(one.document.paths[one.path].parameters ?? []).map((/** @type {any} */ parameter, /** @type {number} */ at) => ({
        parameter,
        pointer: `${item}/${at}`,
      })),
      ...(one.operation.parameters ?? []).map((/** @type {any} */ parameter, /** @type {number} */ at) => ({
        parameter,
        pointer: `${operationPointer(one)}/parameters/${at}`,
      })),
    ];
  };
  const [was, is] = [all(before), all(after)];
  const [oldNames, newNames] = [paramNames(before.path), paramNames(after.path)];
  const where = (/** @type {any} */ parameter) => `parameter ${parameter.in} ${parameter.name}`;
  oldNames.forEach((name, at) => {
    const renamed = newNames[at];
    if (renamed !== undefined && renamed !== name)
      walk.add(
        "path-parameter-renamed",
        id,
        `/paths/${pointerSegment(after.path)}`,
        `path parameter ${name}`,
        `renamed to ${renamed}`,
        "code passing path parameters by name no longer compiles",
      );
  });
  /** @param {any} parameter */
  const match = (parameter) =>
    parameter.in === "path"
      ? was.find((old) => old.parameter.in === "path" && oldNames.indexOf(old.parameter.name) === newNames.indexOf(parameter.name))
      : (was.find((old) => old.parameter.in === parameter.in && old.parameter.name === parameter.name) ??
        was.find((old) => old.parameter.name === parameter.name && old.parameter.in !== "path"));
  for (const { parameter, pointer } of is) {
    const found = match(parameter);
    if (!found) {
      if (parameter.in === "path") continue; // a path parameter that is new comes with a new path: judged there
      walk.add(
        parameter.required ? "new-required-request-parameter" : "new-optional-request-parameter",
        id,
        pointer,
        where(parameter),
        parameter.required ? "added as required" : "added as optional",
        parameter.required ? "clients generated from OLD do not send it" : "clients need not send it",
      );
      continue;
    }
    const old = found.parameter;
    if (old.in !== parameter.in)
      walk.add(
        "request-parameter-in-changed",
        id,
        pointer,
        where(parameter),
        `moved from ${old.in} to ${parameter.in}`,
        "clients generated from OLD send it where NEW does not read it",
      );
    if (parameter.required && !old.required)
      walk.add("request-parameter-became-required", id, pointer, where(parameter), "made required", "clients generated from OLD may leave it out");
    if (!parameter.required && old.required && parameter.in !== "path")
      walk.add("request-parameter-became-optional", id, pointer, where(parameter), "made optional", "clients may still send it");
    walk.schema(old.schema ?? {}, parameter.schema ?? {}, "request", id, `${pointer}/schema`, where(parameter));
    walk.rest(old, parameter, ["name", "in", "required", "schema"], id, pointer, where(parameter));
  }
  for (const { parameter, pointer } of was) {
    if (parameter.in === "path" || is.some((one) => match(one.parameter)?.parameter === parameter)) continue;
    walk.add("request-parameter-removed", id, pointer, where(parameter), "removed", "code passing it against OLD's types no longer compiles");
  }
}

/** @param {Walk} walk @param {string} id @param {any} before @param {any} after @param {string} pointer */
function compareRequestBody(walk, id, before, after, pointer) {
  walk.seen.add(pointer);
  const add = (/** @type {string} */ rule, /** @type {string} */ what, /** @type {string} */ why) => walk.add(rule, id, pointer, "request body", what, why);
  if (after && !before)
    return add(
      after.required ? "request-body-added-required" : "request-body-added-optional",
      after.required ? "added as required" : "added as optional",
      after.required ? "clients generated from OLD send none" : "clients need not send one",
    );
  if (before && !after) return add("request-body-removed", "removed", "clients generated from OLD send one, and their calls no longer compile");
  if (!before || !after) return;
  if (after.required && !before.required) add("request-body-became-required", "made required", "clients generated from OLD may send none");
  if (before.required && !after.required) add("request-body-became-optional", "made optional", "clients may still send one");
  const [was, is] = [before.content ?? {}, after.content ?? {}];
  for (const type of Object.keys(was)) {
    if (type in is) continue;
    const stays = Object.keys(is).some(isJson) || !isJson(type);
    add(
      stays ? "request-media-type-removed-another-stays" : "request-media-type-removed",
      `no longer takes ${type}`,
      stays ? "clients that sent it must send another: a person must judge" : "clients generated from OLD send JSON",
    );
  }
  for (const type of Object.keys(is)) {
    if (!(type in was)) add("request-media-type-added", `now also takes ${type}`, "clients may send it; none has to");
    else compareMedia(walk, id, was[type], is[type], "request", `${pointer}/content/${pointerSegment(type)}`, "request body");
  }
  walk.rest(before, after, ["required", "content"], id, pointer, "request body");
}

/** @param {Walk} walk @param {string} id @param {any} before @param {any} after @param {import("./breaking-rules.mjs").Side} side @param {string} pointer @param {string} where */
function compareMedia(walk, id, before, after, side, pointer, where) {
  walk.schema(before.schema ?? {}, after.schema ?? {}, side, id, `${pointer}/schema`, where);
  walk.rest(before, after, ["schema"], id, pointer, where);
}

/** @param {Walk} walk @param {string} id @param {Record<string, any>} before @param {Record<string, any>} after @param {string} pointer */
function compareResponses(walk, id, before, after, pointer) {
  walk.seen.add(pointer);
  const add = (/** @type {string} */ rule, /** @type {string} */ where, /** @type {string} */ what, /** @type {string} */ why, at = pointer) =>
    walk.add(rule, id, at, where, what, why);
  const success = (/** @type {Record<string, any>} */ list) =>
    Object.keys(list)
      .filter((code) => /^2/.test(code))
      .sort();
  if (success(before).join() !== success(after).join())
    add(
      "response-success-status-changed",
      "responses",
      `success status changed from ${success(before).join(", ")} to ${success(after).join(", ")}`,
      "clients generated from OLD treat the new status as an unexpected answer",
    );
  for (const code of Object.keys(after)) {
    if (!(code in before) && !/^2/.test(code))
      add(
        "response-status-added",
        `response ${code}`,
        "error status declared",
        "a client maps every status to its error class, declared or not (decision: README, Versions)",
      );
  }
  for (const code of Object.keys(before)) {
    if (!(code in after) && !/^2/.test(code))
      add("response-status-removed", `response ${code}`, "error status no longer declared", "clients still handle it if it comes (decision: README, Versions)");
  }
  for (const code of Object.keys(after).filter((one) => one in before)) {
    const at = `${pointer}/${pointerSegment(code)}`;
    compareResponse(walk, id, code, before[code], after[code], at);
  }
}

/** @param {Walk} walk @param {string} id @param {string} code @param {any} before @param {any} after @param {string} pointer */
function compareResponse(walk, id, code, before, after, pointer) {
  const where = `response ${code}`;
  const add = (/** @type {string} */ rule, /** @type {string} */ what, /** @type {string} */ why, at = pointer) => walk.add(rule, id, at, where, what, why);
  const [was, is] = [before.content ?? {}, after.content ?? {}];
  const success = /^2/.test(code);
  if (Object.keys(was).length && !Object.keys(is).length)
    add(
      success ? "response-body-removed" : "response-media-type-removed",
      "body removed (no content)",
      "clients generated from OLD read a body NEW no longer promises",
    );
  else if (!Object.keys(was).length && Object.keys(is).length && success)
    add("response-body-added", "now has a body", "clients generated from OLD expect none");
  else {
    for (const type of Object.keys(was)) {
      if (type in is) continue;
      const json = isJson(type) && !Object.keys(is).some(isJson);
      add(
        json ? "response-media-type-removed" : "response-media-type-removed-another-stays",
        json ? "no longer application/json" : `no longer answers ${type}`,
        json ? "clients generated from OLD parse JSON" : "answers come in another type that stays: a person must judge",
      );
    }
    for (const type of Object.keys(is))
      if (!(type in was)) add("response-media-type-added", `may now answer ${type}`, "clients generated from OLD may not read it: a person must judge");
  }
  for (const type of Object.keys(is).filter((one) => one in was))
    compareMedia(walk, id, was[type], is[type], "response", `${pointer}/content/${pointerSegment(type)}`, `${where} body`);
  compareHeaders(walk, id, where, before.headers ?? {}, after.headers ?? {}, `${pointer}/headers`);
  walk.rest(before, after, ["content", "headers"], id, pointer, where);
}

/** @param {Walk} walk @param {string} id @param {string} response @param {Record<string, any>} before @param {Record<string, any>} after @param {string} pointer */
function compareHeaders(walk, id, response, before, after, pointer) {
  walk.seen.add(pointer);
  const key = (/** @type {string} */ name) => name.toLowerCase();
  const find = (/** @type {Record<string, any>} */ list, /** @type {string} */ name) => Object.entries(list).find(([other]) => key(other) === key(name));
  for (const [name, header] of Object.entries(before)) {
    const now = find(after, name);
    const where = `${response} header ${name}`;
    if (!now) {
      walk.add(
        header.required ? "response-required-header-removed" : "response-optional-header-removed",
        id,
        pointer,
        where,
        "removed",
        header.required ? "clients generated from OLD read a header NEW no longer sends" : "it was never promised",
      );
      continue;
    }
    const [, current] = now;
    if (header.required && !current.required)
      walk.add("response-header-became-optional", id, pointer, where, "made optional", "clients generated from OLD count on it");
    if (!header.required && current.required) walk.add("response-header-became-required", id, pointer, where, "made required", "answers now always carry it");
    walk.schema(header.schema ?? {}, current.schema ?? {}, "response", id, `${pointer}/${pointerSegment(now[0])}/schema`, where);
    walk.rest(header, current, ["required", "schema"], id, `${pointer}/${pointerSegment(now[0])}`, where);
  }
  for (const [name, header] of Object.entries(after)) {
    if (!find(before, name))
      walk.add(
        header.required ? "response-required-header-added" : "response-optional-header-added",
        id,
        pointer,
        `${response} header ${name}`,
        "added",
        "clients that do not know it ignore it",
      );
  }
}

/**
 * One line per change: `breaking      createUser           request body.phone_number: made required — why [rule-id]`.
 * @param {Change[]} changes
 */
export function formatChanges(changes) {
  return changes
    .map(({ id, level, operation, where, what, why }) => `${level.padEnd(13)} ${operation.padEnd(20)} ${where}: ${what} — ${why} [${id}]`)
    .join("\n");
}

/** The changes as `--format json` prints them. @param {Change[]} changes */
export function formatJson(changes) {
  return JSON.stringify(
    {
      changes: changes.map(({ id, level, operation, location, where, what, why }) => ({
        id,
        level,
        operation,
        location,
        message: `${where}: ${what} — ${why}`,
      })),
    },
    null,
    2,
  );
}

/** How many changes of each level. @param {Change[]} changes */
export function countLevels(changes) {
  const count = (/** @type {string} */ level) => changes.filter((one) => one.level === level).length;
  return { breaking: count("breaking"), mayBreak: count("may-break"), nonBreaking: count("non-breaking") };
}

export { typesOf };
