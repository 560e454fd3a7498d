// Starts one Prism mock of openapi/verigator.yaml for the whole run and stops it afterwards.
import type { TestProject } from "vitest/node";
import { startMock } from "../../scripts/lib/mock.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const prism = await startMock();
  project.provide("mockUrl", prism.url);
  return async () => {
    await prism.stop();
  };
}
