// Type-checked against the packed .d.ts: verigator/testing without msw installed (handlers is
// then any[]), fault statuses limited to what each operation declares.
import { createVerigator } from "verigator";
import type { FakeVerigator, SentMessage } from "verigator/testing";
import { createFakeVerigator } from "verigator/testing";

export async function signUpAndLogIn(): Promise<boolean> {
  const fake: FakeVerigator = createFakeVerigator({ username: "u", password: "p", maxAttempts: 3 });
  const verigator = createVerigator({ username: "u", password: "p", fetch: fake.fetch });
  const service = await verigator.services.create({ fqdn: "https://app.example", name: "App" });
  const user = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" });
  await verigator.auth.start(service.id, user.id, { method: "sms" });
  const pin: string | undefined = fake.lastPin(service.id, user.id);
  const sent: readonly SentMessage[] = fake.messages;
  void sent;
  return (await verigator.auth.verify(service.id, user.id, { token: pin ?? "" })).verified;
}

/** Checked by the compiler only: which faults each operation may be given. */
export function faultTypes(fake: FakeVerigator): void {
  fake.failNext({ operation: "createUser", status: 503, retryAfter: 1 });
  fake.failNext({ operation: "getUser", drop: "after acting" });
  // @ts-expect-error: createService declares no 404
  fake.failNext({ operation: "createService", status: 404 });
}
