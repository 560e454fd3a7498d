// `npm run breaking -- OLD NEW`, proven on a table of edits of a copy of the document, each
// with the verdict a maintainer expects; and its type-level part proven by the compiler:
// code written against OLD's generated types, compiled against NEW's, fails exactly where an
// edit is breaking in a way types can see.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadDocument, root } from "../scripts/lib/document.mjs";
import { bin, run } from "../scripts/lib/run.mjs";
import { compareDocuments } from "../tools/breaking/diff.mjs";
import { formatChanges } from "../tools/breaking/format.mjs";
import { allRules } from "../tools/breaking/rules.mjs";

// The parsed YAML, edited freely by each table row: typing it would be the document twice.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Yaml = any;

const scratch = mkdtempSync(join(root, "build", "breaking-"));
const source = readFileSync(`${root}openapi/verigator.yaml`, "utf8");
let copies = 0;

/** Writes an edited copy of the document and returns its path (its code samples join it when it is loaded). */
function copy(edit: (document: Yaml) => void, text?: (yaml: string) => string): string {
  const dir = join(scratch, `copy-${copies++}`);
  mkdirSync(dir);
  const document = parse(source);
  edit(document);
  const yaml = stringify(document, { lineWidth: 0 });
  writeFileSync(join(dir, "verigator.yaml"), text ? text(yaml) : yaml);
  return join(dir, "verigator.yaml");
}

const original = copy(() => {});
const schemas = (document: Yaml) => document.components.schemas;
const op = (document: Yaml, path: string, method: string) => document.paths[path][method];
const users = "/v1/service/service/{ServiceId}/users";

