// The packed package, installed from its tarball into a sample consumer, runs the same
// scenario in every runtime against the Prism mock. Each runtime is a real process; one that
// cannot start fails here with its reason. The matrix goes to build/runtimes.json, which
// `npm test` prints.
import { execFile, spawn } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { basename } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isLoopback, launchChromium } from "../scripts/lib/chromium.mjs";
import { root } from "../scripts/lib/document.mjs";
import { freePort } from "../scripts/lib/net.mjs";
import { nodeBinary, nodeVersions } from "../scripts/lib/node-binaries.mjs";
import { consumerDir, packIntoConsumer } from "../scripts/lib/pack.mjs";
import { bin, quietEnv, run } from "../scripts/lib/run.mjs";
import { startBackend } from "./support/backend.js";

interface RuntimeResult {
  runtime: string;
  version: string;
  ok: boolean;
  detail: string;
}
const matrix: RuntimeResult[] = [];
let packed: Awaited<ReturnType<typeof packIntoConsumer>>;

beforeAll(async () => {
  packed = await packIntoConsumer();
}, 120_000);

afterAll(() => {
  rmSync(consumerDir, { recursive: true, force: true });
  writeFileSync(`${root}build/runtimes.json`, JSON.stringify({ tarballBytes: packed?.bytes, matrix }, null, 2));
});

