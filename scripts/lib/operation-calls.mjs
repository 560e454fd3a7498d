// How to call each operation through the client, with the document's example ids and bodies:
// the one table the contract suite, the property tests, the fault tests and the benchmarks use.
// It calls methods on a client it is given, so it serves the source (tests) and dist (bench).

/** @typedef {import("../../src/types.ts").OperationId} OperationId */
/** @typedef {import("../../src/client.ts").Verigator} Verigator */
/** @typedef {import("../../src/options.ts").CallOptions} CallOptions */
/**
 * @template {OperationId} Op
 * @typedef {{ serviceId: string, userId: string, body: import("../../src/types.ts").RequestBody<Op> }} CallArgs
 */

/** The ids in the document's examples. */
export const exampleIds = { serviceId: "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", userId: "81213bfd-b690-499e-b9d2-8754cb1550e8" };

/** A body for each operation that takes one, from the document's examples. */
export const exampleBodies = {
  createService: { fqdn: "example.com", name: "My service" },
  createUser: { id_in_service: "john.doe@verigator.com", phone_number: "+4401234567" },
  startAuthentication: { method: /** @type {const} */ ("sms") },
  verifyPin: { token: "123456" },
};

/** @type {{ [Op in OperationId]: (client: Verigator, args: CallArgs<Op>, options?: CallOptions) => Promise<unknown> }} */
export const operationCalls = {
  createService: (v, { body }, o) => v.services.create(body, o),
  getService: (v, { serviceId }, o) => v.services.get(serviceId, o),
  deleteService: (v, { serviceId }, o) => v.services.delete(serviceId, o),
  listUsers: (v, { serviceId }, o) => v.users.list(serviceId, o),
  getUser: (v, { serviceId, userId }, o) => v.users.get(serviceId, userId, o),
  createUser: (v, { serviceId, body }, o) => v.users.create(serviceId, body, o),
  deleteUser: (v, { serviceId, userId }, o) => v.users.delete(serviceId, userId, o),
  startAuthentication: (v, { serviceId, userId, body }, o) => v.auth.start(serviceId, userId, body, o),
  verifyPin: (v, { serviceId, userId, body }, o) => v.auth.verify(serviceId, userId, body, o),
};

/**
 * Calls `operationId` with any ids and body (the property tests pass arbitrary ones).
 * @param {Verigator} client
 * @param {OperationId} operationId
 * @param {{ serviceId: string, userId: string, body?: unknown }} args
 * @param {CallOptions} [options]
 */
export function callOperation(client, operationId, args, options) {
  const call = /** @type {(client: Verigator, args: unknown, options?: CallOptions) => Promise<unknown>} */ (operationCalls[operationId]);
  return call(client, args, options);
}

/**
 * Calls `operationId` with the document's example ids and body.
 * @param {Verigator} client
 * @param {OperationId} operationId
 * @param {CallOptions} [options]
 */
export function callWithExamples(client, operationId, options) {
  return callOperation(client, operationId, { ...exampleIds, body: /** @type {Record<string, unknown>} */ (exampleBodies)[operationId] }, options);
}
