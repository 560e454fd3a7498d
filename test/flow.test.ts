// The two-factor flow end to end against the mock: through the client, and as the Arazzo
// workflow that `redocly respect` runs.
import { describe, expect, inject, it } from "vitest";
import { bin, run } from "../scripts/lib/run.mjs";
import { mockClient } from "./support/client.js";

describe("two-factor flow", () => {
  it("create service → add user → start authentication → verify PIN, through the client", async () => {
    const verigator = mockClient();
    const service = await verigator.services.create({ fqdn: "example.com", name: "My service" });
    const user = await verigator.users.create(service.id, { id_in_service: "john.doe@verigator.com", phone_number: "+4401234567" });
    const started = await verigator.auth.start(service.id, user.id, { method: "sms" });
    const result = await verigator.auth.verify(service.id, user.id, { token: "123456" });
    expect(service.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(started.method).toBe("sms");
    expect(result.verified).toBe(true);
    await expect(verigator.users.delete(service.id, user.id)).resolves.toBeUndefined();
    await expect(verigator.services.delete(service.id)).resolves.toBeUndefined();
  });

  it("the Arazzo workflow passes under redocly respect", async () => {
    const { code, output } = await run(bin("redocly"), [
      "respect",
      "openapi/verigator.arazzo.yaml",
      "--server",
      `verigator=${inject("mockUrl")}`,
      "--input",
      "serviceAuth=flow-user:flow-pass",
    ]);
    expect(output).toMatch(/Workflows: 1 passed, 1 total/);
    expect(output).toMatch(/Steps: 4 passed, 4 total/);
    expect(code).toBe(0);
  });

  it("the workflow fails when the server does not follow the document", async () => {
    // A server that answers 404 on every path: the first step's success criteria refuse it.
    const { code, output } = await run(bin("redocly"), [
      "respect",
      "openapi/verigator.arazzo.yaml",
      "--server",
      `verigator=${inject("mockUrl")}/not-verigator`,
      "--input",
      "serviceAuth=flow-user:flow-pass",
    ]);
    expect(code).not.toBe(0);
    expect(output).toMatch(/Workflows: 1 failed/);
  });
});
