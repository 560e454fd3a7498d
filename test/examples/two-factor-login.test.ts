// The README's "Testing your app" example, run as a user would: from the package's own
// entry points (`verigator`, `verigator/testing`), with vitest.
import { createVerigator, ResourceAlreadyExistsError } from "verigator";
import { createFakeVerigator } from "verigator/testing";
import { expect, it } from "vitest";

it("signs up, logs in with the PIN the SMS carried, and refuses a wrong one", async () => {
  const fake = createFakeVerigator({ username: "u", password: "p" });
  const verigator = createVerigator({ username: "u", password: "p", fetch: fake.fetch });

  const service = await verigator.services.create({ fqdn: "https://app.example", name: "App" });
  const user = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" });
  await expect(verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" })).rejects.toBeInstanceOf(ResourceAlreadyExistsError);

  await verigator.auth.start(service.id, user.id, { method: "sms" });
  const pin = fake.lastPin(service.id, user.id); // what the SMS said
  expect(fake.messages).toEqual([{ serviceId: service.id, userId: user.id, to: "+3725555555", pin, at: expect.any(Number) }]);

  const wrong = await verigator.auth.verify(service.id, user.id, { token: "000000" === pin ? "111111" : "000000" });
  expect(wrong.status?.invalid).toBe(true);
  expect(await verigator.auth.verify(service.id, user.id, { token: pin! })).toEqual({ verified: true, method: "sms" });

  fake.advance(5 * 60_000); // a PIN lives 5 minutes
  await verigator.auth.start(service.id, user.id, { method: "sms" });
  fake.advance(5 * 60_000);
  expect((await verigator.auth.verify(service.id, user.id, { token: fake.lastPin(service.id, user.id)! })).status?.expired).toBe(true);
});
