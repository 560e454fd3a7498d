// Compile-time checks, run by vitest's typecheck mode (tsc): a test fails when a call marked
// as an expected error compiles after all, or an expectTypeOf stops holding.

import type { RequestBodyJSON, SuccessResponseJSON } from "openapi-typescript-helpers";
import { describe, expectTypeOf, it } from "vitest";
import type { AuthVerifyResult, components, ErrorBody, operations, RequestBody, ResponseBody, User, Verigator } from "../src/index.js";
import {
  createVerigator,
  InternalError,
  InvalidDataError,
  NoSuchResourceError,
  RateLimitError,
  ResourceAlreadyExistsError,
  ResourceForbiddenError,
  VerigatorTimeoutError,
  WrongCredentialsError,
} from "../src/index.js";

const verigator: Verigator = createVerigator({ username: "u", password: "p", baseUrl: "http://127.0.0.1:9" });

describe("types come from the document", () => {
  it("arguments the document forbids do not compile", () => {
    const calls = () => {
      // @ts-expect-error: phone_number is required
      void verigator.users.create("s", { id_in_service: "john_doe" });
      // @ts-expect-error: id_in_service is a string
      void verigator.users.create("s", { id_in_service: 42, phone_number: "+4401234567" });
      // @ts-expect-error: unknown fields are not allowed
      void verigator.users.create("s", { id_in_service: "a", phone_number: "+4401234567", admin: true });
      // @ts-expect-error: only sms and totp
      void verigator.auth.start("s", "u", { method: "email" });
      // @ts-expect-error: the PIN is sent as token
      void verigator.auth.verify("s", "u", { pin: "1234" });
      // @ts-expect-error: create service needs fqdn
      void verigator.services.create({ name: "x" });
    };
    expectTypeOf(calls).toBeFunction();
  });

  it("results are typed from the document", () => {
    expectTypeOf(verigator.users.create).returns.resolves.toEqualTypeOf<User>();
    expectTypeOf<User["id"]>().toEqualTypeOf<string>();
    expectTypeOf(verigator.users.list).returns.resolves.toEqualTypeOf<User[]>();
    expectTypeOf(verigator.auth.verify).returns.resolves.toEqualTypeOf<AuthVerifyResult>();
    expectTypeOf<AuthVerifyResult["verified"]>().toEqualTypeOf<boolean>();
    expectTypeOf(verigator.auth.start).returns.resolves.toHaveProperty("method").toEqualTypeOf<"sms" | "totp">();
    expectTypeOf(verigator.users.delete).returns.resolves.toEqualTypeOf<void>();
  });
});

describe("error classes type their status", () => {
  it("as a literal after instanceof, with the answer's headers", () => {
    const check = (e: unknown) => {
      if (e instanceof ResourceAlreadyExistsError) {
        expectTypeOf(e.status).toEqualTypeOf<409>();
        expectTypeOf(e.headers).toEqualTypeOf<Headers>();
      }
      if (e instanceof WrongCredentialsError) expectTypeOf(e.status).toEqualTypeOf<401>();
      if (e instanceof ResourceForbiddenError) expectTypeOf(e.status).toEqualTypeOf<403>();
      if (e instanceof NoSuchResourceError) expectTypeOf(e.status).toEqualTypeOf<404>();
      if (e instanceof RateLimitError) {
        expectTypeOf(e.status).toEqualTypeOf<429>();
        expectTypeOf(e.retryAfterMs).toEqualTypeOf<number | undefined>();
      }
      if (e instanceof InvalidDataError) expectTypeOf(e.status).toEqualTypeOf<400 | 422 | undefined>();
      if (e instanceof InternalError) expectTypeOf(e.status).toEqualTypeOf<number>();
      if (e instanceof VerigatorTimeoutError) {
        expectTypeOf(e.status).toEqualTypeOf<undefined>();
        expectTypeOf(e.headers).toEqualTypeOf<undefined>();
      }
    };
    expectTypeOf(check).toBeFunction();
  });
});

describe("what Messente's API sends and reads is typed", () => {
  it("verify takes an optional method; answers carry count, total, auth_id and method", () => {
    expectTypeOf(verigator.auth.verify).toBeCallableWith("s", "u", { method: "totp", token: "123456" });
    expectTypeOf(verigator.auth.start).returns.resolves.toHaveProperty("auth_id").toEqualTypeOf<string | null | undefined>();
    expectTypeOf(verigator.auth.verify).returns.resolves.toHaveProperty("method").toEqualTypeOf<"sms" | "totp" | undefined>();
  });
});

describe("the hand-written operation types equal openapi-typescript-helpers' (src/types.ts says why they stay)", () => {
  it("ResponseBody is SuccessResponseJSON for every operation", () => {
    expectTypeOf<ResponseBody<"createService">>().toEqualTypeOf<SuccessResponseJSON<operations["createService"]>>();
    expectTypeOf<ResponseBody<"getService">>().toEqualTypeOf<SuccessResponseJSON<operations["getService"]>>();
    expectTypeOf<ResponseBody<"deleteService">>().toEqualTypeOf<SuccessResponseJSON<operations["deleteService"]>>();
    expectTypeOf<ResponseBody<"listUsers">>().toEqualTypeOf<SuccessResponseJSON<operations["listUsers"]>>();
    expectTypeOf<ResponseBody<"createUser">>().toEqualTypeOf<SuccessResponseJSON<operations["createUser"]>>();
    expectTypeOf<ResponseBody<"getUser">>().toEqualTypeOf<SuccessResponseJSON<operations["getUser"]>>();
    expectTypeOf<ResponseBody<"deleteUser">>().toEqualTypeOf<SuccessResponseJSON<operations["deleteUser"]>>();
    expectTypeOf<ResponseBody<"startAuthentication">>().toEqualTypeOf<SuccessResponseJSON<operations["startAuthentication"]>>();
    expectTypeOf<ResponseBody<"verifyPin">>().toEqualTypeOf<SuccessResponseJSON<operations["verifyPin"]>>();
  });

  it("RequestBody is RequestBodyJSON where there is a body, and undefined (not never) where there is none", () => {
    expectTypeOf<RequestBody<"createService">>().toEqualTypeOf<RequestBodyJSON<operations["createService"]>>();
    expectTypeOf<RequestBody<"createUser">>().toEqualTypeOf<RequestBodyJSON<operations["createUser"]>>();
    expectTypeOf<RequestBody<"startAuthentication">>().toEqualTypeOf<RequestBodyJSON<operations["startAuthentication"]>>();
    expectTypeOf<RequestBody<"verifyPin">>().toEqualTypeOf<RequestBodyJSON<operations["verifyPin"]>>();
    expectTypeOf<RequestBody<"getService">>().toEqualTypeOf<undefined>();
    expectTypeOf<RequestBodyJSON<operations["getService"]>>().toEqualTypeOf<never>();
  });

  it("the schema types are openapi-typescript's root types", () => {
    expectTypeOf<User>().toEqualTypeOf<components["schemas"]["User"]>();
    expectTypeOf<ErrorBody>().toEqualTypeOf<components["schemas"]["Error"]>();
    expectTypeOf<AuthVerifyResult>().toEqualTypeOf<components["schemas"]["AuthVerifyResult"]>();
  });
});
