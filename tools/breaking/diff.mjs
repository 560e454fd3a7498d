// The breaking check's diff: the two dereferenced documents are walked together, every part of
// OLD paired with its part of NEW — operations by operationId (or endpoint, for a rename),
// parameters by position or name, bodies, responses by status, headers by name, schemas
// property by property — and the table's rules (rules.mjs) are run on each pair. Nothing is
// silent: the documents are also compared as trees (tree-diff.mjs), and a difference no part
// accounted for is reported as unclassified, with its pointer.
// Written here because no tool that does this runs on this machine (oasdiff is a Go binary no
// reachable registry ships); api-smart-diff cross-checks it in the tests.
import { listOperations } from "../../scripts/lib/document.mjs";
import { shape } from "./rules/operations.mjs";
import { branchChanges } from "./rules/schemas.mjs";
import { componentsJudgedWhereUsed, documentationChanged, rules, unclassified, versionChanged } from "./rules.mjs";
import { diffTrees, pointerSegment, same } from "./tree-diff.mjs";

/** @typedef {import("./rules.mjs").Parts} Parts */
/** @typedef {import("./rules.mjs").Side} Side */
/** @typedef {import("./rules/operations.mjs").OperationAt} OperationAt */
/**
 * One change: its rule, its level, the operation (or "(document)"), where and what, and why.
 * `breaking` is `level === "breaking"`.
 * @typedef {{ id: string, level: import("./rules.mjs").Level, breaking: boolean, operation: string, location: string, where: string, what: string, why: string }} Change
 */

const documentation = documentationChanged.keywords;
// What the walk reads of a schema: what the rules read, and where it recurses.
const schemaKeywords = new Set([
  ...rules.schema.flatMap((rule) => rule.reads ?? []),
  ...["properties", "additionalProperties", "items", "oneOf", "anyOf", "allOf"],
  ...documentation,
  "$schema",
]);
const show = (/** @type {unknown} */ value) => {
  const text = JSON.stringify(value) ?? "absent";
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};
const noRule = "no rule understands this change: a person must judge";

/** A copy without what only documents (descriptions, examples, samples): equal copies differ in words only. @param {unknown} value @returns {unknown} */
function withoutDocumentation(value) {
  if (Array.isArray(value)) return value.map(withoutDocumentation);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !documentation.includes(key))
      .map(([key, inner]) => [key, withoutDocumentation(inner)]),
  );
}

/** The walk over both documents: what it reports, and the pointers whose every difference it accounted for. */
class Walk {
  /** @type {Change[]} */
  changes = [];
  /** @type {Set<string>} */
  seen = new Set();

  /** @param {{ id: string, level: import("./rules.mjs").Level }} rule @param {string} operation @param {string} location @param {string} where @param {string} what @param {string} why */
  add(rule, operation, location, where, what, why) {
    this.changes.push({ id: rule.id, level: rule.level, breaking: rule.level === "breaking", operation, location, where, what, why });
  }

  /**
   * Every rule of `part` on one pair; a schema rule only on its side. A finding at a property or
   * keyword of a schema is located there.
   * @template {keyof Parts} P
   * @param {P} part @param {Parts[P]} pair @param {{ operation: string, pointer: string, where: string }} at
   */
  judge(part, pair, { operation, pointer, where }) {
    const side = typeof pair === "object" && pair !== null && "side" in pair ? pair.side : undefined;
    for (const rule of rules[part]) {
      if (rule.side && rule.side !== side) continue;
      for (const found of rule.find(pair)) {
        const { property, keyword } = found;
        const location =
          keyword !== undefined ? (keyword ? `${pointer}/${keyword}` : pointer) : property ? `${pointer}/properties/${pointerSegment(property)}` : pointer;
        this.add(rule, operation, location, found.where ?? (property ? `${where}.${property}` : where), found.what, found.why);
      }
    }
  }

