// The public entry point of the `verigator` package. The typed openapi-fetch client lives in
// `verigator/raw`, so that this entry bundles none of it.

export type { components, operations, paths } from "../generated/verigator.ts";
export type { Verigator } from "./client.ts";
export { createVerigator } from "./client.ts";
export type { VerigatorErrorDetails } from "./errors.ts";
export {
  InternalError,
  InvalidDataError,
  InvalidResponseError,
  NoSuchResourceError,
  RateLimitError,
  ResourceAlreadyExistsError,
  ResourceForbiddenError,
  VerigatorAbortError,
  VerigatorConnectionError,
  VerigatorError,
  VerigatorTimeoutError,
  WrongCredentialsError,
} from "./errors.ts";
export type { Logger, LogLevel } from "./logger.ts";
export type { CallOptions, VerigatorOptions } from "./options.ts";
export type { FetchLike } from "./transport.ts";
export type * from "./types.ts";
