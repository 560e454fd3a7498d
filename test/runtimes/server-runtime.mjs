// Node (ESM), Deno and Bun: `<runtime> server-runtime.mjs <mock url>` prints one RESULT line.
import * as verigator from "verigator";
import { scenario } from "./scenario.mjs";

const client = verigator.createVerigator({ username: "runtime-user", password: "runtime-pass", baseUrl: process.argv.at(-1) });
const result = await scenario(client, verigator);
console.log(`RESULT ${JSON.stringify(result)}`);
