import { defineConfig } from "vitest/config";

// Two projects behind `npm test`:
// - unit: no Prism, no servers, no child processes, no Chromium: the client with an injected
//   fetch and fake timers, the fake through fake.fetch, the checks and tables. A few seconds:
//   `npx vitest --project unit` while changing src/.
// - e2e: everything that runs real processes: Prism, fault servers, runtimes, docs, samples,
//   tools. The type tests (test/*.test-d.ts) are checked by the one full tsc run in
//   test/tooling.test.ts, not by a second tsc in vitest's typecheck mode.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here; much e2e time is spent waiting on child processes (Prism, runtimes).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          isolate: false,
          include: ["test/unit/**/*.test.ts"],
          setupFiles: ["test/support/loopback-only.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          // Test files share their worker's module cache instead of re-importing src/, the
          // document and the tools for each file. Each file cleans up after itself: servers
          // close in afterAll, fake timers and mocks are restored after each test.
          isolate: false,
          include: ["test/*.test.ts", "test/examples/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
