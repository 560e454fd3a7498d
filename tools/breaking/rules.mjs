// The breaking check's one table of rules, as oasdiff keeps its checker/rules.go: every rule's
// id, level, the part of the document it compares, what it means, and the function that finds
// it (in rules/, one file per family). The walk (walk.mjs) pairs the parts of OLD and NEW and
// runs the rules of each part on them; it names no rule but `unclassified` and the rules that
// say a difference is no change, which it takes from here. A rule id is written nowhere else
// (test/breaking.test.ts fails on one), so an unknown id cannot exist at run time.
//
// Breaking is judged from the client's side: a client generated from OLD (and code compiled
// against OLD's types) talking to a server that implements NEW. A schema rule runs on request
// schemas and response schemas, with a level for each side: a request judged one way — what OLD
// let a client send must still be accepted — a response the other — what NEW lets a server
// answer must still pass OLD's checks.
import * as bodies from "./rules/bodies.mjs";
import * as operations from "./rules/operations.mjs";
import * as parameters from "./rules/parameters.mjs";
import * as responses from "./rules/responses.mjs";
import * as schemas from "./rules/schemas.mjs";
import * as servers from "./rules/servers.mjs";

/** @typedef {"breaking" | "may-break" | "non-breaking"} Level */
/** @typedef {"request" | "response"} Side */
/**
 * What a rule found: what changed and why it matters; optionally where (in words) when it is not
 * the part itself, and for a schema the property and keyword it is at ("" for the schema itself).
 * @typedef {{ what: string, why: string, where?: string, property?: string, keyword?: string }} Finding
 */
/**
 * The parts of a document the walk pairs, and what each rule of a part is given.
 * @typedef {{
 *   operations: import("./rules/operations.mjs").OperationMatch,
 *   operation: import("./rules/operations.mjs").OperationPair,
 *   servers: import("./rules/servers.mjs").ServersPair,
 *   "path parameters": import("./rules/parameters.mjs").PathNames,
 *   parameter: import("./rules/parameters.mjs").ParameterMatch,
 *   "request body": import("./rules/bodies.mjs").BodyPair,
 *   responses: import("./rules/responses.mjs").ResponsesPair,
 *   response: import("./rules/responses.mjs").ResponsePair,
 *   header: import("./rules/responses.mjs").HeaderPair,
 *   schema: import("./rules/schemas.mjs").SchemaPair,
 *   document: { before: unknown, after: unknown },
 * }} Parts
 */
/**
 * A rule of one part: `side` set for a schema rule of one side only; `reads` the schema keywords it reads.
 * @template {keyof Parts} P
 * @typedef {{ id: string, level: Level, compares: P, means: string, find: (pair: Parts[P]) => Finding[], side?: Side, reads?: string[] }} Rule
 */

const none = () => [];

/**
 * A rule for one part. @template {keyof Parts} P
 * @param {string} id @param {Level} level @param {P} compares @param {string} means @param {(pair: Parts[P]) => Finding[]} find
 * @returns {Rule<P>}
 */
const rule = (id, level, compares, means, find) => ({ id, level, compares, means, find });

/**
 * A schema rule, as one entry per side it applies to: `request-<id>` and `response-<id>`, each with its level.
 * @param {string} id @param {{ request?: Level, response?: Level }} levels @param {string} means @param {string[]} reads
 * @param {(pair: Parts["schema"]) => Finding[]} find @returns {Rule<"schema">[]}
 */
function sided(id, levels, means, reads, find) {
  return /** @type {Side[]} */ (["request", "response"]).flatMap((side) => {
    const level = levels[side];
    return level ? [{ id: `${side}-${id}`, level, compares: /** @type {const} */ ("schema"), means, find, side, reads }] : [];
  });
}
/** Breaking in a request (a client may send what NEW refuses), not in a response. */
const stricter = /** @type {const} */ ({ request: "breaking", response: "non-breaking" });
/** Breaking in a response (an old client refuses what NEW answers), not in a request. */
const looser = /** @type {const} */ ({ request: "non-breaking", response: "breaking" });
const both = (/** @type {Level} */ level) => ({ request: level, response: level });

