// Every check of the suite, in one registry, as Schemathesis registers its checks: each entry is
// the check's name, what it holds the server to, which answers it applies to, why a server that
// keeps no state cannot pass it (when it cannot), and its judgement — a function of one exchange,
// the document and the model (what the server should hold, before the exchange) that returns what
// is wrong. `runChecks` is the one place every selected check is run, on every exchange; the
// selection (`--checks`, `--exclude-checks`, `--stateless`) is applied there and nowhere else.
// Adding a check is one entry here.
import { isJsonMediaType } from "../media-type.js";
import type { Exchange } from "./exchange.ts";
import { succeeded } from "./exchange.ts";
import type { Held, Model } from "./model.ts";
import { sameParents } from "./model.ts";
import type { Diagnostic, HttpOperation, Prism } from "./prism.ts";
import type { ResourceTree } from "./resource-tree.ts";
import {
  createdBy,
  declaredCodes,
  invalidInputCodes,
  operationName,
  pathParams,
  record,
  successCodes,
  successSchema,
  writeOnlyFields,
} from "./resource-tree.ts";

/** What a check reads besides the exchange: the document, the model before the exchange, the validator, the run's settings. */
export interface CheckContext {
  tree: ResourceTree;
  model: Model;
  /** Prism's findings about the answer against the document (computed once, for the checks that read it). */
  diagnostics(): Diagnostic[];
  /** Wrong PINs a verification takes before it answers throttled. */
  maxWrongPins: number | undefined;
}

/** A rule an answer broke: the check's name and what was wrong. */
export interface Failure {
  /** The check, e.g. "status_code_conformance", "exact_list", "parent_scope" (see `checks`). */
  rule: CheckName;
  /** What was wrong, in words. */
  message: string;
}

/** What a check is: what it holds the server to, and where. */
export interface CheckInfo {
  /** What the check holds the server to. */
  checks: string;
  /** Which answers it applies to. */
  appliesTo: string;
}

interface CheckDefinition extends CheckInfo {
  /** Why a server that keeps no state (a mock answering examples) cannot pass it; absent when it can. */
  needsState?: string;
  /** What is wrong with the exchange, in words; nothing when it holds. */
  judge(exchange: Exchange, context: CheckContext): string[];
}