type Verdict = "none" | "non-breaking" | "may-break" | "breaking";
// [what the edit does, the edit, the verdict, a line of the report that must be there]
const edits: [string, (document: Yaml) => void, Verdict, RegExp?][] = [
  // No change at all.
  ["an operation's description reworded", (d) => (op(d, users, "post").description = "Adds a user."), "none"],
  ["a summary reworded", (d) => (op(d, users, "get").summary = "All users"), "none"],
  [
    "an example's value changed",
    (d) => (op(d, users, "post").requestBody.content["application/json"].examples.email.value.id_in_service = "x@example.com"),
    "none",
  ],
  ["info.version bumped", (d) => (d.info.version = "9.0.0"), "none"],
  [
    "a code sample of its own",
    (d) => (op(d, users, "post")["x-codeSamples"] = [{ lang: "TypeScript", label: "TS", source: "await verigator.users.create(id, user);" }]),
    "none",
  ],
  ["a schema description changed", (d) => (schemas(d).User.description = "Someone."), "none"],
  // Breaking.
  ["an operation removed", (d) => delete d.paths["/v1/service/service/{ServiceId}/users/{UserId}"].get, "breaking", /getUser +GET .*: operation removed/],
  [
    "a path renamed",
    (d) => {
      d.paths["/v1/service/service/{ServiceId}/members"] = d.paths[users];
      delete d.paths[users];
    },
    "breaking",
    /createUser .*path changed from/,
  ],
  ["an operationId renamed", (d) => (op(d, users, "get").operationId = "getUsers"), "breaking", /listUsers .*operationId renamed to getUsers/],
  [
    "a path parameter renamed",
    (d) => {
      const item = d.paths["/v1/service/service/{ServiceId}"];
      item.parameters = [{ ...d.components.parameters.ServiceId, name: "Sid" }];
      d.paths["/v1/service/service/{Sid}"] = item;
      delete d.paths["/v1/service/service/{ServiceId}"];
    },
    "breaking",
    /getService +path parameter ServiceId: renamed to Sid/,
  ],
  [
    "a request field added as required",
    (d) => {
      schemas(d).UserCreate.properties.locale = { type: "string" };
      schemas(d).UserCreate.required.push("locale");
    },
    "breaking",
    /createUser +request body\.locale: added as required/,
  ],
  [
    "an optional request field made required",
    (d) => schemas(d).AuthVerify.required.push("method"),
    "breaking",
    /verifyPin +request body\.method: made required/,
  ],
  [
    "a request field's type changed",
    (d) => (schemas(d).UserCreate.properties.id_in_service = { type: "integer" }),
    "breaking",
    /request body\.id_in_service: type changed from string to integer/,
  ],
  [
    // may-break since the check has three verdicts: whether one pattern is stricter than another cannot be told (README, Versions).
    "a request pattern made stricter",
    (d) => (schemas(d).UserCreate.properties.phone_number.pattern = "^\\+[1-9][0-9]{5,14}$"),
    "may-break",
    /request body\.phone_number: pattern changed/,
  ],
  [
    "a request minLength raised",
    (d) => (schemas(d).ServiceCreate.properties.fqdn.minLength = 3),
    "breaking",
    /createService +request body\.fqdn: minLength changed from 1 to 3/,
  ],
  ["a request maxLength added", (d) => (schemas(d).ServiceCreate.properties.name.maxLength = 20), "breaking", /request body\.name: maxLength 20 added/],
  [
    "a value removed from a request enum",
    (d) => (schemas(d).AuthStart.properties.method = { type: "string", enum: ["sms"] }),
    "breaking",
    /startAuthentication +request body\.method: enum value "totp" removed/,
  ],
  [
    "a response field removed",
    (d) => {
      schemas(d).Service.required = ["id", "name"];
      delete schemas(d).Service.properties.ctime;
    },
    "breaking",
    /getService +response 200 body\.ctime: removed/,
  ],
  [
    "a response field made optional",
    (d) => (schemas(d).User.required = ["id", "id_in_service"]),
    "breaking",
    /getUser +response 200 body\.ctime: made optional/,
  ],
  [
    "a response field's type changed",
    (d) => (schemas(d).UserList.properties.count = { type: "string" }),
    "breaking",
    /listUsers +response 200 body\.count: type changed from integer to string/,
  ],
  [
    "a value added to an enum answers use",
    (d) => schemas(d).AuthMethod.enum.push("voice"),
    "breaking",
    /startAuthentication +response 200 body\.method: enum value "voice" added/,
  ],
  [
    "a success status changed",
    (d) => {
      op(d, users, "post").responses["200"] = op(d, users, "post").responses["201"];
      delete op(d, users, "post").responses["201"];
    },
    "breaking",
    /createUser +responses: success status changed from 201 to 200/,
  ],
  [
    "the auth header renamed",
    (d) => (d.components.securitySchemes.ServiceAuth.name = "X-Api-Key"),
    "breaking",
    /security: changed from apiKey header X-Service-Auth to apiKey header X-Api-Key/,
  ],
  [
    "the auth scheme changed",
    (d) => (d.components.securitySchemes.ServiceAuth = { type: "http", scheme: "basic" }),
    "breaking",
    /security: changed from apiKey header X-Service-Auth to http basic/,
  ],
  [
    "a required query parameter added",
    (d) => (op(d, users, "get").parameters = [{ name: "page", in: "query", required: true, schema: { type: "integer" } }]),
    "breaking",
    /listUsers +parameter query page: added as required/,
  ],
  [
    "a request body made required where it was optional, and a new one added",
    (d) =>
      (op(d, "/v1/service/service/{ServiceId}", "delete").requestBody = { required: true, content: { "application/json": { schema: { type: "object" } } } }),
    "breaking",
    /deleteService +request body: added as required/,
  ],
  // Non-breaking.
  [
    "an operation added",
    (d) => (d.paths[users].put = { ...op(d, users, "post"), operationId: "replaceUsers" }),
    "non-breaking",
    /replaceUsers .*operation added/,
  ],
  [
    "an optional request field added",
    (d) => (schemas(d).UserCreate.properties.locale = { type: "string" }),
    "non-breaking",
    /createUser +request body\.locale: added as optional/,
  ],
  [
    "an optional response field added",
    (d) => (schemas(d).User.properties.locale = { type: "string" }),
    "non-breaking",
    /getUser +response 200 body\.locale: added as optional/,
  ],
  [
    "a request pattern removed",
    (d) => delete schemas(d).UserCreate.properties.phone_number.pattern,
    "non-breaking",
    /request body\.phone_number: pattern "\^\\\\\+\[0-9\]\+\$" removed/,
  ],
  [
    "a request minLength removed",
    (d) => delete schemas(d).AuthVerify.properties.token.minLength,
    "non-breaking",
    /verifyPin +request body\.token: minLength 1 removed/,
  ],
  [
    "a value added to a request-only enum",
    (d) => (schemas(d).AuthStart.properties.method = { type: "string", enum: ["sms", "totp", "voice"] }),
    "non-breaking",
    /startAuthentication +request body\.method: enum value "voice" added/,
  ],
  [
    "an optional request field made optional… a required one made optional",
    (d) => (schemas(d).UserCreate.required = ["id_in_service"]),
    "non-breaking",
    /createUser +request body\.phone_number: made optional/,
  ],
  [
    "unknown request fields allowed",
    (d) => delete schemas(d).ServiceCreate.additionalProperties,
    "non-breaking",
    /createService +request body: unknown fields now allowed/,
  ],
  ["a request body made optional", (d) => (op(d, users, "post").requestBody.required = false), "non-breaking"],
  [
    "a new error status declared",
    (d) => (op(d, "/v1/service/service/{ServiceId}", "get").responses["429"] = d.components.responses.ServiceUnavailable),
    "non-breaking",
    /getService +response 429: error status declared/,
  ],
  [
    "a value removed from a response enum",
    (d) => (schemas(d).AuthStartResult.properties.method = { type: "string", enum: ["sms"] }),
    "non-breaking",
    /startAuthentication +response 200 body\.method: enum value "totp" removed/,
  ],
  [
    "a response string bounded (answers stricter)",
    (d) => (schemas(d).Service.properties.name.maxLength = 100),
    "non-breaking",
    /response 200 body\.name: maxLength 100 added/,
  ],
  ["an operation deprecated", (d) => (op(d, users, "get").deprecated = true), "non-breaking", /listUsers +operation: deprecated/],
  [
    "an optional query parameter added",
    (d) => (op(d, users, "get").parameters = [{ name: "page", in: "query", schema: { type: "integer" } }]),
    "non-breaking",
    /parameter query page: added as optional/,
  ],
];

