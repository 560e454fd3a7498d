// The operations' rules: one per operationId of the document, in one record typed by the
// generated operation ids and request bodies — an operation added to the document does not
// compile until it has a rule here, and no rule needs a cast to read its body.
import type { AuthMethod, AuthVerifyResult, OperationId, RequestBody, ResponseBody, Service, User } from "../types.ts";
import { json } from "./answer.ts";
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
export interface World {
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

/** A declared error status to answer (with the document's example message, and a detail). */
export class Refusal {
  constructor(
    readonly status: number,
    readonly detail?: string,
  ) {}
}

export type Rule<Op extends OperationId> = (call: Call<Op>, world: World) => Response;

function serviceOf(world: World, params: Record<string, string>): StoredService {
  const stored = world.services.get(params.ServiceId ?? "");
  if (!stored) throw new Refusal(404, "no such service");
  return stored;
}

function userOf(world: World, params: Record<string, string>): StoredUser {
  const stored = serviceOf(world, params).users.get(params.UserId ?? "");
  if (!stored) throw new Refusal(404, "no such user");
  return stored;
}

const answer = <Op extends OperationId>(status: number, body: ResponseBody<Op>) => json(status, body);

function verify(world: World, stored: StoredUser, token: string): AuthVerifyResult {
  const { pending } = stored;
  const rejected = (why: "invalid" | "expired" | "throttled"): AuthVerifyResult => ({
    verified: false,
    ...(pending && { method: pending.method }),
    status: { throttled: why === "throttled", expired: why === "expired", invalid: why === "invalid", result: why.toUpperCase() },
  });
  if (!pending) return rejected("invalid");
  if (world.now() - pending.issuedAt >= world.pinLifetimeMs) return rejected("expired");
  if (pending.wrongTries >= world.maxAttempts) return rejected("throttled");
  const { authenticator } = stored;
  const accepted =
    pending.method === "sms"
      ? token === pending.pin
      : !!authenticator && [0, -totpStepMs].some((skew) => totpCode(authenticator, world.now() + skew) === token);
  if (!accepted) {
    pending.wrongTries++;
    return rejected("invalid");
  }
  stored.pending = undefined; // single use
  return { verified: true, method: pending.method };
}

export const rules: { [Op in OperationId]: Rule<Op> } = {
  createService({ body: { fqdn, name } }, world) {
    if ([...world.services.values()].some((one) => one.fqdn === fqdn)) throw new Refusal(409);
    const service = { id: crypto.randomUUID(), name, ctime: new Date(world.now()).toISOString() };
    world.services.set(service.id, { service, fqdn, users: new Map() });
    return answer<"createService">(201, service);
  },
  getService: ({ params }, world) => answer<"getService">(200, serviceOf(world, params).service),
  deleteService({ params }, world) {
    const stored = serviceOf(world, params);
    // Messente: a service can be deleted only after its users are removed (the document's 409).
    if (stored.users.size) throw new Refusal(409);
    world.services.delete(stored.service.id);
    return answer<"deleteService">(202, {});
  },
  listUsers: ({ params }, world) => answer<"listUsers">(200, { users: [...serviceOf(world, params).users.values()].map((one) => one.user) }),
  createUser({ params, body: { id_in_service, phone_number } }, world) {
    const stored = serviceOf(world, params);
    if ([...stored.users.values()].some((one) => one.user.id_in_service === id_in_service)) throw new Refusal(409);
    const user = { id: crypto.randomUUID(), ctime: new Date(world.now()).toISOString(), id_in_service };
    stored.users.set(user.id, { user, phone: phone_number, authenticator: undefined, pending: undefined });
    return answer<"createUser">(201, user);
  },
  getUser: ({ params }, world) => answer<"getUser">(200, userOf(world, params).user),
  deleteUser({ params }, world) {
    const stored = userOf(world, params);
    serviceOf(world, params).users.delete(stored.user.id);
    return answer<"deleteUser">(202, {});
  },
  startAuthentication({ params, body }, world) {
    const stored = userOf(world, params);
    const method: AuthMethod = body.method === "totp" && stored.authenticator ? "totp" : "sms";
    const pin = method === "sms" ? String(world.nextPin()) : undefined;
    stored.pending = { method, pin, issuedAt: world.now(), wrongTries: 0 };
    if (pin) world.messages.push({ serviceId: params.ServiceId ?? "", userId: stored.user.id, to: stored.phone, pin, at: world.now() });
    return answer<"startAuthentication">(200, { method });
  },
  verifyPin: ({ params, body }, world) => answer<"verifyPin">(200, verify(world, userOf(world, params), body.token)),
};
