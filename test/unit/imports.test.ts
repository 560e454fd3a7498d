// The layout's lines, read from the source: imports in src/ run one way, with no cycle (type
// imports included), and the client's modules import nothing of the fake or the suite.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|js)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
const sources = files(join(root, "src"));
const graph = new Map(
  sources.map((file) => {
    const imports = [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?from\s+"(\.[^"]+)"/gms)].map((found) =>
      resolve(dirname(file), found[1]!),
    );
    return [file, imports.filter((target) => target.startsWith(join(root, "src")))];
  }),
);
const name = (file: string) => relative(root, file);

describe("imports in src/", () => {
  it("have no cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") return void cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(" → "));
      state.set(file, "visiting");
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, "done");
    };
    for (const file of sources) visit(file, []);
    expect(cycles).toEqual([]);
    expect(graph.size).toBeGreaterThan(30);
  });

  it("the client's modules import nothing of src/testing/, src/contract/ or src/docs-page/", () => {
    // The docs page's scripts build on the client and the fake; the client knows nothing of them.
    const client = sources.filter((file) => !/src\/(testing|contract|docs-page)\//.test(file));
    for (const file of client) {
      for (const target of graph.get(file) ?? []) expect(name(target), name(file)).not.toMatch(/^src\/(testing|contract|docs-page)\//);
    }
  });

  it("nothing in src/ imports the docs page's scripts", () => {
    for (const file of sources.filter((one) => !/src\/docs-page\//.test(one))) {
      for (const target of graph.get(file) ?? []) expect(name(target), name(file)).not.toMatch(/^src\/docs-page\//);
    }
  });

  it("the fake's state knows nothing of its control endpoints", () => {
    expect((graph.get(join(root, "src/testing/fake.ts")) ?? []).map(name)).not.toContain("src/testing/control.ts");
  });
});
