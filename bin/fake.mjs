// `verigator fake [--port 4010] [--host 127.0.0.1] [--auth user:pass] [--pin 123456]`
// Serves the stateful fake of verigator/testing over HTTP until Ctrl-C.
import { parseArgs } from "node:util";
import { createFakeVerigator } from "verigator/testing";

const fakeUsage = "usage: verigator fake [--port 4010] [--host 127.0.0.1] [--auth user:pass] [--pin 123456]";

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
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port must be 0–65535, got ${values.port}`);
  const separator = values.auth.indexOf(":");
  if (separator < 0) throw new RangeError("--auth must be user:pass");
  const pin = values.pin;
  const fake = createFakeVerigator({
    username: values.auth.slice(0, separator),
    password: values.auth.slice(separator + 1),
    ...(pin !== undefined && { nextPin: () => pin }),
  });
  const server = await fake.listen({ port, host: values.host });
  return { fake, server };
}

/** @param {string[]} argv */
export async function main(argv) {
  let started;
  try {
    started = await startFake(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${fakeUsage}`);
    return 2;
  }
  const { fake, server } = started;
  console.log(`Verigator fake (stateful) at ${server.url}; X-Service-Auth is the --auth value (default user:pass). Ctrl-C stops it.`);
  let shown = 0;
  const showMessages = setInterval(() => {
    for (const { to, pin } of fake.messages.slice(shown)) console.log(`SMS to ${to}: your PIN is ${pin}`);
    shown = fake.messages.length;
  }, 100);
  await new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  clearInterval(showMessages);
  await server.close();
  return 0;
}