  /**
   * Every key of two objects that the caller does not read, and documentation does not explain,
   * reported as unclassified where it differs. Marks `pointer` as accounted for.
   * @param {any} before @param {any} after @param {Iterable<string>} known @param {string} operation @param {string} pointer @param {string} where
   */
  rest(before, after, known, operation, pointer, where) {
    this.seen.add(pointer);
    const read = new Set(known);
    for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
      if (read.has(key) || documentation.includes(key)) continue;
      if (same(withoutDocumentation(before?.[key]), withoutDocumentation(after?.[key]))) continue;
      this.add(
        unclassified,
        operation,
        `${pointer}/${pointerSegment(key)}`,
        where,
        `${key} changed from ${show(before?.[key])} to ${show(after?.[key])}`,
        noRule,
      );
    }
  }

  /**
   * Two schemas on one side: every schema rule, then the schemas inside them that stayed, then what no rule reads.
   * @param {any} before @param {any} after @param {Side} side @param {string} operation @param {string} pointer @param {string} where
   */
  schema(before, after, side, operation, pointer, where) {
    if (!before || !after || typeof before !== "object" || typeof after !== "object") {
      if (!same(before, after)) this.add(unclassified, operation, pointer, where, `schema changed from ${show(before)} to ${show(after)}`, noRule);
      this.seen.add(pointer);
      return;
    }
    this.judge("schema", { before, after, side }, { operation, pointer, where });
    const inner = (/** @type {any} */ was, /** @type {any} */ is, /** @type {string} */ key, /** @type {string} */ label) =>
      this.schema(was, is, side, operation, `${pointer}/${key}`, `${where}${label}`);
    const [was, is] = [before.properties ?? {}, after.properties ?? {}];
    for (const [name, property] of Object.entries(is)) if (name in was) inner(was[name], property, `properties/${pointerSegment(name)}`, `.${name}`);
    if (typeof before.additionalProperties === "object" && typeof after.additionalProperties === "object")
      inner(before.additionalProperties, after.additionalProperties, "additionalProperties", "{additional}");
    if (before.items || after.items) inner(before.items ?? {}, after.items ?? {}, "items", "[]");
    for (const keyword of /** @type {const} */ (["oneOf", "anyOf", "allOf"])) {
      // Edited in place (as many branches, the same number changed): compared branch by branch.
      if (!branchChanges(before, after, keyword).inPlace) continue;
      const [was, is] = [before[keyword], after[keyword]];
      for (let at = 0; at < was.length; at++) inner(was[at], is[at], `${keyword}/${at}`, `.${keyword}[${at}]`);
    }
    this.rest(before, after, schemaKeywords, operation, pointer, where);
  }
}

const paramNames = (/** @type {string} */ path) => [...path.matchAll(/\{([^}]+)\}/g)].map((found) => String(found[1]));
const operationPointer = (/** @type {{ path: string, method: string }} */ one) => `/paths/${pointerSegment(one.path)}/${one.method}`;
const endpoint = (/** @type {{ path: string, method: string }} */ one) => `${one.method.toUpperCase()} ${one.path}`;

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
  const byEndpoint = (/** @type {Map<string, import("./rules/operations.mjs").Listed>} */ operations, /** @type {{ path: string, method: string }} */ one) =>
    [...operations.values()].find((other) => other.method === one.method && shape(other.path) === shape(one.path));

  for (const [id, before] of oldOperations) {
    const after = newOperations.get(id);
    if (after) {
      compareOperation(walk, { document: oldDocument, ...before }, { document: newDocument, ...after });
      continue;
    }
    const renamed = byEndpoint(newOperations, before);
    walk.judge("operations", { before, renamed }, { operation: id, pointer: operationPointer(renamed ?? before), where: endpoint(before) });
    if (renamed) walk.seen.add(operationPointer(renamed));
    walk.seen.add(operationPointer(before));
  }
  for (const [id, after] of newOperations) {
    if (oldOperations.has(id)) continue;
    walk.seen.add(operationPointer(after));
    if (!byEndpoint(oldOperations, after)) walk.judge("operations", { after }, { operation: id, pointer: operationPointer(after), where: endpoint(after) });
  }
  // What the walk did not account for, found by the tree diff.
  const covered = (/** @type {string} */ pointer) => [...walk.seen].some((seen) => pointer === seen || pointer.startsWith(`${seen}/`));
  for (const { pointer, before, after } of diffTrees(oldDocument, newDocument)) {
    if (covered(pointer) || documentation.includes(pointer.split("/").at(-1) ?? "")) continue;
    if (same(withoutDocumentation(before), withoutDocumentation(after))) continue;
    walk.add(unclassified, "(document)", pointer, pointer, `changed from ${show(before)} to ${show(after)}`, noRule);
  }
  return walk.changes;
}

/** Servers, security, components and info: what is not an operation. @param {Walk} walk @param {any} before @param {any} after */
function compareDocumentLevel(walk, before, after) {
  for (const pointer of [...versionChanged.pointers, ...componentsJudgedWhereUsed.pointers]) walk.seen.add(pointer);
  compareServers(walk, before.servers, after.servers, "(document)", "/servers");
  // Security is judged per operation; the schemes themselves are read there.
  walk.seen.add("/security");
  walk.seen.add("/components/securitySchemes");
  walk.seen.add("/tags");
  if (!same(withoutDocumentation(before.tags), withoutDocumentation(after.tags)))
    walk.add(unclassified, "(document)", "/tags", "tags", `changed from ${show(before.tags)} to ${show(after.tags)}`, noRule);
}

/** @param {Walk} walk @param {any[] | undefined} before @param {any[] | undefined} after @param {string} operation @param {string} pointer */
function compareServers(walk, before = [], after = [], operation, pointer) {
  walk.seen.add(pointer);
  walk.judge("servers", { before, after }, { operation, pointer, where: "servers" });
  for (const server of after) {
    const old = before.find((one) => one.url === server.url);
    if (old) walk.rest(old, server, ["url"], operation, pointer, "servers");
  }
}

