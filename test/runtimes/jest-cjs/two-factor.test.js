// Jest in its default CommonJS mode, no configuration: the client and verigator/testing load
// through require() and the two-factor flow runs against the fake.
const { createVerigator, ResourceAlreadyExistsError, VerigatorError } = require("verigator");
const { createFakeVerigator } = require("verigator/testing");

test("sign up and log in with the PIN the fake sent", async () => {
  const fake = createFakeVerigator({ username: "u", password: "p" });
  const verigator = createVerigator({ username: "u", password: "p", fetch: fake.fetch });
  const service = await verigator.services.create({ fqdn: "https://app.example", name: "App" });
  const user = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" });
  const again = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" }).catch((error) => error);
  expect(again).toBeInstanceOf(ResourceAlreadyExistsError);
  expect(again).toBeInstanceOf(VerigatorError);
  await verigator.auth.start(service.id, user.id, { method: "sms" });
  const result = await verigator.auth.verify(service.id, user.id, { token: fake.lastPin(service.id, user.id) });
  expect(result).toEqual({ verified: true, method: "sms" });
});
