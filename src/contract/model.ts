// The model: what the server should hold, and nothing else. Derived from the resource tree alone:
// every resource the run created (what was sent, what the create answered, under which parent,
// whether it was deleted), the ids the run made up (which no resource has), and each user's
// two-factor state (started, the PIN sent when --pin-command read it, wrong tries, spent PINs).
// `apply` updates it with what an exchange did; the checks (checks.ts) judge each exchange
// against it first. It judges nothing itself.
import type { Exchange } from "./exchange.ts";
import { succeeded } from "./exchange.ts";
import type { HttpOperation } from "./prism.ts";
import type { Resource, ResourceTree } from "./resource-tree.ts";
import { createdBy, listedBy, pathParams, record } from "./resource-tree.ts";

export type Gone = undefined | "deleted" | "with its parent";

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
  /** When it was created, and deleted: the model's own clock, one tick a write. */
  createdAt: number;
  deletedAt?: number;
}

/** A user's two-factor state, as the server should hold it. */
export interface PinState {
  /** The started authentication waiting for its PIN; undefined when none (never started, or spent). */
  pending?: { startedAt: number; pin?: string; wrongTries: number };
  /** PINs that verified once: they must never verify again. */
  spent: Set<string>;
  /** A start or a verify of this user got no clear answer: its state cannot be known. */
  uncertain: boolean;
  /** When a request named this user under another parent (which must change nothing). */
  touchedElsewhereAt?: number;
}

const key = (param: string, id: string) => `${param}\u0000${id}`;

export class Model {
  private readonly held = new Map<string, Held>();
  /** Ids two creates answered alike (a stateless mock answers its example): the model cannot tell them apart. */
  private readonly ambiguous = new Set<string>();
  /** Ids the run made up, which no resource has. */
  private readonly madeUp = new Set<string>();
  /** Resources an answer showed the server holds otherwise than the model: judged once, then no more. */
  private readonly disputed = new Set<string>();
  private readonly pins = new Map<string, PinState>();
  /** One tick a write: what happened after what. */
  private clock = 0;

  constructor(readonly tree: ResourceTree) {}

  /** What the model holds of `param`'s resource with this id; nothing for an id answered to two creates. */
  get(param: string, id: string | undefined): Held | undefined {
    if (id === undefined || this.ambiguous.has(key(param, id)) || this.disputed.has(key(param, id))) return undefined;
    return this.held.get(key(param, id));
  }

  /** Whether the run created this id at all (even one the model no longer judges). */
  knows(param: string, id: string): boolean {
    return this.held.has(key(param, id));
  }

  /**
   * After an exchange broke a check: what it named, and what its list showed otherwise, is no
   * longer judged — one defect is reported where it shows first, not again by every later case.
   */
  dispute(exchange: Exchange): void {
    const list = this.listedIn(exchange);
    if (list) {
      // What the list holds that the model does not (a deleted one, another parent's), and what it misses.
      const { param } = list.resource;
      for (const id of list.items.keys()) if (this.held.has(key(param, id)) && !list.expected.some((one) => one.id === id)) this.disputed.add(key(param, id));
      for (const one of list.expected) if (!list.items.has(one.id)) this.disputed.add(key(param, one.id));
      // What this parent lists can no longer be known whole: what is missing is not judged again.
      list.parent.uncertain = true;
      return;
    }
    const named = this.named(exchange.operation, exchange.spec.params);
    if (named) this.disputed.add(key(named.held.resource.param, named.held.id));
  }

  /** Remembers an id the run made up: no resource has it. */
  madeUpId(id: string): string {
    this.madeUp.add(id);
    return id;
  }

  isMadeUp(id: string | undefined): boolean {
    return id !== undefined && this.madeUp.has(id);
  }

  /** The children of `resource` the model holds under these parent params, deletes excluded. */
  childrenOf(resource: Resource, parents: Record<string, string>): Held[] {
    return [...this.held.entries()]
      .filter(([at, one]) => !this.ambiguous.has(at) && !this.disputed.has(at) && one.resource === resource && !one.gone && sameParents(one, parents))
      .map(([, one]) => one);
  }

  /** Everything held under `held` that still stands (`gone` too: also what went with it). */
  heldUnder(held: Held, gone = false): Held[] {
    return [...this.held.values()].filter((one) => (gone || !one.gone) && one !== held && one.params[held.resource.param] === held.id);
  }

  /**
   * The resource this operation names last in its path; whether it is named under its own parents
   * (`own`), and else another parent the model holds that it is named under (`foreignParent`).
   */
  named(operation: HttpOperation, params: Record<string, string>): { held: Held; own: boolean; foreignParent: Held | undefined } | undefined {
    const names = pathParams(operation);
    for (let at = names.length - 1; at >= 0; at--) {
      const held = this.get(names[at]!, params[names[at]!]);
      if (!held) continue;
      // Another parent the model holds, where this one was not created: the case of scope.
      const parents = names.slice(0, at);
      const foreignParent = parents
        .map((name) => (held.params[name] !== params[name] ? this.get(name, params[name]) : undefined))
        .find((one) => one && !one.gone);
      return { held, own: parents.every((name) => held.params[name] === params[name]), foreignParent };
    }
    return undefined;
  }

  /** Whether anything other than `held` was deleted after `held` was created: who to blame when it is gone too. */
  deletedSince(held: Held): boolean {
    return [...this.held.values()].some((one) => one !== held && one.deletedAt !== undefined && one.deletedAt > held.createdAt);
  }

  /** The user's two-factor state (a fresh one for a user never started). */
  pin(user: Held): PinState {
    const at = key(user.resource.param, user.id);
    let state = this.pins.get(at);
    if (!state) {
      state = { spent: new Set(), uncertain: false };
      this.pins.set(at, state);
    }
    return state;
  }

