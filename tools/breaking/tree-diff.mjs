// Every difference between two JSON trees, as JSON pointers with the value before and after:
// objects are walked key by key, arrays and scalars compared whole (an array's meaning — a set
// of required names, a list of branches or parameters — is the rules' to read). The breaking
// check starts here, so that a difference no rule understands is still found, and reported.

/** @typedef {{ pointer: string, before: unknown, after: unknown }} Difference */

/** One JSON pointer segment. @param {string} key */
export const pointerSegment = (key) => key.replace(/~/g, "~0").replace(/\//g, "~1");

const isObject = (/** @type {unknown} */ value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** Equal as JSON values, key order aside. @param {unknown} a @param {unknown} b @returns {boolean} */
export function same(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, at) => same(item, b[at]));
  if (!isObject(a) || !isObject(b)) return false;
  const [keysA, keysB] = [Object.keys(/** @type {object} */ (a)), Object.keys(/** @type {object} */ (b))];
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.hasOwn(/** @type {object} */ (b), key) && same(/** @type {any} */ (a)[key], /** @type {any} */ (b)[key]))
  );
}

/**
 * @param {unknown} before
 * @param {unknown} after
 * @param {string} [pointer]
 * @param {Difference[]} [out]
 * @returns {Difference[]}
 */
export function diffTrees(before, after, pointer = "", out = []) {
  if (isObject(before) && isObject(after)) {
    const a = /** @type {Record<string, unknown>} */ (before);
    const b = /** @type {Record<string, unknown>} */ (after);
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const at = `${pointer}/${pointerSegment(key)}`;
      if (!Object.hasOwn(a, key)) out.push({ pointer: at, before: undefined, after: b[key] });
      else if (!Object.hasOwn(b, key)) out.push({ pointer: at, before: a[key], after: undefined });
      else diffTrees(a[key], b[key], at, out);
    }
  } else if (!same(before, after)) out.push({ pointer, before, after });
  return out;
}
