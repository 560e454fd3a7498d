// The breaking check's rules on request bodies: added, removed, made required or optional, and
// the media types they come in. The schemas inside are judged by the schema rules. The table
// (../rules.mjs) gives each its id and level.
import { isJsonMediaType } from "../../../src/media-type.js";

/** @typedef {import("../rules.mjs").Finding} Finding */
/** A request body of OLD and NEW; either may be missing. @typedef {{ before?: any, after?: any }} BodyPair */

/** @param {BodyPair} pair @returns {Finding[]} */
export function bodyAddedRequired({ before, after }) {
  return after && !before && after.required ? [{ what: "added as required", why: "clients generated from OLD send none" }] : [];
}

/** @param {BodyPair} pair @returns {Finding[]} */
export function bodyAddedOptional({ before, after }) {
  return after && !before && !after.required ? [{ what: "added as optional", why: "clients need not send one" }] : [];
}

/** @param {BodyPair} pair @returns {Finding[]} */
export function bodyRemoved({ before, after }) {
  return before && !after ? [{ what: "removed", why: "clients generated from OLD send one, and their calls no longer compile" }] : [];
}

/** @param {BodyPair} pair @returns {Finding[]} */
export function bodyBecameRequired({ before, after }) {
  return before && after?.required && !before.required ? [{ what: "made required", why: "clients generated from OLD may send none" }] : [];
}

/** @param {BodyPair} pair @returns {Finding[]} */
export function bodyBecameOptional({ before, after }) {
  return before?.required && after && !after.required ? [{ what: "made optional", why: "clients may still send one" }] : [];
}

/** The media types OLD's body took that NEW's does not, each with whether a JSON type stays (or it was not JSON). @param {BodyPair} pair */
function removedTypes({ before, after }) {
  if (!before || !after) return [];
  const [was, is] = [before.content ?? {}, after.content ?? {}];
  return Object.keys(was)
    .filter((type) => !(type in is))
    .map((type) => ({ type, stays: Object.keys(is).some(isJsonMediaType) || !isJsonMediaType(type) }));
}

/** @param {BodyPair} pair @returns {Finding[]} */
export function mediaTypeRemoved(pair) {
  return removedTypes(pair)
    .filter((one) => !one.stays)
    .map(({ type }) => ({ what: `no longer takes ${type}`, why: "clients generated from OLD send JSON" }));
}

/** @param {BodyPair} pair @returns {Finding[]} */
export function mediaTypeRemovedAnotherStays(pair) {
  return removedTypes(pair)
    .filter((one) => one.stays)
    .map(({ type }) => ({ what: `no longer takes ${type}`, why: "clients that sent it must send another: a person must judge" }));
}

/** @param {BodyPair} pair @returns {Finding[]} */
export function mediaTypeAdded({ before, after }) {
  if (!before || !after) return [];
  const was = before.content ?? {};
  return Object.keys(after.content ?? {})
    .filter((type) => !(type in was))
    .map((type) => ({ what: `now also takes ${type}`, why: "clients may send it; none has to" }));
}
