// Finds the operation a request is for, from the generated operation table: the same paths
// and methods the client builds requests from, so the fake cannot serve a route the document
// does not have.
import { operationTable } from "../../generated/operation-table.ts";
import { templateNames, templatePattern } from "../path-template.ts";
import type { OperationId } from "../types.ts";
import type { Candidate } from "./near-misses.ts";

interface Route {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

export const isOperationId = (name: string): name is OperationId => Object.hasOwn(operationTable, name);

/** Every operationId of the document, in its order. */
export const operationIds: readonly OperationId[] = Object.keys(operationTable).filter(isOperationId);

const routes: Route[] = operationIds.map((operationId) => {
  const { method, path } = operationTable[operationId];
  return { operationId, method, pattern: templatePattern(path), names: templateNames(path) };
});

/** Every route of the API as a method and a path template: what a request that matched none is compared with. */
export const apiCandidates: readonly Candidate[] = operationIds.map((operationId) => ({
  method: operationTable[operationId].method,
  template: operationTable[operationId].path,
}));

export type Match =
  | { kind: "operation"; operationId: OperationId; params: Record<string, string> }
  | { kind: "method not allowed"; allow: string[] }
  | { kind: "not found" };

export function matchRoute(method: string, pathname: string): Match {
  const allow: string[] = [];
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    if (route.method !== method) {
      allow.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    try {
      for (const [i, name] of route.names.entries()) params[name] = decodeURIComponent(found[i + 1]!);
    } catch {
      return { kind: "not found" }; // malformed percent-encoding names no resource
    }
    return { kind: "operation", operationId: route.operationId, params };
  }
  return allow.length ? { kind: "method not allowed", allow } : { kind: "not found" };
}
