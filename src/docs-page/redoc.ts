// What the page scripts know of the page Redoc renders (Redoc 3, through `redocly build-docs`):
// where its sidebar, main column and operation sections are. Redoc renders with React and
// re-renders as the reader moves between tags (only the operations near the one shown are in
// the page at a time), so what the scripts add is added again whenever Redoc's part of the page
// changes: `whenRedocChanges` calls back after each burst of changes.

/** The operation section of an operationId: Redoc gives it the id `tag/operationid`, lowercased. */
export function operationSection(tag: string, operationId: string): HTMLElement | null {
  const found = document.getElementById(`${tag}/${operationId}`.toLowerCase());
  return found instanceof HTMLElement ? found : null;
}

/** The main column of the page. */
export const mainColumn = (): HTMLElement | null => document.querySelector("#redoc main");

/** The sidebar: the menu of sections and operations. */
export const sidebar = (): HTMLElement | null => document.querySelector("#redoc .menu-content");

/** Calls `update` now and after every burst of changes Redoc makes to the page (at most once a frame). */
export function whenRedocChanges(update: () => void): void {
  const root = document.getElementById("redoc");
  if (!root) return;
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      // What update adds is a change too: stop watching while it runs.
      observer.disconnect();
      update();
      observer.observe(root, { childList: true, subtree: true });
    });
  });
  update();
  observer.observe(root, { childList: true, subtree: true });
}
