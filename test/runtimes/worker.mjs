// Cloudflare workerd: a worker that runs the scenario on each request. MOCK_URL is a binding.
import * as verigator from "verigator";
import { scenario } from "./scenario.mjs";

export default {
  async fetch(_request, env) {
    const client = verigator.createVerigator({ username: "runtime-user", password: "runtime-pass", baseUrl: env.MOCK_URL });
    try {
      return Response.json(await scenario(client, verigator));
    } catch (error) {
      return Response.json({ ok: false, error: String(error) });
    }
  },
};
