// The size guard: the bundled client may not grow past its budget, and importing it without
// using it must cost nothing (no side effects, so bundlers drop it).
import { describe, expect, it } from "vitest";
import { apps, budgetGzipBytes, bundleSize } from "../bench/size.mjs";

describe("bundle size", () => {
  it(`the whole client, one call, stays within ${budgetGzipBytes} bytes min+gzip`, async () => {
    const { gzipBytes } = await bundleSize(apps["verigator (whole client)"] as string);
    console.log(`verigator bundle: ${gzipBytes} bytes min+gzip (budget ${budgetGzipBytes})`);
    expect(gzipBytes).toBeGreaterThan(1000);
    expect(gzipBytes).toBeLessThanOrEqual(budgetGzipBytes);
  });

  it("an unused import is dropped entirely", async () => {
    const { minBytes } = await bundleSize(apps["verigator imported, unused"] as string);
    expect(minBytes).toBe(0);
  });
});
