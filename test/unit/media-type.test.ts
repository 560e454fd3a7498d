// The one JSON media-type rule (src/media-type.js), as the client, the fake, the contract suite
// and the breaking check all use it; and no second copy of it anywhere in the code.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isJsonMediaType } from "../../src/media-type.js";

describe("isJsonMediaType", () => {
  it.each([
    "application/json",
    "Application/JSON",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    "application/json ; charset=utf-8",
    "  application/json  ",
    "application/problem+json",
    "application/vnd.api+json",
    "application/merge-patch+json; charset=utf-8",
  ])("%j is JSON", (type) => expect(isJsonMediaType(type)).toBe(true));

  it.each([
    "application/json-seq", // RFC 7464: a sequence of JSON texts, not one document
    "application/jsonp",
    "application/json5",
    "text/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/",
    "json",
    "+json",
    "application/+json",
    "",
    null,
    undefined,
  ])("%j is not", (type) => expect(isJsonMediaType(type)).toBe(false));
});

describe("the rule is written once", () => {
  const root = resolve(import.meta.dirname, "../..");
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : /\.(ts|js|mjs)$/.test(entry.name) ? [join(dir, entry.name)] : [],
    );
  it("no file in src/, scripts/, tools/ or bin/ but src/media-type.js holds a regex for a JSON media type", () => {
    const folders = ["src", "scripts", "tools", "bin"]
      .map((one) => join(root, one))
      .filter((dir) => {
        try {
          return readdirSync(dir).length > 0;
        } catch {
          return false;
        }
      });
    const copies = folders
      .flatMap(walk)
      .filter((file) => !file.endsWith("src/media-type.js"))
      .filter((file) => /application\\\/[^/\n]{0,40}json/.test(readFileSync(file, "utf8")))
      .map((file) => relative(root, file));
    expect(copies).toEqual([]);
  });
});