const statusOf = (exchange: Exchange) => exchange.answer?.status;
const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const isScalar = (value: unknown) => value === null || typeof value !== "object";
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…(${text.length} characters)` : text;
};
const validCredentials = (exchange: Exchange) => (exchange.spec.auth ?? "valid") === "valid";
/** A request the model can judge: sent with the credentials, as the document's JSON. */
const modelled = (exchange: Exchange) => validCredentials(exchange) && !exchange.spec.raw && (exchange.spec.encoding ?? "json") === "json";
const judged = (exchange: Exchange) => !exchange.spec.intent?.noteOnly;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The declared response for the answer's status (or `default`). */
function declaredResponse(exchange: Exchange) {
  const status = String(statusOf(exchange));
  return exchange.operation.responses.find((one) => one.code === status) ?? exchange.operation.responses.find((one) => one.code.toLowerCase() === "default");
}

/** Whether the answer is one whose body the document declares as JSON (and it came, or had to). */
function declaresJson(exchange: Exchange): boolean {
  const contents = declaredResponse(exchange)?.contents ?? [];
  if (!contents.some((one) => isJsonMediaType(one.mediaType))) return false;
  const optional = contents.some((one) => one.schema?.["x-body-optional"] === true);
  return !(optional && exchange.answer?.text.length === 0);
}

/** What a check of the answer against the document reports from Prism's validator, by where it points. */
const diagnosticsAt = (context: CheckContext, where: (path: string) => boolean) =>
  context
    .diagnostics()
    .filter((one) => where(String(one.path?.[0] ?? "")))
    .map((one) => one.message);

/** The held resource a read, list or delete names, when the model holds it and it was reached under its own parents. */
function ownNamed(exchange: Exchange, model: Model) {
  const named = model.named(exchange.operation, exchange.spec.params);
  return named?.own ? named.held : undefined;
}

/** A held resource that was never deleted, read under its own parents, answering 404: vanished, for a check to say how. */
function vanished(exchange: Exchange, model: Model): Held | undefined {
  const held = modelled(exchange) ? ownNamed(exchange, model) : undefined;
  return held && !held.gone && held.resource.reader === exchange.operation && statusOf(exchange) === 404 ? held : undefined;
}

/** The list a lister answered under a parent the model holds, with what it should hold: for requests the model can judge. */
const predictedList = (exchange: Exchange, context: CheckContext) => (modelled(exchange) ? context.model.listedIn(exchange) : undefined);

/** Every field sent that the answer schema has comes back as sent; id, ctime and the like as the create answered. */
function storedValueProblems(held: Held, answer: Record<string, unknown>, what: string): string[] {
  const problems: string[] = [];
  const answered = Object.keys(successSchema(held.resource.creator)?.properties ?? {});
  for (const field of answered) {
    if (!(field in held.sent) || !isScalar(held.sent[field]) || !(field in answer)) continue;
    if (answer[field] !== held.sent[field]) problems.push(`${field} was sent as ${shown(held.sent[field])}; the ${what} answered ${shown(answer[field])}`);
  }
  for (const [field, created] of Object.entries(held.answer)) {
    if (!isScalar(created) || !(field in answer) || field in held.sent) continue;
    if (answer[field] !== created)
      problems.push(`${field} was ${shown(created)} when created, ${shown(answer[field])} when ${what === "read" ? "read" : "listed"}`);
  }
  return problems;
}

/** The user a two-factor exchange is for, when the model holds it under its own parent; and the pair. */
function twoFactorUser(exchange: Exchange, context: CheckContext) {
  const pair = context.tree.twoFactor;
  if (!pair || (exchange.operation !== pair.verify && exchange.operation !== pair.start) || !modelled(exchange)) return undefined;
  const user = ownNamed(exchange, context.model);
  return user && !user.gone ? { pair, user, state: context.model.pin(user) } : undefined;
}

/** What a verification should answer, as the model holds the user's two-factor state; undefined when it cannot tell. */
function expectedVerification(exchange: Exchange, context: CheckContext) {
  const found = twoFactorUser(exchange, context);
  if (!found || exchange.operation !== found.pair.verify || !succeeded(exchange) || found.state.uncertain) return undefined;
  const { pair, user, state } = found;
  const token = record(exchange.spec.body)[pair.tokenField];
  const answer = record(exchange.answer?.json);
  return { user, state, token, verified: answer.verified, throttled: record(answer.status).throttled, pair };
}

/** The registry: every check, by name, with what it checks, where, and its judgement. Adding a check is adding an entry here. */
export const checks = {
  not_a_server_error: {
    checks: "no answer is a 5xx",
    appliesTo: "every answer",
    judge: (exchange) => {
      const status = statusOf(exchange);
      return status !== undefined && status >= 500 && judged(exchange) ? [`the server answered ${status}`] : [];
    },
  },
  status_code_conformance: {
    checks: "the status is one the document declares for the operation",
    appliesTo: "every answer (a refused body in an undeclared media type may be any 4xx)",
    judge: (exchange) => {
      const status = statusOf(exchange);
      if (status === undefined || declaredResponse(exchange) || !judged(exchange)) return [];
      if (exchange.spec.intent?.undeclaredMediaType && status >= 400 && status < 500) return [];
      const { operation } = exchange;
      return [`${status} is not a status the document declares for ${operationName(operation)} (${operation.responses.map((one) => one.code).join(", ")})`];
    },
  },
  content_type_conformance: {
    checks: "a JSON body is labelled application/json (or +json)",
    appliesTo: "every answer with a declared body",
    judge: (exchange) => {
      const contentType = exchange.answer?.headers["content-type"];
      if (!exchange.answer || !judged(exchange) || !declaresJson(exchange) || isJsonMediaType(contentType)) return [];
      const declared = (declaredResponse(exchange)?.contents ?? []).map((one) => one.mediaType).join(", ");
      return [`the answer's content type is ${contentType ? `"${contentType}"` : "missing"}; the document declares ${declared}`];
    },
  },
  response_schema_conformance: {
    checks: "the body matches the declared schema (Prism's validator)",
    appliesTo: "every answer with a declared body",
    judge: (exchange, context) => {
      const { answer } = exchange;
      if (!answer || !judged(exchange) || !declaresJson(exchange)) return [];
      if (answer.json === undefined) return [answer.text.length ? "the body is not JSON" : "the body is empty"];
      return diagnosticsAt(context, (path) => path === "body");
    },
  },
  response_headers_conformance: {
    checks: "the headers match the declared ones",
    appliesTo: "every answer",
    judge: (exchange, context) =>
      exchange.answer && judged(exchange) && declaredResponse(exchange) ? diagnosticsAt(context, (path) => /^header/.test(path)) : [],
  },
  response_conformance: {
    checks: "anything else Prism's validator finds in the answer",
    appliesTo: "every answer",
    judge: (exchange, context) =>
      exchange.answer && judged(exchange) && declaredResponse(exchange) ? diagnosticsAt(context, (path) => path !== "body" && !/^header/.test(path)) : [],
  },
  response_time: {
    checks: "the answer comes within --request-timeout",
    appliesTo: "every request",
    judge: (exchange) => (exchange.problem?.kind === "timeout" ? [exchange.problem.message] : []),
  },
  response_size: {
    checks: "the body is at most 1 MiB (after decoding)",
    appliesTo: "every answer",
    judge: (exchange) => (exchange.problem?.kind === "too large" ? [exchange.problem.message] : []),
  },
  no_answer: {
    checks: "the server answers at all (no reset, no refused connection)",
    appliesTo: "every request",
    judge: (exchange) => (exchange.problem?.kind === "no answer" ? [exchange.problem.message] : []),
  },
  write_only_hidden: {
    checks: "no answer carries a field the document marks writeOnly",
    appliesTo: "every 2xx answer",
    judge: (exchange, context) =>
      succeeded(exchange) && exchange.answer?.json !== undefined
        ? writeOnlyFields(context.tree.operations)
            .filter((field) => holdsKey(exchange.answer?.json, field, 0))
            .map((field) => `the answer carries ${field}, which the document marks writeOnly (never returned)`)
        : [],
  },
  positive_data_acceptance: {
    checks: "a valid request succeeds (2xx)",
    appliesTo: "every request a case counts on: positive cases, the creates and reads a case stands on",
    judge: (exchange) => {
      const { intent } = exchange.spec;
      const status = statusOf(exchange);
      if (!intent?.succeeds || status === undefined || is2xx(status)) return [];
      // A name an earlier run left behind: the create is tried again with another.
      if (intent.mayBeTaken && status === 409 && declaredCodes(exchange.operation).includes(409)) return [];
      return [`${intent.succeeds} must succeed: expected ${successCodes(exchange.operation).join(" or ")}, got ${status}`];
    },
  },
  negative_data_rejection: {
    checks: "an invalid body is refused with the declared 400/422",
    appliesTo: "bad-input cases",
    judge: (exchange) => {
      const status = statusOf(exchange);
      const expected = invalidInputCodes(exchange.operation);
      if (!exchange.spec.intent?.invalid || status === undefined || expected.includes(status)) return [];
      return [`an invalid body must be refused with a declared 4xx: expected ${expected.join(" or ")}, got ${status}`];
    },
  },
  media_type_rejection: {
    checks: "a body in a media type the document does not declare (form-encoded, multipart) is refused with a 4xx and creates nothing",
    appliesTo: "media-type cases",
    judge: (exchange) => {
      const type = exchange.spec.intent?.undeclaredMediaType;
      const status = statusOf(exchange);
      if (!type || status === undefined || (status >= 400 && status < 500)) return [];
      return [`the body sent as ${type}, a media type the document does not declare, must be refused with a 4xx: got ${status}`];
    },
  },
  ignored_auth: {
    checks: "no or wrong credentials are refused with 401",
    appliesTo: "auth cases",
    needsState: "it knows no password, so it takes any",
    judge: (exchange) => {
      const auth = exchange.spec.auth ?? "valid";
      const status = statusOf(exchange);
      const expected = declaredCodes(exchange.operation).includes(401) ? [401] : [401, 403];
      if (auth === "valid" || status === undefined || expected.includes(status)) return [];
      return [`${auth === "none" ? "a request without credentials" : "a wrong password"} must be refused: expected ${expected.join(" or ")}, got ${status}`];
    },
  },
  unknown_id: {
    checks: "an id that does not exist answers 404",
    appliesTo: "every request that names an id the run made up",
    needsState: "it cannot know which ids exist",
    judge: (exchange, context) => {
      const status = statusOf(exchange);
      const unknown = pathParams(exchange.operation).find((name) => context.model.isMadeUp(exchange.spec.params[name]));
      if (!unknown || status === undefined || status === 404 || !validCredentials(exchange) || !declaredCodes(exchange.operation).includes(404)) return [];
      return [`a ${unknown} that does not exist must answer 404, got ${status}`];
    },
  },
  ensure_resource_availability: {
    checks: "what a create made can be read back and is listed",
    appliesTo: "every read and list of what the run created",
    needsState: "it holds nothing it was sent",
    judge: (exchange, context) => {
      const gone = vanished(exchange, context.model);
      if (gone) {
        if (context.model.deletedSince(gone)) return [];
        return [`this ${gone.resource.param} was created and never deleted: expected ${successCodes(exchange.operation).join(" or ")}, got 404`];
      }
      const list = predictedList(exchange, context);
      if (!list || list.parent.uncertain) return [];
      const missing = list.expected.filter((one) => !list.items.has(one.id) && !context.model.deletedSince(one));
      return missing.length ? [`what was created is not in the list: ${missing.map((one) => `${list.resource.param} ${one.id}`).join(", ")}`] : [];
    },
  },
  duplicate_rejection: {
    checks: "the same create twice under one parent answers 409",
    appliesTo: "every create of what the model holds already",
    needsState: "it holds nothing to be a duplicate of",
    judge: (exchange, context) => {
      const creates = createdBy(context.tree, exchange.operation);
      const status = statusOf(exchange);
      if (!creates || !modelled(exchange) || status === undefined || status === 409 || !declaredCodes(exchange.operation).includes(409)) return [];
      const twin = context.model.childrenOf(creates, exchange.spec.params).find((one) => sameJson(one.sent, record(exchange.spec.body)));
      return twin ? [`creating the same ${creates.param} twice (as ${twin.id}) must answer 409, got ${status}`] : [];
    },
  },
  use_after_free: {
    checks: "after a delete, every read of it and a second delete answer 404",
    appliesTo: "every read and delete of what the run deleted",
    needsState: "it deletes nothing",
    judge: (exchange, context) => {
      const held = modelled(exchange) ? ownNamed(exchange, context.model) : undefined;
      const status = statusOf(exchange);
      if (held?.gone !== "deleted" || status === undefined || status === 404) return [];
      if (held.resource.reader !== exchange.operation && held.resource.deleter !== exchange.operation) return [];
      return [`this ${held.resource.param} was deleted: ${operationName(exchange.operation)} must answer 404, got ${status}`];
    },
  },
  delete_with_children: {
    checks: "deleting a parent that has children is refused (409) or deletes them all",
    appliesTo: "every delete of a parent, and every read of what it held",
    needsState: "it holds no children",
    judge: (exchange, context) => {
      const held = modelled(exchange) ? ownNamed(exchange, context.model) : undefined;
      const status = statusOf(exchange);
      if (!held || status === undefined) return [];
      if (held.gone === "with its parent" && status !== 404 && held.resource.reader === exchange.operation) {
        return [`this ${held.resource.param}'s parent was deleted: it must be gone too, and ${operationName(exchange.operation)} answer 404, got ${status}`];
      }
      if (held.gone || held.resource.deleter !== exchange.operation) return [];
      const children = context.model.heldUnder(held);
      const allowed = [...(declaredCodes(exchange.operation).includes(409) ? [409] : []), ...successCodes(exchange.operation)];
      if (!children.length || allowed.includes(status)) return [];
      return [`deleting a ${held.resource.param} that still has a ${children[0]!.resource.param}: expected ${allowed.join(" or ")}, got ${status}`];
    },
  },
  stored_values: {
    checks: "every field sent that the answer has comes back exactly as sent; id and ctime never change between reads",
    appliesTo: "every read and list answer of what the run created",
    needsState: "it answers its examples, not what it was sent",
    judge: (exchange, context) => {
      if (!succeeded(exchange) || !modelled(exchange)) return [];
      const list = predictedList(exchange, context);
      if (list) {
        return [...list.items].flatMap(([id, item]) => {
          const held = context.model.get(list.resource.param, id);
          return held && !held.gone && sameParents(held, exchange.spec.params) ? storedValueProblems(held, item, "list") : [];
        });
      }
      const held = ownNamed(exchange, context.model);
      return held && !held.gone && held.resource.reader === exchange.operation ? storedValueProblems(held, record(exchange.answer?.json), "read") : [];
    },
  },
  exact_list: {
    checks: "a list holds exactly the children the model holds under that parent",
    appliesTo: "every list under a parent the run created",
    needsState: "it lists its examples",
    judge: (exchange, context) => {
      const list = predictedList(exchange, context);
      if (!list) return [];
      const problems: string[] = [];
      const { resource, items, expected } = list;
      for (const id of items.keys()) {
        const held = context.model.get(resource.param, id);
        if (held && !sameParents(held, exchange.spec.params)) problems.push(`the list holds ${resource.param} ${id}, which belongs to another parent`);
        else if (held?.gone) problems.push(`the list holds ${resource.param} ${id}, which was deleted`);
      }
      if (list.parent.uncertain) return problems;
      const missing = expected.filter((one) => !items.has(one.id));
      if (missing.length) {
        problems.push(
          `the list misses ${missing.length} of the ${expected.length} ${resource.param}s created under it (${missing.map((one) => one.id).join(", ")})`,
        );
      }
      const unknown = [...items.keys()].filter((id) => !context.model.knows(resource.param, id));
      if (unknown.length) problems.push(`the list holds ${unknown.length} ${resource.param}s never created under it (${unknown.slice(0, 3).join(", ")})`);
      return problems;
    },
  },
  parent_scope: {
    checks: "a child is reachable only under its own parent: under another one every operation answers 404 and changes nothing",
    appliesTo: "every request that names a child under another parent",
    needsState: "it has no parents or children",
    judge: (exchange, context) => {
      const named = modelled(exchange) ? context.model.named(exchange.operation, exchange.spec.params) : undefined;
      const status = statusOf(exchange);
      if (named?.foreignParent && status !== undefined && status !== 404) {
        const other = pathParams(exchange.operation).find((name) => named.held.params[name] !== exchange.spec.params[name]);
        return [`a ${named.held.resource.param} of another ${other} was reached here: expected 404, got ${status}`];
      }
      // The PIN sent stopped verifying its own user after requests for it under another parent.
      const verification = expectedVerification(exchange, context);
      const { state } = verification ?? {};
      if (!verification || !state?.pending?.pin || verification.token !== state.pending.pin || verification.verified === true) return [];
      if ((state.touchedElsewhereAt ?? -1) < state.pending.startedAt) return [];
      return ["the PIN sent no longer verifies its own user after requests for it under another parent"];
    },
  },
  unique_per_parent: {
    checks: "what is a duplicate under one parent is accepted under another",
    appliesTo: "every create of what the model holds under another parent only",
    needsState: "it holds nothing to compare",
    judge: (exchange, context) => {
      const creates = createdBy(context.tree, exchange.operation);
      const status = statusOf(exchange);
      if (!creates || !modelled(exchange) || status === undefined || is2xx(status) || status === 401) return [];
      const parents = pathParams(exchange.operation);
      if (!parents.length) return [];
      const body = record(exchange.spec.body);
      const here = context.model.childrenOf(creates, exchange.spec.params).some((one) => sameJson(one.sent, body));
      const elsewhere = context.model.childrenOf(creates, {}).some((one) => sameJson(one.sent, body) && !sameParents(one, exchange.spec.params));
      return !here && elsewhere
        ? [
            `the same body under another ${parents.at(-1)} is another ${creates.param}: expected ${successCodes(exchange.operation).join(" or ")}, got ${status}`,
          ]
        : [];
    },
  },
  delete_isolation: {
    checks: "a delete removes its target only: siblings and other parents' children are unchanged",
    appliesTo: "every read and list after a delete",
    needsState: "it deletes nothing",
    judge: (exchange, context) => {
      const gone = vanished(exchange, context.model);
      if (gone) {
        return context.model.deletedSince(gone)
          ? [`this ${gone.resource.param} was not deleted, but is gone since another delete: a delete took more than its target`]
          : [];
      }
      const list = predictedList(exchange, context);
      if (!list || list.parent.uncertain) return [];
      const taken = list.expected.filter((one) => !list.items.has(one.id) && context.model.deletedSince(one));
      return taken.length
        ? [`a delete took more than its target: ${taken.map((one) => `${list.resource.param} ${one.id}`).join(", ")} is no longer listed`]
        : [];
    },
  },
  two_factor_method: {
    checks: "a start answers the method asked, or sms for an app (the document's fallback)",
    appliesTo: "every start answer",
    judge: (exchange, context) => {
      const pair = context.tree.twoFactor;
      if (!pair || exchange.operation !== pair.start || !succeeded(exchange)) return [];
      const asked = record(exchange.spec.body)[pair.methodField];
      const answered = record(exchange.answer?.json)[pair.methodField];
      const allowed = asked === "sms" ? ["sms"] : [asked, "sms"];
      if (allowed.includes(answered)) return [];
      return [
        `a ${String(asked)} start answered ${pair.methodField} ${JSON.stringify(answered)}; the document allows ${allowed.map((one) => JSON.stringify(one)).join(" or ")}`,
      ];
    },
  },
  two_factor_pin: {
    checks: "a made-up PIN is not verified; the PIN sent verifies once, then is spent",
    appliesTo: "every verification",
    needsState: "it sends no PIN, and answers its example",
    judge: (exchange, context) => {
      const pair = context.tree.twoFactor;
      if (pair && exchange.operation === pair.verify && exchange.spec.intent?.madeUpToken && succeeded(exchange)) {
        const verified = record(exchange.answer?.json).verified;
        if (verified !== false) return [`a made-up PIN answered verified ${JSON.stringify(verified)}`];
      }
      const verification = expectedVerification(exchange, context);
      if (!verification) return [];
      const { state, token, verified } = verification;
      if (typeof token === "string" && state.spent.has(token) && token !== state.pending?.pin && verified !== false) {
        return [`a PIN already used answered verified ${JSON.stringify(verified)}: a PIN verifies once`];
      }
      const { pending } = state;
      if (!pending?.pin) return [];
      const limit = context.maxWrongPins;
      if (token === pending.pin && (limit === undefined || pending.wrongTries < limit) && verified !== true) {
        // Blamed on the check that explains it when one does (another user's start, a request under another parent).
        if (context.model.otherStartSince(verification.user) || (state.touchedElsewhereAt ?? -1) > pending.startedAt) return [];
        return [`the PIN sent answered verified ${JSON.stringify(verified)}`];
      }
      if (token !== pending.pin && verified !== false && !context.model.othersPendingPins(verification.user).has(String(token))) {
        return [`a wrong PIN answered verified ${JSON.stringify(verified)}`];
      }
      return [];
    },
  },
  pin_isolation: {
    checks: "a PIN verifies only its own user; a start leaves another user's PIN as it was; a user sent nothing is not verified",
    appliesTo: "every verification",
    needsState: "it sends no PIN, and answers its example",
    judge: (exchange, context) => {
      const verification = expectedVerification(exchange, context);
      if (!verification) return [];
      const { state, token, verified, user } = verification;
      const others = context.model.othersPendingPins(user);
      if (typeof token === "string" && others.has(token) && token !== state.pending?.pin && verified !== false)
        return ["the PIN sent to one user verified another"];
      if (!state.pending && state.spent.size === 0 && verified !== false)
        return [`a user sent no PIN answered verified ${JSON.stringify(verified)} to ${String(token)}`];
      const pending = state.pending;
      if (pending?.pin && token === pending.pin && verified !== true && context.model.otherStartSince(user)) {
        const limit = context.maxWrongPins;
        if (limit === undefined || pending.wrongTries < limit)
          return [`after a start for another user, the PIN sent answered verified ${JSON.stringify(verified)}`];
      }
      return [];
    },
  },
  pin_throttling: {
    checks: "after the document's x-wrong-pin-limit wrong PINs the right one is refused and status.throttled says so",
    appliesTo: "every verification after too many wrong PINs",
    needsState: "it counts no wrong PINs",
    judge: (exchange, context) => {
      const verification = expectedVerification(exchange, context);
      const limit = context.maxWrongPins;
      const pending = verification?.state.pending;
      if (!verification || limit === undefined || !pending || pending.wrongTries < limit) return [];
      const { verified, throttled, token } = verification;
      if (verified === false && throttled === true) return [];
      const which = token === pending.pin ? "right PIN" : "next PIN";
      return [
        `after ${limit} wrong PINs, the ${which} answered verified ${JSON.stringify(verified)}, status.throttled ${JSON.stringify(throttled)}: a PIN can be guessed`,
      ];
    },
  },
  pin_command: {
    checks: "--pin-command prints the PIN sent, in time",
    appliesTo: "every start a case reads the PIN of",
    needsState: "it sends no SMS",
    judge: (exchange) => (exchange.pin && "failed" in exchange.pin ? [`--pin-command failed: ${exchange.pin.failed}`] : []),
  },
} as const satisfies Record<string, CheckDefinition>;

