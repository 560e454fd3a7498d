// The public entry point of the `verigator` package. The typed openapi-fetch client lives in
// `verigator/raw`, so that this entry bundles none of it.
export { createVerigator } from "./client.ts";
export type { Verigator } from "./client.ts";
export {
  VerigatorError,
  InvalidDataError,
  WrongCredentialsError,
  ResourceForbiddenError,
  NoSuchResourceError,
  ResourceAlreadyExistsError,
  RateLimitError,
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
