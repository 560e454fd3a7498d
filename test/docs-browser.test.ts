// The rendered docs in a real browser: every operation, every documented status and the
// add-user body fields are visible, deep links work, nothing is fetched off loopback, and the
// console stays clean (served as `npm start` serves it, 404 for anything but the page), no
// code sample is cut at the panel's edge. Its screenshot goes to build/ (`npm run screenshot`
// refreshes docs/screenshot.png for the README).
import http from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopback, launchChromium } from "../scripts/lib/chromium.mjs";
import { createDocsServer } from "../scripts/lib/docs-server.mjs";
import { loadDocument, root } from "../scripts/lib/document.mjs";
import { run } from "../scripts/lib/run.mjs";
import { startServers } from "../scripts/lib/start-ports.mjs";
import { documentedOperations, documentedResponses } from "./support/document.js";

const docs = createDocsServer(`${root}build/docs/index.html`);
const notFound: string[] = [];
let browser: Browser;
let page: Page;
let docsUrl: string;
const offLoopback: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  const built = await run("node", ["scripts/docs.mjs"]);
  expect(built.code, built.output).toBe(0);
  await new Promise<void>((resolve) => docs.listen(0, "127.0.0.1", resolve));
  docsUrl = `http://127.0.0.1:${(docs.address() as { port: number }).port}/`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    offLoopback.push(url);
    return route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) notFound.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(docsUrl, { waitUntil: "load" });
  await page.waitForSelector("text=Verigator API", { timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  docs.close();
});

/** Opens an operation by its Redoc 2 style anchor; the page has to route to it. */
async function openOperation(tag: string, operationId: string): Promise<string> {
  await page.goto(`${docsUrl}#tag/${tag}/operation/${operationId}`);
  await page.locator(`[id="${tag.toLowerCase()}/${operationId.toLowerCase()}"]`).first().waitFor({ timeout: 10_000 });
  return page.locator("main").innerText();
}

/** The part of the page text that belongs to one operation: from its summary to the next. */
function sectionOf(text: string, summary: string): string {
  const start = text.indexOf(`\n${summary}\n`);
  expect(start, `"${summary}" is on the page`).toBeGreaterThanOrEqual(0);
  const others = documentedOperations
    .map(({ operation }) => text.indexOf(`\n${operation.summary as string}\n`, start + summary.length))
    .filter((at) => at > start);
  return text.slice(start, others.length ? Math.min(...others) : undefined);
}

