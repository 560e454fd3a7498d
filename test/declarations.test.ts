// The emitted declarations, as an editor's hover reads them: every public function, class,
// method, option and field of every entry point has a doc comment (what it does, what it
// resolves or rejects with). Read with the TypeScript compiler from dist/*.d.ts.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { root } from "../scripts/lib/document.mjs";

const entries = ["index", "raw", "testing", "contract"].map((name) => `${root}dist/${name}.d.ts`);
const program = ts.createProgram(entries, {
  strict: true,
  skipLibCheck: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
});
const checker = program.getTypeChecker();

const generatedIndexes = new Set(["paths", "components", "operations"]);

/** Doc comments of a symbol: its own, or (for an alias such as a re-export) its target's. */
function documented(symbol: ts.Symbol): boolean {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return ts.displayPartsToString(target.getDocumentationComment(checker)).trim().length > 0;
}

/** A type this package re-exports from a dependency (openapi-fetch's Client): documented there. */
function reexported(symbol: ts.Symbol): boolean {
  for (let alias: ts.Symbol | undefined = symbol; alias && alias.flags & ts.SymbolFlags.Alias; alias = checker.getImmediateAliasedSymbol(alias)) {
    for (const declaration of alias.declarations ?? []) {
      const from = ts.isImportSpecifier(declaration) ? declaration.parent.parent.parent.moduleSpecifier : undefined;
      if (from && ts.isStringLiteral(from) && !from.text.startsWith(".")) return true;
    }
  }
  return false;
}

/** Where a symbol is declared: only the package's own declarations are its public surface. */
const ours = (symbol: ts.Symbol) => (symbol.declarations ?? []).some((declaration) => declaration.getSourceFile().fileName.includes("/dist/"));

function undocumented(entry: string): string[] {
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) return [`${entry} has no module symbol`];
  const missing: string[] = [];
  const seen = new Set<ts.Symbol>();
  const visit = (symbol: ts.Symbol, name: string, depth: number) => {
    if (reexported(symbol)) return;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (seen.has(target) || !ours(target)) return;
    seen.add(target);
    if (!documented(symbol)) missing.push(name);
    if (depth > 2 || !(target.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.Property | ts.SymbolFlags.Function))) return;
    // Members: the properties and methods of a class, an interface, or a property's object type.
    const declaration = target.declarations?.[0];
    if (!declaration) return;
    const type = target.flags & ts.SymbolFlags.Class ? checker.getDeclaredTypeOfSymbol(target) : checker.getTypeOfSymbolAtLocation(target, declaration);
    const members =
      target.flags & ts.SymbolFlags.Function
        ? []
        : checker.getPropertiesOfType(target.flags & ts.SymbolFlags.Interface ? checker.getDeclaredTypeOfSymbol(target) : type);
    for (const member of members) visit(member, `${name}.${member.name}`, depth + 1);
  };
  // openapi-typescript's paths/components/operations carry the document's own descriptions
  // where it has them; their structure (path keys, status keys) is the document's, not prose.
  for (const symbol of checker.getExportsOfModule(module)) if (!generatedIndexes.has(symbol.name)) visit(symbol, symbol.name, 0);
  return missing;
}

describe("every public declaration has a doc comment", () => {
  it.each(entries.map((entry) => [entry.replace(`${root}dist/`, ""), entry]))("%s", (_, entry) => {
    expect(undocumented(entry)).toEqual([]);
  });
});
