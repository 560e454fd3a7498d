// The rendered docs' own fixes, for every reader (built into the page whether or not it has the
// Try it panels): landmarks for the sidebar, one level-one heading on every page, and headings
// in order. Redoc 3 renders the sidebar outside any landmark, an operation page without a
// level-one heading, and "Request" (h4) right under an operation's h2; axe-core reports each.
import { element } from "./dom.ts";
import { mainColumn, sidebar, whenRedocChanges } from "./redoc.ts";

const pageHeadingId = "verigator-page-heading";

/** The tags of the document as the sidebar names them, by the lowercased id Redoc routes them by (`#/users`). */
function tagNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#redoc .menu-content a[href^="#/"]')) {
    const tag = /^#\/([^/]+)$/.exec(link.getAttribute("href") ?? "")?.[1];
    if (tag && tag !== "section") names.set(decodeURIComponent(tag).toLowerCase(), link.textContent?.trim() ?? tag);
  }
  return names;
}

function fixLandmarks(): void {
  const menu = sidebar();
  if (menu && menu.getAttribute("role") !== "navigation") {
    menu.setAttribute("role", "navigation");
    menu.setAttribute("aria-label", "API reference");
  }
}

/** An operation page has no h1: the tag it shows becomes one, at the top of the main column. */
function fixPageHeading(): void {
  const main = mainColumn();
  if (!main) return;
  const own = document.getElementById(pageHeadingId);
  const redocHasOne = [...main.querySelectorAll("h1")].some((heading) => heading.id !== pageHeadingId);
  if (redocHasOne) {
    own?.remove();
    return;
  }
  const section = main.querySelector("[id*='/']");
  const tag = section?.id.split("/")[0];
  const name = (tag && tagNames().get(tag)) ?? tag;
  if (!name) {
    own?.remove();
    return;
  }
  const heading = own ?? element("h1", { id: pageHeadingId, class: "verigator-page-heading" });
  if (heading.textContent !== name) heading.textContent = name;
  if (main.firstElementChild !== heading) main.prepend(heading);
}

/** Under an operation's h2, Redoc's h4 and h5 read as levels 3 and 4. */
function fixHeadingLevels(): void {
  for (const heading of document.querySelectorAll<HTMLElement>("#redoc main h4, #redoc main h5")) {
    const level = heading.tagName === "H4" ? "3" : "4";
    if (heading.getAttribute("aria-level") === level) continue;
    heading.setAttribute("role", "heading");
    heading.setAttribute("aria-level", level);
  }
}

whenRedocChanges(() => {
  fixLandmarks();
  fixPageHeading();
  fixHeadingLevels();
});
