// The public entry point of the `verigator` package.
export { createVerigator } from "./client.js";
export type { Verigator } from "./client.js";
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
} from "./errors.js";
export type { VerigatorErrorDetails } from "./errors.js";
export type { VerigatorOptions, CallOptions } from "./options.js";
export type { Logger, LogLevel } from "./logger.js";
export type { FetchLike } from "./transport.js";
export type * from "./types.js";
export type { paths, components, operations } from "../generated/verigator.js";