function output(command: string, args: string[], cwd = consumerDir): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { cwd, env: quietEnv, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(" ")}: ${error.message}\n${stdout}${stderr}`)) : resolve(stdout + stderr),
    ),
  );
}

/** The RESULT line a runtime script prints, recorded in the matrix. */
function recordResult(runtime: string, version: string, out: string) {
  const line = out.split("\n").find((l) => l.startsWith("RESULT "));
  const result = line ? (JSON.parse(line.slice(7)) as { ok: boolean; checks: Record<string, boolean> }) : undefined;
  matrix.push({ runtime, version, ok: result?.ok === true, detail: result ? JSON.stringify(result.checks) : out.slice(0, 300) });
  expect(result, out).toBeDefined();
  return result;
}

/** Records a runtime's run of the scenario and requires every check of it. */
function record(runtime: string, version: string, out: string) {
  const result = recordResult(runtime, version, out);
  expect(result?.checks).toEqual(expect.objectContaining({ service: true, user: true, conflict: true, raw: true, testing: true, listen: true }));
  expect(result?.ok).toBe(true);
}

async function attempt(runtime: string, version: () => Promise<string>, body: (version: string) => Promise<void>) {
  let v = "?";
  try {
    v = (await version()).trim();
    await body(v);
  } catch (error) {
    if (!matrix.some((row) => row.runtime === runtime)) matrix.push({ runtime, version: v, ok: false, detail: String(error).slice(0, 300) });
    throw error;
  }
}

describe("packaging", () => {
  it("the tarball holds only what users need", () => {
    const allowed = /^(dist\/[\w-]+\.(js|cjs|d\.ts|d\.cts)|dist\/(openapi|fake-control)\.(yaml|json)|bin\/[\w-]+\.mjs|package\.json|README\.md|LICENSE)$/;
    expect(packed.files.filter((file: string) => !allowed.test(file))).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        ...["index", "raw", "testing"].flatMap((entry) => [`dist/${entry}.js`, `dist/${entry}.cjs`, `dist/${entry}.d.ts`, `dist/${entry}.d.cts`]),
        "dist/openapi.yaml",
        "dist/openapi.json",
        "bin/verigator.mjs",
      ]),
    );
    console.log(`tarball: ${packed.bytes} bytes packed, ${packed.unpackedBytes} unpacked, ${packed.files.length} files`);
  });

  it("publint reports nothing", async () => {
    const { code, output: out } = await run(bin("publint"), ["run", packed.tarball, "--strict"]);
    expect(out).toMatch(/All good!/);
    expect(code).toBe(0);
  });

  it("are-the-types-wrong's full profile reports nothing: every entry point under node10, node16 from CJS and from ESM, bundler", async () => {
    // As `npx attw --pack .` runs it: .attw.json leaves out the two data exports
    // (openapi.yaml and openapi.json are files to read, not modules to import).
    const { code, output: out } = await run(bin("attw"), [packed.tarball, "--format", "table-flipped"]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removes the table's ANSI colours
    const plain = out.replace(/\x1b\[[0-9;]*m/g, "");
    expect(plain).toContain("No problems found");
    expect(plain).not.toMatch(/ignored/);
    for (const entry of ["verigator", "verigator/raw", "verigator/testing"]) {
      const row = plain.split("\n").find((line) => line.startsWith(`│ "${entry}" `));
      expect(
        row
          ?.split("│")
          .slice(2, 6)
          .map((cell) => cell.trim()),
      ).toEqual(["🟢", "🟢 (CJS)", "🟢 (ESM)", "🟢"]);
    }
    expect(code).toBe(0);
  });

  it("jsr.json: deno publish --dry-run passes for all three entry points (no slow types)", async () => {
    const { code, output: out } = await run(bin("deno"), ["publish", "--dry-run", "--allow-dirty"]);
    expect(out).toContain("Dry run complete");
    expect(out).toContain("Checking for slow types");
    const checked = out.split("\n").filter((line) => line.includes("Check") && line.includes(" src/"));
    for (const entry of ["src/index.ts", "src/raw.ts", "src/testing/index.ts"])
      expect(
        checked.some((line) => line.trimEnd().endsWith(entry)),
        entry,
      ).toBe(true);
    // verigator/contract is Node-only (Prism, child processes): npm only.
    expect(out).not.toContain("src/contract/");
    expect(out).not.toMatch(/\berror:|\[ERROR\]|\bwarning\b/i);
    expect(code).toBe(0);
  });
});

describe("installed commands and the published document", () => {
  it("verigator/openapi.yaml and verigator/openapi.json resolve from the installed package, as one document", async () => {
    const out = await output(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { readFileSync } from "node:fs";
       const yaml = readFileSync(new URL(import.meta.resolve("verigator/openapi.yaml")), "utf8");
       const json = JSON.parse(readFileSync(new URL(import.meta.resolve("verigator/openapi.json")), "utf8"));
       console.log(JSON.stringify({ yaml: yaml.includes("operationId: createUser"), title: json.info.title, operations: Object.keys(json.paths).length, samples: typeof json.paths["/v1/service/service"].post["x-codeSamples"][0].source }));`,
      ],
      consumerDir,
    );
    expect(JSON.parse(out)).toEqual({ yaml: true, title: "Verigator API", operations: 5, samples: "string" });
  });

  it("npx verigator contract without Prism installed says what to install, in one line", async () => {
    const { code, output: out } = await run("npx", ["--no", "verigator", "contract", "--target", "http://127.0.0.1:9"], { cwd: consumerDir });
    expect(out.trim()).toBe("verigator contract could not run: Prism is missing: npm install --save-dev @stoplight/prism-cli@5.14.2");
    expect(code).toBe(2);
  });

  it("npx verigator fake serves the fake; npx verigator contract passes it once Prism is installed (both with their default credentials)", async () => {
    // Port 0: the fake picks a free port and prints its address.
    const fake = spawn(`${consumerDir}/node_modules/.bin/verigator`, ["fake", "--port", "0", "--pin", "123456"], {
      cwd: consumerDir,
      env: quietEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const ready = new Promise<void>((resolve, reject) => {
      fake.stdout.on("data", (chunk) => {
        log += chunk;
        if (log.includes("Verigator fake")) resolve();
      });
      fake.stderr.on("data", (chunk) => (log += chunk));
      fake.once("exit", (code) => reject(new Error(`verigator fake exited ${code}: ${log}`)));
    });
    try {
      await ready;
      const url = /at (http:\/\/127\.0\.0\.1:\d+);/.exec(log)?.[1];
      expect(url).toBeDefined();
      // Prism where the user installs it: the project's node_modules (linked from this repository's copy).
      mkdirSync(`${consumerDir}/node_modules/@stoplight`, { recursive: true });
      symlinkSync(`${root}node_modules/@stoplight/prism-cli`, `${consumerDir}/node_modules/@stoplight/prism-cli`);
      const { code, output: out } = await run("npx", ["--no", "verigator", "contract", "--target", url ?? "", "--pin-command", "echo 123456"], {
        cwd: consumerDir,
      });
      expect(out).toMatch(/^\d{3} passed, 0 failed, 0 skipped$/m);
      expect(code).toBe(0);
      await expect.poll(() => log).toMatch(/SMS to \+4401234567: your PIN is \d{6}/);
      matrix.push({ runtime: "bin: fake+contract", version: process.version, ok: true, detail: "" });
    } finally {
      fake.kill("SIGTERM");
    }
  });
});

