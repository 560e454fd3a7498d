// The breaking check's schema rules: each a function over one pair of schemas on one side (a
// request's or a response's), returning what it finds. The table (../rules.mjs) gives each its
// id and level; the walk (../walk.mjs) recurses into properties, items and branches.
// A request schema is judged one way — what OLD allowed a client to send must still be accepted
// — and a response schema the other — what NEW allows a server to answer must still pass OLD's
// checks.

/** @typedef {import("../rules.mjs").Side} Side */
/** @typedef {import("../rules.mjs").Finding} Finding */
/** @typedef {{ before: any, after: any, side: Side }} SchemaPair */

const show = (/** @type {unknown} */ value) => JSON.stringify(value);
const stricterWhy = { request: "a client generated from OLD may send what NEW refuses", response: "every answer NEW allows still passes OLD's checks" };
const looserWhy = { request: "what OLD allowed a client to send is still accepted", response: "a client generated from OLD refuses answers NEW allows" };

/** A schema's types, `nullable` read as OpenAPI 3.1's "null". @param {any} schema @returns {string[]} */
export function typesOf(schema) {
  const types = schema?.type === undefined ? (schema?.properties ? ["object"] : []) : Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (schema?.nullable === true && types.length && !types.includes("null")) types.push("null");
  return types;
}

