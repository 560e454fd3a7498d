// The rendered docs' Try it panels in a real browser, driven as a reader drives them — by their
// accessible names ("Try it", "Send", "Response", "SMS inbox", "Reset sandbox", "Base URL",
// "X-Service-Auth"): the whole two-factor flow against the in-page sandbox and against the fake
// and the mock `npm start` serves; refusals that name the field; answers shown as text, cut
// when huge or endless; the credential never in the URL, storage, console, curl or answer.
import { createServer } from "node:http";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopback, launchChromium } from "../scripts/lib/chromium.mjs";
import { createDocsServer } from "../scripts/lib/docs-server.mjs";
import { root } from "../scripts/lib/document.mjs";
import { startMock } from "../scripts/lib/mock.mjs";
import { run } from "../scripts/lib/run.mjs";
import type { FakeServer } from "../src/testing/index.js";
import { createFakeVerigator } from "../src/testing/index.js";
import { serversOfThisFile } from "./support/servers.js";

const page = `${root}build/docs-try-it/index.html`;
const docs = createDocsServer(page);
const listen = serversOfThisFile();
let browser: Browser;
let docsUrl: string;
let fakeServer: FakeServer;
let mock: Awaited<ReturnType<typeof startMock>>;
const fake = createFakeVerigator({ username: "user", password: "s3cret-passw0rd" });

beforeAll(async () => {
  const built = await run("node", ["scripts/docs.mjs", "--output", "build/docs-try-it/index.html"]);
  expect(built.code, built.output).toBe(0);
  docsUrl = `${await listen(docs)}/`;
  [browser, fakeServer, mock] = await Promise.all([launchChromium(), fake.listen(), startMock()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await fakeServer?.close();
  await mock?.stop();
});

/** A fresh page (a fresh sandbox), kept off the network, recording what its console says. */
async function newPage(width = 1400): Promise<{ page: Page; console: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 1000 } });
  const opened = await context.newPage();
  const said: string[] = [];
  opened.on("console", (message) => said.push(message.text()));
  opened.on("pageerror", (error) => said.push(`pageerror ${error.message}`));
  await opened.route("**/*", (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
  await opened.goto(docsUrl, { waitUntil: "load" });
  await opened.waitForSelector("text=Verigator API");
  return { page: opened, console: said };
}

/** Goes to an operation and opens its panel; the section it is in. */
async function tryIt(page: Page, tag: string, operationId: string): Promise<Locator> {
  await page.goto(`${docsUrl}#/${tag.toLowerCase()}/${operationId.toLowerCase()}`);
  const section = page.locator(`[id="${tag.toLowerCase()}/${operationId.toLowerCase()}"]`);
  await section.getByRole("button", { name: "Try it" }).click();
  await expect.poll(() => section.getByRole("button", { name: "Send" }).isVisible()).toBe(true);
  return section;
}

/** Sends the open panel's request and waits for its answer; the Response region's text. */
async function send(section: Locator): Promise<string> {
  const response = section.getByRole("region", { name: "Response" });
  const before = await response.innerText();
  await section.getByRole("button", { name: "Send" }).click();
  await expect.poll(async () => (await response.innerText()) !== before && (await response.getAttribute("aria-busy")) === null, { timeout: 20_000 }).toBe(true);
  return response.innerText();
}

const idIn = (text: string) => /"id": "([^"]+)"/.exec(text)?.[1];

