// The one rule for "is this Content-Type JSON?", for the client's decoding, the fake's requests,
// the contract suite and the breaking check. JavaScript (checked by tsc through its JSDoc), so
// that the scripts, which Node 20 runs without compiling, import the same file as src/.
//
// JSON is `application/json` or a structured-syntax `+json` type (RFC 6839: `application/problem+json`,
// `application/vnd.api+json`), in any case, with or without parameters (`; charset=utf-8`).
// `application/json-seq` (RFC 7464) does NOT count: it is a sequence of JSON texts, each after a
// record separator, and `JSON.parse` cannot read it as one document. Nor does `text/json` or
// `application/jsonp` (script), nor a type without its subtype.
const json = /^application\/(?:[\w!#$&^.+-]+\+)?json[ \t]*(?:;|$)/i;

/**
 * Whether a Content-Type (or a media type of the document) is JSON.
 * @param {string | null | undefined} type
 * @returns {boolean}
 */
export function isJsonMediaType(type) {
  return typeof type === "string" && json.test(type.trim());
}
