// What `npm start` ends with (scripts/serve.mjs): the mock and the docs on the ports it prints,
// answering the README's curl with 201, 401 without the header, 422 with a field missing; and
// the stateful fake, whose printed curl sequence (run by sh, as a user pastes it) shows state.
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { root } from "../scripts/lib/document.mjs";
import { freePort } from "../scripts/lib/net.mjs";
import { run } from "../scripts/lib/run.mjs";

it("serves the mock and the docs, and stops on SIGTERM", { timeout: 90_000 }, async () => {
  // Its own copy of the page: the docs browser test may be rebuilding build/docs meanwhile.
  const docs = await run("node", ["scripts/docs.mjs", "--output", "build/start-test/index.html"]);
  expect(docs.code, docs.output).toBe(0);
  const [mockPort, docsPort, fakePort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      MOCK_PORT: String(mockPort),
      DOCS_PORT: String(docsPort),
      FAKE_PORT: String(fakePort),
      DOCS_FILE: `${root}build/start-test/index.html`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toContain("Ctrl-C stops all three");
    expect(output).toContain(`Verigator mock (Prism):  http://127.0.0.1:${mockPort}`);
    expect(output).toContain(`Rendered API docs:       http://127.0.0.1:${docsPort}/`);
    expect(output).toContain(`curl -i -X POST http://127.0.0.1:${mockPort}/v1/service/service/my-service-id/users`);

    const users = `http://127.0.0.1:${mockPort}/v1/service/service/my-service-id/users`;
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(users, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
    const created = await post({ "X-Service-Auth": "user:pass" }, { id_in_service: "john_doe", phone_number: "+4401234567" });
    expect(created.status).toBe(201);
    expect(await created.json()).toHaveProperty("id");
    expect((await post({}, { id_in_service: "john_doe", phone_number: "+4401234567" })).status).toBe(401);
    expect((await post({ "X-Service-Auth": "user:pass" }, { id_in_service: "john_doe" })).status).toBe(422);

    expect(output).toContain(`Stateful fake:           http://127.0.0.1:${fakePort}`);
    const printed = output.split("The fake keeps what you add")[1]?.split("\n\n")[0]?.split("\n").slice(1).join("\n") ?? "";
    expect(printed).toContain(`curl -s -X POST http://127.0.0.1:${fakePort}/v1/service/service`);
    const session = await run("sh", ["-c", `set -e\n${printed}`]);
    expect(session.code, session.output).toBe(0);
    const [added, listed, again] = session.output
      .trim()
      .split("\n")
      .map((line) => line.split(/ (?=\d{3}$)/));
    expect(added?.[1]).toBe("201");
    expect(JSON.parse(added?.[0] ?? "")).toMatchObject({ id_in_service: "ann", id: expect.any(String) });
    expect(listed?.[1]).toBe("200");
    expect(JSON.parse(listed?.[0] ?? "")).toEqual({ users: [JSON.parse(added?.[0] ?? "")] });
    expect(again).toEqual(['{"message":"User already exists"}', "409"]);

    const page = await fetch(`http://127.0.0.1:${docsPort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Verigator API");
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
});
