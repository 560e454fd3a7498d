// createVerigator: one thin method per operation of the document. A call is build → send →
// decode, each once: build-request.ts fills the path and checks the body from the generated
// operation table, the transport sends it as a URL and a fetch init, and decode.ts reads the
// answer.
import { buildRequest } from "./build-request.ts";
import { decode } from "./decode.ts";
import type { CallOptions, VerigatorOptions } from "./options.ts";
import { attemptPolicy, configure, mergeHeaders } from "./options.ts";
import { send } from "./transport.ts";
import type { OperationId, PathParams, RequestBody, ResponseBody } from "./types.ts";

/** The client: one method per operation; results and arguments typed from the document. */
export interface Verigator {
  /** The services: your applications as Verigator knows them. */
  services: {
    /**
     * Creates a service (POST /v1/service/service); resolves with it (201). Store its `id`: it is
     * the ServiceId of every other call. Rejects with ResourceAlreadyExistsError (409) when a
     * service with this `fqdn` exists, InvalidDataError for a body that breaks the document.
     */
    create(service: RequestBody<"createService">, options?: CallOptions): Promise<ResponseBody<"createService">>;
    /**
     * Resolves with the service (200). Rejects with NoSuchResourceError (404) when there is none with this id.
     */
    get(serviceId: string, options?: CallOptions): Promise<ResponseBody<"getService">>;
    /**
     * Deletes the service; resolves once deleted (202). Delete the service's users first: a
     * service that still has users is refused with 409 (`ResourceAlreadyExistsError`) and
     * nothing is deleted.
     */
    delete(serviceId: string, options?: CallOptions): Promise<void>;
  };
  /** The users of a service, each with the phone number PINs are sent to. */
  users: {
    /**
     * Resolves with every user of the service (200), `[]` when it has none. Rejects with NoSuchResourceError (404) for an unknown service.
     */
    list(serviceId: string, options?: CallOptions): Promise<ResponseBody<"listUsers">["users"]>;
    /**
     * Resolves with the user (200). Rejects with NoSuchResourceError (404) for an unknown service or user.
     */
    get(serviceId: string, userId: string, options?: CallOptions): Promise<ResponseBody<"getUser">>;
    /**
     * Adds a user to the service; resolves with it (201). Store the returned `id`: it is the
     * UserId used for authentication. Rejects with ResourceAlreadyExistsError (409) when the
     * service has a user with this `id_in_service`, InvalidDataError for a body that breaks the
     * document (a `phone_number` that is not `+` and digits), NoSuchResourceError (404) for an
     * unknown service. Sent once: re-sent only when the server proved it did not act.
     */
    create(serviceId: string, user: RequestBody<"createUser">, options?: CallOptions): Promise<ResponseBody<"createUser">>;
    /**
     * Removes the user; resolves once deleted (202). Rejects with NoSuchResourceError (404) for an unknown service or user.
     */
    delete(serviceId: string, userId: string, options?: CallOptions): Promise<void>;
  };
  /** Two-factor authentication: start it when a user logs in, then verify the PIN they typed. */
  auth: {
    /**
     * Sends the user a PIN by SMS, or expects a code from their authenticator app; resolves with
     * the method actually used (200): `totp` falls back to `sms` when the user has no app. Sent
     * once: a second start would send a second SMS. Rejects with NoSuchResourceError (404) for an
     * unknown service or user.
     */
    start(serviceId: string, userId: string, start: RequestBody<"startAuthentication">, options?: CallOptions): Promise<ResponseBody<"startAuthentication">>;
    /**
     * Checks the PIN the user typed; resolves with `verified: true` when it was right. A wrong,
     * expired or throttled PIN resolves with `verified: false` and `status` saying which: an
     * answer, not an error. Sent once: a re-sent PIN would be spent already.
     */
    verify(serviceId: string, userId: string, pin: RequestBody<"verifyPin">, options?: CallOptions): Promise<ResponseBody<"verifyPin">>;
  };
}

/**
 * The typed Verigator client, one method per operation of the document. Checks the options
 * once (throws InvalidDataError or TypeError for bad ones); every method resolves with the
 * answer's typed body and rejects with a VerigatorError subclass: the class of the answer's
 * status, or a timeout, connection, abort or invalid-answer error.
 */
export function createVerigator(options: VerigatorOptions = {}): Verigator {
  const config = configure(options);
  const jsonHeaders = { ...config.headers, "content-type": "application/json" };

  async function call<Op extends OperationId>(
    operationId: Op,
    params: PathParams<Op>,
    body: RequestBody<Op>,
    options: CallOptions | undefined,
  ): Promise<ResponseBody<Op>> {
    // Build: everything that can go wrong before sending throws here, and only here.
    const { operation, method, path, body: text } = buildRequest(operationId, params, body);
    const base = text === undefined ? config.headers : jsonHeaders;
    const init: RequestInit = {
      method,
      headers: options?.headers ? mergeHeaders(base, options.headers, method) : base,
      body: text,
      redirect: "manual",
    };
    const where = { method, path: config.basePath + path };
    const policy = attemptPolicy(config, options);
    // Send, then decode.
    const answer = await send(config.baseUrl + path, init, policy, config.context, where);
    return decode(answer, operation.response, config.context.redact, where) as ResponseBody<Op>;
  }

  return {
    services: {
      create: (service, callOptions) => call("createService", undefined, service, callOptions),
      get: (serviceId, callOptions) => call("getService", { ServiceId: serviceId }, undefined, callOptions),
      delete: async (serviceId, callOptions) => void (await call("deleteService", { ServiceId: serviceId }, undefined, callOptions)),
    },
    users: {
      list: async (serviceId, callOptions) => (await call("listUsers", { ServiceId: serviceId }, undefined, callOptions)).users,
      get: (serviceId, userId, callOptions) => call("getUser", { ServiceId: serviceId, UserId: userId }, undefined, callOptions),
      create: (serviceId, user, callOptions) => call("createUser", { ServiceId: serviceId }, user, callOptions),
      delete: async (serviceId, userId, callOptions) => void (await call("deleteUser", { ServiceId: serviceId, UserId: userId }, undefined, callOptions)),
    },
    auth: {
      start: (serviceId, userId, start, callOptions) => call("startAuthentication", { ServiceId: serviceId, UserId: userId }, start, callOptions),
      verify: (serviceId, userId, pin, callOptions) => call("verifyPin", { ServiceId: serviceId, UserId: userId }, pin, callOptions),
    },
  };
}
