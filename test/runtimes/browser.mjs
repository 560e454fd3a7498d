// Chromium: the recommended browser setup. The client has no credentials and talks to the
// app's own backend (another origin), which adds X-Service-Auth. A password is refused.
import * as verigator from "verigator";
import { createRawClient } from "verigator/raw";
import * as testing from "verigator/testing";
import { scenario } from "./scenario.mjs";

async function run() {
  const backend = new URL(location.href).searchParams.get("backend");
  const guard = (() => {
    try {
      verigator.createVerigator({ username: "u", password: "p", baseUrl: backend });
      return false;
    } catch (error) {
      return error instanceof verigator.VerigatorError && /own backend/.test(error.message);
    }
  })();
  const result = await scenario(verigator.createVerigator({ baseUrl: backend }), verigator, createRawClient({ baseUrl: backend }), testing);
  result.checks.passwordRefused = guard;
  result.ok = result.ok && guard;
  return result;
}

window.verigatorResult = run().catch((error) => ({ ok: false, error: String(error) }));
