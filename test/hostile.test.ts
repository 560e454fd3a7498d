// The fake and the contract suite under hostile input, against real processes: the fake over
// HTTP (a body too large, a journal that would grow without end, controls that would break it,
// a request in absolute form, a non-Latin-1 password), and the suite against hostile node:http
// servers (escape sequences, the credential echoed in ids, headers and encodings, a CR in
// --auth, stalls that alternate with answers). The password is checked absent from stdout,
// stderr, JUnit and JSON in every one.
import type { ChildProcess } from "node:child_process";
import type { IncomingMessage, RequestListener, Server } from "node:http";
import { createServer } from "node:http";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { residentBytes, startFakeProcess, streamBody } from "../scripts/lib/fake-process.mjs";
import { run } from "../scripts/lib/run.mjs";
import type { ContractReport } from "../src/contract/index.js";
import { formatHuman, formatJson, formatJUnit, runContract } from "../src/contract/index.js";
import { createFakeVerigator } from "../src/testing/index.js";
import { createVerigatorServer } from "./fixtures/verigator-server.mjs";
import { serversOfThisFile } from "./support/servers.js";

const listen = serversOfThisFile();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

/** `verigator fake` as a child process, killed when the file is done; resolves with its URL and pid once it listens. */
async function fakeProcess(...args: string[]): Promise<{ url: string; pid: number }> {
  const { child, url } = await startFakeProcess(args);
  children.push(child);
  return { url, pid: child.pid ?? 0 };
}

const peakRss = (pid: number) => residentBytes(pid);

/** Sends raw bytes on one connection and resolves with what came back before it closed. */
function raw(url: string, bytes: Buffer): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(bytes));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
    socket.setTimeout(5000, () => socket.destroy(new Error("no answer in 5 s")));
  });
}

const auth = { "x-service-auth": "user:pass", "content-type": "application/json" };

