// The Try it panels (built into the page unless `scripts/docs.mjs --no-try-it`): one per
// operation of the document, put under the operation's title in Redoc's section, and put back
// whenever Redoc renders that section again. One page-wide sandbox, settings and memory of ids;
// one panel open at a time.
import { createConnection } from "./connection.ts";
import { readTryItData } from "./data.ts";
import { createKnownIds } from "./known-ids.ts";
import type { Panel } from "./panel.ts";
import { createPanel } from "./panel.ts";
import { operationSection, whenRedocChanges } from "./redoc.ts";

const data = readTryItData();
if (data) {
  const connection = createConnection();
  const knownIds = createKnownIds();
  const fakeUrl = data.servers.find((server) => /fake/i.test(server.description))?.url ?? "http://127.0.0.1:4012";
  const panels = new Map<string, Panel>();
  const context = {
    data,
    connection,
    knownIds,
    fakeUrl,
    opening(opened: Panel) {
      for (const panel of panels.values()) if (panel !== opened) panel.close();
    },
  };

  /** Puts a panel's block at the end of the column that holds the operation's title. */
  function place(section: HTMLElement, block: HTMLElement): void {
    const row = section.firstElementChild;
    let column: Element | null = section.querySelector("h2");
    while (column?.parentElement && column.parentElement !== row) column = column.parentElement;
    if (!column || column === row) return;
    if (block.parentElement !== column || column.lastElementChild !== block) column.append(block);
  }

  whenRedocChanges(() => {
    for (const operation of data.operations) {
      const section = operationSection(operation.tag, operation.operationId);
      if (!section) continue;
      let panel = panels.get(operation.operationId);
      if (!panel) {
        panel = createPanel(operation, context);
        panels.set(operation.operationId, panel);
      }
      place(section, panel.block);
    }
  });
}
