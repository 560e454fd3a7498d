// The two-factor flow as a sequence diagram, drawn at build time from the Arazzo workflow
// (openapi/verigator.arazzo.yaml) and the OpenAPI document it names: one request and one answer
// per step — your app to Verigator, the step's method, path and success status, the ids it
// outputs — and the arrows a step declares beyond the API in `x-diagram` (the SMS to the phone,
// the PIN the user types). An SVG with a title and a description for screen readers, and the same
// steps in words beside it: the text alternative.
// Hand-written: the layout is a few columns and rows; Mermaid and PlantUML need a browser or Java
// at build time, and would add a renderer to the page.

const app = "Your app";
const api = "Verigator";
const columnGap = 190;
const left = 70;
const rowHeight = 44;
const top = 62;

/** @param {string} text */
const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * @typedef {{ from: string, to: string, label: string, detail?: string }} Arrow
 * @typedef {{ title: string, steps: { number: number, summary: string, arrows: Arrow[] }[], participants: string[], prefix: string }} Flow
 */

/**
 * The flow of the document's first Arazzo workflow: participants and arrows.
 * @param {any} arazzo the parsed Arazzo document
 * @param {any} openapi the dereferenced OpenAPI document its steps name
 * @returns {Flow}
 */
export function readFlow(arazzo, openapi) {
  const workflow = arazzo.workflows[0];
  const operations = new Map();
  for (const [path, item] of Object.entries(openapi.paths)) {
    for (const [method, operation] of Object.entries(/** @type {Record<string, any>} */ (item))) {
      if (operation?.operationId) operations.set(operation.operationId, { method: method.toUpperCase(), path, operation });
    }
  }
  const participants = [app, api];
  // The path every step's path starts with, said once in the caption and written "…" in the arrows.
  const prefix = commonPrefix(workflow.steps.map((/** @type {any} */ step) => operations.get(String(step.operationId).split(".").at(-1))?.path ?? ""));
  const steps = workflow.steps.map((/** @type {any} */ step, /** @type {number} */ at) => {
    const id = String(step.operationId).split(".").at(-1);
    const found = operations.get(id);
    if (!found) throw new Error(`${arazzo.info.title}: step ${step.stepId} names ${step.operationId}, which the document does not have`);
    const status = /\$statusCode\s*==\s*(\d{3})/.exec(step.successCriteria?.map((/** @type {any} */ one) => one.condition).join(" ") ?? "")?.[1] ?? "2xx";
    const outputs = Object.entries(step.outputs ?? {}).map(([name, value]) => `${String(value).split("#/").at(-1)} → ${name}`);
    /** @type {(when: string) => Arrow[]} */
    const beyond = (when) =>
      (step["x-diagram"] ?? [])
        .filter((/** @type {any} */ extra) => (extra.when ?? "after") === when)
        .map((/** @type {any} */ extra) => {
          for (const name of [extra.from, extra.to]) if (!participants.includes(name)) participants.push(name);
          return { from: extra.from, to: extra.to, label: extra.label };
        });
    /** @type {Arrow[]} */
    const arrows = [
      ...beyond("before"),
      // The step's own words (not the operation's summary, which the page shows as its title).
      {
        from: app,
        to: api,
        label: `${at + 1}. ${String(step.description ?? step.stepId)
          .trim()
          .replace(/\.$/, "")}`,
        detail: `${found.method} ${shortPath(found.path, prefix)}`,
      },
      { from: api, to: app, label: status, ...(outputs.length && { detail: outputs.join(", ") }) },
      ...beyond("after"),
    ];
    return { number: at + 1, summary: found.operation.summary, arrows };
  });
  return { title: workflow.summary, steps, participants, prefix };
}

/** The longest run of whole path segments every path starts with. @param {string[]} paths */
function commonPrefix(paths) {
  const split = paths.map((path) => path.split("/"));
  const shared = [];
  for (let at = 0; split.every((one) => one[at] !== undefined && one[at] === split[0]?.[at]); at++) shared.push(split[0]?.[at]);
  return shared.join("/");
}

