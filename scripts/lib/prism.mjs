// This repository's Prism: the process starter (prism-process.mjs) on openapi/verigator.yaml,
// from the repository root, with every tool's telemetry off.

import { documentPath, root } from "./document.mjs";
import { startPrism as start } from "./prism-process.mjs";
import { quietEnv } from "./run.mjs";

/**
 * @param {{ port?: number, mode?: string[], document?: string }} [options]
 */
export function startPrism({ document = root + documentPath, ...options } = {}) {
  return start({ ...options, document, cwd: root, env: quietEnv });
}
