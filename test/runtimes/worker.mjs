// Cloudflare workerd: a worker that runs the scenario on each request. MOCK_URL is a binding.
import * as verigator from "verigator";
import { createRawClient } from "verigator/raw";
import * as testing from "verigator/testing";
import { scenario } from "./scenario.mjs";

export default {
  async fetch(_request, env) {
    const options = { username: "runtime-user", password: "runtime-pass", baseUrl: env.MOCK_URL };
    try {
      return Response.json(await scenario(verigator.createVerigator(options), verigator, createRawClient(options), testing));
    } catch (error) {
      return Response.json({ ok: false, error: String(error) });
    }
  },
};
