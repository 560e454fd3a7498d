// The model of what the server should hold, derived from the resource tree alone: every
// resource the run created, what was sent, what the create answered, under which parent;
// updated on every 2xx create and delete. Every answer of every operation that names a
// resource, or lists them, is judged against it: stored values as sent, ids that do not
// change, exact lists, a child reachable only under its own parent, nothing left of a delete.
import type { CheckName } from "./checks.ts";
import { check } from "./checks.ts";
import type { Exchange, Failure } from "./exchange.ts";
import type { Model, Resource } from "./model.ts";
import { pathParams, successSchema } from "./model.ts";
import type { HttpOperation } from "./prism.ts";

type Gone = undefined | "deleted" | "with its parent";

export interface Held {
  resource: Resource;
  /** Its path parameters, its own included. */
  params: Record<string, string>;
  id: string;
  /** The body the create sent. */
  sent: Record<string, unknown>;
  /** What the create answered, the reference every later read is held to. */
  answer: Record<string, unknown>;
  gone: Gone;
  /** A create under it got no clear answer: what it lists cannot be known exactly. */
  uncertain: boolean;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const isScalar = (value: unknown) => value === null || typeof value !== "object";
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…(${text.length} characters)` : text;
};
const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

export class Holdings {
  private readonly held = new Map<string, Held>();

  constructor(private readonly model: Model) {}

  private key = (param: string, id: string) => `${param}\u0000${id}`;

  /** Ids two creates answered alike (a stateless mock answers its example): the model cannot tell them apart. */
  private readonly ambiguous = new Set<string>();

  /** What the model holds of `param`'s resource with this id; nothing for an id answered to two creates. */
  get(param: string, id: string | undefined): Held | undefined {
    if (id === undefined || this.ambiguous.has(this.key(param, id))) return undefined;
    return this.held.get(this.key(param, id));
  }

  /** The children of `resource` the model holds under these parent params, deletes excluded. */
  childrenOf(resource: Resource, parents: Record<string, string>): Held[] {
    return [...this.held.entries()]
      .filter(([key, one]) => !this.ambiguous.has(key) && one.resource === resource && !one.gone && sameParents(one, parents))
      .map(([, one]) => one);
  }

  /** The resource this operation names last in its path, and the parent it names it under. */
  private named(operation: HttpOperation, params: Record<string, string>): { held: Held; foreignParent: Held | undefined } | undefined {
    const names = pathParams(operation);
    for (let at = names.length - 1; at >= 0; at--) {
      const held = this.get(names[at]!, params[names[at]!]);
      if (!held) continue;
      // Another parent the model holds, where this one was not created: the case of scope.
      const foreignParent = names
        .slice(0, at)
        .map((name) => (held.params[name] !== params[name] ? this.get(name, params[name]) : undefined))
        .find((one) => one && !one.gone);
      return { held, foreignParent };
    }
    return undefined;
  }

  /**
   * Judges an answer against the model, then updates the model with what it did. Returns the
   * rules broken; empty when the answer is what the model expects, or the model cannot tell.
   */
  judge(operation: HttpOperation, params: Record<string, string>, body: unknown, exchange: Exchange): Failure[] {
    const status = exchange.answer?.status;
    if (status === undefined) {
      this.markUncertain(operation, params);
      return [];
    }
    const failures: Failure[] = [];
    const fail = (rule: CheckName, message: string) => failures.push({ rule, message });
    const method = operation.method.toLowerCase();
    const creates = [...this.model.resources.values()].find((one) => one.creator === operation);
    const lists = [...this.model.resources.values()].find((one) => one.lister === operation);
    const named = this.named(operation, params);

    if (named?.foreignParent) {
      // Reached under another existing parent: it must not be there.
      if (status !== 404) {
        fail(
          check.parent_scope,
          `a ${named.held.resource.param} of another ${pathParams(operation).find((name) => named.held.params[name] !== params[name])} was reached here: expected 404, got ${status}`,
        );
      }
      return failures;
    }
    if (named?.held.gone && (named.held.resource.reader === operation || named.held.resource.deleter === operation || !creates)) {
      if (status !== 404) {
        const rule = named.held.gone === "deleted" ? check.use_after_free : check.delete_with_children;
        fail(
          rule,
          `this ${named.held.resource.param} was deleted${named.held.gone === "with its parent" ? " with its parent" : ""}: expected 404, got ${status}`,
        );
      }
      return failures;
    }
    if (!is2xx(status)) {
      if (creates && status >= 500) this.markUncertain(operation, params);
      return failures;
    }
    const answer = record(exchange.json);
    if (creates) {
      const id = answer[creates.idField];
      // The create's own answer is not held to the model: a stateless mock answers examples.
      const sent = record(body);
      if (typeof id === "string" || typeof id === "number") {
        const own = { ...params, [creates.param]: String(id) };
        const key = this.key(creates.param, String(id));
        if (this.held.has(key)) {
          this.ambiguous.add(key);
          return failures;
        }
        this.held.set(key, {
          resource: creates,
          params: own,
          id: String(id),
          sent,
          answer,
          gone: undefined,
          uncertain: false,
        });
      }
      return failures;
    }
    if (lists) {
      this.exactList(lists, params, answer, fail);
      return failures;
    }
    if (!named) return failures;
    const { held } = named;
    if (held.resource.reader === operation) this.sameAsCreated(held, answer, "read", fail);
    if (held.resource.deleter === operation && method === "delete") this.delete(held);
    return failures;
  }

  private markUncertain(operation: HttpOperation, params: Record<string, string>): void {
    const creates = [...this.model.resources.values()].find((one) => one.creator === operation);
    if (!creates) return;
    for (const name of pathParams(operation)) {
      const parent = this.get(name, params[name]);
      if (parent) parent.uncertain = true;
    }
  }

  private delete(held: Held): void {
    held.gone = "deleted";
    for (const one of this.held.values()) {
      if (one !== held && !one.gone && one.params[held.resource.param] === held.id) one.gone = "with its parent";
    }
  }

  /** Every field sent that the answer schema has is answered exactly as sent. */
  private storedValues(
    resource: Resource,
    sent: Record<string, unknown>,
    answer: Record<string, unknown>,
    what: string,
    fail: (rule: CheckName, message: string) => void,
  ) {
    const answered = Object.keys(successSchema(resource.creator)?.properties ?? {});
    for (const field of answered) {
      if (!(field in sent) || !isScalar(sent[field]) || !(field in answer)) continue;
      if (answer[field] !== sent[field]) {
        fail(check.stored_values, `${field} was sent as ${shown(sent[field])}; ${what} answered ${shown(answer[field])}`);
      }
    }
  }

  /** A read of something the run created: as sent, and as the create answered (id, ctime, …). */
  private sameAsCreated(held: Held, answer: Record<string, unknown>, what: string, fail: (rule: CheckName, message: string) => void) {
    this.storedValues(held.resource, held.sent, answer, `the ${what}`, fail);
    for (const [field, created] of Object.entries(held.answer)) {
      if (!isScalar(created) || !(field in answer) || field in held.sent) continue;
      if (answer[field] !== created) fail(check.stored_values, `${field} was ${shown(created)} when created, ${shown(answer[field])} when ${what}`);
    }
  }

  /** A list under a parent the run created holds exactly its children: none missing, none of another parent, none deleted. */
  private exactList(resource: Resource, params: Record<string, string>, answer: Record<string, unknown>, fail: (rule: CheckName, message: string) => void) {
    const parents = pathParams(resource.lister!);
    const parent = parents.length ? this.get(parents.at(-1)!, params[parents.at(-1)!]) : undefined;
    if (!parent || parent.gone) return;
    const items = Object.values(answer)
      .filter(Array.isArray)
      .flat()
      .map(record)
      .filter((item) => resource.idField in item);
    const listed = new Map(items.map((item) => [String(item[resource.idField]), item]));
    const expected = this.childrenOf(resource, params);
    for (const [id, item] of listed) {
      const held = this.get(resource.param, id);
      if (held && !sameParents(held, params)) fail(check.exact_list, `the list holds ${resource.param} ${id}, which belongs to another parent`);
      else if (held?.gone) fail(check.exact_list, `the list holds ${resource.param} ${id}, which was deleted`);
      else if (held) this.sameAsCreated(held, item, "listed", fail);
    }
    if (parent.uncertain) return;
    const missing = expected.filter((one) => !listed.has(one.id));
    if (missing.length) {
      fail(
        check.exact_list,
        `the list misses ${missing.length} of the ${expected.length} ${resource.param}s created under it (${missing.map((one) => one.id).join(", ")})`,
      );
    }
    const unknown = [...listed.keys()].filter((id) => !this.get(resource.param, id));
    if (unknown.length)
      fail(check.exact_list, `the list holds ${unknown.length} ${resource.param}s never created under it (${unknown.slice(0, 3).join(", ")})`);
  }
}

function sameParents(held: Held, params: Record<string, string>): boolean {
  return Object.entries(held.params).every(([name, value]) => name === held.resource.param || params[name] === undefined || params[name] === value);
}
