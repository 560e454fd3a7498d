#!/usr/bin/env node
// The package's command: `verigator fake` serves the stateful fake, `verigator contract`
// checks a server against the document.
const commands = {
  fake: () => import("./fake.mjs"),
  contract: () => import("./contract.mjs"),
};

const [command, ...args] = process.argv.slice(2);
const load = command === undefined ? undefined : commands[/** @type {keyof typeof commands} */ (command)];
if (!load) {
  console.error(`usage: verigator fake [--port 4010] [--auth user:pass] [--pin 123456] [--services services.json]
       verigator contract --target http://host:port [--auth user:pass] [--seed N] [--reporter human|junit|json] [--output FILE] [--request-timeout MS] [--pin-command CMD] [--document FILE]`);
  process.exit(command === undefined || command === "--help" ? 0 : 2);
}
process.exitCode = await (await load()).main(args);
