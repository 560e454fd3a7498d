// Builds and packs the package, then installs the tarball into a sample consumer every runtime
// test runs from, as a user's project would have it: from the tarball, and outside this
// repository, so that nothing resolves from the repository's own node_modules (Prism, msw).
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { root } from "./document.mjs";
import { run } from "./run.mjs";

export const consumerDir = `${tmpdir()}/verigator-consumer-${process.pid}`;

/** @param {string} command @param {string[]} args @param {string} [cwd] */
async function mustRun(command, args, cwd = root) {
  const { code, output } = await run(command, args, { cwd });
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${output}`);
  return output;
}

/** Resolves with { tarball, bytes, files } once consumerDir has the packed package installed. */
export async function packIntoConsumer() {
  // `npm test` has just built dist/ (and says so); anything else builds it here.
  if (process.env.VERIGATOR_BUILT !== "1") await mustRun("npm", ["run", "--silent", "build"]);
  const packDir = `${root}build/pack`;
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  // Built just above (or by npm test): prepack's build would be a second one.
  const [packed] = JSON.parse(await mustRun("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir]));
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
