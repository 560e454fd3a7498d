// Node (ESM), Deno and Bun: `<runtime> server-runtime.mjs <mock url>` prints one RESULT line.
import * as verigator from "verigator";
import { createRawClient } from "verigator/raw";
import * as testing from "verigator/testing";
import { scenario } from "./scenario.mjs";

const options = { username: "runtime-user", password: "runtime-pass", baseUrl: process.argv.at(-1) };
const result = await scenario(verigator.createVerigator(options), verigator, createRawClient(options), testing);
console.log(`RESULT ${JSON.stringify(result)}`);