  /** The PINs pending for users other than `user`, as read. */
  othersPendingPins(user: Held): Set<string> {
    const own = key(user.resource.param, user.id);
    return new Set([...this.pins.entries()].filter(([at]) => at !== own).flatMap(([, state]) => (state.pending?.pin ? [state.pending.pin] : [])));
  }

  /** Whether another user's authentication was started after this user's. */
  otherStartSince(user: Held): boolean {
    const since = this.pin(user).pending?.startedAt;
    const own = key(user.resource.param, user.id);
    return since !== undefined && [...this.pins.entries()].some(([at, state]) => at !== own && (state.pending?.startedAt ?? -1) > since);
  }

  /** The PIN --pin-command read for a user's pending authentication. */
  pinRead(user: Held, pin: string): void {
    const { pending } = this.pin(user);
    if (pending) pending.pin = pin;
  }

  /**
   * A list a lister answered under a parent the model holds and that stands: what it lists (by
   * id) and what it should list. Undefined for anything else.
   */
  listedIn(exchange: Exchange): { resource: Resource; parent: Held; items: Map<string, Record<string, unknown>>; expected: Held[] } | undefined {
    const resource = listedBy(this.tree, exchange.operation);
    if (!resource || !succeeded(exchange) || (exchange.spec.auth ?? "valid") !== "valid") return undefined;
    const names = pathParams(exchange.operation);
    const parent = names.length ? this.get(names.at(-1)!, exchange.spec.params[names.at(-1)!]) : undefined;
    if (!parent || parent.gone) return undefined;
    const items = Object.values(record(exchange.answer?.json))
      .filter(Array.isArray)
      .flat()
      .map(record)
      .filter((item) => resource.idField in item);
    return {
      resource,
      parent,
      items: new Map(items.map((item) => [String(item[resource.idField]), item])),
      expected: this.childrenOf(resource, exchange.spec.params),
    };
  }

  /** Updates the model with what an exchange did (the checks judged it first). */
  apply(exchange: Exchange): void {
    const { operation, spec } = exchange;
    // A request with wrong credentials should have done nothing; a note-only probe's create still made something.
    if ((spec.auth ?? "valid") !== "valid") return;
    const status = exchange.answer?.status;
    const creates = createdBy(this.tree, operation);
    if (creates) {
      this.applyCreate(creates, exchange);
      return;
    }
    const pair = this.tree.twoFactor;
    const named = this.named(operation, spec.params);
    if (named?.foreignParent) {
      if (pair && (operation === pair.start || operation === pair.verify)) this.pin(named.held).touchedElsewhereAt = ++this.clock;
      return;
    }
    if (!named?.own) return;
    const { held } = named;
    if (held.resource.deleter === operation && operation.method.toLowerCase() === "delete" && succeeded(exchange)) {
      held.gone = "deleted";
      held.deletedAt = ++this.clock;
      for (const one of this.held.values()) {
        if (one !== held && !one.gone && one.params[held.resource.param] === held.id) {
          one.gone = "with its parent";
          one.deletedAt = held.deletedAt;
        }
      }
      return;
    }
    if (!pair || held.resource !== this.tree.resources.get(pathParams(pair.verify).at(-1) ?? "")) return;
    const state = this.pin(held);
    if (operation === pair.start) {
      if (status === 429) return; // not acted on: nothing sent
      if (status === undefined || status >= 500) {
        state.uncertain = true;
        return;
      }
      if (succeeded(exchange)) {
        state.uncertain = false;
        state.pending = { startedAt: ++this.clock, wrongTries: 0 };
      }
      if (exchange.pin && "read" in exchange.pin) this.pinRead(held, exchange.pin.read);
      return;
    }
    if (operation === pair.verify) {
      if (status === undefined || status >= 500) {
        state.uncertain = true;
        return;
      }
      if (!succeeded(exchange) || !state.pending) return;
      const token = record(spec.body)[pair.tokenField];
      if (record(exchange.answer?.json).verified === true) {
        if (typeof token === "string") state.spent.add(token);
        state.pending = undefined;
      } else if (token !== state.pending.pin || state.pending.pin === undefined) state.pending.wrongTries++;
    }
  }

  private applyCreate(creates: Resource, exchange: Exchange): void {
    const { params, body } = exchange.spec;
    const status = exchange.answer?.status;
    if (status === undefined || status >= 500) {
      this.markUncertain(creates, params);
      return;
    }
    if (!succeeded(exchange)) return;
    const answer = record(exchange.answer?.json);
    const id = answer[creates.idField];
    if (typeof id !== "string" && typeof id !== "number") return;
    const at = key(creates.param, String(id));
    // The create's own answer is not held to the model: a stateless mock answers examples.
    if (this.held.has(at)) {
      this.ambiguous.add(at);
      return;
    }
    this.held.set(at, {
      resource: creates,
      params: { ...params, [creates.param]: String(id) },
      id: String(id),
      sent: record(body),
      answer,
      gone: undefined,
      uncertain: false,
      createdAt: ++this.clock,
    });
  }

  private markUncertain(creates: Resource, params: Record<string, string>): void {
    for (const name of pathParams(creates.creator)) {
      const parent = this.get(name, params[name]);
      if (parent) parent.uncertain = true;
    }
  }
}

/** Whether a held resource lives under these parent params (a parameter not given matches any). */
export function sameParents(held: Held, params: Record<string, string>): boolean {
  return Object.entries(held.params).every(([name, value]) => name === held.resource.param || params[name] === undefined || params[name] === value);
}