/** @param {Walk} walk @param {OperationAt} before @param {OperationAt} after */
function compareOperation(walk, before, after) {
  const id = after.operationId;
  const pointer = operationPointer(after);
  walk.seen.add(operationPointer(before));
  walk.judge("operation", { before, after }, { operation: id, pointer, where: endpoint(after) });
  const [was, is] = [before.operation, after.operation];
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
 * @param {Walk} walk @param {OperationAt} before @param {OperationAt} after
 */
function compareParameters(walk, before, after) {
  const id = after.operationId;
  /** Each parameter with where it is: the path item's, then the operation's. @param {OperationAt} one */
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
  walk.judge("path parameters", { before: oldNames, after: newNames }, { operation: id, pointer: `/paths/${pointerSegment(after.path)}`, where: "path" });
  /** @param {any} parameter */
  const match = (parameter) =>
    parameter.in === "path"
      ? was.find((old) => old.parameter.in === "path" && oldNames.indexOf(old.parameter.name) === newNames.indexOf(parameter.name))
      : (was.find((old) => old.parameter.in === parameter.in && old.parameter.name === parameter.name) ??
        was.find((old) => old.parameter.name === parameter.name && old.parameter.in !== "path"));
  for (const { parameter, pointer } of is) {
    const found = match(parameter);
    // A path parameter that is new comes with a new path: judged there.
    if (!found && parameter.in === "path") continue;
    walk.judge("parameter", { before: found?.parameter, after: parameter }, { operation: id, pointer, where: where(parameter) });
    if (!found) continue;
    walk.schema(found.parameter.schema ?? {}, parameter.schema ?? {}, "request", id, `${pointer}/schema`, where(parameter));
    walk.rest(found.parameter, parameter, ["name", "in", "required", "schema"], id, pointer, where(parameter));
  }
  for (const { parameter, pointer } of was) {
    if (parameter.in === "path" || is.some((one) => match(one.parameter)?.parameter === parameter)) continue;
    walk.judge("parameter", { before: parameter }, { operation: id, pointer, where: where(parameter) });
  }
}

/** @param {Walk} walk @param {string} id @param {any} before @param {any} after @param {string} pointer */
function compareRequestBody(walk, id, before, after, pointer) {
  walk.seen.add(pointer);
  walk.judge("request body", { before, after }, { operation: id, pointer, where: "request body" });
  if (!before || !after) return;
  const [was, is] = [before.content ?? {}, after.content ?? {}];
  for (const type of Object.keys(is).filter((one) => one in was))
    compareMedia(walk, id, was[type], is[type], "request", `${pointer}/content/${pointerSegment(type)}`, "request body");
  walk.rest(before, after, ["required", "content"], id, pointer, "request body");
}

/** @param {Walk} walk @param {string} id @param {any} before @param {any} after @param {Side} side @param {string} pointer @param {string} where */
function compareMedia(walk, id, before, after, side, pointer, where) {
  walk.schema(before.schema ?? {}, after.schema ?? {}, side, id, `${pointer}/schema`, where);
  walk.rest(before, after, ["schema"], id, pointer, where);
}

/** @param {Walk} walk @param {string} id @param {Record<string, any>} before @param {Record<string, any>} after @param {string} pointer */
function compareResponses(walk, id, before, after, pointer) {
  walk.seen.add(pointer);
  walk.judge("responses", { before, after }, { operation: id, pointer, where: "responses" });
  for (const code of Object.keys(after).filter((one) => one in before))
    compareResponse(walk, id, code, before[code], after[code], `${pointer}/${pointerSegment(code)}`);
}

/** @param {Walk} walk @param {string} id @param {string} code @param {any} before @param {any} after @param {string} pointer */
function compareResponse(walk, id, code, before, after, pointer) {
  const where = `response ${code}`;
  walk.judge("response", { code, before, after }, { operation: id, pointer, where });
  const [was, is] = [before.content ?? {}, after.content ?? {}];
  for (const type of Object.keys(is).filter((one) => one in was))
    compareMedia(walk, id, was[type], is[type], "response", `${pointer}/content/${pointerSegment(type)}`, `${where} body`);
  compareHeaders(walk, id, where, before.headers ?? {}, after.headers ?? {}, `${pointer}/headers`);
  walk.rest(before, after, ["content", "headers"], id, pointer, where);
}

/** Headers matched by name, whatever its case. @param {Walk} walk @param {string} id @param {string} response @param {Record<string, any>} before @param {Record<string, any>} after @param {string} pointer */
function compareHeaders(walk, id, response, before, after, pointer) {
  walk.seen.add(pointer);
  const find = (/** @type {Record<string, any>} */ list, /** @type {string} */ name) =>
    Object.entries(list).find(([other]) => other.toLowerCase() === name.toLowerCase());
  for (const [name, header] of Object.entries(before)) {
    const now = find(after, name);
    const where = `${response} header ${name}`;
    walk.judge("header", { name, before: header, after: now?.[1] }, { operation: id, pointer, where });
    if (!now) continue;
    const at = `${pointer}/${pointerSegment(now[0])}`;
    walk.schema(header.schema ?? {}, now[1].schema ?? {}, "response", id, `${at}/schema`, where);
    walk.rest(header, now[1], ["required", "schema"], id, at, where);
  }
  for (const [name, header] of Object.entries(after))
    if (!find(before, name)) walk.judge("header", { name, after: header }, { operation: id, pointer, where: `${response} header ${name}` });
}
