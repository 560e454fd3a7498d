// Starts one Prism mock of openapi/verigator.yaml for the whole run and stops it afterwards;
// makes build/, where test files keep their scratch copies, on a fresh clone.
import { mkdirSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { root } from "../../scripts/lib/document.mjs";
import { startMock } from "../../scripts/lib/mock.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(`${root}build`, { recursive: true });
  const prism = await startMock();
  project.provide("mockUrl", prism.url);
  return async () => {
    await prism.stop();
  };
}
