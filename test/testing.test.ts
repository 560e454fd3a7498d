// verigator/testing over a real socket: fake.listen serves the same state over HTTP. The rules
// themselves are tested through fake.fetch in test/unit/fake.test.ts.
import { describe, expect, it } from "vitest";
import { createVerigator, ResourceAlreadyExistsError, VerigatorConnectionError, WrongCredentialsError } from "../src/index.js";
import { createFakeVerigator } from "../src/testing/index.js";
import { rejection } from "./support/helpers.js";

const credentials = { username: "u", password: "p" };

async function withUser() {
  const fake = createFakeVerigator(credentials);
  const verigator = createVerigator({ ...credentials, fetch: fake.fetch });
  const service = await verigator.services.create({ fqdn: "https://app.example", name: "App" });
  const user = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" });
  return { fake, sid: service.id, uid: user.id };
}

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
      const bad = await fetch(`${server.url}/v1/service/service/${sid}/users`, { method: "POST", headers: { "x-service-auth": "u:p" }, body: "{" });
      expect(bad.status).toBe(422);
      expect(await bad.json()).toEqual({ message: "Invalid data: the body is not JSON" });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/v1/service/service/${sid}`)).rejects.toThrow();
  });
});
