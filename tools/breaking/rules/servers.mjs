// The breaking check's rules on servers (the document's, or an operation's): a URL changed in
// place, a server removed, one added. The table (../rules.mjs) gives each its id and level.

/** @typedef {import("../rules.mjs").Finding} Finding */
/** @typedef {{ before: { url: string }[], after: { url: string }[] }} ServersPair */

/** The URLs gone and new, and those at the same place in the list under another URL (moved). @param {ServersPair} pair */
function urlChanges({ before, after }) {
  const [was, is] = [before.map((one) => one.url), after.map((one) => one.url)];
  const removed = was.filter((url) => !is.includes(url));
  const added = is.filter((url) => !was.includes(url));
  const moved = Math.min(removed.length, added.length);
  return { moved: removed.slice(0, moved).map((url, at) => [url, added[at]]), removed: removed.slice(moved), added: added.slice(moved) };
}

/** @param {ServersPair} pair @returns {Finding[]} */
export function serverUrlChanged(pair) {
  return urlChanges(pair).moved.map(([was, is]) => ({
    what: `server URL changed from ${was} to ${is}`,
    why: "clients configured with the old URL call a server that may no longer answer",
  }));
}

/** @param {ServersPair} pair @returns {Finding[]} */
export function serverRemoved(pair) {
  return urlChanges(pair).removed.map((url) => ({ what: `server ${url} removed`, why: "clients configured with it call a server that may no longer answer" }));
}

/** @param {ServersPair} pair @returns {Finding[]} */
export function serverAdded(pair) {
  return urlChanges(pair).added.map((url) => ({ what: `server ${url} added`, why: "clients may use it; none has to" }));
}
