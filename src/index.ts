// The public entry point of the `verigator` package.
export { createVerigator } from "./client.ts";
export type { Verigator } from "./client.ts";
export {
  VerigatorError,
  InvalidDataError,
  WrongCredentialsError,
  ResourceForbiddenError,
  NoSuchResourceError,
  ResourceAlreadyExistsError,
  InternalError,
  InvalidResponseError,
  VerigatorTimeoutError,
  VerigatorConnectionError,
  VerigatorAbortError,
} from "./errors.ts";
export type { VerigatorErrorDetails } from "./errors.ts";
export type { VerigatorOptions, CallOptions } from "./options.ts";
export type { Logger, LogLevel } from "./logger.ts";
export type { FetchLike } from "./transport.ts";
export type * from "./types.ts";
export type { paths, components, operations } from "../generated/verigator.ts";
