// The error classes: which class each status becomes, what JSON shows, and instanceof across
// two copies of the package (the ESM and the CommonJS build loaded side by side).
import { describe, expect, it } from "vitest";
import { errorClassFor } from "../../src/errors.js";
import {
  InternalError,
  InvalidDataError,
  NoSuchResourceError,
  RateLimitError,
  ResourceAlreadyExistsError,
  ResourceForbiddenError,
  VerigatorError,
  WrongCredentialsError,
} from "../../src/index.js";

describe("errorClassFor", () => {
  it.each([
    [400, InvalidDataError],
    [401, WrongCredentialsError],
    [403, ResourceForbiddenError],
    [404, NoSuchResourceError],
    [409, ResourceAlreadyExistsError],
    [422, InvalidDataError],
    [429, RateLimitError],
    [500, InternalError],
    [503, InternalError],
    [418, VerigatorError],
  ])("%i → %o", (status, expected) => {
    expect(errorClassFor(status)).toBe(expected);
  });
});

describe("an error", () => {
  it("names its class, keeps its details, and shows them (not headers) as JSON", () => {
    const error = new NoSuchResourceError("Not found", {
      status: 404,
      body: { message: "Not found" },
      method: "GET",
      path: "/v1/service/service/s",
      requestId: "r1",
      headers: new Headers({ a: "b" }),
    });
    expect(error.name).toBe("NoSuchResourceError");
    expect(error).toBeInstanceOf(VerigatorError);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NoSuchResourceError",
      message: "Not found",
      status: 404,
      requestId: "r1",
      method: "GET",
      path: "/v1/service/service/s",
      body: { message: "Not found" },
    });
  });

  it("instanceof holds for an error from another copy of the package, by class names", () => {
    // What a second build of src/errors.ts looks like to this one: other classes, same names.
    class OtherVerigatorError extends Error {
      static readonly errorName: string = "VerigatorError";
    }
    class OtherNoSuchResourceError extends OtherVerigatorError {
      static override readonly errorName: string = "NoSuchResourceError";
    }
    const foreign = new OtherNoSuchResourceError("Not found");
    expect(foreign instanceof NoSuchResourceError).toBe(true);
    expect(foreign instanceof VerigatorError).toBe(true);
    expect(foreign instanceof WrongCredentialsError).toBe(false);
  });

  it("instanceof does not hold for look-alikes", () => {
    class NotOurs extends Error {
      static readonly errorName: string = "NoSuchResourceError";
    }
    expect(new NotOurs() instanceof NoSuchResourceError).toBe(false);
    expect({ name: "VerigatorError" } instanceof VerigatorError).toBe(false);
    expect(new Error("x") instanceof VerigatorError).toBe(false);
    expect((null as unknown) instanceof VerigatorError).toBe(false);
  });
});
