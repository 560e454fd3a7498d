// The rendered docs are readable by everyone, measured in Chromium: no axe-core violation
// (WCAG 2.1 A and AA, best practices) at 1400 and 390 px on the overview and on every operation
// with its Try it panel open and an answer in it; no character of any code sample, in any
// language, under the Copy button at 1400, 1024 and 390 px; every operation's method and whole
// path readable as text, cut nowhere.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopback, launchChromium } from "../scripts/lib/chromium.mjs";
import { createDocsServer } from "../scripts/lib/docs-server.mjs";
import { root } from "../scripts/lib/document.mjs";
import { run } from "../scripts/lib/run.mjs";
import { documentedOperations } from "./support/document.js";
import { serversOfThisFile } from "./support/servers.js";

const listen = serversOfThisFile();
let browser: Browser;
let docsUrl: string;
const axeSource = readFileSync(`${root}node_modules/axe-core/axe.min.js`, "utf8");
const operations = documentedOperations.map(({ operationId, operation }) => ({
  operationId,
  tag: String((operation.tags as string[])[0]),
  summary: String(operation.summary),
}));

beforeAll(async () => {
  const built = await run("node", ["scripts/docs.mjs", "--output", "build/docs-readable/index.html"]);
  expect(built.code, built.output).toBe(0);
  docsUrl = `${await listen(createDocsServer(`${root}build/docs-readable/index.html`))}/`;
  browser = await launchChromium();
}, 90_000);

afterAll(() => browser?.close());

async function pageAt(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route("**/*", (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(docsUrl, { waitUntil: "load" });
  await page.locator("#redoc main h1").first().waitFor();
  return page;
}

const section = (page: Page, tag: string, operationId: string) => page.locator(`[id="${tag.toLowerCase()}/${operationId.toLowerCase()}"]`);

async function goTo(page: Page, tag: string, operationId: string) {
  await page.goto(`${docsUrl}#/${tag.toLowerCase()}/${operationId.toLowerCase()}`);
  await section(page, tag, operationId).getByRole("button", { name: "Try it" }).waitFor();
}

/** axe-core's violations on the page as it is now (or in the part `within` selects), one line each. */
async function violations(page: Page, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (within) => {
    const axe = (
      window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const result = await axe.run(within ? { include: [within] } : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      // Only violations are read: passes and incomplete results are not collected.
      resultTypes: ["violations"],
    });
    return result.violations.flatMap((one) => one.nodes.map((node) => `${one.id}: ${node.target.join(" ")}`));
  }, within);
}

describe.each([1400, 390])("at %i px", (width) => {
  it("the overview has no axe-core violation", async () => {
    const page = await pageAt(width);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("no operation has one, with its Try it panel open and an answer shown", async () => {
    const page = await pageAt(width);
    const found: string[] = [];
    for (const { tag, operationId } of operations) {
      await goTo(page, tag, operationId);
      const here = section(page, tag, operationId);
      await here.getByRole("button", { name: "Try it" }).click();
      await here.getByRole("button", { name: "Send" }).click();
      await expect.poll(() => here.getByRole("region", { name: "Response" }).innerText()).toMatch(/^\d{3}\b/);
      // The operation's section, its panel and answer in it; the whole page once, below (a whole
      // page is most of axe's time, and the rest of it is the same for every operation).
      found.push(...(await violations(page, `[id="${tag.toLowerCase()}/${operationId.toLowerCase()}"]`)).map((one) => `${operationId}: ${one}`));
    }
    found.push(...(await violations(page)).map((one) => `the whole page, a panel open: ${one}`));
    expect(found).toEqual([]);
    await page.close();
  }, 90_000);
});

it("the measure can fail: a low-contrast line put in an operation's section is found there", async () => {
  const page = await pageAt(1400);
  await goTo(page, "Users", "createUser");
  await section(page, "Users", "createUser").evaluate((element) => {
    const faint = document.createElement("p");
    faint.textContent = "faint text";
    faint.style.cssText = "color: #c8c8c8; background: #ffffff";
    element.append(faint);
  });
  expect(await violations(page, '[id="users/createuser"]')).toContainEqual(expect.stringMatching(/^color-contrast: /));
  await page.close();
});

/**
 * For every visible code sample: its language, how many characters it shows, and those that lie
 * under its Copy button. A text node whose line boxes all miss the button is counted whole; only
 * one that meets it is measured character by character (most of the time, otherwise).
 */
function coveredCharacters(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('pre[data-component-name="CodeBlock/CodeBlockContainer"]')]
      .filter((pre) => pre.offsetParent !== null)
      .map((pre) => {
        const button = pre.parentElement?.querySelector('[data-component-name="Buttons/CopyButton"]')?.getBoundingClientRect();
        const meets = (box: DOMRect) => !!button && box.right > button.left && box.left < button.right && box.bottom > button.top && box.top < button.bottom;
        let characters = 0;
        let covered = "";
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          const whole = document.createRange();
          whole.selectNodeContents(node);
          if (![...whole.getClientRects()].some(meets)) {
            characters += text.replace(/\s/g, "").length;
            continue;
          }
          for (let at = 0; at < text.length; at++) {
            if (/\s/.test(text[at] ?? "")) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            for (const box of range.getClientRects()) {
              characters++;
              if (meets(box)) covered += text[at];
            }
          }
        }
        return { language: pre.querySelector("code")?.dataset.language ?? "json", hasButton: !!button, characters, covered };
      }),
  );
}

