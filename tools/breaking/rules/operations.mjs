// The breaking check's rules on operations: which exist (removed, added, renamed), and what an
// operation that stays changed — method, path, deprecation, security, the wrong-PIN limit.
// Each returns what it finds; the table (../rules.mjs) gives each its id and level.

/** @typedef {import("../rules.mjs").Finding} Finding */
/** An operation as a document lists it. @typedef {{ operationId: string, method: string, path: string, operation: any }} Listed */
/** An operation with the document it is in (for its security). @typedef {Listed & { document: any }} OperationAt */
/** An operation of OLD with no match in NEW but maybe the same endpoint under another id (`renamed`), or one of NEW only. @typedef {{ before?: Listed, after?: Listed, renamed?: Listed }} OperationMatch */
/** @typedef {{ before: OperationAt, after: OperationAt }} OperationPair */

export const shape = (/** @type {string} */ path) => path.replace(/\{[^}]+\}/g, "{}");
const show = (/** @type {unknown} */ value) => JSON.stringify(value) ?? "absent";

/** @param {OperationMatch} match @returns {Finding[]} */
export function operationRemoved({ before, after, renamed }) {
  return before && !after && !renamed ? [{ what: "operation removed", why: "clients generated from OLD call it" }] : [];
}

/** @param {OperationMatch} match @returns {Finding[]} */
export function operationAdded({ before, after }) {
  return after && !before ? [{ what: "operation added", why: "clients generated from OLD do not call it" }] : [];
}

/** @param {OperationMatch} match @returns {Finding[]} */
export function operationIdRenamed({ renamed }) {
  return renamed ? [{ what: `operationId renamed to ${renamed.operationId}`, why: "code and generated types name operations by their operationId" }] : [];
}

/** @param {OperationPair} pair @returns {Finding[]} */
export function methodChanged({ before, after }) {
  return before.method !== after.method
    ? [{ what: `method changed from ${before.method.toUpperCase()}`, why: "clients generated from OLD send the old method" }]
    : [];
}

/** @param {OperationPair} pair @returns {Finding[]} */
export function pathChanged({ before, after }) {
  return shape(before.path) !== shape(after.path) ? [{ what: `path changed from ${before.path}`, why: "clients generated from OLD call the old path" }] : [];
}

/** @param {OperationPair} pair @returns {Finding[]} */
export function deprecated({ before, after }) {
  return !before.operation.deprecated && after.operation.deprecated
    ? [{ where: "operation", what: "deprecated", why: "it still works; clients are told to move off it" }]
    : [];
}

/** @param {OperationPair} pair @returns {Finding[]} */
export function reactivated({ before, after }) {
  return before.operation.deprecated && !after.operation.deprecated
    ? [{ where: "operation", what: "no longer deprecated", why: "clients may keep using it" }]
    : [];
}

/** The security schemes an operation uses, described. @param {OperationAt} at */
function securityOf({ document, operation }) {
  const schemes = document.components?.securitySchemes ?? {};
  return (
    (operation.security ?? document.security ?? [])
      .flatMap((/** @type {any} */ requirement) => Object.keys(requirement).map((name) => schemes[name]))
      .map((/** @type {any} */ scheme) => [scheme?.type, scheme?.in, scheme?.name ?? scheme?.scheme].filter(Boolean).join(" "))
      .sort()
      .join(" or ") || "none"
  );
}

/** @param {OperationPair} pair @returns {Finding[]} */
export function securityChanged({ before, after }) {
  const [was, is] = [securityOf(before), securityOf(after)];
  return was !== is ? [{ where: "security", what: `changed from ${was} to ${is}`, why: "clients generated from OLD authenticate the old way" }] : [];
}

/** @param {OperationPair} pair @returns {Finding[]} */
export function wrongPinLimitChanged({ before, after }) {
  const [was, is] = [before.operation["x-wrong-pin-limit"], after.operation["x-wrong-pin-limit"]];
  return show(was) !== show(is)
    ? [
        {
          where: "x-wrong-pin-limit",
          what: `changed from ${show(was)} to ${show(is)}`,
          why: "the wrong PINs a verification takes changed: the fake and verigator contract read it",
        },
      ]
    : [];
}
