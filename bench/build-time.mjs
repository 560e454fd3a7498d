// Build time: document → lint, types (generate), docs; each step timed as the scripts run it.
import { fileURLToPath } from "node:url";
import { run } from "../scripts/lib/run.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));

async function timed(command, args) {
  const started = performance.now();
  const { code, output } = await run(command, args);
  if (code !== 0) throw new Error(output);
  return (performance.now() - started) / 1000;
}

export async function buildTime() {
  const lint = await timed(`${root}node_modules/.bin/redocly`, ["lint"]);
  const types = await timed("node", ["scripts/generate.mjs"]);
  const docs = await timed("node", ["scripts/docs.mjs"]);
  return { lint, types, docs, typesAndDocs: types + docs, total: lint + types + docs };
}