describe("rendered docs", () => {
  it("shows every documented status code of every operation, reached by its anchor", async () => {
    for (const { operationId, operation } of documentedOperations) {
      const tag = (operation.tags as string[])[0] as string;
      const section = sectionOf(await openOperation(tag, operationId), operation.summary as string);
      expect(await page.locator(`[id="${tag.toLowerCase()}/${operationId.toLowerCase()}"]`).first().isVisible()).toBe(true);
      for (const { status } of documentedResponses.filter((r) => r.operationId === operationId)) {
        expect(section, `${operationId} ${status}`).toMatch(new RegExp(`^${status}$`, "m"));
      }
    }
  });

  it("shows the add-user request: URL, headers, body fields and their descriptions", async () => {
    const section = sectionOf(await openOperation("Users", "createUser"), "Add a user to a service");
    for (const expected of [
      "/v1/service/service/{ServiceId}/users",
      "Content-Type",
      "Accept",
      "X-Service-Auth",
      "id_in_service",
      "Username in your service that is used for logging in - usually users email address.",
      "phone_number",
      "Users phone number with country prefix",
      "You will need to store this in your database",
    ]) {
      expect(section).toContain(expected);
    }
  });

  it("offers the TypeScript, curl, Python and Java samples for adding a user", async () => {
    await openOperation("Users", "createUser");
    const pickers = page.locator("button", { hasText: "verigator (TypeScript)" });
    const menus: string[] = [];
    for (let i = 0; i < (await pickers.count()); i++) {
      await pickers.nth(i).click();
      menus.push((await page.locator("[role=menu], [role=listbox]").allInnerTexts()).join(" | "));
      await page.keyboard.press("Escape");
    }
    expect(menus.some((menu) => ["curl", "Messente Python SDK", "Messente Java SDK"].every((label) => menu.includes(label)))).toBe(true);
    expect(await page.locator("main").innerText()).toContain("await verigator.users.create(");
  });

  it("search finds the add-user operation and opens it", async () => {
    await page.goto(docsUrl);
    await page.waitForSelector("text=Verigator API");
    await page.keyboard.press("Control+k");
    await page.keyboard.type("Add a user");
    await expect.poll(async () => (await page.locator("body").innerText()).includes("Add a user to a service")).toBe(true);
    await page.getByText("Add a user to a service").first().click();
    await expect.poll(() => page.url()).toContain("#/users/createuser");
  });

  it("made no request off loopback and logged no console error", async () => {
    await openOperation("Users", "createUser");
    await page.screenshot({ path: `${root}build/docs/screenshot.png` });
    expect(offLoopback).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // No request the server had to refuse, and an icon declared in the page, so a browser does
    // not ask for /favicon.ico (headless Chromium never does; a desktop one logs the 404).
    expect(notFound).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute("href"))).toBe("data:,");
  });

  it("shows the document's version and links the changelog, which the server serves", async () => {
    await page.goto(docsUrl);
    await page.waitForSelector("text=Verigator API");
    const text = await page.locator("body").innerText();
    const version = (await loadDocument()).info.version as string;
    expect(text).toContain(version);
    const href = await page.locator('a:has-text("the changelog")').first().getAttribute("href");
    expect(href).toBe("CHANGELOG.md");
    const changelog = await fetch(new URL(href ?? "", docsUrl));
    expect(changelog.status).toBe(200);
    expect(await changelog.text()).toContain("## [");
  });

  it("describes itself: a meta description, the page's title; the servers npm start prints, at its ports, and no other", async () => {
    await page.goto(docsUrl);
    await page.locator("#redoc main h1").first().waitFor();
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description).toMatch(/^Verigator API \d+\.\d+\.\d+: Messente's two-factor verification API/);
    const text = await page.locator("main").innerText();
    const servers = startServers();
    for (const { url, description: name } of servers) {
      expect(text).toContain(url);
      expect(text).toContain(name);
    }
    expect(text).not.toContain("api.verigator.com\n");
    expect(text).not.toMatch(/`npm start`/);
  });

  it("has one sidebar entry called Authentication", async () => {
    await page.goto(docsUrl);
    await page.locator("#redoc main h1").first().waitFor();
    const entries = await page.getByRole("navigation", { name: "API reference" }).getByText("Authentication", { exact: true }).count();
    expect(entries).toBe(1);
  });

  it("draws the two-factor flow as a sequence diagram with a text alternative", async () => {
    await page.goto(`${docsUrl}#/section/the-two-factor-flow`);
    const diagram = page.getByRole("img", { name: "The two-factor flow: register the app, sign a user up, send a PIN, check it" });
    await diagram.waitFor();
    const alternative = await diagram.evaluate((svg) => svg.querySelector("desc")?.textContent ?? "");
    for (const step of [
      "Your app to Verigator: 1. Register the app as a service (POST /v1/service/service)",
      "Verigator to The user's phone: SMS with the PIN",
      "The user's phone to Your app: the user types the PIN",
      "4. Check the PIN the user typed (PUT …/{ServiceId}/users/{UserId}/auth)",
    ]) {
      expect(alternative).toContain(step);
    }
    expect(await diagram.evaluate((svg) => svg.querySelectorAll("line.call, line.answer").length)).toBe(10);
    expect(await page.locator("figure.flow figcaption").innerText()).toContain("/v1/service/service");
  });

  it("the server sends the page compressed as the browser accepts: br, else gzip, else as is", async () => {
    const sizes: Record<string, number> = {};
    for (const encoding of ["br", "gzip", "identity"]) {
      const answer = await new Promise<{ encoding: string | undefined; vary: string | undefined; bytes: number }>((resolve, reject) => {
        http
          .get(docsUrl, { headers: { "accept-encoding": encoding === "br" ? "gzip, deflate, br" : encoding } }, (response) => {
            let bytes = 0;
            response.on("data", (chunk: Buffer) => (bytes += chunk.length));
            response.on("end", () => resolve({ encoding: response.headers["content-encoding"], vary: response.headers.vary, bytes }));
          })
          .on("error", reject);
      });
      expect(answer.encoding).toBe(encoding === "identity" ? undefined : encoding);
      expect(answer.vary).toBe("accept-encoding");
      sizes[encoding] = answer.bytes;
    }
    expect(sizes.gzip).toBeLessThan((sizes.identity ?? 0) / 3);
    expect(sizes.br).toBeLessThan(sizes.gzip ?? 0);
    // And the browser, which accepts both, gets it whole.
    expect(notFound).toEqual([]);
  });

  it("no code sample is cut at the panel's right edge: long lines wrap", async () => {
    for (const { operation, operationId } of documentedOperations) {
      const tag = (operation.tags as string[])[0] ?? "";
      await openOperation(tag, operationId);
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll("pre")]
          .filter((pre) => pre.offsetParent !== null && pre.scrollWidth > pre.clientWidth + 1)
          .map((pre) => `${pre.scrollWidth}>${pre.clientWidth}: ${pre.textContent?.slice(0, 60)}`),
      );
      expect(cut, operationId).toEqual([]);
    }
  });
});
