// `npm run screenshot`: refreshes docs/screenshot.png, the README's picture of the rendered
// docs — adding a user, its Try it panel open with the sandbox's answer — from a fresh build of
// the page in headless Chromium. Tests never write it: they keep their screenshot in build/.

import { launchChromium } from "./lib/chromium.mjs";
import { createDocsServer } from "./lib/docs-server.mjs";
import { root } from "./lib/document.mjs";
import { run } from "./lib/run.mjs";

const output = process.argv[2] ?? `${root}docs/screenshot.png`;
const built = await run("node", ["scripts/docs.mjs"]);
if (built.code !== 0) {
  process.stderr.write(built.output);
  process.exit(1);
}
const server = createDocsServer(`${root}build/docs/index.html`);
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
const url = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}/`;
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1700 } });
  // As the docs test opens it: the page first, then the operation by its deep link.
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("text=Verigator API", { timeout: 20_000 });
  // The sandbox starts empty: a service first, whose id the add-user form is then given.
  for (const [anchor, id] of [
    ["#/services/createservice", "services/createservice"],
    ["#/users/createuser", "users/createuser"],
  ]) {
    await page.goto(`${url}${anchor}`);
    const section = page.locator(`[id="${id}"]`).first();
    await section.getByRole("button", { name: "Try it" }).click({ timeout: 20_000 });
    await section.getByRole("button", { name: "Send" }).click();
    await section.getByRole("region", { name: "Response" }).getByText(/^20\d/).first().waitFor({ timeout: 20_000 });
  }
  // The operation's title at the top: its path, the panel, the form and the answer below it.
  await page
    .locator('[id="users/createuser"] h2')
    .first()
    .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(500); // the scroll settles
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  server.close();
}
