// Builds and packs the package, then installs the tarball into build/consumer, the sample
// consumer every runtime test runs from (as a user would have it: from the tarball).
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { root } from "./document.mjs";
import { run } from "./run.mjs";

export const consumerDir = `${root}build/consumer`;

/** @param {string} command @param {string[]} args @param {string} [cwd] */
async function mustRun(command, args, cwd = root) {
  const { code, output } = await run(command, args, { cwd });
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${output}`);
  return output;
}

/** Resolves with { tarball, bytes, files } once build/consumer has the packed package installed. */
export async function packIntoConsumer() {
  await mustRun("npm", ["run", "--silent", "build"]);
  const packDir = `${root}build/pack`;
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const [packed] = JSON.parse(await mustRun("npm", ["pack", "--json", "--pack-destination", packDir]));
  const tarball = `${packDir}/${packed.filename}`;

  rmSync(consumerDir, { recursive: true, force: true });
  mkdirSync(consumerDir, { recursive: true });
  writeFileSync(
    `${consumerDir}/package.json`,
    JSON.stringify({ name: "verigator-consumer", private: true, type: "module", dependencies: { verigator: `file:${tarball}` } }, null, 2),
  );
  await mustRun("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], consumerDir);
  cpSync(`${root}test/runtimes`, consumerDir, { recursive: true });
  return { tarball, bytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.files.map((/** @type {{ path: string }} */ file) => file.path) };
}
