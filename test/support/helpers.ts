// What the newer test files share: fault servers stopped after the file, and the rejection a
// call must end in.
import { afterAll, expect } from "vitest";
import type { VerigatorError } from "../../src/index.js";
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

/** What `promise` rejected with; fails the test when it resolved. */
export const rejection = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.unreachable(`resolved with ${JSON.stringify(value)}`),
    (reason: unknown) => reason as VerigatorError,
  );
