// `verigator fake [--port 4010] [--host 127.0.0.1] [--auth user:pass] [--pin 123456] [--services FILE]`
// Serves the stateful fake of verigator/testing over HTTP until Ctrl-C, its control endpoints
// (/_fake/…) included, for tests in any language.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createFakeVerigator } from "verigator/testing";

export const usage = "usage: verigator fake [--port 4010] [--host 127.0.0.1] [--auth user:pass] [--pin 123456] [--services services.json]";

/**
 * Starts the fake; resolves with its server once listening.
 * @param {string[]} argv
 */
export async function startFake(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      auth: { type: "string", default: "user:pass" },
      pin: { type: "string" },
      services: { type: "string" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be 0–65535, got ${values.port}`);
  const separator = values.auth.indexOf(":");
  if (separator < 0) throw new RangeError("--auth must be user:pass");
  const pin = values.pin;
  const services = values.services === undefined ? undefined : readServices(values.services);
  let fake;
  try {
    fake = createFakeVerigator({
      ...(services !== undefined && { services }),
      username: values.auth.slice(0, separator),
      password: values.auth.slice(separator + 1),
      ...(pin !== undefined && { nextPin: () => pin }),
    });
  } catch (error) {
    // A bad entry: nothing was loaded; say which file, entry and field.
    throw values.services === undefined || !(error instanceof TypeError) ? error : new RangeError(`--services ${values.services}: ${error.message}`);
  }
  const server = await fake.listen({ port, host: values.host });
  return { fake, server };
}

/**
 * The services to preload, from a JSON file: `[{ "id", "fqdn", "name", "users": [{ "id", "id_in_service", "phone_number" }] }]`.
 * @param {string} file
 * @returns {import("verigator/testing").PreloadedService[]}
 */
function readServices(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new RangeError(`--services ${file} cannot be read: ${/** @type {NodeJS.ErrnoException} */ (error).code ?? error}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RangeError(`--services ${file} is not JSON: ${error instanceof Error ? error.message : error}`);
  }
}

/** @param {string[]} argv */
export async function main(argv) {
  let started;
  try {
    started = await startFake(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
    return 2;
  }
  const { fake, server } = started;
  console.log(`Verigator fake (stateful) at ${server.url}; X-Service-Auth is the --auth value (default user:pass). Ctrl-C stops it.`);
  console.log(`Control endpoints: ${server.url}/_fake/messages, /_fake/requests, /_fake/reset, … (verigator/fake-control.yaml)`);
  // Which messages were printed, by identity: a reset empties the list and new ones follow at
  // once, so neither a count nor a length tells what is new.
  const printed = new WeakSet();
  const showMessages = setInterval(() => {
    for (const message of fake.messages) {
      if (printed.has(message)) continue;
      printed.add(message);
      console.log(`SMS to ${message.to}: your PIN is ${message.pin}`);
    }
  }, 100);
  await new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  clearInterval(showMessages);
  await server.close();
  return 0;
}
