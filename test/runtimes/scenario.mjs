// The scenario every runtime runs against the Prism mock: get a service, add a user, and get
// ResourceAlreadyExistsError for a 409, and read a service through `verigator/raw`; then the
// two-factor flow against the stateful fake of `verigator/testing`, through `fake.fetch`.
// Plain JavaScript, so every runtime can load it as is.
export async function scenario(verigator, module, raw, testing) {
  const { ResourceAlreadyExistsError, VerigatorError } = module;
  const checks = {};
  const { data, response } = await raw.GET("/v1/service/service/{ServiceId}", { params: { path: { ServiceId: "my-service-id" } } });
  checks.raw = response instanceof Response && response.status === 200 && data?.id === "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d";
  const service = await verigator.services.get("my-service-id");
  checks.service = service.id === "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d";
  const user = await verigator.users.create(service.id, { id_in_service: "john.doe@verigator.com", phone_number: "+4401234567" });
  checks.user = user.id === "81213bfd-b690-499e-b9d2-8754cb1550e8";
  const conflict = await verigator.users
    .create(service.id, { id_in_service: "john.doe@verigator.com", phone_number: "+4401234567" }, { headers: { Prefer: "code=409" } })
    .then(
      () => undefined,
      (error) => error,
    );
  checks.conflict = conflict instanceof ResourceAlreadyExistsError && conflict instanceof VerigatorError && conflict.status === 409;
  checks.testing = await fakeFlow(module, testing);
  checks.listen = await listenOrSayWhy(testing);
  return { ok: Object.values(checks).every(Boolean), checks };
}

/** Sign-up and login against `verigator/testing`: the PIN read from the fake verifies, a repeat user is 409. */
async function fakeFlow({ createVerigator, ResourceAlreadyExistsError }, { createFakeVerigator }) {
  const fake = createFakeVerigator({ username: "u", password: "p" });
  const verigator = createVerigator({ username: "u", password: "p", fetch: fake.fetch, dangerouslyAllowBrowser: true });
  const service = await verigator.services.create({ fqdn: "https://app.example", name: "App" });
  const user = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" });
  const again = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" }).catch((error) => error);
  await verigator.auth.start(service.id, user.id, { method: "sms" });
  const wrong = await verigator.auth.verify(service.id, user.id, { token: "not-the-pin" });
  const right = await verigator.auth.verify(service.id, user.id, { token: fake.lastPin(service.id, user.id) });
  return again instanceof ResourceAlreadyExistsError && wrong.status?.invalid === true && right.verified === true && fake.messages.length === 1;
}

/** `fake.listen` serves where Node's http module exists, and elsewhere rejects saying it needs Node. */
async function listenOrSayWhy({ createFakeVerigator }) {
  const fake = createFakeVerigator({ username: "u", password: "p" });
  const hasNodeHttp = typeof globalThis.process?.getBuiltinModule === "function";
  return fake.listen({ port: 0 }).then(
    async (server) => {
      const answer = await fetch(`${server.url}/v1/service/service/nothing`, { headers: { "x-service-auth": "u:p" } });
      await server.close();
      return hasNodeHttp && answer.status === 404;
    },
    (error) => !hasNodeHttp && /needs Node\.js/.test(error.message),
  );
}
