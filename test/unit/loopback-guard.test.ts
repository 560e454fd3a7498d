// The unit project's guard (test/support/loopback-only.ts) is in place: the real fetch cannot
// leave loopback from a unit test.
import { expect, it } from "vitest";

it("a request past loopback fails before any connection is tried", async () => {
  await expect(fetch("https://api.verigator.com/v1/service/service/s")).rejects.toThrow(/a unit test reached past loopback: https:\/\/api\.verigator\.com/);
  await expect(fetch(new Request("http://example.invalid/"))).rejects.toThrow(/past loopback/);
});