/** The path without the shared prefix ("…" stands for it), or whole when it is the prefix. @param {string} path @param {string} prefix */
const shortPath = (path, prefix) => (path === prefix || !prefix ? path : `…${path.slice(prefix.length)}`);

/**
 * The flow as an SVG sequence diagram with a title and description (its text alternative).
 * @param {Flow} flow
 * @param {string} id a prefix for the SVG's element ids, unique in the page
 */
export function flowSvg(flow, id = "flow") {
  const arrows = flow.steps.flatMap((step) => step.arrows);
  const x = (/** @type {string} */ name) => left + flow.participants.indexOf(name) * columnGap;
  const width = left * 2 + (flow.participants.length - 1) * columnGap;
  const height = top + arrows.length * rowHeight + 30;
  const heads = flow.participants
    .map((name) => {
      const cx = x(name);
      return `<rect x="${cx - 70}" y="8" width="140" height="34" rx="6" class="box"/><text x="${cx}" y="30" class="who">${escapeXml(name)}</text><line x1="${cx}" y1="42" x2="${cx}" y2="${height - 10}" class="life"/>`;
    })
    .join("");
  const rows = arrows
    .map((arrow, at) => {
      const y = top + at * rowHeight + 24;
      const [from, to] = [x(arrow.from), x(arrow.to)];
      const direction = to > from ? 1 : -1;
      const back = arrow.from === api && arrow.to === app;
      // Each arrow has a row of its own: its words start at its left end and may run past a lifeline.
      const start = Math.min(from, to) + 8;
      return [
        `<line x1="${from}" y1="${y}" x2="${to - direction * 8}" y2="${y}" class="${back ? "answer" : "call"}"/>`,
        `<path d="M${to} ${y} l${-direction * 10} -5 v10 z" class="head"/>`,
        `<text x="${start}" y="${y - (arrow.detail ? 20 : 7)}" class="label">${escapeXml(arrow.label)}</text>`,
        arrow.detail ? `<text x="${start}" y="${y - 6}" class="detail">${escapeXml(arrow.detail)}</text>` : "",
      ].join("");
    })
    .join("");
  const style = [
    ".box{fill:#e8f3ef;stroke:#0b6e4f}",
    ".who{font:600 14px system-ui,sans-serif;fill:#102a21;text-anchor:middle}",
    ".life{stroke:#5b6b64;stroke-dasharray:4 4}",
    ".call{stroke:#0b6e4f;stroke-width:2}",
    ".answer{stroke:#0b6e4f;stroke-width:2;stroke-dasharray:6 4}",
    ".head{fill:#0b6e4f}",
    ".label{font:600 13px system-ui,sans-serif;fill:#1c1c1c}",
    ".detail{font:11px ui-monospace,monospace;fill:#38423e}",
  ].join("");
  return [
    // As wide as its column allows, never wider than drawn: it scales, its text alternative says it all.
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" role="img" aria-labelledby="${id}-title ${id}-desc" class="flow-diagram">`,
    `<title id="${id}-title">${escapeXml(flow.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(flowText(flow))}</desc>`,
    `<style>${style}</style>`,
    heads,
    rows,
    "</svg>",
  ].join("");
}

/** The flow in words: every arrow of every step, as the SVG's description says it. @param {Flow} flow */
export function flowText(flow) {
  return flow.steps
    .map((step) =>
      step.arrows
        .map((arrow) => {
          const what =
            arrow.from === app && arrow.to === api ? `${arrow.label} (${arrow.detail})` : arrow.detail ? `${arrow.label}: ${arrow.detail}` : arrow.label;
          return `${arrow.from} to ${arrow.to}: ${what}.`;
        })
        .join(" "),
    )
    .join(" ");
}
