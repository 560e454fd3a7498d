// A copy of what a clone of the next commit holds: the tracked and new files, nothing ignored
// (no dist/, build/ or node_modules). Shared by the tests that need the project as a user gets it.
import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import { root } from "./document.mjs";
import { run } from "./run.mjs";

/**
 * Copies the project into `dir`; with `linkModules`, node_modules is linked, as after npm ci.
 * @param {string} dir @param {{ linkModules?: boolean }} [options]
 */
export async function copyProject(dir, { linkModules = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const { output } = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard"]);
  for (const file of output.split("\n").filter(Boolean)) cpSync(`${root}${file}`, `${dir}/${file}`, { recursive: true });
  if (linkModules) symlinkSync(`${root}node_modules`, `${dir}/node_modules`);
}
