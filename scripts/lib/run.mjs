// Runs a project tool from node_modules/.bin with telemetry and update checks off.
import { spawn } from "node:child_process";
import { root } from "./document.mjs";

export const quietEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  DENO_NO_UPDATE_CHECK: "1",
  DO_NOT_TRACK: "1", // Bun and others that honour it
  NO_UPDATE_NOTIFIER: "1",
  NPM_CONFIG_UPDATE_NOTIFIER: "false",
  SCARF_ANALYTICS: "false", // Spectral's dependency @scarf/scarf
  SPECTRAL_DISABLE_TELEMETRY: "true",
};

/** @param {string} name a tool in node_modules/.bin */
export function bin(name) {
  return `${root}node_modules/.bin/${name}`;
}

/**
 * Runs a command; resolves with its exit code and output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, echo?: boolean, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ code: number | null, output: string }>}
 */
export function run(command, args, { cwd = root, echo = false, env = quietEnv } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("close", (code) => resolve({ code, output }));
  });
}