/** A difference no rule understands: reported with its pointer, never dropped; a person must judge. */
export const unclassified = rule("unclassified", "may-break", "document", "a difference no rule understands, with its JSON pointer: a person must judge", none);
/** Keywords that say nothing a client acts on: what differs in them is no change. */
export const documentationChanged = {
  ...rule("documentation-changed", "non-breaking", "document", "descriptions, summaries, titles, examples, code samples, external docs: no change", none),
  keywords: ["description", "summary", "title", "example", "examples", "x-codeSamples", "externalDocs", "$comment"],
};
/** The document's version, and the release snapshot's own mark: no change. */
export const versionChanged = {
  ...rule(
    "info-version-changed",
    "non-breaking",
    "document",
    "info.version (and the release snapshot's x-released): no change; the release check reads it",
    none,
  ),
  pointers: ["/info/version", "/x-released"],
};
/** Components are judged where they are used: dereferenced, every use holds its own copy. */
export const componentsJudgedWhereUsed = {
  ...rule("components-judged-where-used", "non-breaking", "document", "a component is judged where an operation uses it, not where it is declared", none),
  pointers: ["schemas", "parameters", "responses", "headers", "examples", "requestBodies"].map((kind) => `/components/${kind}`),
};

/** Every rule, by the part it compares. @type {{ [P in keyof Parts]: Rule<P>[] }} */
export const rules = {
  document: [unclassified, documentationChanged, versionChanged, componentsJudgedWhereUsed],
  operations: [
    rule("operation-removed", "breaking", "operations", "an operation is gone", operations.operationRemoved),
    rule("operation-id-renamed", "breaking", "operations", "the same method and path under another operationId", operations.operationIdRenamed),
    rule("operation-added", "non-breaking", "operations", "a new operation", operations.operationAdded),
  ],
  operation: [
    rule("operation-method-changed", "breaking", "operation", "an operation's method changed", operations.methodChanged),
    rule("operation-path-changed", "breaking", "operation", "an operation's path changed (other than its parameters' names)", operations.pathChanged),
    rule("operation-deprecated", "non-breaking", "operation", "an operation marked deprecated", operations.deprecated),
    rule("operation-reactivated", "non-breaking", "operation", "an operation no longer deprecated", operations.reactivated),
    rule("security-changed", "breaking", "operation", "the auth scheme, its header, or the operation's security changed", operations.securityChanged),
    rule(
      "wrong-pin-limit-changed",
      "may-break",
      "operation",
      "x-wrong-pin-limit changed (the fake and the contract suite read it)",
      operations.wrongPinLimitChanged,
    ),
  ],
  servers: [
    rule("server-url-changed", "may-break", "servers", "a server's URL changed in place", servers.serverUrlChanged),
    rule("server-removed", "may-break", "servers", "a server removed", servers.serverRemoved),
    rule("server-added", "non-breaking", "servers", "a server added", servers.serverAdded),
  ],
  "path parameters": [
    rule("path-parameter-renamed", "breaking", "path parameters", "a path parameter renamed (code passes them by name)", parameters.pathParameterRenamed),
  ],
  parameter: [
    rule("new-required-request-parameter", "breaking", "parameter", "a required query or header parameter added", parameters.requiredParameterAdded),
    rule("new-optional-request-parameter", "non-breaking", "parameter", "an optional parameter added", parameters.optionalParameterAdded),
    rule("request-parameter-removed", "breaking", "parameter", "a parameter removed", parameters.parameterRemoved),
    rule("request-parameter-in-changed", "breaking", "parameter", "a parameter moved (its in changed)", parameters.parameterMoved),
    rule("request-parameter-became-required", "breaking", "parameter", "a parameter made required", parameters.parameterBecameRequired),
    rule("request-parameter-became-optional", "non-breaking", "parameter", "a parameter made optional", parameters.parameterBecameOptional),
  ],
  "request body": [
    rule("request-body-added-required", "breaking", "request body", "a required request body added", bodies.bodyAddedRequired),
    rule("request-body-added-optional", "non-breaking", "request body", "an optional request body added", bodies.bodyAddedOptional),
    rule("request-body-removed", "breaking", "request body", "the request body removed", bodies.bodyRemoved),
    rule("request-body-became-required", "breaking", "request body", "the request body made required", bodies.bodyBecameRequired),
    rule("request-body-became-optional", "non-breaking", "request body", "the request body made optional", bodies.bodyBecameOptional),
    rule("request-media-type-removed", "breaking", "request body", "the only JSON media type of a request removed", bodies.mediaTypeRemoved),
    rule(
      "request-media-type-removed-another-stays",
      "may-break",
      "request body",
      "a request media type removed while a JSON one stays",
      bodies.mediaTypeRemovedAnotherStays,
    ),
    rule("request-media-type-added", "non-breaking", "request body", "a request media type added", bodies.mediaTypeAdded),
  ],
  responses: [
    rule("response-success-status-changed", "breaking", "responses", "an operation's success status changed", responses.successStatusChanged),
    rule("response-status-added", "non-breaking", "responses", "an error status declared (a client maps every status, declared or not)", responses.statusAdded),
    rule("response-status-removed", "non-breaking", "responses", "an error status no longer declared", responses.statusRemoved),
  ],
  response: [
    rule("response-body-removed", "breaking", "response", "a success's body removed", responses.bodyRemoved),
    rule("response-body-added", "breaking", "response", "a body added to a success that had none", responses.bodyAdded),
    rule("response-media-type-removed", "breaking", "response", "a response's only JSON media type removed (or an error's body)", responses.mediaTypeRemoved),
    rule(
      "response-media-type-removed-another-stays",
      "may-break",
      "response",
      "a response media type removed while another stays",
      responses.mediaTypeRemovedAnotherStays,
    ),
    rule("response-media-type-added", "may-break", "response", "a response may come in a new media type", responses.mediaTypeAdded),
  ],
  header: [
    rule("response-required-header-removed", "breaking", "header", "a required response header removed", responses.requiredHeaderRemoved),
    rule("response-optional-header-removed", "non-breaking", "header", "an optional response header removed", responses.optionalHeaderRemoved),
    rule("response-header-became-optional", "breaking", "header", "a response header made optional", responses.headerBecameOptional),
    rule("response-header-became-required", "non-breaking", "header", "a response header made required", responses.headerBecameRequired),
    rule("response-required-header-added", "non-breaking", "header", "a required response header added", responses.requiredHeaderAdded),
    rule("response-optional-header-added", "non-breaking", "header", "an optional response header added", responses.optionalHeaderAdded),
  ],
  schema: [
    ...sided(
      "property-type-changed",
      both("breaking"),
      "a type replaced by another (or an additionalProperties schema changed)",
      ["type", "nullable"],
      schemas.typeChanged,
    ),
    ...sided(
      "property-type-narrowed",
      stricter,
      "a type narrowed (a type removed from a type list, or a type set where any was allowed)",
      ["type", "nullable"],
      schemas.typeNarrowed,
    ),
    ...sided("property-type-widened", looser, "a type widened (null or another type allowed, or no type any more)", ["type", "nullable"], schemas.typeWidened),
    ...sided("property-enum-value-added", looser, "a value added to an enum", ["enum", "const"], schemas.enumValueAdded),
    ...sided("property-enum-value-removed", stricter, "a value removed from an enum", ["enum", "const"], schemas.enumValueRemoved),
    ...sided("property-values-restricted", stricter, "an enum or const set where any value was allowed", ["enum", "const"], schemas.valuesRestricted),
    ...sided("property-values-unrestricted", looser, "an enum or const removed", ["enum", "const"], schemas.valuesUnrestricted),
    ...sided("property-pattern-added", stricter, "a pattern added", ["pattern"], schemas.keywordRules("pattern").added),
    ...sided("property-pattern-removed", looser, "a pattern removed", ["pattern"], schemas.keywordRules("pattern").removed),
    ...sided(
      "property-pattern-changed",
      both("may-break"),
      "a pattern changed: whether it is stricter cannot be told, a person judges",
      ["pattern"],
      schemas.keywordRules("pattern").changed,
    ),
    ...sided("property-format-added", stricter, "a format added", ["format"], schemas.keywordRules("format").added),
    ...sided("property-format-removed", looser, "a format removed", ["format"], schemas.keywordRules("format").removed),
    ...sided("property-format-changed", both("breaking"), "a format changed (formats do not overlap)", ["format"], schemas.keywordRules("format").changed),
    ...sided("property-bound-tightened", stricter, "a length, range, size or count bound made stricter", schemas.bounds, schemas.boundTightened),
    ...sided("property-bound-relaxed", looser, "a length, range, size or count bound relaxed", schemas.bounds, schemas.boundRelaxed),
    ...sided("required-property-added", stricter, "a property added as required", ["required", "properties"], schemas.requiredPropertyAdded),
    ...sided("property-became-required", stricter, "a property made required", ["required"], schemas.becameRequired),
    ...sided("property-became-optional", looser, "a property made optional", ["required"], schemas.becameOptional),
    ...sided("optional-property-added", both("non-breaking"), "a property added as optional", ["properties"], schemas.optionalPropertyAdded),
    ...sided(
      "property-removed",
      looser,
      "a property removed (from a request that takes unknown fields: NEW ignores it)",
      ["properties"],
      schemas.propertyRemoved,
    ),
    ...sided(
      "property-removed-closed",
      { request: "breaking" },
      "a property removed from a request that refuses unknown fields",
      ["properties"],
      schemas.propertyRemovedClosed,
    ),
    ...sided("additional-properties-closed", stricter, "unknown fields no longer allowed", ["additionalProperties"], schemas.additionalPropertiesClosed),
    ...sided("additional-properties-opened", looser, "unknown fields now allowed", ["additionalProperties"], schemas.additionalPropertiesOpened),
    ...sided("oneof-branch-added", looser, "a oneOf branch added", ["oneOf"], schemas.branchRules("oneOf").added),
    ...sided("oneof-branch-removed", stricter, "a oneOf branch removed", ["oneOf"], schemas.branchRules("oneOf").removed),
    ...sided("anyof-branch-added", looser, "an anyOf branch added", ["anyOf"], schemas.branchRules("anyOf").added),
    ...sided("anyof-branch-removed", stricter, "an anyOf branch removed", ["anyOf"], schemas.branchRules("anyOf").removed),
    ...sided("allof-branch-added", stricter, "an allOf branch added (one more schema to satisfy)", ["allOf"], schemas.branchRules("allOf").added),
    ...sided("allof-branch-removed", looser, "an allOf branch removed", ["allOf"], schemas.branchRules("allOf").removed),
    ...sided("property-default-changed", both("may-break"), "a default changed: what a field left out means", ["default"], schemas.defaultChanged),
    ...sided("property-read-only-changed", both("may-break"), "readOnly set or unset", ["readOnly"], schemas.directionChanged("readOnly")),
    ...sided("property-write-only-changed", both("may-break"), "writeOnly set or unset", ["writeOnly"], schemas.directionChanged("writeOnly")),
    ...sided("property-deprecated", both("non-breaking"), "a property marked deprecated", ["deprecated"], schemas.propertyDeprecated),
    {
      ...rule("response-body-became-optional", "breaking", "schema", "a success's body made optional (x-body-optional)", schemas.bodyBecameOptional),
      reads: ["x-body-optional"],
    },
    {
      ...rule("response-body-became-required", "non-breaking", "schema", "a body no longer optional (x-body-optional)", schemas.bodyBecameRequired),
      reads: ["x-body-optional"],
    },
  ],
};

/** What `--list-rules` prints of a rule. @typedef {{ id: string, level: Level, compares: keyof Parts, means: string }} RuleInfo */

/** Every rule, in the table's order. @type {RuleInfo[]} */
export const allRules = Object.values(rules).flat();
