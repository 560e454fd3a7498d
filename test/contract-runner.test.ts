// `verigator contract` / runContract, proven both ways: servers that are each correct but for
// one realistic defect (test/fixtures/verigator-server.mjs) must fail, each by the case and
// rule that names the defect; conforming servers must pass — the fake of verigator/testing,
// an independent hand-written server, and `npm start`'s mock where its fixed answers allow.
// Most runs are in-process (runContract); the command is run as a child for its exit codes,
// files and output.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, inject, it } from "vitest";
import { run } from "../scripts/lib/run.mjs";
import type { CaseResult, ContractOptions, ContractReport } from "../src/contract/index.js";
import { ContractSetupError, formatHuman, formatJson, formatJUnit, runContract } from "../src/contract/index.js";
import { createFakeVerigator } from "../src/testing/index.js";
import type { Defect } from "./fixtures/verigator-server.mjs";
import { createVerigatorServer } from "./fixtures/verigator-server.mjs";
import { serversOfThisFile } from "./support/servers.js";

const listen = serversOfThisFile();

const work = mkdtempSync(join(tmpdir(), "verigator-contract-"));
let files = 0;

/** A fixture server with one defect (or none), and the options that check it, PIN command included. */
async function fixture(defect?: Defect, auth = "user:pass", how: Parameters<typeof createVerigatorServer>[0] = {}) {
  const pinFile = join(work, `pin-${files++}.txt`);
  const target = await listen(createVerigatorServer({ ...how, ...(defect && { defect }), auth, pinFile }));
  // The PIN sent last to the user the suite asks for (a line "PHONE PIN USERID" per SMS).
  const pinCommand = `grep -F " $VERIGATOR_USER_ID" '${pinFile}' | tail -n 1 | cut -d' ' -f2`;
  return { target, auth, pinCommand, seed: 7, requestTimeoutMs: 2_000 } satisfies ContractOptions;
}

const failing = (report: ContractReport) => report.cases.filter((one) => one.outcome === "fail");
const named = (report: ContractReport, operation: string, name: string) => report.cases.find((one) => one.operation === operation && one.name === name);

