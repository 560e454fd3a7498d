import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/*.test-d.ts are type tests: tsc checks them, and each `it` is reported like any test.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Prism and the tool runs are the slow part; two cores, so two workers.
    maxWorkers: 2,
  },
});