// The edits the check was once silent on, and the parts of the document it now sees. Each is a
// pair: the document as it was (an edit of the original, or the original) and as it became.
const created = (d: Yaml) => op(d, users, "post").responses["201"];
const serviceId = (d: Yaml) => d.components.parameters.ServiceId;
const withHeader = (d: Yaml) => (created(d).headers = { Location: { required: true, schema: { type: "string" } } });
const oneOfName =
  (...types: string[]) =>
  (d: Yaml) =>
    (schemas(d).Service.properties.name = { oneOf: types.map((type) => ({ type })) });
const oneOfRequest =
  (...types: string[]) =>
  (d: Yaml) =>
    (schemas(d).ServiceCreate.properties.name = { oneOf: types.map((type) => ({ type })) });
const twoTypes = (d: Yaml) => (op(d, users, "post").requestBody.content["application/x-www-form-urlencoded"] = { schema: { type: "object" } });
const pageParam = (fallback: number) => (d: Yaml) =>
  (op(d, users, "get").parameters = [{ name: "page", in: "query", schema: { type: "integer", default: fallback } }]);
const unchanged = () => {};
const pairs: [string, (document: Yaml) => void, (document: Yaml) => void, Verdict, RegExp][] = [
  [
    "a required response header removed (Location on a 201)",
    withHeader,
    unchanged,
    "breaking",
    /createUser +response 201 header Location: removed .*\[response-required-header-removed\]/,
  ],
  ["a required response header added", unchanged, withHeader, "non-breaking", /\[response-required-header-added\]/],
  [
    "a response header made optional",
    withHeader,
    (d) => {
      withHeader(d);
      created(d).headers.Location.required = false;
    },
    "breaking",
    /\[response-header-became-optional\]/,
  ],
  [
    "a response header's schema narrowed to a format",
    withHeader,
    (d) => {
      withHeader(d);
      created(d).headers.Location.schema.format = "uri";
    },
    "non-breaking",
    /\[response-property-format-added\]/,
  ],
  ["a oneOf branch added to a response schema", oneOfName("string"), oneOfName("string", "integer"), "breaking", /\[response-oneof-branch-added\]/],
  ["a oneOf branch removed from a request schema", oneOfRequest("string", "integer"), oneOfRequest("string"), "breaking", /\[request-oneof-branch-removed\]/],
  ["a oneOf branch added to a request schema", oneOfRequest("string"), oneOfRequest("string", "integer"), "non-breaking", /\[request-oneof-branch-added\]/],
  [
    "an allOf branch added to a request schema",
    unchanged,
    (d) => (schemas(d).ServiceCreate.properties.name.allOf = [{ maxLength: 50 }]),
    "breaking",
    /\[request-allof-branch-added\]/,
  ],
  [
    "a 2xx body removed (content deleted)",
    unchanged,
    (d) => delete created(d).content,
    "breaking",
    /createUser +response 201: body removed .*\[response-body-removed\]/,
  ],
  [
    "a 2xx body made optional (x-body-optional)",
    unchanged,
    (d) => (schemas(d).User["x-body-optional"] = true),
    "breaking",
    /\[response-body-became-optional\]/,
  ],
  [
    "a format added to a path parameter (ServiceId → uuid)",
    unchanged,
    (d) => (serviceId(d).schema.format = "uuid"),
    "breaking",
    /getService +parameter path ServiceId: format "uuid" added .*\[request-property-format-added\]/,
  ],
  ["a path parameter's minLength raised", unchanged, (d) => (serviceId(d).schema.minLength = 36), "breaking", /\[request-property-bound-tightened\]/],
  ["a request content type removed, JSON stays", twoTypes, unchanged, "may-break", /\[request-media-type-removed-another-stays\]/],
  [
    "the only request content type removed",
    unchanged,
    (d) => (op(d, users, "post").requestBody.content = { "text/plain": { schema: { type: "string" } } }),
    "breaking",
    /\[request-media-type-removed\]/,
  ],
  [
    "the production server URL changed",
    unchanged,
    (d) => (d.servers[0].url = "https://api2.verigator.com"),
    "may-break",
    /\(document\) +servers: server URL changed from https:\/\/api\.verigator\.com to https:\/\/api2\.verigator\.com .*\[server-url-changed\]/,
  ],
  ["a server added", unchanged, (d) => d.servers.push({ url: "https://eu.api.verigator.com" }), "non-breaking", /\[server-added\]/],
  [
    "a parameter's default changed",
    pageParam(1),
    pageParam(0),
    "may-break",
    /listUsers +parameter query page: default changed from 1 to 0 .*\[request-property-default-changed\]/,
  ],
  [
    "a parameter moved from query to header",
    pageParam(1),
    (d) => {
      pageParam(1)(d);
      op(d, users, "get").parameters[0].in = "header";
    },
    "breaking",
    /\[request-parameter-in-changed\]/,
  ],
  [
    "a response field made nullable (type array)",
    unchanged,
    (d) => (schemas(d).Service.properties.name.type = ["string", "null"]),
    "breaking",
    /\[response-property-type-widened\]/,
  ],
  [
    "a response field made nullable (3.0 nullable)",
    unchanged,
    (d) => (schemas(d).Service.properties.name.nullable = true),
    "breaking",
    /\[response-property-type-widened\]/,
  ],
  [
    "a request field marked writeOnly",
    unchanged,
    (d) => (schemas(d).ServiceCreate.properties.name.writeOnly = true),
    "may-break",
    /\[request-property-write-only-changed\]/,
  ],
  [
    "a response field marked readOnly",
    unchanged,
    (d) => (schemas(d).Service.properties.name.readOnly = true),
    "may-break",
    /\[response-property-read-only-changed\]/,
  ],
  [
    "additionalProperties given a schema in an answer",
    unchanged,
    (d) => (schemas(d).UserList.additionalProperties = { type: "integer" }),
    "breaking",
    /\[response-property-type-changed\]/,
  ],
  [
    "the wrong-PIN limit changed (x-wrong-pin-limit)",
    unchanged,
    (d) => (op(d, "/v1/service/service/{ServiceId}/users/{UserId}/auth", "put")["x-wrong-pin-limit"] = 3),
    "may-break",
    /\[wrong-pin-limit-changed\]/,
  ],
  [
    "a keyword no rule knows (uniqueItems) is unclassified, with its pointer",
    unchanged,
    (d) => (schemas(d).UserList.properties.users.uniqueItems = true),
    "may-break",
    /listUsers +response 200 body\.users: uniqueItems changed from absent to true .*\[unclassified\]/,
  ],
  [
    "an extension no rule knows is unclassified",
    unchanged,
    (d) => (op(d, users, "get")["x-rate-limit"] = 10),
    "may-break",
    /listUsers +operation: x-rate-limit changed from absent to 10 .*\[unclassified\]/,
  ],
  [
    "a top-level key no rule knows is unclassified",
    unchanged,
    (d) => (d.webhooks = { ping: {} }),
    "may-break",
    /\(document\) +\/webhooks: changed .*\[unclassified\]/,
  ],
];

