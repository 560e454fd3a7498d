// The breaking check's rules on parameters: path parameters renamed (by position), and each
// parameter of OLD matched with NEW's — added, removed, moved, made required or optional. Their
// schemas are judged by the schema rules. The table (../rules.mjs) gives each its id and level.

/** @typedef {import("../rules.mjs").Finding} Finding */
/** The path parameters' names, in order, of OLD's path and NEW's. @typedef {{ before: string[], after: string[] }} PathNames */
/** A parameter of OLD and its match in NEW; either may be missing. @typedef {{ before?: any, after?: any }} ParameterMatch */

/** @param {PathNames} names @returns {Finding[]} */
export function pathParameterRenamed({ before, after }) {
  return before.flatMap((name, at) => {
    const renamed = after[at];
    return renamed !== undefined && renamed !== name
      ? [{ where: `path parameter ${name}`, what: `renamed to ${renamed}`, why: "code passing path parameters by name no longer compiles" }]
      : [];
  });
}

/** @param {ParameterMatch} match @returns {Finding[]} */
export function requiredParameterAdded({ before, after }) {
  return !before && after?.required ? [{ what: "added as required", why: "clients generated from OLD do not send it" }] : [];
}

/** @param {ParameterMatch} match @returns {Finding[]} */
export function optionalParameterAdded({ before, after }) {
  return !before && after && !after.required ? [{ what: "added as optional", why: "clients need not send it" }] : [];
}

/** @param {ParameterMatch} match @returns {Finding[]} */
export function parameterRemoved({ before, after }) {
  return before && !after ? [{ what: "removed", why: "code passing it against OLD's types no longer compiles" }] : [];
}

/** @param {ParameterMatch} match @returns {Finding[]} */
export function parameterMoved({ before, after }) {
  return before && after && before.in !== after.in
    ? [{ what: `moved from ${before.in} to ${after.in}`, why: "clients generated from OLD send it where NEW does not read it" }]
    : [];
}

/** @param {ParameterMatch} match @returns {Finding[]} */
export function parameterBecameRequired({ before, after }) {
  return before && after?.required && !before.required ? [{ what: "made required", why: "clients generated from OLD may leave it out" }] : [];
}

/** @param {ParameterMatch} match @returns {Finding[]} */
export function parameterBecameOptional({ before, after }) {
  return before?.required && after && !after.required && after.in !== "path" ? [{ what: "made optional", why: "clients may still send it" }] : [];
}
