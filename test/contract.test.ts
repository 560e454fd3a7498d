// Every documented status of every operation, through the client, against the Prism mock.
import { describe, expect, it } from "vitest";
import { callWithExamples } from "../scripts/lib/operation-calls.mjs";
import { VerigatorError } from "../src/index.js";
import type { OperationId } from "../src/types.js";
import { mockClient, prefer } from "./support/client.js";
import { errorClasses, unwrap } from "./support/contract-cases.js";
import { documentedResponses } from "./support/document.js";
import { rejection } from "./support/helpers.js";

const client = mockClient();

describe.each(documentedResponses)("$operationId answers $status", (documented) => {
  const call = (options: ReturnType<typeof prefer>) => callWithExamples(client, documented.operationId as OperationId, options);

  if (documented.status < 300) {
    it("resolves with the documented body", async () => {
      const expected =
        documented.example === undefined ? undefined : (unwrap[documented.operationId as keyof typeof unwrap] ?? ((b: unknown) => b))(documented.example);
      await expect(call(prefer(documented.status))).resolves.toEqual(expected);
    });
  } else {
    it("rejects with the status's error class, status and body", async () => {
      const error = await rejection(call(prefer(documented.status)));
      expect(error).toBeInstanceOf(errorClasses[documented.status]);
      expect(error).toBeInstanceOf(VerigatorError);
      expect(error).toMatchObject({ status: documented.status, body: documented.example, method: documented.method });
      expect((error as VerigatorError).message).toBe((documented.example as { message: string }).message);
    });
  }
});

describe("named examples", () => {
  it("a rejected PIN resolves with verified: false and the reason", async () => {
    const result = await client.auth.verify("s", "u", { token: "000000" }, prefer(200, "rejected"));
    expect(result).toEqual({ verified: false, status: { throttled: false, expired: false, invalid: true, result: "INVALID" } });
  });

  it("totp start reports the method actually used", async () => {
    await expect(client.auth.start("s", "u", { method: "totp" }, prefer(200, "totp"))).resolves.toEqual({ method: "totp" });
    await expect(client.auth.start("s", "u", { method: "totp" }, prefer(200, "sms"))).resolves.toEqual({ method: "sms" });
  });

  it("an empty user list resolves with []", async () => {
    await expect(client.users.list("s", prefer(200, "empty"))).resolves.toEqual([]);
  });

  it("a 202 without a body resolves with undefined", async () => {
    await expect(client.users.delete("s", "u")).resolves.toBeUndefined();
    await expect(client.services.delete("s")).resolves.toBeUndefined();
  });
});
