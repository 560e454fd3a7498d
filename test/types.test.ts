// Compile-time checks: `tsc` (run by the typecheck test) fails if any @ts-expect-error below
// stops being an error, or an expectTypeOf stops holding. The runtime part only shows the
// calls are real.
import { describe, expectTypeOf, it } from "vitest";
import { createVerigator } from "../src/index.js";
import type { AuthVerifyResult, User, Verigator } from "../src/index.js";

const verigator: Verigator = createVerigator({ username: "u", password: "p", baseUrl: "http://127.0.0.1:9" });

function compileOnly(_calls: () => unknown) {}

describe("types come from the document", () => {
  it("argument and result types", () => {
    compileOnly(() => {
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
    });
    expectTypeOf(verigator.users.create).returns.resolves.toEqualTypeOf<User>();
    expectTypeOf<User["id"]>().toEqualTypeOf<string>();
    expectTypeOf(verigator.users.list).returns.resolves.toEqualTypeOf<User[]>();
    expectTypeOf(verigator.auth.verify).returns.resolves.toEqualTypeOf<AuthVerifyResult>();
    expectTypeOf<AuthVerifyResult["verified"]>().toEqualTypeOf<boolean>();
    expectTypeOf(verigator.auth.start).returns.resolves.toHaveProperty("method").toEqualTypeOf<"sms" | "totp">();
    expectTypeOf(verigator.users.delete).returns.resolves.toEqualTypeOf<void>();
  });
});
