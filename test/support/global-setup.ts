// Starts one Prism mock of openapi/verigator.yaml for the whole run and stops it afterwards.
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/lib/prism.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("mockUrl", prism.url);
  return async () => {
    await prism.stop();
  };
}