describe.concurrent("conforming servers pass", () => {
  it("the independent server: every case passes, none skipped, every reachable status answered", async () => {
    const report = await runContract(await fixture());
    expect(failing(report)).toEqual([]);
    expect(report.skipped).toBe(0);
    expect(report.passed).toBeGreaterThan(100);
    for (const family of ["positive", "auth", "bad input", "unknown id", "state", "two-factor"]) {
      expect(report.cases.some((one) => one.family === family)).toBe(true);
    }
    const notAnswered = report.coverage.filter((one) => !one.exercised).map((one) => one.status);
    // 429 is declared on startAuthentication; a server without a rate limit never answers it.
    expect(new Set(notAnswered)).toEqual(new Set([403, 429, 500, 503]));
    // Every operation's auth is probed both ways.
    const operations = new Set(report.cases.filter((one) => one.family !== "sequence").map((one) => one.operation));
    expect(operations.size).toBe(9);
    for (const operation of operations) {
      expect(named(report, operation, "auth: no X-Service-Auth")?.outcome).toBe("pass");
      expect(named(report, operation, "auth: wrong password")?.outcome).toBe("pass");
    }
  });

  it("a server that reads JSON whatever the Content-Type says (as many Go and Python servers do) passes; what it did is noted", async () => {
    // Cases only: the content types are what this is about.
    const report = await runContract({ ...(await fixture(undefined, "user:pass", { anyContentType: true })), sequences: 0 });
    expect(failing(report).map((one) => `${one.operation} › ${one.name}: ${one.reason}`)).toEqual([]);
    expect(report.notes).toContainEqual("createService took JSON as text/plain: 201 (read as JSON); with no Content-Type: 201 (read as JSON)");
  });

  it("a server that deletes a service's users with it, instead of refusing: all or nothing, so it passes", async () => {
    const target = await listen(createVerigatorServer({ cascade: true }));
    const report = await runContract({ target, seed: 4, sequences: 5 });
    expect(failing(report)).toEqual([]);
    expect(named(report, "deleteService", "state: with a UserId in it: refused, or all deleted")?.outcome).toBe("pass");
  });

  it("the fake of verigator/testing, over HTTP, random PINs read from its /_fake/messages by --pin-command", async () => {
    const fake = createFakeVerigator({ username: "u", password: "p" });
    const server = await fake.listen({ port: 0 });
    // A test SMS inbox, as a user would script it: the last PIN sent to $VERIGATOR_PHONE.
    const pinCommand = `curl -sS "${server.url}/_fake/messages?to=$(printf %s "$VERIGATOR_PHONE" | sed 's/+/%2B/')" -H 'X-Service-Auth: u:p' | sed 's/.*"pin":"\\([0-9]*\\)".*/\\1/'`;
    try {
      // A few sequences (the independent server above runs the default 20): the PINs are the point.
      const report = await runContract({ target: server.url, auth: "u:p", pinCommand, seed: 3, sequences: 5 });
      expect(failing(report)).toEqual([]);
      expect(report.skipped).toBe(0);
      expect(named(report, "verifyPin", "two-factor: the PIN sent verifies once, then is spent")?.outcome).toBe("pass");
      expect(named(report, "deleteService", "state: with a UserId in it: refused, or all deleted")?.outcome).toBe("pass");
      // The suite deleted what it created: the fake holds no service of the run's.
      expect(fake.messages.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it("npm start's mock with stateless: only the checks a server without state can pass — said, and why — and it passes", async () => {
    const report = await runContract({ target: inject("mockUrl"), seed: 5, stateless: true });
    expect(failing(report).map((one) => `${one.operation} › ${one.name}: ${one.reason}`)).toEqual([]);
    expect(report.notes[0]).toMatch(
      /^--stateless: a server that keeps no state cannot pass these checks, left out: ignored_auth \(it knows no password, so it takes any\); unknown_id \(it cannot know which ids exist\); /,
    );
    expect(report.checks).toContain("response_schema_conformance");
    expect(report.checks).not.toContain("exact_list");
    const skipped = report.cases.filter((one) => one.outcome === "skip");
    expect(skipped.length).toBeGreaterThan(0);
    for (const one of skipped) expect(one.reason).toMatch(/^left out for a server that keeps no state \(--stateless\): it is about /);
    for (const family of ["positive", "bad input", "media type"])
      expect(report.cases.some((one) => one.family === family && one.outcome === "pass")).toBe(true);
    // Without it, what only state can do fails.
    const stateful = await runContract({ target: inject("mockUrl"), seed: 5, sequences: 0 });
    expect(stateful.failed).toBeGreaterThan(0);
  });
});

// Each defect, alone, and the case and rule that must catch it.
const defects: [Defect, operation: string, name: string, rule: string][] = [
  ["no auth on listUsers", "listUsers", "auth: no X-Service-Auth", "ignored_auth"],
  ["no auth on verifyPin", "verifyPin", "auth: wrong password", "ignored_auth"],
  ["no auth on deleteService", "deleteService", "auth: no X-Service-Auth", "ignored_auth"],
  ["any password", "getService", "auth: wrong password", "ignored_auth"],
  ["accepts a missing phone_number", "createUser", "bad input: phone_number missing", "negative_data_rejection"],
  ["accepts an undeclared property", "createService", "bad input: undeclared property", "negative_data_rejection"],
  ["accepts a phone number without +", "createUser", "bad input: phone_number breaks its pattern", "negative_data_rejection"],
  ["500 on a body that is not JSON", "createUser", "bad input: not JSON", "not_a_server_error"],
  ["accepts a form-encoded create", "createService", "media type: form-encoded and multipart bodies are refused, and create nothing", "media_type_rejection"],
  ["accepts a multipart create", "createUser", "media type: form-encoded and multipart bodies are refused, and create nothing", "media_type_rejection"],
  ["deleteService does nothing", "deleteService", "state: reads answer 404 after the delete", "use_after_free"],
  ["a deleted service stays readable", "deleteService", "state: reads answer 404 after the delete", "use_after_free"],
  ["deleteService leaves the users reachable", "deleteService", "state: with a UserId in it: refused, or all deleted", "delete_with_children"],
  ["a service that had users cannot be deleted", "deleteService", "state: with a UserId in it: refused, or all deleted", "positive_data_acceptance"],
  ["deleteUser does nothing", "deleteUser", "state: a second delete answers 404", "use_after_free"],
  ["accepts a duplicate user", "createUser", "state: a duplicate is refused (409)", "duplicate_rejection"],
  // Read back after the first create of a user: the list should hold it.
  ["does not list new users", "createUser", "positive: example email", "ensure_resource_availability"],
  ["verifies any PIN", "verifyPin", "two-factor: a PIN that cannot be right is not verified", "two_factor_pin"],
  ["answers voice to a totp start", "startAuthentication", 'positive: method = "totp"', "response_schema_conformance"],
  ["answers totp to an sms start", "startAuthentication", 'positive: method = "sms"', "two_factor_method"],
  ["a PIN verifies twice", "verifyPin", "two-factor: the PIN sent verifies once, then is spent", "two_factor_pin"],
  ["500 on a non-ASCII id_in_service", "createUser", "positive: generated, non-ASCII text", "not_a_server_error"],
  ["200 instead of 201", "createUser", "positive: example email", "status_code_conformance"],
  ["a service without ctime", "getService", "positive: the resource the path names", "response_schema_conformance"],
  ["ctime as a number", "createService", "positive: example myService", "response_schema_conformance"],
  ["HTML 404s", "getUser", "unknown id: UserId", "content_type_conformance"],
  ["JSON labelled text/plain", "createService", "positive: example myService", "content_type_conformance"],
  ["500 for an unknown service", "listUsers", "unknown id: ServiceId", "not_a_server_error"],
  ["getUser ignores the service", "getUser", "unknown id: ServiceId", "unknown_id"],
];

describe.concurrent("each defect is caught by the case that names it, with the server's own answer", () => {
  it.for(defects)("%s", async ([defect, operation, name, rule]) => {
    // Cases only: random sequences are proven apart (contract-model.test.ts).
    const report = await runContract({ ...(await fixture(defect)), sequences: 0 });
    const result = named(report, operation, name);
    expect(result, `${operation} › ${name} is a case`).toBeDefined();
    expect({ outcome: result?.outcome, rules: result?.failures.map((one) => one.rule) }).toMatchObject({
      outcome: "fail",
      rules: expect.arrayContaining([rule]),
    });
    // What a person fixes it from: the request, the server's own answer, and a curl line.
    expect(result?.request?.method).toMatch(/^(GET|POST|PUT|DELETE)$/);
    expect(result?.curl).toMatch(/^curl -sS -i -X (GET|POST|PUT|DELETE) 'http:\/\/127\.0\.0\.1:\d+\/v1\//);
    if (rule !== "response_time") expect(result?.answer?.status).toBeGreaterThanOrEqual(200);
  });

  it("200 instead of 201 is reported as the server's 200 and its body, not a proxy's replacement", async () => {
    const report = await runContract(await fixture("200 instead of 201"));
    const result = named(report, "createUser", "positive: example email") as CaseResult;
    expect(result.answer).toMatchObject({ status: 200, contentType: "application/json" });
    expect(JSON.parse(result.answer?.body ?? "")).toMatchObject({ id_in_service: "john.doe@verigator.com" });
    expect(result.failures).toContainEqual({
      rule: "status_code_conformance",
      message: "200 is not a status the document declares for createUser (201, 401, 403, 404, 409, 422, 500, 503)",
    });
    expect(result.request).toMatchObject({ method: "POST", body: '{"id_in_service":"john.doe@verigator.com","phone_number":"+4401234567"}' });
  });

  it("the curl of a failure reproduces it after the run: what it names is kept, and the report says so", async () => {
    const options = await fixture("200 instead of 201");
    const report = await runContract(options);
    const result = named(report, "createUser", "positive: example email") as CaseResult;
    // Pasted into a shell, as a person would, with the credential in the environment only.
    const { output } = await run("sh", ["-c", result.curl ?? ""], { env: { ...process.env, VERIGATOR_AUTH: options.auth } });
    expect(output).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(output).toContain('"id_in_service":"john.doe@verigator.com"');
    const service = result.request?.path.split("/")[4];
    expect(report.notes).toContainEqual(
      expect.stringMatching(new RegExp(`^kept for the failures' curl lines: deleteService /v1/service/service/${service}\\b`)),
    );
  });

  it("one early failure hides nothing: the cases that need what failed are skipped, saying why", async () => {
    const report = await runContract(await fixture("200 instead of 201"));
    // createUser's first case failed, so the user fixture comes from its next passing case.
    expect(named(report, "getUser", "positive: the resource the path names")?.outcome).toBe("pass");
    expect(named(report, "verifyPin", "two-factor: the PIN sent verifies once, then is spent")?.outcome).toBe("pass");
    expect(report.skipped).toBe(0);
    // With no user at all, every case that needs one is skipped, saying why; the rest still run.
    const noUsers = await runContract(await fixture("users cannot be created"));
    const getUser = named(noUsers, "getUser", "positive: the resource the path names");
    expect(getUser).toMatchObject({ outcome: "skip", reason: "needs a UserId: createUser › positive: example email failed" });
    expect(named(noUsers, "verifyPin", "two-factor: a PIN that cannot be right is not verified")?.outcome).toBe("skip");
    expect(named(noUsers, "createUser", "positive: example email")?.failures.map((one) => one.rule)).toEqual([
      "not_a_server_error",
      "positive_data_acceptance",
    ]);
    expect(named(noUsers, "listUsers", "auth: wrong password")?.outcome).toBe("pass");
    expect(named(noUsers, "deleteService", "state: reads answer 404 after the delete")?.outcome).toBe("pass");
    // A create that answers but breaks a rule still gives the other cases something to stand on.
    const noServices = await runContract(await fixture("a service without ctime"));
    expect(named(noServices, "getService", "positive: the resource the path names")?.failures.map((one) => one.rule)).toEqual(["response_schema_conformance"]);
  });

  it("a server that takes 20 s per answer fails on time, and the rest is skipped rather than waited for", async () => {
    const started = Date.now();
    const report = await runContract({ ...(await fixture("20 s per answer")), requestTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const failed = failing(report);
    expect(failed).toHaveLength(3);
    for (const one of failed) expect(one.failures).toEqual([{ rule: "response_time", message: "no answer within 300 ms" }]);
    expect(report.skipped).toBe(report.cases.length - 3);
    expect(report.cases.at(-1)?.reason).toBe("the target stopped answering: 3 requests in a row got no answer within 300 ms");
  });
});

describe.concurrent("cases come from the document", () => {
  it("an operation added to a copy of the document gets positive, auth, bad-input and unknown-id cases", async () => {
    const document = JSON.parse(readFileSync("dist/openapi.json", "utf8"));
    const errors = (codes: string[]) =>
      Object.fromEntries(codes.map((code) => [code, document.paths["/v1/service/service/{ServiceId}/users"].post.responses[code]]));
    document.paths["/v1/service/service/{ServiceId}/users/{UserId}/phone"] = {
      parameters: [{ $ref: "#/components/parameters/ServiceId" }, { $ref: "#/components/parameters/UserId" }],
      put: {
        operationId: "updatePhone",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                required: ["phone_number"],
                properties: { phone_number: { type: "string", pattern: "^\\+[0-9]+$" } },
              },
            },
          },
        },
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } },
          ...errors(["401", "404", "422"]),
        },
      },
    };
    const copy = join(work, "with-update-phone.json");
    writeFileSync(copy, JSON.stringify(document));
    const report = await runContract({ ...(await fixture()), document: copy });
    const names = report.cases.filter((one) => one.operation === "updatePhone").map((one) => `${one.outcome} ${one.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "pass positive: schema example",
        "pass auth: no X-Service-Auth",
        "pass auth: wrong password",
        "pass bad input: phone_number missing",
        "pass bad input: phone_number of the wrong type",
        "pass bad input: phone_number breaks its pattern",
        "pass bad input: undeclared property",
        "pass bad input: not JSON",
        "pass media type: form-encoded and multipart bodies are refused, and create nothing",
        "pass unknown id: ServiceId",
        "pass unknown id: UserId",
      ]),
    );
    expect(failing(report)).toEqual([]);
    expect(report.coverage.filter((one) => one.operation === "updatePhone" && one.exercised).map((one) => one.status)).toEqual([200, 401, 404, 422]);
  });

  it("--document: a copy of the source YAML without its code samples beside it is read all the same", async () => {
    const lone = join(work, "lone.yaml");
    writeFileSync(lone, readFileSync("openapi/verigator.yaml", "utf8"));
    const report = await runContract({ ...(await fixture()), document: lone });
    expect(report.document).toBe(lone);
    expect(failing(report)).toEqual([]);
    expect(report.cases.length).toBeGreaterThan(100);
  });

  it("the same seed sends the same requests; case names do not change with the seed", async () => {
    const journal = async (seed: number) => {
      const requests: string[] = [];
      const target = await listen(createVerigatorServer({ journal: requests }));
      const report = await runContract({ target, seed });
      // Ids the server made differ between runs; everything the suite chose must not.
      const seen = requests.map((line) => line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>"));
      return { seen, names: report.cases.map((one) => `${one.operation} › ${one.name}`) };
    };
    const [first, again, other] = await Promise.all([journal(11), journal(11), journal(12)]);
    expect(again.seen).toEqual(first.seen);
    expect(other.seen).not.toEqual(first.seen);
    expect(other.names).toEqual(first.names);
    expect(first.seen.some((line) => /[\u0080-\uffff]/.test(line))).toBe(true);
  });
});

describe.concurrent("reports", () => {
  const password = "s3cr3t-Pässword";
  const auth = `contract-user:${password}`;
  const forms = [password, encodeURIComponent(password), Buffer.from(auth).toString("base64"), JSON.stringify(password).slice(1, -1)];

  it("JUnit XML parses back, with a testcase per case, failures and skips; the password is in no report", async () => {
    const report = await runContract({ ...(await fixture("HTML 404s", auth)), pinCommand: undefined });
    const xml = formatJUnit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "testsuite" || name === "testcase" }).parse(
      xml,
    );
    const suites = parsed.testsuites.testsuite as {
      name: string;
      tests: string;
      testcase: { name: string; classname: string; failure?: { type: string }; skipped?: unknown }[];
    }[];
    const testcases = suites.flatMap((suite) => suite.testcase);
    expect(testcases).toHaveLength(report.cases.length);
    expect(Number(parsed.testsuites.failures)).toBe(report.failed);
    expect(Number(parsed.testsuites.skipped)).toBe(report.skipped);
    const unknownUser = testcases.find((one) => one.classname === "verigator contract.getUser" && one.name === "unknown id: UserId");
    expect(unknownUser?.failure?.type).toBe("content_type_conformance");
    expect(testcases.find((one) => one.name === "two-factor: the PIN sent verifies once, then is spent")?.skipped).toBeDefined();
    for (const text of [xml, formatHuman(report), formatJson(report)]) {
      for (const form of forms) expect(text).not.toContain(form);
      expect(text).toContain("$VERIGATOR_AUTH");
    }
    // The server echoed the credentials into its HTML; the excerpt kept shows them redacted.
    const answer = named(report, "getUser", "unknown id: UserId")?.answer;
    expect(answer).toMatchObject({ status: 404, contentType: "text/html" });
    expect(answer?.body).toContain("<h1>404 Not Found</h1>");
    expect(answer?.body.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it("the command: human lines, JUnit and JSON files, exit 1 on a failure, never the password", async () => {
    const options = await fixture("accepts an undeclared property", auth);
    const junit = join(work, "report.xml");
    const human = await run("node", [
      "bin/verigator.mjs",
      "contract",
      "--target",
      options.target,
      "--auth",
      auth,
      "--seed",
      "9",
      "--sequences",
      "5",
      "--reporter",
      "junit",
      "--output",
      junit,
    ]);
    expect(human.code).toBe(1);
    expect(human.output).toMatch(/^verigator contract: http:\/\/127\.0\.0\.1:\d+ against .*openapi\.json, seed 9, \d+ cases$/m);
    expect(human.output).toMatch(/^✗ FAIL {2}createService {8}bad input: undeclared property$/m);
    expect(human.output).toMatch(/^ {6}rule negative_data_rejection: an invalid body must be refused with a declared 4xx: expected 422, got 201$/m);
    expect(human.output).toMatch(
      /^ {6}request: POST \/v1\/service\/service \(accept: application\/json, content-type: application\/json, X-Service-Auth: \$VERIGATOR_AUTH\)/m,
    );
    expect(human.output).toMatch(/^ {6}answer: {2}201 application\/json in \d+ ms: \{"id":/m);
    expect(human.output).toMatch(
      /^ {6}curl: {4}curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/service\/service' .*-H "X-Service-Auth: \$VERIGATOR_AUTH" --data-raw '\{/m,
    );
    expect(human.output).toMatch(
      /^coverage: \d+ of \d+ \(operation, status\) pairs answered; not answered: 403 on every operation \(no request with valid credentials is forbidden\)/m,
    );
    expect(human.output).toMatch(/^seed 9 \(--seed 9 repeats these requests\)/m);
    expect(human.output).toMatch(/^\d+ passed, [1-9]\d* failed, 3 skipped$/m);
    expect(XMLValidator.validate(readFileSync(junit, "utf8"))).toBe(true);
    const json = await run("node", [
      "bin/verigator.mjs",
      "contract",
      "--target",
      options.target,
      "--auth",
      auth,
      "--seed",
      "9",
      "--sequences",
      "0",
      "--reporter",
      "json",
    ]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.output) as ContractReport;
    expect(parsed.seed).toBe(9);
    expect(parsed.cases.map((one) => one.name)).toEqual(parsed.cases.map((one) => one.name));
    for (const text of [human.output, json.output, readFileSync(junit, "utf8")]) for (const form of forms) expect(text).not.toContain(form);
  }, 90_000);

  it("with user:pass, a report keeps its words: a wrong password is a wrong password, and the credential is nowhere", async () => {
    const options = await fixture("any password", "user:pass");
    const report = await runContract(options);
    const human = formatHuman(report);
    expect(human).toContain("a wrong password must be refused: expected 401, got 200");
    expect(human).toContain(":wrong-password");
    expect(human).not.toContain("[redacted]word");
    expect(human).not.toContain("user:pass");
    expect(formatJson(report)).not.toContain("user:pass");
  });

  it("a target that answers but is not a Verigator server: one line, exit 2, before any case", async () => {
    const requests: string[] = [];
    const page = await listen(
      createServer((request, response) => {
        requests.push(`${request.method} ${request.url}`);
        response.writeHead(404, { "content-type": "text/html" }).end("<html><body><h1>Not Found</h1></body></html>");
      }),
    );
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", page]);
    expect(output.trim().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^verigator contract could not run: ${page.replace(/[.:/]/g, "\\$&")} answers, but not as a Verigator server: GET /v1/service/service/[^ ]+ answered 404 text/html without credentials, and no answer was JSON; check --target`,
        ),
      ),
    ]);
    expect(code).toBe(2);
    // Three reads, nothing written.
    expect(requests).toHaveLength(3);
    expect(requests.every((one) => one.startsWith("GET "))).toBe(true);
  });

  it("the command with --stateless against npm start's mock: exit 0", async () => {
    const { code, output } = await run("node", ["bin/verigator.mjs", "contract", "--target", inject("mockUrl"), "--stateless", "--seed", "5"]);
    expect(output).toMatch(/^note: --stateless: a server that keeps no state cannot pass these checks, left out: /m);
    expect(output).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/m);
    expect(code).toBe(0);
  }, 90_000);

  it("exit 0 when all pass; exit 2, said in words, when it cannot run", async () => {
    const options = await fixture();
    const passing = await run("node", ["bin/verigator.mjs", "contract", "--target", options.target, "--pin-command", options.pinCommand]);
    expect(passing.output).toMatch(/^\d+ passed, 0 failed, 0 skipped$/m);
    expect(passing.code).toBe(0);
    const gone = createServer();
    const closed = await listen(gone);
    gone.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await run("node", ["bin/verigator.mjs", "contract", "--target", closed]);
    expect(refused.output).toContain(`verigator contract could not run: the target ${closed} is unreachable: connection refused`);
    expect(refused.code).toBe(2);
    const usage = await run("node", ["bin/verigator.mjs", "contract"]);
    expect(usage.output).toContain("usage: verigator contract --target");
    expect(usage.code).toBe(2);
    const badSeed = await run("node", ["bin/verigator.mjs", "contract", "--target", options.target, "--seed", "x"]);
    expect(badSeed.output).toContain("--seed must be a whole number, got x");
    expect(badSeed.code).toBe(2);
    const badDocument = await run("node", ["bin/verigator.mjs", "contract", "--target", options.target, "--document", join(work, "missing.yaml")]);
    expect(badDocument.output).toMatch(/could not run: the document .*missing\.yaml cannot be read/);
    expect(badDocument.code).toBe(2);
    await expect(runContract({ target: "ftp://127.0.0.1" })).rejects.toBeInstanceOf(ContractSetupError);
  }, 90_000);
});