/** How the types changed: "changed" (some gone, some new), "narrowed", "widened", or undefined. @param {SchemaPair} pair */
function typeChange({ before, after }) {
  const [was, is] = [typesOf(before), typesOf(after)];
  if (!was.length && !is.length) return undefined;
  const widened = is.filter((type) => !was.includes(type) && !(type === "integer" && was.includes("number")));
  const narrowed = was.filter((type) => !is.includes(type) && !(type === "integer" && is.includes("number")));
  const text = `${was.join(" | ") || "any"} to ${is.join(" | ") || "any"}`;
  if (was.length && is.length && narrowed.length && widened.length) return { kind: "changed", text };
  if (narrowed.length || (!was.length && is.length)) return { kind: "narrowed", text };
  if (widened.length || (was.length && !is.length)) return { kind: "widened", text };
  return undefined;
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function typeChanged(pair) {
  const change = typeChange(pair);
  /** @type {Finding[]} */
  const found =
    change?.kind === "changed"
      ? [{ what: `type changed from ${change.text}`, why: "values of the old type are refused, and code typed for it no longer compiles" }]
      : [];
  const [was, is] = [pair.before.additionalProperties, pair.after.additionalProperties];
  const oneSchema = (typeof was === "object") !== (typeof is === "object") && (typeof was === "object" || typeof is === "object");
  if (oneSchema && was !== false && is !== false)
    found.push({ what: "additionalProperties schema changed", why: "what other fields may hold changed", keyword: "additionalProperties" });
  return found;
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function typeNarrowed(pair) {
  const change = typeChange(pair);
  return change?.kind === "narrowed" ? [{ what: `type narrowed from ${change.text}`, why: stricterWhy[pair.side] }] : [];
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function typeWidened(pair) {
  const change = typeChange(pair);
  return change?.kind === "widened" ? [{ what: `type widened from ${change.text}`, why: looserWhy[pair.side] }] : [];
}

const enumValues = (/** @type {any} */ schema) => schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
const missingFrom = (/** @type {unknown[]} */ list, /** @type {unknown[]} */ other) => list.filter((one) => !other.some((two) => show(two) === show(one)));

/** @param {SchemaPair} pair @returns {Finding[]} */
export function enumValueAdded({ before, after, side }) {
  const [was, is] = [enumValues(before), enumValues(after)];
  if (!was || !is) return [];
  return missingFrom(is, was).map((value) => ({
    what: `enum value ${show(value)} added`,
    why:
      side === "request"
        ? "a value clients may now send; none they sent is refused"
        : "answers may use it, and a client generated from OLD refuses a value it has never seen",
  }));
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function enumValueRemoved({ before, after, side }) {
  const [was, is] = [enumValues(before), enumValues(after)];
  if (!was || !is) return [];
  return missingFrom(was, is).map((value) => ({
    what: `enum value ${show(value)} removed`,
    why:
      side === "request"
        ? "a client generated from OLD may send it, and NEW refuses it"
        : "every answer NEW allows is one OLD allowed; code handling the value is now dead code (decision: docs/breaking.md, Judgement calls)",
  }));
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function valuesRestricted({ before, after, side }) {
  const [was, is] = [enumValues(before), enumValues(after)];
  return is && !was ? [{ what: `values restricted to ${is.map(show).join(", ")}`, why: stricterWhy[side] }] : [];
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function valuesUnrestricted({ before, after, side }) {
  const [was, is] = [enumValues(before), enumValues(after)];
  return was && !is ? [{ what: `values no longer restricted to ${was.map(show).join(", ")}`, why: looserWhy[side] }] : [];
}

/** Rules for a keyword whose value is added, removed or changed (pattern, format). @param {"pattern" | "format"} keyword */
export function keywordRules(keyword) {
  return {
    /** @param {SchemaPair} pair @returns {Finding[]} */
    added: ({ before, after, side }) =>
      before[keyword] === undefined && after[keyword] !== undefined ? [{ what: `${keyword} ${show(after[keyword])} added`, why: stricterWhy[side] }] : [],
    /** @param {SchemaPair} pair @returns {Finding[]} */
    removed: ({ before, after, side }) =>
      before[keyword] !== undefined && after[keyword] === undefined ? [{ what: `${keyword} ${show(before[keyword])} removed`, why: looserWhy[side] }] : [],
    /** @param {SchemaPair} pair @returns {Finding[]} */
    changed: ({ before, after }) =>
      before[keyword] !== undefined && after[keyword] !== undefined && before[keyword] !== after[keyword]
        ? [
            {
              what: `${keyword} changed from ${show(before[keyword])} to ${show(after[keyword])}`,
              why:
                keyword === "pattern"
                  ? "values valid under one may not be under the other: a person must judge (a relaxed pattern is fine)"
                  : "values valid under one are not under the other",
            },
          ]
        : [],
  };
}

/** The bounds a schema may set: a minimum rising or a maximum falling is stricter. */
export const bounds = [
  "minLength",
  "minimum",
  "exclusiveMinimum",
  "minItems",
  "minProperties",
  "maxLength",
  "maximum",
  "exclusiveMaximum",
  "maxItems",
  "maxProperties",
];

/** Every bound that changed, and whether it tightened. @param {SchemaPair} pair */
function boundChanges({ before, after }) {
  return bounds.flatMap((keyword) => {
    const [was, is] = [before[keyword], after[keyword]];
    if (was === is) return [];
    const lower = keyword.startsWith("min") || keyword === "exclusiveMinimum";
    const tighter = is === undefined ? false : was === undefined ? true : lower ? is > was : is < was;
    const what = was === undefined ? `${keyword} ${is} added` : is === undefined ? `${keyword} ${was} removed` : `${keyword} changed from ${was} to ${is}`;
    return [{ what, tighter }];
  });
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function boundTightened(pair) {
  return boundChanges(pair)
    .filter((one) => one.tighter)
    .map(({ what }) => ({ what, why: stricterWhy[pair.side] }));
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function boundRelaxed(pair) {
  return boundChanges(pair)
    .filter((one) => !one.tighter)
    .map(({ what }) => ({ what, why: looserWhy[pair.side] }));
}

const requiredOf = (/** @type {any} */ schema) => new Set(schema.required ?? []);
const propertiesOf = (/** @type {any} */ schema) => schema.properties ?? {};
const arrives = (/** @type {Side} */ side) => (side === "request" ? "a client generated from OLD may leave it out" : "answers now always carry it");

/** A property already there, now required. @param {SchemaPair} pair @returns {Finding[]} */
export function becameRequired({ before, after, side }) {
  const was = requiredOf(before);
  return [...requiredOf(after)]
    .filter((name) => !was.has(name) && name in propertiesOf(before))
    .map((name) => ({ what: "made required", why: arrives(side), property: name, keyword: "required" }));
}

/** A property that is new, and required. @param {SchemaPair} pair @returns {Finding[]} */
export function requiredPropertyAdded({ before, after, side }) {
  const was = requiredOf(before);
  // At the schema: the property and the required list both changed.
  return [...requiredOf(after)]
    .filter((name) => !was.has(name) && !(name in propertiesOf(before)))
    .map((name) => ({ what: "added as required", why: arrives(side), property: name, keyword: "" }));
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function becameOptional({ before, after, side }) {
  const is = requiredOf(after);
  const request = side === "request";
  return [...requiredOf(before)]
    .filter((name) => !is.has(name) && !(!request && !(name in propertiesOf(after)) && after.additionalProperties === false))
    .map((name) => ({
      what: "made optional",
      why: request ? "clients may still send it" : "answers may leave out a field OLD's clients and types count on",
      property: name,
      keyword: "required",
    }));
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function optionalPropertyAdded({ before, after, side }) {
  const required = requiredOf(after);
  return Object.keys(propertiesOf(after))
    .filter((name) => !(name in propertiesOf(before)) && !required.has(name))
    .map((name) => ({
      what: "added as optional",
      why: side === "request" ? "clients need not send it" : "clients that do not know it ignore it",
      property: name,
    }));
}

const removedNames = (/** @type {any} */ before, /** @type {any} */ after) =>
  Object.keys(propertiesOf(before)).filter((name) => !(name in propertiesOf(after)));

/** A property removed: from an answer, or from a request that still takes unknown fields. @param {SchemaPair} pair @returns {Finding[]} */
export function propertyRemoved({ before, after, side }) {
  if (side === "request" && after.additionalProperties === false) return [];
  return removedNames(before, after).map((name) => ({
    what: "removed",
    why:
      side === "request" ? "NEW ignores it when a client sends it" : "code reading it against OLD's types no longer compiles, and it is no longer in answers",
    property: name,
  }));
}

/** A property removed from a request that refuses unknown fields. @param {SchemaPair} pair @returns {Finding[]} */
export function propertyRemovedClosed({ before, after }) {
  if (after.additionalProperties !== false) return [];
  return removedNames(before, after).map((name) => ({
    what: "removed",
    why: "a client generated from OLD may send it, and NEW refuses unknown fields",
    property: name,
  }));
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function additionalPropertiesClosed({ before, after, side }) {
  return before.additionalProperties !== false && after.additionalProperties === false
    ? [{ what: "unknown fields no longer allowed", why: stricterWhy[side], keyword: "additionalProperties" }]
    : [];
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function additionalPropertiesOpened({ before, after, side }) {
  return before.additionalProperties === false && after.additionalProperties !== false
    ? [{ what: "unknown fields now allowed", why: looserWhy[side], keyword: "additionalProperties" }]
    : [];
}

/**
 * The branches of oneOf, anyOf or allOf that were added and removed; none when they were edited
 * in place (as many branches, the same number changed: the walk compares them branch by branch).
 * @param {any} before @param {any} after @param {"oneOf" | "anyOf" | "allOf"} keyword
 */
export function branchChanges(before, after, keyword) {
  const [was, is] = [before[keyword] ?? [], after[keyword] ?? []];
  const added = missingFrom(is, was);
  const removed = missingFrom(was, is);
  const inPlace = added.length > 0 && added.length === removed.length && was.length === is.length;
  return inPlace ? { inPlace, added: [], removed: [] } : { inPlace, added, removed };
}

/**
 * Rules for the branches of one keyword: a branch more in oneOf/anyOf allows more values, one
 * more in allOf fewer. @param {"oneOf" | "anyOf" | "allOf"} keyword
 */
export function branchRules(keyword) {
  const loose = keyword !== "allOf";
  return {
    /** @param {SchemaPair} pair @returns {Finding[]} */
    added: ({ before, after, side }) =>
      branchChanges(before, after, keyword).added.map((branch) => ({
        what: `${keyword} branch ${show(branch).slice(0, 60)} added`,
        why: loose ? looserWhy[side] : stricterWhy[side],
      })),
    /** @param {SchemaPair} pair @returns {Finding[]} */
    removed: ({ before, after, side }) =>
      branchChanges(before, after, keyword).removed.map((branch) => ({
        what: `${keyword} branch ${show(branch).slice(0, 60)} removed`,
        why: loose ? stricterWhy[side] : looserWhy[side],
      })),
  };
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function defaultChanged({ before, after }) {
  return show(before.default) !== show(after.default)
    ? [
        {
          what: `default changed from ${show(before.default) ?? "none"} to ${show(after.default) ?? "none"}`,
          why: "what a field left out means changed: a person must judge",
        },
      ]
    : [];
}

/** @param {"readOnly" | "writeOnly"} keyword */
export function directionChanged(keyword) {
  /** @param {SchemaPair} pair @returns {Finding[]} */
  return ({ before, after }) =>
    !!before[keyword] !== !!after[keyword]
      ? [{ what: `${keyword} ${after[keyword] ? "set" : "unset"}`, why: "which direction the field travels in changed: a person must judge" }]
      : [];
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function propertyDeprecated({ before, after }) {
  return !before.deprecated && after.deprecated ? [{ what: "deprecated", why: "it still works; clients are told to move off it" }] : [];
}

// The project's own extension: an answer whose body may be absent (the fake, the suite and the client read it).
const bodyOptional = (/** @type {any} */ schema) => schema["x-body-optional"] === true;

/** @param {SchemaPair} pair @returns {Finding[]} */
export function bodyBecameOptional({ before, after }) {
  return !bodyOptional(before) && bodyOptional(after)
    ? [{ what: "body made optional (x-body-optional)", why: "clients generated from OLD parse a body that may now be absent" }]
    : [];
}

/** @param {SchemaPair} pair @returns {Finding[]} */
export function bodyBecameRequired({ before, after }) {
  return bodyOptional(before) && !bodyOptional(after) ? [{ what: "body no longer optional (x-body-optional)", why: "answers now always carry one" }] : [];
}
