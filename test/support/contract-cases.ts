// What each documented status must become through the client (the calls themselves are
// scripts/lib/operation-calls.mjs). The coverage test fails when the document has an operation
// or a status these tables do not know, so a new endpoint cannot land untested.

import type { operations, VerigatorError } from "../../src/index.js";
import {
  InternalError,
  InvalidDataError,
  NoSuchResourceError,
  RateLimitError,
  ResourceAlreadyExistsError,
  ResourceForbiddenError,
  WrongCredentialsError,
} from "../../src/index.js";

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
  429: RateLimitError,
  500: InternalError,
  503: InternalError,
};
