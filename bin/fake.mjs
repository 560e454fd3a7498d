// `verigator fake`: serves the stateful fake of verigator/testing over HTTP until Ctrl-C, its control endpoints
// (/_fake/…) included, for tests in any language.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createFakeVerigator } from "verigator/testing";

/** The fake's port unless told otherwise: the one `npm start` gives it (its mock has 4010, its docs 4011). */
export const defaultPort = "4012";

export const usage = `usage: verigator fake [options]

Serves the stateful fake of verigator/testing over HTTP until Ctrl-C, with its control
endpoints (/_fake/…, described by verigator/fake-control.yaml), for tests in any language.

  --port N                          the port (default 4012, as npm start serves the fake; 0 picks a free one)
  --host HOST                       the address (default 127.0.0.1)
  --auth USER:PASS                  the X-Service-Auth it accepts (default user:pass), compared as UTF-8
  --pin PIN                         every SMS carries this PIN (default: 6 random digits)
  --services FILE                   services and users to start with (JSON)
  --max-body-bytes N                the largest request body read (default 1048576); larger: 413
  --max-request-journal-entries N   requests the journal keeps, oldest dropped (default 5000)
  --no-request-journal              keep no journal
  -h, --help                        this text`;

/**
 * Starts the fake; resolves with its server once listening.
 * @param {string[]} argv
 */
export async function startFake(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: "boolean", short: "h" },
      "max-body-bytes": { type: "string" },
      "max-request-journal-entries": { type: "string" },
      "no-request-journal": { type: "boolean" },
      port: { type: "string", default: defaultPort },
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
  const maxBodyBytes = count(values["max-body-bytes"], "--max-body-bytes", 1);
  const maxJournal = values["no-request-journal"] ? 0 : count(values["max-request-journal-entries"], "--max-request-journal-entries", 0);
  const services = values.services === undefined ? undefined : readServices(values.services);
  let fake;
  try {
    fake = createFakeVerigator({
      ...(services !== undefined && { services }),
      username: values.auth.slice(0, separator),
      password: values.auth.slice(separator + 1),
      ...(pin !== undefined && { nextPin: () => pin }),
      ...(maxBodyBytes !== undefined && { maxBodyBytes }),
      ...(maxJournal !== undefined && { maxJournal }),
    });
  } catch (error) {
    // A bad entry: nothing was loaded; say which file, entry and field.
    throw values.services === undefined || !(error instanceof TypeError) ? error : new RangeError(`--services ${values.services}: ${error.message}`);
  }
  let server;
  try {
    server = await fake.listen({ port, host: values.host });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === "EADDRINUSE")
      throw new ListenError(`port ${port} on ${values.host} is in use (npm start's fake?): give another with --port N, or --port 0 for a free one`);
    if (code === "EACCES") throw new ListenError(`port ${port} on ${values.host} needs privileges this user lacks: give --port 1024 or above, or --port 0`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new ListenError(`--host ${values.host} is not an address of this machine`);
    throw error;
  }
  return { fake, server };
}

/** The fake could not listen where it was told: said in one line, without the usage. */
export class ListenError extends Error {}

/** @param {string | undefined} text @param {string} flag @param {number} min */
function count(text, flag, min) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new RangeError(`${flag} must be a whole number ≥ ${min}, got ${text}`);
  return Number(text);
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
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    return 0;
  }
  let started;
  try {
    started = await startFake(argv);
  } catch (error) {
    // Where it could not listen is one line; a wrong option also gets the usage.
    if (error instanceof ListenError) console.error(`verigator fake: ${error.message}`);
    else console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
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
