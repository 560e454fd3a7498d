#!/usr/bin/env node
// The package's command: `verigator fake` serves the stateful fake, `verigator contract`
// checks a server against the document. Each command owns its usage text; the top-level help
// is built from them.
/** @typedef {() => Promise<{ usage: string, main(argv: string[]): Promise<number> }>} Load */
const commands = new Map(
  /** @type {[string, Load][]} */ ([
    ["fake", () => import("./fake.mjs")],
    ["contract", () => import("./contract.mjs")],
  ]),
);

const [command, ...args] = process.argv.slice(2);
if (command === "--version" || command === "-v") {
  // The version of the package this command belongs to, read from its own package.json.
  const { readFileSync } = await import("node:fs");
  console.log(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version);
  process.exit(0);
}
const load = command === undefined ? undefined : commands.get(command);
if (!load) {
  const usages = await Promise.all([...commands.values()].map(async (one) => (await one()).usage));
  const help = command === undefined || command === "--help" || command === "-h";
  const version = "  verigator --version, -v   the package's version";
  (help ? console.log : console.error)(`${help ? "" : `verigator: no command ${JSON.stringify(command)}\n\n`}${usages.join("\n\n")}\n\n${version}`);
  process.exit(help ? 0 : 2);
}
process.exitCode = await (await load()).main(args);