describe("the fake under hostile input", () => {
  it("a body over --max-body-bytes is refused with 413 while it is read, before auth and routing; memory stays bounded", async () => {
    const { url, pid } = await fakeProcess();
    const before = peakRss(pid);
    // 300 MB chunked, no credentials, to a path that does not exist: refused at 1 MiB.
    const refused = await streamBody(`${url}/no/such/path`, 300 * 1024 * 1024);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toEqual({ message: "Request body too large: over 1048576 bytes" });
    expect(peakRss(pid) - before).toBeLessThan(64 * 1024 * 1024);
    // A Content-Length over the limit is refused without reading a byte of it.
    const declared = await raw(url, Buffer.from("POST /v1/service/service HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n"));
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    // The fake still answers.
    const ok = await fetch(`${url}/v1/service/service`, { method: "POST", headers: auth, body: JSON.stringify({ fqdn: "big.example", name: "n" }) });
    expect(ok.status).toBe(201);
    const small = await fakeProcess("--max-body-bytes", "100");
    const tooBig = await fetch(`${small.url}/v1/service/service`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ fqdn: "x".repeat(200), name: "n" }),
    });
    expect(tooBig.status).toBe(413);
  });

  it("the journal is bounded (oldest dropped), can be turned off, and keeps no body of a refused or oversized request", async () => {
    const fake = createFakeVerigator({ username: "user", password: "pass", maxJournal: 3 });
    const server = await fake.listen();
    try {
      for (let i = 0; i < 5; i++) await fetch(`${server.url}/v1/service/service/s${i}`, { headers: auth });
      expect(fake.requests().map((one) => one.path)).toEqual(["/v1/service/service/s2", "/v1/service/service/s3", "/v1/service/service/s4"]);
      await fetch(`${server.url}/v1/service/service`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ fqdn: "a", name: "b" }),
      });
      await fetch(`${server.url}/v1/service/service`, { method: "POST", headers: auth, body: JSON.stringify({ fqdn: "a".repeat(20_000), name: "b" }) });
      expect(
        fake
          .requests()
          .slice(-2)
          .map((one) => [one.status, one.body]),
      ).toEqual([
        [401, undefined],
        [201, undefined],
      ]);
    } finally {
      await server.close();
    }
    const off = await fakeProcess("--no-request-journal");
    await fetch(`${off.url}/v1/service/service/s1`, { headers: auth });
    expect(await (await fetch(`${off.url}/_fake/requests`, { headers: auth })).json()).toEqual({ requests: [] });
    const bounded = await fakeProcess("--max-request-journal-entries", "1");
    for (const id of ["a", "b"]) await fetch(`${bounded.url}/v1/service/service/${id}`, { headers: auth });
    const { requests } = (await (await fetch(`${bounded.url}/_fake/requests`, { headers: auth })).json()) as { requests: { path: string }[] };
    expect(requests.map((one) => one.path)).toEqual(["/v1/service/service/b"]);
  });

  it("/_fake/advance refuses what would put the clock past the last ISO date, and the fake goes on working", async () => {
    const { url } = await fakeProcess();
    for (const ms of [1e300, 8.64e15, -1]) {
      const answer = await fetch(`${url}/_fake/advance`, { method: "POST", headers: auth, body: JSON.stringify({ ms }) });
      expect(answer.status, String(ms)).toBe(422);
    }
    const answer = await fetch(`${url}/_fake/advance`, { method: "POST", headers: auth, body: '{"ms": 1e300}' });
    expect(((await answer.json()) as { message: string }).message).toMatch(/the clock would pass \+275760-09-13T00:00:00\.000Z/);
    const created = await fetch(`${url}/v1/service/service`, { method: "POST", headers: auth, body: JSON.stringify({ fqdn: "after.example", name: "n" }) });
    expect(created.status).toBe(201);
  });

  it("/_fake/fail-next accepts only faults it can deliver, saying which field is wrong", async () => {
    const { url } = await fakeProcess();
    const queue = (fault: object) => fetch(`${url}/_fake/fail-next`, { method: "POST", headers: auth, body: JSON.stringify(fault) });
    for (const retryAfter of ["1\r\nX-Evil: 1", "1\u0000", "1€", "9".repeat(100_000), -1, 1.5, "tomorrow"]) {
      const answer = await queue({ operation: "getService", status: 503, retryAfter });
      expect(answer.status, JSON.stringify(retryAfter).slice(0, 20)).toBe(422);
      expect(((await answer.json()) as { message: string }).message).toMatch(/retryAfter/);
    }
    for (const delayMs of [3e9, -1, 600_001]) {
      const answer = await queue({ operation: "getService", delayMs });
      expect(answer.status).toBe(422);
      expect(((await answer.json()) as { message: string }).message).toMatch(/delayMs is a number of ms from 0 to 600000/);
    }
    expect((await queue({ operation: "getService", status: 503, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT" })).status).toBe(200);
    const faulted = await fetch(`${url}/v1/service/service/x`, { headers: auth });
    expect([faulted.status, faulted.headers.get("retry-after")]).toEqual([503, "Wed, 21 Oct 2026 07:28:00 GMT"]);
  });

  it("a request in absolute form is answered as its path", async () => {
    const { url } = await fakeProcess();
    const answer = await raw(
      url,
      Buffer.from(
        "GET http://api.verigator.com/v1/service/service/nothing HTTP/1.1\r\nHost: api.verigator.com\r\nX-Service-Auth: user:pass\r\nConnection: close\r\n\r\n",
      ),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer).toContain('{"message":"Not found: no such service"}');
  });

  it("--auth compares the header's bytes as UTF-8, and refuses a control character at start", async () => {
    const { url } = await fakeProcess("--auth", "user:päss✓");
    const asked = (bytes: Buffer) =>
      raw(
        url,
        Buffer.concat([
          Buffer.from("GET /v1/service/service/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Service-Auth: "),
          bytes,
          Buffer.from("\r\n\r\n"),
        ]),
      );
    expect(await asked(Buffer.from("user:päss✓", "utf8"))).toMatch(/^HTTP\/1\.1 404 /);
    expect(await asked(Buffer.from("user:päss", "latin1"))).toMatch(/^HTTP\/1\.1 401 /);
    expect(await asked(Buffer.from("user:päss✓x", "utf8"))).toMatch(/^HTTP\/1\.1 401 /);
    const refused = await run("node", ["bin/verigator.mjs", "fake", "--port", "0", "--auth", "user:pa\rss"]);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/control character/);
    expect(refused.output).not.toContain("pa\rss");
  });
});

const user = "contract-user";
const password = "s3cr3t-Pässword";
const credential = `${user}:${password}`;
/** Every form of the password a report must not hold. */
const forms = [password, encodeURIComponent(password), encodeURIComponent(encodeURIComponent(password)), Buffer.from(credential).toString("hex")];

/** A correct server whose every answer `mutate` may change: its body, and headers to add. */
function hostile(mutate: (text: string, request: IncomingMessage) => { text: string; headers?: Record<string, string> }): Server {
  const listener = createVerigatorServer({ auth: credential }).listeners("request")[0] as RequestListener;
  return createServer((request, response) => {
    const writeHead = response.writeHead.bind(response) as (status: number, headers?: Record<string, string>) => typeof response;
    const end = response.end.bind(response) as (chunk?: string) => typeof response;
    let status = 200;
    let headers: Record<string, string> = {};
    response.writeHead = ((code: number, given?: Record<string, string>) => {
      status = code;
      headers = given ?? {};
      return response;
    }) as typeof response.writeHead;
    response.end = ((chunk?: string) => {
      const out = mutate(String(chunk ?? ""), request);
      writeHead(status, { ...headers, ...out.headers });
      return end(out.text);
    }) as typeof response.end;
    listener(request, response);
  });
}

function expectNoCredential(report: ContractReport) {
  for (const text of [formatHuman(report), formatJUnit(report), formatJson(report)]) {
    for (const form of forms) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  }
}

describe("the contract suite against hostile servers", () => {
  it("an answer full of escape sequences reaches no report raw: stdout, stderr, JUnit and JSON are clean", async () => {
    const target = await listen(
      hostile((text, request) => (request.method === "GET" ? { text: text.replace(/"name":"/, '"name":"\u001b[1A\u001b[2K✓ pass\u0007\u0000') } : { text })),
    );
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", target, "--sequences", "0"], {
      env: { ...process.env, VERIGATOR_AUTH: credential },
    });
    expect(code).toBe(1);
    expect(output).toMatch(/✗ FAIL/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
    expect(output).not.toMatch(/[\u0000\u0007\u001b]/);
    for (const form of forms) expect(output).not.toContain(form);
    expectNoCredential(await runContract({ target, auth: credential, sequences: 0 }));
  });

  it("the credential echoed as an id, in a header, in a message, twice percent-encoded and as hex: in no field of any report", async () => {
    const echoes = [
      // A create that answers the X-Service-Auth value as the new id: it lands in later paths, curls and notes.
      (text: string, request: IncomingMessage) =>
        request.method === "POST" && request.url === "/v1/service/service"
          ? { text: text.replace(/"id":"[^"]+"/, `"id":${JSON.stringify(credential)}`) }
          : { text },
      // Read back as the credential: the mismatch message would quote it.
      (text: string, request: IncomingMessage) =>
        request.method === "GET" ? { text: text.replace(/"name":"[^"]*"/, `"name":${JSON.stringify(credential)}`) } : { text },
      // In an answer header (a content type that also breaks a rule, so the report shows it).
      (text: string) => ({ text, headers: { "content-type": `text/html; echo=${encodeURIComponent(credential)}` } }),
      // Twice percent-encoded, and as hex, in bodies.
      (text: string) => ({
        text: text.replace(/\}$/, `,"debug":"${encodeURIComponent(encodeURIComponent(credential))} ${Buffer.from(credential).toString("hex").toUpperCase()}"}`),
      }),
    ];
    for (const echo of echoes) {
      const target = await listen(hostile(echo));
      const report = await runContract({ target, auth: credential, sequences: 3 });
      expect(report.failed).toBeGreaterThan(0);
      expectNoCredential(report);
    }
  });

  it("--auth (or VERIGATOR_AUTH) with CR or LF exits 2 before anything is sent, without echoing it", async () => {
    const journal: string[] = [];
    const target = await listen(createVerigatorServer({ journal }));
    for (const env of [{ VERIGATOR_AUTH: `${user}:pa\r\nss` }, {}]) {
      const args = ["bin/verigator.mjs", "contract", "--target", target, ...(Object.keys(env).length ? [] : ["--auth", `${user}:pa\nss`])];
      const { code, output } = await run("node", args, { env: { ...process.env, ...env } });
      expect(code).toBe(2);
      expect(output).toMatch(/holds a control character/);
      expect(output).not.toMatch(/pa\s+ss/);
    }
    expect(journal).toEqual([]);
  });

  it("stalls that alternate with answers stop the run after 10 timeouts in all, and --max-time bounds the whole run", async () => {
    let count = 0;
    const listener = createVerigatorServer().listeners("request")[0] as RequestListener;
    // A round-robin with one hung backend: every other request is held.
    const target = await listen(createServer((request, response) => (count++ % 2 ? undefined : listener(request, response))));
    const started = Date.now();
    const report = await runContract({ target, requestTimeoutMs: 200, sequences: 0 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report.stopped).toBe("the target is unreliable: 10 requests got no answer within 200 ms");
    expect(report.cases.filter((one) => one.outcome === "skip").at(-1)?.reason).toBe(report.stopped);
    const slow = await listen(createVerigatorServer());
    const capped = await runContract({ target: slow, maxTimeMs: 300, sequences: 0 });
    expect(capped.stopped).toBe("the run took longer than --max-time 300 ms");
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", slow, "--max-time", "300", "--sequences", "0"]);
    expect(code).toBe(1);
    expect(output).toMatch(/^stopped early: the run took longer than --max-time 300 ms$/m);
  }, 60_000);
});