describe("Try it against the sandbox in the page", () => {
  it("runs the whole two-factor flow: service, user, SMS, the PIN from the inbox, verified; a wrong PIN is not", async () => {
    const { page } = await newPage();
    const created = await send(await tryIt(page, "Services", "createService"));
    expect(created).toMatch(/^201\b/m);
    const serviceId = idIn(created);
    expect(serviceId).toMatch(/^[0-9a-f-]{36}$/);

    const addUser = await tryIt(page, "Users", "createUser");
    // The ServiceId the create answered is offered here.
    await expect.poll(() => addUser.getByLabel("ServiceId", { exact: true }).inputValue()).toBe(serviceId);
    const user = await send(addUser);
    expect(user).toMatch(/^201\b/m);
    const userId = idIn(user);

    const start = await tryIt(page, "Authentication", "startAuthentication");
    expect(await start.getByLabel("UserId", { exact: true }).inputValue()).toBe(userId);
    await start.getByLabel("method", { exact: true }).selectOption("sms");
    expect(await send(start)).toMatch(/^200\b[\s\S]*"method": "sms"/m);
    const inbox = start.getByRole("region", { name: "SMS inbox" });
    await expect.poll(() => inbox.innerText()).toMatch(/PIN \d{6} to \+4401234567/);
    const pin = /PIN (\d{6})/.exec(await inbox.innerText())?.[1] ?? "";

    const verify = await tryIt(page, "Authentication", "verifyPin");
    await verify.getByLabel("token", { exact: true }).fill(pin === "000000" ? "000001" : "000000");
    expect(await send(verify)).toMatch(/"verified": false/);
    await verify.getByLabel("token", { exact: true }).fill(pin);
    const verified = await send(verify);
    expect(verified).toMatch(/^200\b/m);
    expect(verified).toMatch(/"verified": true/);
    // The curl that reproduces it: the credential from the environment.
    expect(verified).toContain('"X-Service-Auth: $VERIGATOR_AUTH"');
    expect(verified).toContain(`/v1/service/service/${serviceId}/users/${userId}/auth`);
  });

  it("refuses a request the document refuses, naming the field, and sends nothing", async () => {
    const { page } = await newPage();
    const section = await tryIt(page, "Users", "createUser");
    await section.getByLabel("phone_number", { exact: true }).fill("4401234567");
    await section.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => section.getByRole("alert").innerText()).toMatch(/^Not sent: phone_number must match/);
    expect(await section.getByLabel("phone_number", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await section.getByRole("region", { name: "Response" }).innerText()).toContain("No request sent yet");
    await section.getByLabel("ServiceId", { exact: true }).fill("..");
    await section.getByLabel("phone_number", { exact: true }).fill("+4401234567");
    await section.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => section.getByRole("alert").innerText()).toMatch(/^Not sent: ServiceId must not be '\.' or '\.\.'/);
  });

  it("Reset sandbox empties it: the inbox, the services, the ids offered", async () => {
    const { page } = await newPage();
    const serviceId = idIn(await send(await tryIt(page, "Services", "createService")));
    const read = await tryIt(page, "Services", "getService");
    expect(await read.getByLabel("ServiceId", { exact: true }).inputValue()).toBe(serviceId);
    await read.getByRole("button", { name: "Reset sandbox" }).click();
    await expect.poll(() => read.getByRole("region", { name: "SMS inbox" }).innerText()).toContain("No SMS sent yet");
    await read.getByLabel("ServiceId", { exact: true }).fill(serviceId ?? "");
    expect(await send(read)).toMatch(/^404\b/m);
  });
});