describe("no character of a code sample under its Copy button", () => {
  const languages = ["verigator (TypeScript)", "curl", "Messente Python SDK", "Messente Java SDK"];
  it.each([1400, 1024, 390])(
    "at %i px, in every language of every operation",
    async (width) => {
      const page = await pageAt(width);
      // The measure can fail: without the room the page keeps for the button, a first line that
      // runs to the edge (here made so: a sample's first token, lengthened) lies under the button.
      await goTo(page, "Users", "createUser");
      const unstyled = await page.addStyleTag({
        content: 'html body #redoc pre[data-component-name="CodeBlock/CodeBlockContainer"] { padding-right: 0 !important; }',
      });
      const original = await page.evaluate(() => {
        const token = document.querySelector('pre[data-component-name="CodeBlock/CodeBlockContainer"] code span span');
        const before = token?.textContent ?? "";
        if (token) token.textContent = "x".repeat(400);
        return before;
      });
      expect((await coveredCharacters(page)).some((sample) => sample.covered.length > 0)).toBe(true);
      await unstyled.evaluate((style) => (style as HTMLStyleElement).remove());
      await page.evaluate((text) => {
        const token = document.querySelector('pre[data-component-name="CodeBlock/CodeBlockContainer"] code span span');
        if (token) token.textContent = text;
      }, original);
      const problems: string[] = [];
      let measured = 0;
      for (const label of languages) {
        for (const { tag, operationId } of operations) {
          await goTo(page, tag, operationId);
          // The language picked is kept for every operation (Redoc's choice): pick it once per language.
          const picker = section(page, tag, operationId)
            .getByRole("button", { name: /verigator \(TypeScript\)|curl|Messente (Python|Java) SDK/ })
            .first();
          if ((await picker.innerText()).trim() !== label) {
            await picker.click();
            await page.getByRole("menuitem", { name: label, exact: true }).first().dispatchEvent("click");
          }
          for (const sample of await coveredCharacters(page)) {
            measured += sample.characters;
            if (!sample.hasButton) problems.push(`${operationId} ${label}: a sample without its Copy button`);
            if (sample.covered) problems.push(`${operationId} ${label} (${sample.language}): "${sample.covered}" under the Copy button`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(measured).toBeGreaterThan(1000);
      await page.close();
    },
    120_000,
  );
});

describe("every operation's method and whole path, as text", () => {
  it.each([1400, 390])(
    "at %i px: in the line under its title and in its endpoint button, cut nowhere",
    async (width) => {
      const page = await pageAt(width);
      for (const { tag, operationId } of operations) {
        await goTo(page, tag, operationId);
        const path = documentedOperations.find((one) => one.operationId === operationId)?.path ?? "";
        const method = documentedOperations.find((one) => one.operationId === operationId)?.method.toUpperCase() ?? "";
        const shown = await section(page, tag, operationId).evaluate((element, wanted) => {
          const cut = (node: HTMLElement) => node.scrollWidth > node.clientWidth + 1 || getComputedStyle(node).textOverflow === "ellipsis";
          const line = element.querySelector<HTMLElement>(".try-it-endpoint");
          const button = [...element.querySelectorAll<HTMLElement>("button")].find((one) => one.textContent?.includes(wanted));
          const label = button?.querySelector<HTMLElement>("span");
          return {
            line: line?.innerText.replace(/\s+/g, " "),
            lineCut: line ? cut(line) : true,
            lineInside: line ? line.getBoundingClientRect().right <= document.documentElement.clientWidth : false,
            button: label?.innerText,
            buttonCut: label ? cut(label) : true,
          };
        }, path);
        expect(shown, operationId).toEqual({ line: `${method} ${path}`, lineCut: false, lineInside: true, button: path, buttonCut: false });
      }
      await page.close();
    },
    60_000,
  );
});
