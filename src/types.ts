// Argument and result types of each operation, read from the generated types: nothing here
// states a field; adding an operation to the document adds its types.
//
// RequestBody and ResponseBody compute what openapi-typescript-helpers' RequestBodyJSON and
// SuccessResponseJSON compute (test/types.test-d.ts proves them equal for every operation),
// written here because the helpers' declarations do not type-check on TypeScript 5.0 with
// skipLibCheck off, the oldest this package supports, and because an operation without a body
// takes `undefined` here, where the helpers give `never`.
import type { operations } from "../generated/verigator.ts";

/** The operationIds of the document, e.g. "createUser". */
export type OperationId = keyof operations;

type JsonOf<T> = T extends { content: { "application/json": infer Body } } ? Body : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** The JSON body an operation takes, or undefined. */
export type RequestBody<Op extends OperationId> = JsonOf<operations[Op]["requestBody"]>;

/** The JSON body of an operation's success answer, or undefined when it has none. */
export type ResponseBody<Op extends OperationId> = {
  [Status in keyof operations[Op]["responses"]]: Status extends SuccessStatus ? JsonOf<operations[Op]["responses"][Status]> : never;
}[keyof operations[Op]["responses"]];

/** An operation's path parameters. */
export type PathParams<Op extends OperationId> = operations[Op]["parameters"]["path"];

// The schemas' own types, as openapi-typescript's rootTypes option generates them. `Error`
// is published as ErrorBody so that it does not shadow the global Error in users' code.
export type {
  AuthMethod,
  AuthStart,
  AuthStartResult,
  AuthVerify,
  AuthVerifyResult,
  Error as ErrorBody,
  Service,
  ServiceCreate,
  User,
  UserCreate,
} from "../generated/verigator.ts";