describe("Try it against a server: npm start's fake and mock, and hostile ones", () => {
  it("drives the flow against the fake at a Base URL with X-Service-Auth; the PIN from its inbox", async () => {
    const { page, console } = await newPage();
    const first = await tryIt(page, "Services", "createService");
    await first.getByLabel("Base URL").fill(fakeServer.url);
    await first.getByLabel("X-Service-Auth").fill("user:s3cret-passw0rd");
    await first.getByLabel("fqdn", { exact: true }).fill(`try-${Date.now()}.example`);
    const created = await send(first);
    expect(created).toMatch(/^201\b/m);
    expect(created).toContain(fakeServer.url);
    const serviceId = idIn(created) ?? "";
    const userId = idIn(await send(await tryIt(page, "Users", "createUser"))) ?? "";
    const start = await tryIt(page, "Authentication", "startAuthentication");
    // Settings stay for the page: the next panel sends where the first did.
    expect(await start.getByLabel("Base URL").inputValue()).toBe(fakeServer.url);
    await start.getByLabel("method", { exact: true }).selectOption("sms");
    expect(await send(start)).toMatch(/^200\b/m);
    const pin = fake.lastPin(serviceId, userId) ?? "";
    await expect.poll(() => start.getByRole("region", { name: "SMS inbox" }).innerText()).toContain(`PIN ${pin}`);
    const verify = await tryIt(page, "Authentication", "verifyPin");
    await verify.getByLabel("token", { exact: true }).fill(pin);
    expect(await send(verify)).toMatch(/"verified": true/);
    expect(fake.requests({ operation: "verifyPin" }).map((one) => one.status)).toEqual([200]);

    // A wrong credential is the server's 401; the password never left memory.
    await verify.getByLabel("X-Service-Auth").fill("user:wrong");
    expect(await send(verify)).toMatch(/^401\b/m);
    const everything = [page.url(), await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })), ...console].join(
      "\n",
    );
    expect(everything).not.toContain("s3cret-passw0rd");
    expect(await verify.getByRole("region", { name: "Response" }).innerText()).not.toContain("s3cret");
  });

  it("the mock answers too; its missing inbox is said, not hung on", async () => {
    const { page } = await newPage();
    const section = await tryIt(page, "Users", "createUser");
    await section.getByLabel("Base URL").fill(mock.url);
    await section.getByLabel("X-Service-Auth").fill("user:pass");
    expect(await send(section)).toMatch(/^201\b/m);
    await expect.poll(() => section.getByRole("region", { name: "SMS inbox" }).innerText()).toContain("This server has no SMS inbox");
  });

  it("shows markup and script in an answer as text, redacts an echoed credential, and cuts huge and endless bodies", async () => {
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "*",
      "access-control-allow-methods": "*",
      "access-control-expose-headers": "*",
    };
    const hostile = await listen(
      createServer((request, response) => {
        if (request.method === "OPTIONS") return void response.writeHead(204, cors).end();
        const path = request.url ?? "";
        if (path.includes("/huge")) {
          response.writeHead(200, { ...cors, "content-type": "text/plain" });
          const chunk = "x".repeat(64 * 1024);
          const pump = () => {
            while (response.write(chunk)) if (response.writableLength > 1e6) break;
          };
          pump();
          response.on("drain", pump);
          return;
        }
        if (path.includes("/slow")) {
          response.writeHead(200, { ...cors, "content-type": "text/plain" });
          response.write("a first line, then nothing more\n");
          return;
        }
        const echo = String(request.headers["x-service-auth"] ?? "");
        response
          .writeHead(200, { ...cors, "content-type": "text/html", "x-evil": '<img src=x onerror="window.__pwned=1">' })
          .end(`<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> you sent ${echo} and ${Buffer.from(echo).toString("base64")}`);
      }),
    );
    const { page } = await newPage();
    const section = await tryIt(page, "Services", "getService");
    await section.getByLabel("Base URL").fill(hostile);
    await section.getByLabel("X-Service-Auth").fill("user:hunter2-long-secret");
    const shown = await send(section);
    expect(shown).toContain("<script>window.__pwned=1</script>");
    expect(shown).not.toContain("hunter2-long-secret");
    expect(shown).not.toContain(Buffer.from("user:hunter2-long-secret").toString("base64"));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await section.getByLabel("ServiceId", { exact: true }).fill("huge");
    const huge = await send(section);
    expect(huge).toMatch(/cut at 262,144 bytes/);
    await section.getByLabel("ServiceId", { exact: true }).fill("slow");
    const slow = await send(section);
    expect(slow).toContain("a first line, then nothing more");
    expect(slow).toMatch(/cut: no more of the body came within \d+ s/);
  }, 40_000);
});
