// verigator/testing over a real socket: fake.listen serves the same state over HTTP. The rules
// themselves are tested through fake.fetch in test/unit/fake-rules.test.ts. And the package command
// `verigator fake` refusing what it cannot serve.
import { describe, expect, it } from "vitest";
import { run } from "../scripts/lib/run.mjs";
import { createVerigator, ResourceAlreadyExistsError, VerigatorConnectionError, WrongCredentialsError } from "../src/index.js";
import { rejection, fakeWithUser as withUser } from "./support/helpers.js";

const credentials = { username: "u", password: "p" };

describe("fake.listen", () => {
  it("serves the same state over a real socket; a drop closes the connection", async () => {
    const { fake, sid } = await withUser();
    const server = await fake.listen({ port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const overHttp = createVerigator({ ...credentials, baseUrl: server.url, maxRetries: 0 });
      expect(await overHttp.users.list(sid)).toHaveLength(1);
      await expect(rejection(overHttp.users.create(sid, { id_in_service: "ann", phone_number: "+1" }))).resolves.toBeInstanceOf(ResourceAlreadyExistsError);
      await expect(rejection(createVerigator({ username: "u", password: "x", baseUrl: server.url }).users.list(sid))).resolves.toBeInstanceOf(
        WrongCredentialsError,
      );
      fake.failNext({ operation: "createUser", drop: true });
      await expect(rejection(overHttp.users.create(sid, { id_in_service: "bob", phone_number: "+1" }))).resolves.toBeInstanceOf(VerigatorConnectionError);
      const bad = await fetch(`${server.url}/v1/service/service/${sid}/users`, {
        method: "POST",
        headers: { "x-service-auth": "u:p", "content-type": "application/json" },
        body: "{",
      });
      expect(bad.status).toBe(422);
      expect(await bad.json()).toEqual({ message: "Invalid data: the body is not JSON" });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/v1/service/service/${sid}`)).rejects.toThrow();
  });
});

describe("verigator fake, refusing bad arguments", () => {
  it.each([
    [["fake", "--port", "nope"], /--port must be 0–65535, got nope/],
    [["fake", "--auth", "no-colon"], /--auth must be user:pass/],
    [["serve"], /usage: verigator fake/],
  ])("verigator %j exits 2 with what is wrong", async (args, message) => {
    const { code, output } = await run("node", ["bin/verigator.mjs", ...args]);
    expect(output).toMatch(message);
    expect(code).toBe(2);
  });
});