describe("runtimes", () => {
  it.each([
    ["ESM", "server-runtime.mjs"],
    ["require", "require.cjs"],
  ])("Node 20 (this machine's), %s", async (mode, script) => {
    const runtime = `node (${mode})`;
    await attempt(
      runtime,
      async () => process.version,
      async (version) => record(runtime, version, await output(process.execPath, [script, inject("mockUrl")])),
    );
  });

  it("Node 20 with the ESM and CommonJS builds loaded together: errors are instances across both (no dual-package hazard)", async () => {
    const result = recordResult("node (ESM+CJS)", process.version, await output(process.execPath, ["dual.mjs"]));
    expect(result?.checks).toEqual({ twoCopies: true, esmErrorIsCjsClass: true, cjsErrorIsEsmClass: true, notOtherErrors: true });
  });

  it("Jest in its default CommonJS mode requires the client and verigator/testing", async () => {
    await attempt(
      "jest (CommonJS)",
      () => output(bin("jest"), ["--version"]),
      async (version) => {
        const { code, output: out } = await run(bin("jest"), ["--rootDir", "jest-cjs", "--ci", "--no-watchman", "--no-cache"], { cwd: consumerDir });
        matrix.push({ runtime: "jest (CommonJS)", version, ok: code === 0, detail: code === 0 ? "" : out.slice(0, 300) });
        expect(out).toMatch(/Tests: +1 passed, 1 total/);
        expect(code).toBe(0);
      },
    );
  });

  it.each(nodeVersions.flatMap((wanted) => [[wanted, "ESM", "server-runtime.mjs"] as const, [wanted, "require", "require.cjs"] as const]))(
    "Node %s from the npm registry, %s",
    async (wanted, mode, script) => {
      const node = await nodeBinary(wanted);
      const runtime = `node ${wanted.split(".")[0]} (${mode})`;
      await attempt(
        runtime,
        () => output(node, ["--version"]),
        async (version) => {
          expect(version).toBe(`v${wanted}`);
          record(runtime, version, await output(node, [script, inject("mockUrl")]));
        },
      );
    },
  );

  it("Deno, importing the package from node_modules with network limited to loopback", async () => {
    const deno = bin("deno");
    await attempt(
      "deno",
      async () => (await output(deno, ["--version"])).split("\n")[0] ?? "",
      async (version) => {
        const host = new URL(inject("mockUrl")).host;
        record("deno", version, await output(deno, ["run", `--allow-net=${host},127.0.0.1`, "--allow-read=.", "server-runtime.mjs", inject("mockUrl")]));
      },
    );
  });

  it("Bun", async () => {
    const bun = bin("bun");
    await attempt(
      "bun",
      () => output(bun, ["--version"]),
      async (version) => {
        record("bun", version, await output(bun, ["server-runtime.mjs", inject("mockUrl")]));
      },
    );
  });

  it("Cloudflare workerd, a worker bundled with esbuild (no Node compatibility flag)", async () => {
    const workerd = bin("workerd");
    await attempt(
      "workerd",
      () => output(workerd, ["--version"]),
      async (version) => {
        await output(bin("esbuild"), [
          "worker.mjs",
          "--bundle",
          "--format=esm",
          "--platform=neutral",
          "--main-fields=module,main",
          "--conditions=worker,browser",
          "--outfile=worker.bundle.js",
        ]);
        const port = await freePort();
        const config = readFileSync(`${root}test/runtimes/worker.capnp.template`, "utf8")
          .replace("{{PORT}}", String(port))
          .replace("{{MOCK_URL}}", inject("mockUrl"));
        writeFileSync(`${consumerDir}/worker.capnp`, config);
        const child = spawn(workerd, ["serve", "worker.capnp"], { cwd: consumerDir, env: quietEnv, stdio: ["ignore", "pipe", "pipe"] });
        let log = "";
        child.stdout.on("data", (chunk) => (log += chunk));
        child.stderr.on("data", (chunk) => (log += chunk));
        try {
          let answer: string | undefined;
          for (let tries = 0; tries < 50 && answer === undefined; tries++) {
            answer = await fetch(`http://127.0.0.1:${port}/`).then(
              (response) => response.text(),
              () => undefined,
            );
            if (answer === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
          }
          record("workerd", version, `RESULT ${answer ?? log}`);
        } finally {
          child.kill();
        }
      },
    );
  });

  it("Chromium: a bundled page calls its own backend cross-origin; a password is refused", async () => {
    await output(bin("esbuild"), ["browser.mjs", "--bundle", "--format=esm", "--platform=browser", "--outfile=browser.bundle.js"]);
    const page = createServer((request, response) => {
      if (request.url?.startsWith("/browser.bundle.js")) {
        response.writeHead(200, { "content-type": "text/javascript" });
        return void createReadStream(`${consumerDir}/browser.bundle.js`).pipe(response);
      }
      response.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script type="module" src="/browser.bundle.js"></script>');
    });
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    const pageOrigin = `http://127.0.0.1:${(page.address() as { port: number }).port}`;
    const backend = await startBackend(inject("mockUrl"), pageOrigin, "browser-user:browser-pass");
    const browser = await launchChromium().catch((error: Error) => {
      matrix.push({ runtime: "chromium", version: "?", ok: false, detail: error.message });
      throw error;
    });
    try {
      await attempt(
        "chromium",
        async () => browser.version(),
        async (version) => {
          const tab = await browser.newPage();
          const blocked: string[] = [];
          await tab.route("**/*", (route) => {
            if (isLoopback(route.request().url())) return route.continue();
            blocked.push(route.request().url());
            return route.abort();
          });
          await tab.goto(`${pageOrigin}/?backend=${encodeURIComponent(backend.url)}`);
          const result = await tab.evaluate(() => (window as unknown as { verigatorResult: Promise<unknown> }).verigatorResult);
          record("chromium", version, `RESULT ${JSON.stringify(result)}`);
          expect((result as { checks: Record<string, boolean> }).checks.passwordRefused).toBe(true);
          expect(blocked).toEqual([]);
        },
      );
    } finally {
      await browser.close();
      backend.close();
      page.close();
    }
  });

  // Our .d.ts files are checked (skipLibCheck off); TypeScript's own lib files are not
  // (skipDefaultLibCheck): that is most of a consumer check's time and none of its purpose.
  // verigator/raw (openapi-fetch's types, the expensive part) is checked under nodenext only.
  it.each([
    ["nodenext", ["consumer.ts", "consumer-raw.ts", "consumer-testing.ts"]],
    ["bundler", ["consumer.ts", "consumer-testing.ts"]],
  ])("TypeScript consumer type-checks against the packed .d.ts (moduleResolution %s)", async (resolution, files) => {
    const dir = `${consumerDir}/ts-${resolution}`;
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(`${dir}/${file}`, readFileSync(`${root}test/runtimes/${file}`, "utf8"));
    writeFileSync(
      `${dir}/tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipDefaultLibCheck: true,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: resolution === "nodenext" ? "NodeNext" : "ESNext",
          moduleResolution: resolution === "nodenext" ? "NodeNext" : "Bundler",
          types: [],
        },
        files,
      }),
    );
    const { code, output: out } = await run(bin("tsc"), ["-p", `${dir}/tsconfig.json`]);
    expect(out).toBe("");
    expect(code).toBe(0);
  });

  it("a CommonJS TypeScript project (module node16, no msw installed) compiles against the .d.cts types and runs", async () => {
    const dir = `${consumerDir}/ts-cjs`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/package.json`, JSON.stringify({ type: "commonjs" }));
    for (const file of ["consumer.ts", "consumer-raw.ts", "consumer-testing.ts"])
      writeFileSync(`${dir}/${file}`, readFileSync(`${root}test/runtimes/${file}`, "utf8"));
    writeFileSync(
      `${dir}/main.ts`,
      [
        'import { signUpAndLogIn } from "./consumer-testing";',
        'signUpAndLogIn().then((verified) => console.log("RESULT " + JSON.stringify({ verified })));',
        "",
      ].join("\n"),
    );
    writeFileSync(
      `${dir}/tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          skipDefaultLibCheck: true,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: "Node16",
          moduleResolution: "Node16",
          types: [],
          outDir: "out",
        },
        files: ["consumer.ts", "consumer-testing.ts", "main.ts"],
      }),
    );
    const compiled = await run(bin("tsc"), ["-p", `${dir}/tsconfig.json`]);
    expect(compiled.output).toBe("");
    expect(compiled.code).toBe(0);
    expect(readFileSync(`${dir}/out/consumer-testing.js`, "utf8")).toContain('require("verigator/testing")');
    const ran = await output(process.execPath, ["out/main.js"], dir);
    expect(ran).toContain('RESULT {"verified":true}');
  });

  // The oldest TypeScript the package supports (README): 5.0, skipLibCheck false, for
  // `verigator`. openapi-fetch's own .d.ts needs a newer one, so `verigator/raw` is checked
  // with the current TypeScript only (above, also with skipLibCheck false).
  it("TypeScript 5.0 (the oldest supported) type-checks a consumer of verigator and verigator/testing with skipLibCheck: false", async () => {
    const dir = `${consumerDir}/ts-5.0`;
    await run("mkdir", ["-p", dir]);
    writeFileSync(`${dir}/consumer.ts`, readFileSync(`${root}test/runtimes/consumer.ts`, "utf8"));
    writeFileSync(`${dir}/consumer-testing.ts`, readFileSync(`${root}test/runtimes/consumer-testing.ts`, "utf8"));
    writeFileSync(
      `${dir}/tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          skipDefaultLibCheck: true,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          types: [],
        },
        files: ["consumer.ts", "consumer-testing.ts"],
      }),
    );
    // Fetched with npm pack into build/ (a devDependency would shadow the current tsc bin).
    const home = `${root}build/typescript-5.0.4`;
    if (!existsSync(`${home}/package/bin/tsc`)) {
      await run("mkdir", ["-p", home]);
      const packed = await run("npm", ["pack", "typescript@5.0.4", "--pack-destination", home], { cwd: home });
      expect(packed.code).toBe(0);
      await run("tar", ["-xzf", `${home}/typescript-5.0.4.tgz`, "-C", home]);
    }
    const tsc = `${home}/package/bin/tsc`;
    const { output: version } = await run(tsc, ["--version"]);
    expect(version).toContain("5.0.4");
    const { code, output: out } = await run(tsc, ["-p", `${dir}/tsconfig.json`]);
    expect(out).toBe("");
    expect(code).toBe(0);
  });
});

