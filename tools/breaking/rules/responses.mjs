// The breaking check's rules on responses: which statuses are declared, what a response's body
// and media types became, and its headers. The schemas inside are judged by the schema rules.
// The table (../rules.mjs) gives each its id and level.
import { isJsonMediaType } from "../../../src/media-type.js";

/** @typedef {import("../rules.mjs").Finding} Finding */
/** The responses of an operation in OLD and NEW, by status. @typedef {{ before: Record<string, any>, after: Record<string, any> }} ResponsesPair */
/** One status's response in OLD and NEW. @typedef {{ code: string, before: any, after: any }} ResponsePair */
/** One header of a response, matched by name whatever its case; either may be missing. @typedef {{ name: string, before?: any, after?: any }} HeaderPair */

const isSuccess = (/** @type {string} */ code) => /^2/.test(code);
const successCodes = (/** @type {Record<string, any>} */ list) => Object.keys(list).filter(isSuccess).sort();

/** @param {ResponsesPair} pair @returns {Finding[]} */
export function successStatusChanged({ before, after }) {
  const [was, is] = [successCodes(before), successCodes(after)];
  return was.join() !== is.join()
    ? [
        {
          where: "responses",
          what: `success status changed from ${was.join(", ")} to ${is.join(", ")}`,
          why: "clients generated from OLD treat the new status as an unexpected answer",
        },
      ]
    : [];
}

/** @param {ResponsesPair} pair @returns {Finding[]} */
export function statusAdded({ before, after }) {
  return Object.keys(after)
    .filter((code) => !(code in before) && !isSuccess(code))
    .map((code) => ({
      where: `response ${code}`,
      what: "error status declared",
      why: "a client maps every status to its error class, declared or not (decision: docs/breaking.md, Judgement calls)",
    }));
}

/** @param {ResponsesPair} pair @returns {Finding[]} */
export function statusRemoved({ before, after }) {
  return Object.keys(before)
    .filter((code) => !(code in after) && !isSuccess(code))
    .map((code) => ({
      where: `response ${code}`,
      what: "error status no longer declared",
      why: "clients still handle it if it comes (decision: docs/breaking.md, Judgement calls)",
    }));
}

/** How a response's content changed: all of it gone, a body where there was none (a success), or type by type. @param {ResponsePair} pair */
function contentChange({ code, before, after }) {
  const [was, is] = [before.content ?? {}, after.content ?? {}];
  const [had, has] = [Object.keys(was).length > 0, Object.keys(is).length > 0];
  if (had && !has) return { kind: /** @type {const} */ ("gone"), was, is };
  if (!had && has && isSuccess(code)) return { kind: /** @type {const} */ ("added"), was, is };
  return { kind: /** @type {const} */ ("by type"), was, is };
}

const gone = { what: "body removed (no content)", why: "clients generated from OLD read a body NEW no longer promises" };

/** A success's body gone. @param {ResponsePair} pair @returns {Finding[]} */
export function bodyRemoved(pair) {
  return isSuccess(pair.code) && contentChange(pair).kind === "gone" ? [gone] : [];
}

/** @param {ResponsePair} pair @returns {Finding[]} */
export function bodyAdded(pair) {
  return contentChange(pair).kind === "added" ? [{ what: "now has a body", why: "clients generated from OLD expect none" }] : [];
}

/** An error's body gone, or the only JSON type of a response gone. @param {ResponsePair} pair @returns {Finding[]} */
export function mediaTypeRemoved(pair) {
  const { kind, was, is } = contentChange(pair);
  if (kind === "gone") return isSuccess(pair.code) ? [] : [gone];
  if (kind !== "by type") return [];
  return Object.keys(was)
    .filter((type) => !(type in is) && isJsonMediaType(type) && !Object.keys(is).some(isJsonMediaType))
    .map(() => ({ what: "no longer application/json", why: "clients generated from OLD parse JSON" }));
}

/** @param {ResponsePair} pair @returns {Finding[]} */
export function mediaTypeRemovedAnotherStays(pair) {
  const { kind, was, is } = contentChange(pair);
  if (kind !== "by type") return [];
  return Object.keys(was)
    .filter((type) => !(type in is) && !(isJsonMediaType(type) && !Object.keys(is).some(isJsonMediaType)))
    .map((type) => ({ what: `no longer answers ${type}`, why: "answers come in another type that stays: a person must judge" }));
}

/** @param {ResponsePair} pair @returns {Finding[]} */
export function mediaTypeAdded(pair) {
  const { kind, was, is } = contentChange(pair);
  if (kind !== "by type") return [];
  return Object.keys(is)
    .filter((type) => !(type in was))
    .map((type) => ({ what: `may now answer ${type}`, why: "clients generated from OLD may not read it: a person must judge" }));
}

/** @param {HeaderPair} pair @returns {Finding[]} */
export function requiredHeaderRemoved({ before, after }) {
  return before && !after && before.required ? [{ what: "removed", why: "clients generated from OLD read a header NEW no longer sends" }] : [];
}

/** @param {HeaderPair} pair @returns {Finding[]} */
export function optionalHeaderRemoved({ before, after }) {
  return before && !after && !before.required ? [{ what: "removed", why: "it was never promised" }] : [];
}

/** @param {HeaderPair} pair @returns {Finding[]} */
export function headerBecameOptional({ before, after }) {
  return before?.required && after && !after.required ? [{ what: "made optional", why: "clients generated from OLD count on it" }] : [];
}

/** @param {HeaderPair} pair @returns {Finding[]} */
export function headerBecameRequired({ before, after }) {
  return before && !before.required && after?.required ? [{ what: "made required", why: "answers now always carry it" }] : [];
}

/** @param {HeaderPair} pair @returns {Finding[]} */
export function requiredHeaderAdded({ before, after }) {
  return !before && after?.required ? [{ what: "added", why: "clients that do not know it ignore it" }] : [];
}

/** @param {HeaderPair} pair @returns {Finding[]} */
export function optionalHeaderAdded({ before, after }) {
  return !before && after && !after.required ? [{ what: "added", why: "clients that do not know it ignore it" }] : [];
}
