// Whether a Content-Type is JSON: `application/json` or a `+json` type (`application/problem+json`),
// with or without parameters. One rule for the client's decoding, the fake's requests and the suite.
export function isJsonMediaType(type: string | null | undefined): boolean {
  return !!type && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type);
}
