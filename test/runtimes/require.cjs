// Node 20.19+ with a plain require(): `node require.cjs <mock url>` prints one RESULT line.
const verigator = require("verigator");
const { createRawClient } = require("verigator/raw");
const testing = require("verigator/testing");

void (async () => {
  const { scenario } = await import("./scenario.mjs");
  const options = { username: "runtime-user", password: "runtime-pass", baseUrl: process.argv.at(-1) };
  console.log(`RESULT ${JSON.stringify(await scenario(verigator.createVerigator(options), verigator, createRawClient(options), testing))}`);
})();
