// The operations' rules: one per operationId of the document, in one record typed by the
// generated operation ids and request bodies — an operation added to the document does not
// compile until it has a rule here, and no rule needs a cast to read its body.
import type { AuthMethod, AuthVerifyResult, OperationId, RequestBody, ResponseBody, Service, User } from "../types.ts";
import { json } from "./answer.ts";
import { Refusal } from "./errors.ts";
import { totpCode, totpStepMs } from "./totp.ts";

/** An SMS the fake "sent". */
export interface SentMessage {
  /** The service of the user it went to. */
  serviceId: string;
  /** The user it went to. */
  userId: string;
  /** The user's phone number. */
  to: string;
  /** The PIN it carried: what the user would type. */
  pin: string;
  /** When, on the fake's clock (ms since the epoch). */
  at: number;
}

interface Pending {
  method: AuthMethod;
  pin: string | undefined;
  issuedAt: number;
  wrongTries: number;
}

export interface StoredUser {
  user: User;
  phone: string;
  authenticator: Uint8Array | undefined;
  pending: Pending | undefined;
}

export interface StoredService {
  service: Service;
  fqdn: string;
  users: Map<string, StoredUser>;
}

/** What the rules act on: the fake's store, its clock and its settings. */
export interface Store {
  services: Map<string, StoredService>;
  messages: SentMessage[];
  now(): number;
  nextPin(): string;
  maxAttempts: number;
  pinLifetimeMs: number;
}

/** A request the rules answer: routed, authenticated, its body checked against the document. */
export interface Call<Op extends OperationId> {
  operationId: Op;
  params: Record<string, string>;
  body: RequestBody<Op>;
}

export type Rule<Op extends OperationId> = (call: Call<Op>, store: Store) => Response;

function serviceOf(store: Store, params: Record<string, string>): StoredService {
  const stored = store.services.get(params.ServiceId ?? "");
  if (!stored) throw new Refusal(404, "no such service");
  return stored;
}

function userOf(store: Store, params: Record<string, string>): StoredUser {
  const stored = serviceOf(store, params).users.get(params.UserId ?? "");
  if (!stored) throw new Refusal(404, "no such user");
  return stored;
}

const answer = <Op extends OperationId>(status: number, body: ResponseBody<Op>) => json(status, body);

function verify(store: Store, stored: StoredUser, token: string): AuthVerifyResult {
  const { pending } = stored;
  const rejected = (why: "invalid" | "expired" | "throttled"): AuthVerifyResult => ({
    verified: false,
    ...(pending && { method: pending.method }),
    status: { throttled: why === "throttled", expired: why === "expired", invalid: why === "invalid", result: why.toUpperCase() },
  });
  if (!pending) return rejected("invalid");
  if (store.now() - pending.issuedAt >= store.pinLifetimeMs) return rejected("expired");
  if (pending.wrongTries >= store.maxAttempts) return rejected("throttled");
  const { authenticator } = stored;
  const accepted =
    pending.method === "sms"
      ? token === pending.pin
      : !!authenticator && [0, -totpStepMs].some((skew) => totpCode(authenticator, store.now() + skew) === token);
  if (!accepted) {
    pending.wrongTries++;
    return rejected("invalid");
  }
  stored.pending = undefined; // single use
  return { verified: true, method: pending.method };
}

export const rules: { [Op in OperationId]: Rule<Op> } = {
  createService({ body: { fqdn, name } }, store) {
    if ([...store.services.values()].some((one) => one.fqdn === fqdn)) throw new Refusal(409);
    const service = { id: crypto.randomUUID(), name, ctime: new Date(store.now()).toISOString() };
    store.services.set(service.id, { service, fqdn, users: new Map() });
    return answer<"createService">(201, service);
  },
  getService: ({ params }, store) => answer<"getService">(200, serviceOf(store, params).service),
  deleteService({ params }, store) {
    const stored = serviceOf(store, params);
    // Messente: a service can be deleted only after its users are removed (the document's 409).
    if (stored.users.size) throw new Refusal(409);
    store.services.delete(stored.service.id);
    return answer<"deleteService">(202, {});
  },
  listUsers: ({ params }, store) => answer<"listUsers">(200, { users: [...serviceOf(store, params).users.values()].map((one) => one.user) }),
  createUser({ params, body: { id_in_service, phone_number } }, store) {
    const stored = serviceOf(store, params);
    if ([...stored.users.values()].some((one) => one.user.id_in_service === id_in_service)) throw new Refusal(409);
    const user = { id: crypto.randomUUID(), ctime: new Date(store.now()).toISOString(), id_in_service };
    stored.users.set(user.id, { user, phone: phone_number, authenticator: undefined, pending: undefined });
    return answer<"createUser">(201, user);
  },
  getUser: ({ params }, store) => answer<"getUser">(200, userOf(store, params).user),
  deleteUser({ params }, store) {
    const stored = userOf(store, params);
    serviceOf(store, params).users.delete(stored.user.id);
    return answer<"deleteUser">(202, {});
  },
  startAuthentication({ params, body }, store) {
    const stored = userOf(store, params);
    const method: AuthMethod = body.method === "totp" && stored.authenticator ? "totp" : "sms";
    const pin = method === "sms" ? String(store.nextPin()) : undefined;
    stored.pending = { method, pin, issuedAt: store.now(), wrongTries: 0 };
    if (pin) store.messages.push({ serviceId: params.ServiceId ?? "", userId: stored.user.id, to: stored.phone, pin, at: store.now() });
    return answer<"startAuthentication">(200, { method });
  },
  verifyPin: ({ params, body }, store) => answer<"verifyPin">(200, verify(store, userOf(store, params), body.token)),
};
