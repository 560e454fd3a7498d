// The contract suite's table: how to call each operation through the client, and what each
// documented status must become. The coverage test fails when the document has an operation
// or a status this table does not know, so a new endpoint cannot land untested.

import type { CallOptions, operations, Verigator, VerigatorError } from "../../src/index.js";
import {
  InternalError,
  InvalidDataError,
  NoSuchResourceError,
  ResourceAlreadyExistsError,
  ResourceForbiddenError,
  WrongCredentialsError,
} from "../../src/index.js";

const serviceId = "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d";
const userId = "81213bfd-b690-499e-b9d2-8754cb1550e8";

export const calls: Record<keyof operations, (client: Verigator, options: CallOptions) => Promise<unknown>> = {
  createService: (v, o) => v.services.create({ fqdn: "example.com", name: "My service" }, o),
  getService: (v, o) => v.services.get(serviceId, o),
  deleteService: (v, o) => v.services.delete(serviceId, o),
  listUsers: (v, o) => v.users.list(serviceId, o),
  getUser: (v, o) => v.users.get(serviceId, userId, o),
  createUser: (v, o) => v.users.create(serviceId, { id_in_service: "john.doe@verigator.com", phone_number: "+4401234567" }, o),
  deleteUser: (v, o) => v.users.delete(serviceId, userId, o),
  startAuthentication: (v, o) => v.auth.start(serviceId, userId, { method: "sms" }, o),
  verifyPin: (v, o) => v.auth.verify(serviceId, userId, { token: "123456" }, o),
};

/** How the client hands back each operation's documented success body. */
export const unwrap: Partial<Record<keyof operations, (body: unknown) => unknown>> = {
  listUsers: (body) => (body as { users: unknown }).users,
  // A delete resolves with nothing, whether the 202 had `{}` or no body.
  deleteService: () => undefined,
  deleteUser: () => undefined,
};

export const errorClasses: Record<number, new (...args: never[]) => VerigatorError> = {
  400: InvalidDataError,
  401: WrongCredentialsError,
  403: ResourceForbiddenError,
  404: NoSuchResourceError,
  409: ResourceAlreadyExistsError,
  422: InvalidDataError,
  500: InternalError,
  503: InternalError,
};
