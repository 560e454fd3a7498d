// Node with both formats loaded at once (an app importing the ESM build, a test requiring the
// CommonJS one): errors made by either copy are instances of the other copy's classes.
import { createRequire } from "node:module";
import * as esm from "verigator";
import * as esmTesting from "verigator/testing";

const require = createRequire(import.meta.url);
const cjs = require("verigator");
const cjsTesting = require("verigator/testing");

async function errorFrom(client, testing) {
  const fake = testing.createFakeVerigator({ username: "u", password: "p" });
  return client
    .createVerigator({ username: "u", password: "p", fetch: fake.fetch })
    .services.get("missing")
    .catch((error) => error);
}

const fromEsm = await errorFrom(esm, cjsTesting);
const fromCjs = await errorFrom(cjs, esmTesting);
const checks = {
  twoCopies: esm.VerigatorError !== cjs.VerigatorError,
  esmErrorIsCjsClass: fromEsm instanceof cjs.NoSuchResourceError && fromEsm instanceof cjs.VerigatorError && !(fromEsm instanceof cjs.WrongCredentialsError),
  cjsErrorIsEsmClass:
    fromCjs instanceof esm.NoSuchResourceError && fromCjs instanceof esm.VerigatorError && !(fromCjs instanceof esm.ResourceAlreadyExistsError),
  notOtherErrors: !(new Error("x") instanceof cjs.VerigatorError) && !({ name: "VerigatorError" } instanceof esm.VerigatorError),
};
console.log(`RESULT ${JSON.stringify({ ok: Object.values(checks).every(Boolean), checks })}`);
