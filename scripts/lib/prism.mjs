// This repository's Prism: the package's starter (bin/prism.mjs) on openapi/verigator.yaml,
// from the repository root, with every tool's telemetry off.
import { startPrism as start } from "../../bin/prism.mjs";
import { documentPath, root } from "./document.mjs";
import { quietEnv } from "./run.mjs";

/**
 * @param {{ port?: number, mode?: string[], document?: string }} [options]
 */
export function startPrism({ document = root + documentPath, ...options } = {}) {
  return start({ ...options, document, cwd: root, env: quietEnv });
}
