// The two-factor flow end to end against the mock and against the stateful fake of
// verigator/testing: through the client, and as the Arazzo workflow that `redocly respect` runs.
import { describe, expect, inject, it } from "vitest";
import { bin, run } from "../scripts/lib/run.mjs";
import { createVerigator } from "../src/index.js";
import { createFakeVerigator } from "../src/testing/index.js";
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

  it("the same flow against the fake: the PIN the SMS carried verifies, once", async () => {
    const fake = createFakeVerigator({ username: "flow-user", password: "flow-pass" });
    const verigator = createVerigator({ username: "flow-user", password: "flow-pass", fetch: fake.fetch });
    const service = await verigator.services.create({ fqdn: "example.com", name: "My service" });
    const user = await verigator.users.create(service.id, { id_in_service: "john.doe@verigator.com", phone_number: "+4401234567" });
    expect(await verigator.auth.start(service.id, user.id, { method: "sms" })).toEqual({ method: "sms" });
    const token = fake.lastPin(service.id, user.id)!;
    expect(await verigator.auth.verify(service.id, user.id, { token })).toEqual({ verified: true, method: "sms" });
    expect((await verigator.auth.verify(service.id, user.id, { token })).verified).toBe(false);
    await verigator.users.delete(service.id, user.id);
    await verigator.services.delete(service.id);
  });

  it("the Arazzo workflow passes against the fake over HTTP, which sends the PIN the workflow types", async () => {
    const fake = createFakeVerigator({ username: "flow-user", password: "flow-pass", nextPin: () => "123456" });
    const server = await fake.listen({ port: 0 });
    try {
      const { code, output } = await run(bin("redocly"), [
        "respect",
        "openapi/verigator.arazzo.yaml",
        "--server",
        `verigator=${server.url}`,
        "--input",
        "serviceAuth=flow-user:flow-pass",
      ]);
      expect(output).toMatch(/Steps: 4 passed, 4 total/);
      expect(code).toBe(0);
      expect(fake.messages.map((message) => message.pin)).toEqual(["123456"]);
    } finally {
      await server.close();
    }
  });
});