describe("the README's figures are this run's", () => {
  it("its runtime matrix: the same rows and versions, all passing; the tarball's size within 10 %, and its name as npm pack gives it", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    expect(readme).toContain(`npm install ../verigator/${basename(packed.tarball)}`);
    const block = readme.slice(readme.indexOf("Runtimes (packed tarball "), readme.indexOf("```", readme.indexOf("Runtimes (packed tarball ")));
    const bytes = Number(/Runtimes \(packed tarball (\d+) bytes\):/.exec(block)?.[1]);
    expect(Math.abs(bytes - packed.bytes) / packed.bytes, `README says ${bytes} bytes, the tarball has ${packed.bytes}`).toBeLessThan(0.1);
    const rows = [...block.matchAll(/^ {2}(pass|FAIL) {2}(.{18}) (.+)$/gm)].map(([, outcome, runtime, version]) => [outcome, runtime?.trim(), version?.trim()]);
    // The matrix as npm test prints it (scripts/test.mjs): Deno's version is its first words.
    const measured = matrix.map((row) => ["pass", row.runtime, row.version.replace(/ \(.*$/, "")]);
    // Some rows are measured concurrently: compared as sets.
    const sorted = (list: unknown[][]) => list.map((row) => row.join(" ")).sort();
    expect(sorted(rows)).toEqual(sorted(measured));
  });
});
