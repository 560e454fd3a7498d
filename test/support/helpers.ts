// What the test files share: a client with test credentials, fault servers stopped after the
// file, and the rejection a call must end in (with its time, where time is the subject).
import { afterAll, expect } from "vitest";
import type { VerigatorError, VerigatorOptions } from "../../src/index.js";
import { createVerigator } from "../../src/index.js";
import type { FakeVerigatorOptions } from "../../src/testing/index.js";
import { createFakeVerigator } from "../../src/testing/index.js";
import type { Behaviour } from "./fault-server.js";
import { startFaultServer } from "./fault-server.js";

/** A `serve(...script)` for this test file; its servers (and any `onStop` added) stop after the file. */
export function faultServers() {
  const stops: (() => Promise<void>)[] = [];
  afterAll(() => Promise.all(stops.map((stop) => stop())));
  return {
    serve: async (...script: Behaviour[]) => {
      const server = await startFaultServer(...script);
      stops.push(server.stop);
      return server;
    },
    onStop: (stop: () => Promise<void>) => void stops.push(stop),
  };
}

/** The client with the tests' credentials ("u", "p"), and whatever else `options` says. */
export const client = (options: VerigatorOptions = {}) => createVerigator({ username: "u", password: "p", ...options });

/** What `promise` rejected with; fails the test when it resolved. */
export const rejection = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.unreachable(`resolved with ${JSON.stringify(value)}`),
    (reason: unknown) => reason as VerigatorError,
  );

/** What `call` rejected with and how long it took; fails the test when it resolved. */
export async function timedRejection(call: () => Promise<unknown>) {
  const started = performance.now();
  const error = await rejection(call());
  return { error, ms: performance.now() - started };
}

/** A request as an injected fetch saw it. */
export interface SeenRequest {
  method: string | undefined;
  /** Path and query, as a server would see them. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** An injected fetch that records each request and answers `status` with `body` as JSON. */
export function recordingFetch(status = 200, body: unknown = {}) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: string, init: RequestInit) => {
    const { pathname, search } = new URL(input);
    seen.push({ method: init.method, url: pathname + search, headers: Object.fromEntries(new Headers(init.headers)), body: init.body });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, seen };
}

/** A fake of verigator/testing with the tests' credentials, and a client that talks to it through fake.fetch. */
export function fakeSetup(fakeOptions: Partial<FakeVerigatorOptions> = {}, clientOptions: VerigatorOptions = {}) {
  const fake = createFakeVerigator({ username: "u", password: "p", ...fakeOptions });
  return { fake, verigator: client({ fetch: fake.fetch, ...clientOptions }) };
}

/** fakeSetup with a service and its user "ann" already added. */
export async function fakeWithUser(fakeOptions: Partial<FakeVerigatorOptions> = {}, clientOptions: VerigatorOptions = {}) {
  const { fake, verigator } = fakeSetup(fakeOptions, clientOptions);
  const service = await verigator.services.create({ fqdn: "https://app.example", name: "App" });
  const user = await verigator.users.create(service.id, { id_in_service: "ann", phone_number: "+3725555555" });
  return { fake, verigator, sid: service.id, uid: user.id, service, user };
}