const base = await loadDocument(original);
// Each edit's document, loaded once for the tests that compare it (a load is most of their time).
const loadedEdits = new Map<(document: Yaml) => void, ReturnType<typeof loadDocument>>();
const loadEdit = (edit: (document: Yaml) => void) => {
  if (!loadedEdits.has(edit)) loadedEdits.set(edit, loadDocument(copy(edit)));
  return loadedEdits.get(edit) as ReturnType<typeof loadDocument>;
};
const verdictOf = (changes: { level: string }[]): Verdict =>
  changes.some((one) => one.level === "breaking")
    ? "breaking"
    : changes.some((one) => one.level === "may-break")
      ? "may-break"
      : changes.length
        ? "non-breaking"
        : "none";

describe("npm run breaking: each edit of a copy of the document, and its verdict", () => {
  it("has a table of at least 25 edits, every verdict among them", () => {
    expect(edits.length).toBeGreaterThanOrEqual(25);
    expect(new Set(edits.map(([, , verdict]) => verdict))).toEqual(new Set(["none", "non-breaking", "may-break", "breaking"]));
  });

  it.each(edits)("%s", async (_, edit, verdict, line) => {
    const changes = compareDocuments(base, await loadEdit(edit));
    const report = formatChanges(changes);
    expect({ verdict: verdictOf(changes), report }).toMatchObject({ verdict });
    if (line) expect(report).toMatch(line);
    // Every line says the verdict, the operation, where and why.
    for (const text of report ? report.split("\n") : []) expect(text).toMatch(/^(breaking|may-break|non-breaking) +\S+ +.+: .+ — .+ \[[a-z-]+\]$/);
  });

  it("the whole document reformatted (other indentation, flow style) is no change", async () => {
    const reformatted = copy(
      () => {},
      (yaml) => stringify(parse(yaml), { indent: 4, lineWidth: 40, defaultStringType: "QUOTE_DOUBLE" }),
    );
    expect(compareDocuments(base, await loadDocument(reformatted))).toEqual([]);
  });

  it("a copy of the YAML file alone (its code samples not beside it) is still read: samples are no change", async () => {
    const lone = join(scratch, "lone.yaml");
    writeFileSync(lone, source.replace("minLength: 1\n          description: The domain name", "minLength: 3\n          description: The domain name"));
    const result = await run("node", ["tools/breaking/cli.mjs", original, lone]);
    expect(result.output).toMatch(/^breaking +createService +request body\.fqdn: minLength changed from 1 to 3/m);
    expect(result.code).toBe(1);
  });

  it("the command: exit 1 with a breaking change, 0 with none, 2 when a document cannot be read", async () => {
    const breaking = await run("node", ["tools/breaking/cli.mjs", original, copy(edits[6]![1])]);
    expect(breaking.output).toMatch(/^breaking {6}getUser /m);
    expect(breaking.output).toMatch(/^1 breaking, 0 may-break, 0 non-breaking \(/m);
    expect(breaking.code).toBe(1);
    const fine = await run("node", ["tools/breaking/cli.mjs", original, copy(edits[27]![1])]);
    expect(fine.output).toMatch(/^0 breaking, 0 may-break, 1 non-breaking/m);
    expect(fine.code).toBe(0);
    const same = await run("node", ["tools/breaking/cli.mjs", original, original]);
    expect(same.output).toMatch(/^0 breaking, 0 may-break, 0 non-breaking/m);
    expect(same.code).toBe(0);
    const broken = join(scratch, "broken.yaml");
    writeFileSync(broken, "openapi: 3.1.0\npaths: [\n");
    for (const args of [[original, join(scratch, "missing.yaml")], [broken, original], [original]]) {
      const result = await run("node", ["tools/breaking/cli.mjs", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
    }
  });
});

describe("npm run breaking sees the whole document: nothing silent, three verdicts, a rule id per change", () => {
  it.each(pairs)("%s", async (_, was, is, verdict, line) => {
    const changes = compareDocuments(await loadEdit(was), await loadEdit(is));
    expect({ verdict: verdictOf(changes), report: formatChanges(changes) }).toMatchObject({ verdict, report: expect.stringMatching(line) });
    for (const change of changes) expect(change.location, change.id).toMatch(/^\//);
  });

  it("every rule id the check can report has a level, and every level is one of the three", () => {
    expect(new Set(allRules.map((rule) => rule.level))).toEqual(new Set(["breaking", "may-break", "non-breaking"]));
    expect(new Set(allRules.map((rule) => rule.id)).size).toBe(allRules.length);
  });

  it("--format json: {changes: [{id, level, operation, location, message}]}; --fail-on may-break exits 1 for a may-break change", async () => {
    const moved = copy((d) => (d.servers[0].url = "https://api2.verigator.com"));
    const json = await run("node", ["tools/breaking/cli.mjs", original, moved, "--format", "json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.output)).toEqual({
      changes: [
        {
          id: "server-url-changed",
          level: "may-break",
          operation: "(document)",
          location: "/servers",
          message: expect.stringMatching(/^servers: server URL changed from https:\/\/api\.verigator\.com to https:\/\/api2\.verigator\.com — /),
        },
      ],
    });
    expect((await run("node", ["tools/breaking/cli.mjs", original, moved, "--fail-on", "may-break"])).code).toBe(1);
    expect((await run("node", ["tools/breaking/cli.mjs", original, moved, "--fail-on", "nothing"])).code).toBe(2);
  });

  it("cross-checked with api-smart-diff: every difference it finds under paths is covered by a line of ours", async () => {
    const { apiCompare } = await import("api-smart-diff");
    const documentation = new Set(["description", "summary", "example", "examples", "x-codeSamples", "title"]);
    const all = [...edits.map(([what, change]) => [what, unchanged, change] as const), ...pairs.map(([what, was, is]) => [what, was, is] as const)];
    for (const [name, was, is] of all) {
      const [before, after] = [await loadEdit(was), await loadEdit(is)];
      const ours = compareDocuments(before, after).map((one) => one.location);
      const { diffs } = apiCompare(before, after);
      for (const diff of diffs) {
        const path = diff.path.map(String);
        if (path[0] !== "paths" || path.some((key) => documentation.has(key))) continue;
        // api-smart-diff merges a path item's parameters into each operation's list: parameters
        // are compared without their method or index on both sides.
        const plain = (at: string) => at.replace(/\/(?:get|put|post|delete|patch)\/parameters/, "/parameters").replace(/\/parameters\/\d+/g, "/parameters");
        const pointer = plain(`/${path.map((key) => key.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`);
        const covered = ours.map(plain).some((location) => pointer === location || pointer.startsWith(`${location}/`) || location.startsWith(`${pointer}/`));
        expect(covered, `${name}: api-smart-diff found ${diff.action} at ${pointer}; ours: ${ours.join(", ")}`).toBe(true);
      }
    }
  }, 120_000);
});

describe("the type-level part: code written against OLD's types, compiled against NEW's", () => {
  // What client code does with the generated types: send OLD's request bodies and path
  // parameters to NEW, read NEW's success answers as OLD's. Each line fails to compile where NEW
  // would break such code.
  const consumer = `import type { operations as Old } from "./old.js";
import type { operations as New } from "./new.js";
type Body<T> = T extends { requestBody?: { content: { "application/json": infer B } } } ? B : undefined;
type Answer<T> = T extends { responses: infer R } ? { [K in keyof R]: K extends 200 | 201 | 202 | 204 ? (R[K] extends { content: { "application/json": infer B } } ? B : undefined) : never }[keyof R] : never;
type Params<T> = T extends { parameters: { path: infer P } } ? P : never;
type Same<K> = K extends keyof New ? New[K] : never;
declare const sent: { [K in keyof Old]: Body<Old[K]> };
export const sends: { [K in keyof Old]: Body<Same<K>> } = sent;
declare const passed: { [K in keyof Old]: Params<Old[K]> };
export const passes: { [K in keyof Old]: Params<Same<K>> } = passed;
declare const answered: { [K in keyof Old]: Answer<Same<K>> };
export const reads: { [K in keyof Old]: Answer<Old[K]> } = answered;
`;
  const typed = async (path: string) => astToString(await openapiTS(new URL(`file://${path}`)));
  // Edits whose breaking shows in types, and edits that must compile.
  const cases: [string, boolean][] = [
    ["an operation removed", true],
    ["an operationId renamed", true],
    ["a path parameter renamed", true],
    ["a request field added as required", true],
    ["an optional request field made required", true],
    ["a request field's type changed", true],
    ["a value removed from a request enum", true],
    ["a response field removed", true],
    ["a response field made optional", true],
    ["a response field's type changed", true],
    ["a value added to an enum answers use", true],
    ["an operation added", false],
    ["an optional request field added", false],
    ["an optional response field added", false],
    ["a value added to a request-only enum", false],
    ["a value removed from a response enum", false],
    ["a new error status declared", false],
  ];

  it("fails to compile for each breaking edit types can see, and compiles for the others; every failure is a breaking verdict", async () => {
    const dir = join(scratch, "types");
    mkdirSync(dir);
    const oldTypes = await typed(original);
    const files: string[] = [];
    for (const [name] of cases) {
      const entry = edits.find(([what]) => what === name);
      if (!entry) throw new Error(`no edit named ${name}`);
      const sub = `case-${files.length}`;
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, "old.ts"), oldTypes);
      writeFileSync(join(dir, sub, "new.ts"), await typed(copy(entry[1])));
      writeFileSync(join(dir, sub, "consumer.ts"), consumer);
      files.push(`${sub}/consumer.ts`);
    }
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: true, types: [] },
        files,
      }),
    );
    const { output } = await run(bin("tsc"), ["-p", dir]);
    const failed = new Set([...output.matchAll(/case-(\d+)\/consumer\.ts/g)].map((found) => Number(found[1])));
    const result = cases.map(([name], at) => [name, failed.has(at)]);
    expect(result).toEqual(cases);
    // The checker agrees: what does not compile is judged breaking.
    for (const [name, breaks] of cases) {
      if (!breaks) continue;
      const edit = edits.find(([what]) => what === name)!;
      expect(edit[2], name).toBe("breaking");
    }
  }, 120_000);
});

