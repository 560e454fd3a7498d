// createVerigator: one thin method per operation of the document. A call is build → send →
// decode, each once: the generated operation table gives the method, path and schemas; the
// request is built from it as a URL and a fetch init, sent by the transport, and the answer
// is read by decode.ts.
import { operationTable } from "../generated/operation-table.ts";
import { decode } from "./decode.ts";
import { InvalidDataError } from "./errors.ts";
import type { CallOptions, VerigatorOptions } from "./options.ts";
import { attemptPolicy, configure, mergeHeaders } from "./options.ts";
import type { CheckedSchema } from "./schema-check.ts";
import { findProblem } from "./schema-check.ts";
import { send } from "./transport.ts";
import type { OperationId, PathParams, RequestBody, ResponseBody } from "./types.ts";

/** The client: one method per operation; results and arguments typed from the document. */
export interface Verigator {
  services: {
    create(service: RequestBody<"createService">, options?: CallOptions): Promise<ResponseBody<"createService">>;
    get(serviceId: string, options?: CallOptions): Promise<ResponseBody<"getService">>;
    /**
     * Deletes the service; resolves once deleted (202). Delete the service's users first: a
     * service that still has users is refused with 409 (`ResourceAlreadyExistsError`) and
     * nothing is deleted.
     */
    delete(serviceId: string, options?: CallOptions): Promise<void>;
  };
  users: {
    list(serviceId: string, options?: CallOptions): Promise<ResponseBody<"listUsers">["users"]>;
    get(serviceId: string, userId: string, options?: CallOptions): Promise<ResponseBody<"getUser">>;
    /** Store the returned `id`: it is the UserId used for authentication. */
    create(serviceId: string, user: RequestBody<"createUser">, options?: CallOptions): Promise<ResponseBody<"createUser">>;
    delete(serviceId: string, userId: string, options?: CallOptions): Promise<void>;
  };
  auth: {
    /** Resolves with the method actually used: `totp` falls back to `sms`. */
    start(serviceId: string, userId: string, start: RequestBody<"startAuthentication">, options?: CallOptions): Promise<ResponseBody<"startAuthentication">>;
    /** A wrong PIN resolves with `verified: false`; it is an answer, not an error. */
    verify(serviceId: string, userId: string, pin: RequestBody<"verifyPin">, options?: CallOptions): Promise<ResponseBody<"verifyPin">>;
  };
}

interface Operation {
  method: string;
  path: string;
  request?: CheckedSchema;
  response?: CheckedSchema;
}

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
    const operation: Operation = operationTable[operationId];
    const { method } = operation;
    const filled = fillPath(operation.path, params as Record<string, unknown>, method);
    if (operation.request) {
      const problem = findProblem(operation.request, body);
      if (problem) throw new InvalidDataError(`${problem[0]} ${problem[1]}`, { field: problem[0], method });
    }
    const base = body === undefined ? config.headers : jsonHeaders;
    const init: RequestInit = {
      method,
      headers: options?.headers ? mergeHeaders(base, options.headers, method) : base,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    };
    const where = { method, path: config.basePath + filled };
    const policy = attemptPolicy(config, options);
    // Send, then decode.
    const answer = await send(config.baseUrl + filled, init, policy, config.context, where);
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

/** The path template with each parameter percent-encoded inside its segment; refuses IDs that cannot stay there. */
function fillPath(template: string, params: Record<string, unknown> | undefined, method: string): string {
  return template.replace(/\{(\w+)\}/g, (_, field: string) => {
    const value = params?.[field];
    let problem: string | undefined;
    if (typeof value !== "string") problem = `must be a string, not ${value === null ? "null" : typeof value}`;
    else if (value === "") problem = "must not be empty";
    else if (value === "." || value === "..") problem = "must not be '.' or '..'";
    else {
      try {
        return encodeURIComponent(value);
      } catch {
        problem = "must be well-formed Unicode";
      }
    }
    throw new InvalidDataError(`${field} ${problem}`, { field, method });
  });
}
