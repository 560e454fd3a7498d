// Debian's Chromium, headless, kept off the network: every name but 127.0.0.1 resolves to
// nothing, and background services are off. Used by the browser tests and `npm run screenshot`.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

/** @returns {Promise<import("playwright-core").Browser>} */
export async function launchChromium() {
  const executablePath = candidates.find((path) => existsSync(path));
  if (!executablePath) {
    throw new Error("Chromium is not installed: `apt-get install -y chromium` (.ci/run does this on a fresh machine)");
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/** @param {string} url */
export function isLoopback(url) {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  const { hostname } = new URL(url);
  return hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "localhost";
}
