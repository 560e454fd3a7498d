// `verigator contract --target URL` (`npm run contract` here) checks someone's own server
// against the document. Shown both ways with loopback fixture servers, one that conforms and
// some that do not, and against the stateful fake of verigator/testing, listening in this
// process while the runner runs as a child (asynchronously: a synchronous child would freeze it).
import type { Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../scripts/lib/run.mjs";
import { createFakeVerigator } from "../src/testing/index.js";
import { createVerigatorServer } from "./fixtures/verigator-server.mjs";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const conforming = createVerigatorServer();
const broken = createVerigatorServer({ broken: true });
const picky = createVerigatorServer({ refuseAnyAccept: true });
const [conformingUrl, brokenUrl, pickyUrl] = await Promise.all([listen(conforming), listen(broken), listen(picky)]);
afterAll(() => {
  for (const server of [conforming, broken, picky]) {
    server.close();
    server.closeAllConnections();
  }
});

describe.concurrent("contract runner", () => {
  it("passes a server that follows the document, listing every operation and status", async () => {
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", conformingUrl]);
    for (const line of [
      "createService        201",
      "createService        409",
      "getService           401",
      "createUser           422",
      "verifyPin            200",
      "verifyPin (with method) 200",
      "getService (Accept: */*) 200",
      "deleteService        202",
    ]) {
      expect(output).toContain(`✓ pass  ${line}`);
    }
    expect(output).not.toContain("✗");
    expect(output).toContain("17 passed, 0 failed");
    expect(code).toBe(0);
  });

  it("fails a server with a wrong shape or an undocumented status, naming the violation", async () => {
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", brokenUrl]);
    expect(output).toContain("✗ FAIL  getService           200  — got 500: Response body must have required property 'ctime'");
    expect(output).toMatch(/✗ FAIL {2}createUser {11}201 {2}— got 500: Unable to match the returned status code .*: 201,401,403,404,409,422,500,503/);
    expect(output).toContain("✓ pass  createService        201");
    expect(code).toBe(1);
  });

  it("reports a server that refuses the Python SDK's Accept: */*", async () => {
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", pickyUrl]);
    expect(output).toMatch(/✗ FAIL {2}getService \(Accept: \*\/\*\) 200 {2}— got 406/);
    expect(code).toBe(1);
  });

  it("passes the stateful fake of verigator/testing (fake.listen), with its credentials", async () => {
    const fake = createFakeVerigator({ username: "u", password: "p" });
    const server = await fake.listen({ port: 0 });
    try {
      const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", server.url, "--auth", "u:p"]);
      expect(output).toContain("✓ pass  createService        409");
      expect(output).toContain("✓ pass  getUser              404");
      expect(output).toContain("17 passed, 0 failed");
      expect(code).toBe(0);
      // The runner really went through the fake: its SMS is in the fake's log.
      expect(fake.messages).toHaveLength(1);
      expect(fake.messages[0]?.to).toBe("+4401234567");
    } finally {
      await server.close();
    }
  });

  it("refuses to run without a target", async () => {
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract"]);
    expect(output).toContain("usage: verigator contract --target");
    expect(code).toBe(2);
  });
});