/** The name of a check, e.g. "exact_list". */
export type CheckName = keyof typeof checks;

export function isCheckName(name: string): name is CheckName {
  return Object.hasOwn(checks, name);
}

/** Every check of the suite, by name: what it checks and which answers it applies to (the registry, read-only, without its judgements). */
export const checkCatalog: Readonly<Record<CheckName, CheckInfo>> = checks;

/** Every check's name, in the registry's order. */
export const checkNames: readonly CheckName[] = Object.keys(checks).filter(isCheckName);

/** The checks a server that keeps no state cannot pass, each with why. */
export const statefulChecks: readonly { name: CheckName; why: string }[] = checkNames.flatMap((name) => {
  const definition: CheckDefinition = checks[name];
  return definition.needsState ? [{ name, why: definition.needsState }] : [];
});

/**
 * Which checks a run applies: all, `only` these, less `except` these, and with `stateless` none
 * that needs a server to keep state. Throws RangeError naming an unknown one.
 */
export function selectChecks(only: readonly string[] | undefined, except: readonly string[] = [], stateless = false): ReadonlySet<CheckName> {
  for (const name of [...(only ?? []), ...except]) {
    if (!isCheckName(name)) throw new RangeError(`no check named ${name}; the checks are ${checkNames.join(", ")}`);
  }
  const base = only?.length ? only.filter(isCheckName) : checkNames;
  const stateful = new Set(statefulChecks.map((one) => one.name));
  return new Set(base.filter((name) => !except.includes(name) && !(stateless && stateful.has(name))));
}

