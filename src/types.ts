// Argument and result types of each operation, read from the generated types: nothing here
// states a field; adding an operation to the document adds its types.
import type { components, operations } from "../generated/verigator.ts";

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

export type Service = components["schemas"]["Service"];
export type ServiceCreate = components["schemas"]["ServiceCreate"];
export type User = components["schemas"]["User"];
export type UserCreate = components["schemas"]["UserCreate"];
export type AuthMethod = components["schemas"]["AuthMethod"];
export type AuthStart = components["schemas"]["AuthStart"];
export type AuthStartResult = components["schemas"]["AuthStartResult"];
export type AuthVerify = components["schemas"]["AuthVerify"];
export type AuthVerifyResult = components["schemas"]["AuthVerifyResult"];
export type ErrorBody = components["schemas"]["Error"];
