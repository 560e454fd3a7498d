// The rules of the breaking check, one registry: each rule id (named as oasdiff names its
// checks), its level, and a named function of a few lines that finds it. Schema rules run on
// every pair of schemas the walk meets, with the side they are on: a request schema is judged
// one way — what OLD allowed a client to send must still be accepted — and a response schema
// the other — what NEW allows a server to answer must still pass OLD's checks.

/** @typedef {"breaking" | "may-break" | "non-breaking"} Level */
/** @typedef {"request" | "response"} Side */
/**
 * What a rule reports through: `report(id, what, why, property?, keyword?)`, at the schema, one of
 * its properties, or one of its keywords (e.g. `required`, whose array a tree diff sees; "" for the schema itself).
 * @typedef {{ side: Side, where: string, pointer: string, report: (id: string, what: string, why: string, property?: string, keyword?: string) => void, recurse: (before: any, after: any, key: string, where: string) => void }} SchemaContext
 */

const show = (/** @type {unknown} */ value) => JSON.stringify(value);
const kebab = (/** @type {string} */ name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const stricterWhy = { request: "a client generated from OLD may send what NEW refuses", response: "every answer NEW allows still passes OLD's checks" };
const looserWhy = { request: "what OLD allowed a client to send is still accepted", response: "a client generated from OLD refuses answers NEW allows" };

/** @param {any} schema @returns {string[]} */
export function typesOf(schema) {
  const types = schema?.type === undefined ? (schema?.properties ? ["object"] : []) : Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  // OpenAPI 3.0's nullable is a type array's "null" in 3.1.
  if (schema?.nullable === true && types.length && !types.includes("null")) types.push("null");
  return types;
}

/** Stricter: breaking in a request, not in a response; looser the other way round. */
const stricter = (/** @type {Side} */ side) => /** @type {Level} */ (side === "request" ? "breaking" : "non-breaking");
const looser = (/** @type {Side} */ side) => /** @type {Level} */ (side === "request" ? "non-breaking" : "breaking");

/** Every rule id and its level; `${side}` ids exist for both sides. */
export const ruleLevels = {
  unclassified: "may-break",
  "documentation-changed": "non-breaking",
  "info-version-changed": "non-breaking",
  "components-judged-where-used": "non-breaking",
  "operation-removed": "breaking",
  "operation-added": "non-breaking",
  "operation-id-renamed": "breaking",
  "operation-method-changed": "breaking",
  "operation-path-changed": "breaking",
  "path-parameter-renamed": "breaking",
  "operation-deprecated": "non-breaking",
  "operation-reactivated": "non-breaking",
  "security-changed": "breaking",
  "server-url-changed": "may-break",
  "server-removed": "may-break",
  "server-added": "non-breaking",
  "wrong-pin-limit-changed": "may-break",
  "new-required-request-parameter": "breaking",
  "new-optional-request-parameter": "non-breaking",
  "request-parameter-removed": "breaking",
  "request-parameter-became-required": "breaking",
  "request-parameter-became-optional": "non-breaking",
  "request-parameter-in-changed": "breaking",
  "request-body-added-required": "breaking",
  "request-body-added-optional": "non-breaking",
  "request-body-removed": "breaking",
  "request-body-became-required": "breaking",
  "request-body-became-optional": "non-breaking",
  "request-media-type-removed": "breaking",
  "request-media-type-removed-another-stays": "may-break",
  "request-media-type-added": "non-breaking",
  "response-success-status-changed": "breaking",
  "response-status-added": "non-breaking",
  "response-status-removed": "non-breaking",
  "response-body-removed": "breaking",
  "response-body-added": "breaking",
  "response-body-became-optional": "breaking",
  "response-body-became-required": "non-breaking",
  "response-media-type-removed": "breaking",
  "response-media-type-removed-another-stays": "may-break",
  "response-media-type-added": "may-break",
  "response-required-header-removed": "breaking",
  "response-optional-header-removed": "non-breaking",
  "response-required-header-added": "non-breaking",
  "response-optional-header-added": "non-breaking",
  "response-header-became-optional": "breaking",
  "response-header-became-required": "non-breaking",
  ...sided({
    "property-type-changed": () => "breaking",
    "property-type-narrowed": stricter,
    "property-type-widened": looser,
    "property-enum-value-added": looser,
    "property-enum-value-removed": stricter,
    "property-values-restricted": stricter,
    "property-values-unrestricted": looser,
    "property-pattern-added": stricter,
    "property-pattern-removed": looser,
    "property-pattern-changed": () => "may-break",
    "property-format-added": stricter,
    "property-format-removed": looser,
    "property-format-changed": () => "breaking",
    "property-bound-tightened": stricter,
    "property-bound-relaxed": looser,
    "required-property-added": stricter,
    "property-became-required": stricter,
    "property-became-optional": looser,
    "optional-property-added": () => "non-breaking",
    "property-removed": (side) => (side === "request" ? "non-breaking" : "breaking"),
    "property-removed-closed": () => "breaking",
    "additional-properties-closed": stricter,
    "additional-properties-opened": looser,
    "oneof-branch-added": looser,
    "oneof-branch-removed": stricter,
    "anyof-branch-added": looser,
    "anyof-branch-removed": stricter,
    "allof-branch-added": stricter,
    "allof-branch-removed": looser,
    "property-default-changed": () => "may-break",
    "property-read-only-changed": () => "may-break",
    "property-write-only-changed": () => "may-break",
    "property-deprecated": () => "non-breaking",
  }),
};

/** @param {Record<string, (side: Side) => string>} table @returns {Record<string, string>} */
function sided(table) {
  return Object.fromEntries(
    Object.entries(table).flatMap(([id, level]) => /** @type {Side[]} */ (["request", "response"]).map((side) => [`${side}-${id}`, level(side)])),
  );
}

/** @param {string} id @returns {Level} */
export function levelOf(id) {
  const level = /** @type {Record<string, string>} */ (ruleLevels)[id];
  if (!level) throw new Error(`the breaking check has no rule ${id}`);
  return /** @type {Level} */ (level);
}

/** The bounds a schema may set: a minimum rising or a maximum falling is stricter. */
const bounds = [
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

// Schema rules: each a named function over one pair of schemas, with the keywords it reads.

/** @type {{ keywords: string[], check: (before: any, after: any, context: SchemaContext) => void }[]} */
export const schemaRules = [
  {
    keywords: ["type", "nullable"],
    check: function typeChanged(before, after, { side, report }) {
      const [was, is] = [typesOf(before), typesOf(after)];
      if (!was.length && !is.length) return;
      const widened = is.filter((type) => !was.includes(type) && !(type === "integer" && was.includes("number")));
      const narrowed = was.filter((type) => !is.includes(type) && !(type === "integer" && is.includes("number")));
      const text = `${was.join(" | ") || "any"} to ${is.join(" | ") || "any"}`;
      if (was.length && is.length && narrowed.length && widened.length)
        report(`${side}-property-type-changed`, `type changed from ${text}`, "values of the old type are refused, and code typed for it no longer compiles");
      else if (narrowed.length || (!was.length && is.length)) report(`${side}-property-type-narrowed`, `type narrowed from ${text}`, stricterWhy[side]);
      else if (widened.length || (was.length && !is.length)) report(`${side}-property-type-widened`, `type widened from ${text}`, looserWhy[side]);
    },
  },
  {
    keywords: ["enum", "const"],
    check: function enumChanged(before, after, { side, report }) {
      const values = (/** @type {any} */ schema) => schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
      const [was, is] = [values(before), values(after)];
      if (was && is) {
        for (const value of is.filter((/** @type {unknown} */ one) => !was.some((/** @type {unknown} */ old) => show(old) === show(one))))
          report(
            `${side}-property-enum-value-added`,
            `enum value ${show(value)} added`,
            side === "request"
              ? "a value clients may now send; none they sent is refused"
              : "answers may use it, and a client generated from OLD refuses a value it has never seen",
          );
        for (const value of was.filter((/** @type {unknown} */ one) => !is.some((/** @type {unknown} */ now) => show(now) === show(one))))
          report(
            `${side}-property-enum-value-removed`,
            `enum value ${show(value)} removed`,
            side === "request"
              ? "a client generated from OLD may send it, and NEW refuses it"
              : "every answer NEW allows is one OLD allowed; code handling the value is now dead code (decision: README, Versions)",
          );
      } else if (is) report(`${side}-property-values-restricted`, `values restricted to ${is.map(show).join(", ")}`, stricterWhy[side]);
      else if (was) report(`${side}-property-values-unrestricted`, `values no longer restricted to ${was.map(show).join(", ")}`, looserWhy[side]);
    },
  },
  ...["pattern", "format"].map((keyword) => ({
    keywords: [keyword],
    check: function patternOrFormatChanged(/** @type {any} */ before, /** @type {any} */ after, /** @type {SchemaContext} */ { side, report }) {
      const [was, is] = [before[keyword], after[keyword]];
      if (was === is) return;
      if (is === undefined) report(`${side}-property-${keyword}-removed`, `${keyword} ${show(was)} removed`, looserWhy[side]);
      else if (was === undefined) report(`${side}-property-${keyword}-added`, `${keyword} ${show(is)} added`, stricterWhy[side]);
      else
        report(
          `${side}-property-${keyword}-changed`,
          `${keyword} changed from ${show(was)} to ${show(is)}`,
          keyword === "pattern"
            ? "values valid under one may not be under the other: a person must judge (a relaxed pattern is fine)"
            : "values valid under one are not under the other",
        );
    },
  })),
  {
    keywords: bounds,
    check: function boundChanged(before, after, { side, report }) {
      for (const keyword of bounds) {
        const [was, is] = [before[keyword], after[keyword]];
        if (was === is) continue;
        const lower = keyword.startsWith("min") || keyword === "exclusiveMinimum";
        const tighter = is === undefined ? false : was === undefined ? true : lower ? is > was : is < was;
        const text = was === undefined ? `${keyword} ${is} added` : is === undefined ? `${keyword} ${was} removed` : `${keyword} changed from ${was} to ${is}`;
        report(`${side}-property-bound-${tighter ? "tightened" : "relaxed"}`, text, tighter ? stricterWhy[side] : looserWhy[side]);
      }
    },
  },
  {
    keywords: ["required", "properties"],
    check: function propertiesChanged(before, after, { side, report, recurse }) {
      const [wasRequired, isRequired] = [new Set(before.required ?? []), new Set(after.required ?? [])];
      const [was, is] = [before.properties ?? {}, after.properties ?? {}];
      const request = side === "request";
      for (const name of isRequired) {
        if (wasRequired.has(name)) continue;
        if (name in was)
          report(
            `${side}-property-became-required`,
            "made required",
            request ? "a client generated from OLD may leave it out" : "answers now always carry it",
            name,
            "required",
          );
        // At the schema: the property and the required list both changed.
        else
          report(
            `${side}-required-property-added`,
            "added as required",
            request ? "a client generated from OLD may leave it out" : "answers now always carry it",
            name,
            "",
          );
      }
      for (const name of wasRequired) {
        if (isRequired.has(name) || (!request && !(name in is) && after.additionalProperties === false)) continue;
        report(
          `${side}-property-became-optional`,
          "made optional",
          request ? "clients may still send it" : "answers may leave out a field OLD's clients and types count on",
          name,
          "required",
        );
      }
      for (const [name, property] of Object.entries(is)) {
        if (name in was) recurse(was[name], property, `properties/${name}`, name);
        else if (!isRequired.has(name))
          report(`${side}-optional-property-added`, "added as optional", request ? "clients need not send it" : "clients that do not know it ignore it", name);
      }
      for (const name of Object.keys(was)) {
        if (name in is) continue;
        if (!request)
          report("response-property-removed", "removed", "code reading it against OLD's types no longer compiles, and it is no longer in answers", name);
        else if (after.additionalProperties === false)
          report("request-property-removed-closed", "removed", "a client generated from OLD may send it, and NEW refuses unknown fields", name);
        else report("request-property-removed", "removed", "NEW ignores it when a client sends it", name);
      }
    },
  },
  {
    keywords: ["additionalProperties"],
    check: function additionalPropertiesChanged(before, after, { side, report, recurse }) {
      const [was, is] = [before.additionalProperties, after.additionalProperties];
      const at = "additionalProperties";
      if (was !== false && is === false) report(`${side}-additional-properties-closed`, "unknown fields no longer allowed", stricterWhy[side], undefined, at);
      else if (was === false && is !== false) report(`${side}-additional-properties-opened`, "unknown fields now allowed", looserWhy[side], undefined, at);
      else if (typeof was === "object" && typeof is === "object") recurse(was, is, at, "{additional}");
      else if (typeof was === "object" || typeof is === "object")
        report(`${side}-property-type-changed`, "additionalProperties schema changed", "what other fields may hold changed", undefined, at);
    },
  },
  {
    keywords: ["items"],
    check: function itemsChanged(before, after, { recurse }) {
      if (before.items || after.items) recurse(before.items ?? {}, after.items ?? {}, "items", "[]");
    },
  },
  ...["oneOf", "anyOf", "allOf"].map((keyword) => ({
    keywords: [keyword],
    check: function branchesChanged(/** @type {any} */ before, /** @type {any} */ after, /** @type {SchemaContext} */ { side, report, recurse }) {
      const [was, is] = [before[keyword] ?? [], after[keyword] ?? []];
      const id = keyword.toLowerCase();
      const added = is.filter((/** @type {unknown} */ one) => !was.some((/** @type {unknown} */ old) => show(old) === show(one)));
      const removed = was.filter((/** @type {unknown} */ one) => !is.some((/** @type {unknown} */ now) => show(now) === show(one)));
      // Edited in place (as many branches, one changed): compared branch by branch.
      if (added.length && added.length === removed.length && was.length === is.length) {
        for (let at = 0; at < was.length; at++) recurse(was[at], is[at], `${keyword}/${at}`, `${keyword}[${at}]`);
        return;
      }
      // A branch more in oneOf/anyOf allows more values; one more in allOf, fewer.
      const loose = keyword !== "allOf";
      for (const branch of added)
        report(`${side}-${id}-branch-added`, `${keyword} branch ${show(branch).slice(0, 60)} added`, loose ? looserWhy[side] : stricterWhy[side]);
      for (const branch of removed)
        report(`${side}-${id}-branch-removed`, `${keyword} branch ${show(branch).slice(0, 60)} removed`, loose ? stricterWhy[side] : looserWhy[side]);
    },
  })),
  {
    keywords: ["default"],
    check: function defaultChanged(before, after, { side, report }) {
      if (show(before.default) !== show(after.default))
        report(
          `${side}-property-default-changed`,
          `default changed from ${show(before.default) ?? "none"} to ${show(after.default) ?? "none"}`,
          "what a field left out means changed: a person must judge",
        );
    },
  },
  ...["readOnly", "writeOnly"].map((keyword) => ({
    keywords: [keyword],
    check: function visibilityChanged(/** @type {any} */ before, /** @type {any} */ after, /** @type {SchemaContext} */ { side, report }) {
      if (!!before[keyword] !== !!after[keyword])
        report(
          `${side}-property-${kebab(keyword)}-changed`,
          `${keyword} ${after[keyword] ? "set" : "unset"}`,
          "which direction the field travels in changed: a person must judge",
        );
    },
  })),
  {
    keywords: ["deprecated"],
    check: function propertyDeprecated(before, after, { side, report }) {
      if (!before.deprecated && after.deprecated) report(`${side}-property-deprecated`, "deprecated", "it still works; clients are told to move off it");
    },
  },
  {
    // The project's own extension: an answer whose body may be absent (the fake, the suite and the client read it).
    keywords: ["x-body-optional"],
    check: function bodyOptionalChanged(before, after, { report }) {
      const [was, is] = [before["x-body-optional"] === true, after["x-body-optional"] === true];
      if (!was && is)
        report("response-body-became-optional", "body made optional (x-body-optional)", "clients generated from OLD parse a body that may now be absent");
      if (was && !is) report("response-body-became-required", "body no longer optional (x-body-optional)", "answers now always carry one");
    },
  },
];

/** Keywords that say nothing a client acts on: what differs in them is no change. */
export const documentationKeywords = ["description", "summary", "title", "example", "examples", "x-codeSamples", "externalDocs", "$comment"];
