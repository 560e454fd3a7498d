// Bundle sizes for bench/RESULTS.md, read from size-limit's JSON: the package's entry points
// (.size-limit.mjs, whose limits `npm test` enforces) and the contenders' apps.
import { bin, run } from "../scripts/lib/run.mjs";

/** The target for the client, min+gzip. */
export const targetGzipBytes = 4500;

/**
 * @param {string[]} args
 * @returns {Promise<{ name: string, size: number, sizeLimit?: number, passed: boolean }[]>}
 */
async function sizeLimit(args) {
  const { code, output } = await run(bin("size-limit"), ["--json", ...args]);
  const json = output.slice(output.indexOf("["));
  if (code !== 0 && !json.startsWith("[")) throw new Error(`size-limit failed:\n${output}`);
  return JSON.parse(json);
}

/** @returns {Promise<{ name: string, gzipBytes: number, limitBytes: number | undefined }[]>} */
export async function sizes() {
  const rows = [...(await sizeLimit([])), ...(await sizeLimit(["--config", "bench/size-limit.contenders.mjs"]))];
  return rows.map(({ name, size, sizeLimit: limit }) => ({ name, gzipBytes: Math.max(0, size), limitBytes: limit }));
}