/** The one place the checks run: every selected check on an exchange, in the registry's order. */
export function runChecks(selected: ReadonlySet<CheckName>, exchange: Exchange, context: Omit<CheckContext, "diagnostics">, prism: Prism): Failure[] {
  let diagnostics: Diagnostic[] | undefined;
  const full: CheckContext = { ...context, diagnostics: () => (diagnostics ??= validate(prism, exchange.operation, exchange)) };
  return checkNames.filter((name) => selected.has(name)).flatMap((name) => checks[name].judge(exchange, full).map((message) => ({ rule: name, message })));
}

/** Prism's findings about an answer, but for the status and the media type (which checks of their own judge). */
function validate(prism: Prism, operation: HttpOperation, exchange: Exchange): Diagnostic[] {
  const { answer } = exchange;
  if (!answer) return [];
  const headers = { ...answer.headers };
  // Prism reads the media type from the headers; content_type_conformance already spoke.
  if (declaresJson(exchange)) headers["content-type"] = "application/json";
  return prism
    .validate(operation, { statusCode: answer.status, headers, body: answer.json ?? answer.text })
    .filter((one) => !/returned status code|media type/i.test(one.message));
}

/** Whether a parsed answer holds `key` at any depth (bounded: the sender refuses bodies over 1 MiB). */
function holdsKey(value: unknown, key: string, depth: number): boolean {
  if (typeof value !== "object" || value === null || depth > 64) return false;
  if (!Array.isArray(value) && Object.hasOwn(value, key)) return true;
  return Object.values(value).some((inner) => holdsKey(inner, key, depth + 1));
}
