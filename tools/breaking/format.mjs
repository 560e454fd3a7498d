// What the breaking check prints: a line per change, the JSON report, the counts by level, and
// the table of rules (`--list-rules`).
import { allRules } from "./rules.mjs";

/** @typedef {import("./diff.mjs").Change} Change */

/**
 * One line per change: `breaking      createUser           request body.phone_number: made required — why [rule-id]`.
 * @param {Change[]} changes
 */
export function formatChanges(changes) {
  return changes
    .map(({ id, level, operation, where, what, why }) => `${level.padEnd(13)} ${operation.padEnd(20)} ${where}: ${what} — ${why} [${id}]`)
    .join("\n");
}

/** The changes as `--format json` prints them. @param {Change[]} changes */
export function formatJson(changes) {
  return JSON.stringify(
    {
      changes: changes.map(({ id, level, operation, location, where, what, why }) => ({
        id,
        level,
        operation,
        location,
        message: `${where}: ${what} — ${why}`,
      })),
    },
    null,
    2,
  );
}

/** How many changes of each level. @param {Change[]} changes */
export function countLevels(changes) {
  const count = (/** @type {string} */ level) => changes.filter((one) => one.level === level).length;
  return { breaking: count("breaking"), mayBreak: count("may-break"), nonBreaking: count("non-breaking") };
}

/** Every rule, a line each: its id, level, the part it compares, and what it means. */
export function formatRules() {
  const width = Math.max(...allRules.map((rule) => rule.id.length));
  return allRules.map(({ id, level, compares, means }) => `${id.padEnd(width)}  ${level.padEnd(12)}  ${compares.padEnd(15)}  ${means}`).join("\n");
}