describe("the rules are one table (tools/breaking/rules.mjs)", () => {
  // Every rule id, and the id a schema rule has before its side is put in front of it.
  const ids = new Set(
    allRules.flatMap((rule) => [rule.id, rule.id.replace(/^(request|response)-(?=property|required|optional|additional|oneof|anyof|allof)/, "")]),
  );
  /** The string literals of a source file that are rule ids. */
  const idsIn = (text: string) => [...text.matchAll(/(["'`])([a-z][a-z-]+)\1/g)].map((found) => found[2] as string).filter((literal) => ids.has(literal));
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(mjs|ts|js)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));

  it("no rule id is written as a string anywhere else in the code: the table names them, the rest refers to its entries", () => {
    const table = join(root, "tools/breaking/rules.mjs");
    // The search can fail: it finds the ids the table writes.
    expect(idsIn(readFileSync(table, "utf8")).length).toBeGreaterThan(50);
    const elsewhere = ["tools", "scripts", "src", "bin"]
      .flatMap(sources)
      .filter((file) => file !== table)
      .flatMap((file) => idsIn(readFileSync(file, "utf8")).map((id) => `${file.slice(root.length)}: "${id}"`));
    expect(elsewhere).toEqual([]);
  });

  it("npm run breaking -- --list-rules: every id once, with its level, the part it compares and what it means; a JSON report's ids are among them", async () => {
    const listed = await run("node", ["tools/breaking/cli.mjs", "--list-rules"]);
    expect(listed.code).toBe(0);
    const rows = listed.output
      .trim()
      .split("\n")
      .map((line) => /^([a-z-]+) +(breaking|may-break|non-breaking) +([a-z ]+?) {2,}(\S.*)$/.exec(line));
    expect(rows.every(Boolean), listed.output).toBe(true);
    expect(rows.map((row) => row?.[1])).toEqual(allRules.map((rule) => rule.id));
    const moved = copy((d) => {
      d.servers[0].url = "https://api2.verigator.com";
      delete d.paths["/v1/service/service/{ServiceId}"].delete;
    });
    const report = await run("node", ["tools/breaking/cli.mjs", original, moved, "--format", "json"]);
    const reported = (JSON.parse(report.output) as { changes: { id: string }[] }).changes.map((one) => one.id);
    expect(reported.length).toBeGreaterThan(0);
    for (const id of reported) expect(rows.map((row) => row?.[1])).toContain(id);
  });
});
