// Type-check cost of a consumer file: tsc --extendedDiagnostics, check time and instantiations.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { run } from "../scripts/lib/run.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));

export async function typecheckCost() {
  const dir = `${root}build/bench-typecheck`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    `${dir}/consumer.ts`,
    `import { createVerigator } from "../../dist/index.js";
const v = createVerigator({ username: "u", password: "p" });
export async function flow() {
  const service = await v.services.create({ fqdn: "example.com", name: "n" });
  const user = await v.users.create(service.id, { id_in_service: "a", phone_number: "+4401234567" });
  const { method } = await v.auth.start(service.id, user.id, { method: "sms" });
  const { verified } = await v.auth.verify(service.id, user.id, { token: "123456" });
  return [method, verified, (await v.users.list(service.id)).length] as const;
}
`,
  );
  writeFileSync(
    `${dir}/tsconfig.json`,
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: "ES2022", lib: ["ES2022", "DOM"], module: "NodeNext", moduleResolution: "NodeNext", types: [] },
      files: ["consumer.ts"],
    }),
  );
  const { code, output } = await run(`${root}node_modules/.bin/tsc`, ["-p", `${dir}/tsconfig.json`, "--extendedDiagnostics"]);
  if (code !== 0) throw new Error(output);
  const number = (label) => Number(output.match(new RegExp(`${label}:\\s+([\\d.]+)`))?.[1]);
  return { checkSeconds: number("Check time"), totalSeconds: number("Total time"), instantiations: number("Instantiations"), types: number("Types") };
}
