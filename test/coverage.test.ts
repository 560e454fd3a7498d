// Fails when the document has an operation or a status that the contract suite cannot test.
import { describe, expect, it } from "vitest";
import { operationCalls } from "../scripts/lib/operation-calls.mjs";
import { errorClasses } from "./support/contract-cases.js";
import { documentedOperations, documentedResponses } from "./support/document.js";

describe("contract coverage", () => {
  it("every operation in the document has a contract call", () => {
    const documented = documentedOperations.map((operation) => operation.operationId).sort();
    expect(Object.keys(operationCalls).sort()).toEqual(documented);
  });

  it("every documented error status has an expected error class", () => {
    const untested = documentedResponses.filter(({ status }) => status >= 300 && !errorClasses[status]);
    expect(untested.map(({ operationId, status }) => `${operationId} ${status}`)).toEqual([]);
  });

  it("every documented error answer has a JSON example to compare against", () => {
    const missing = documentedResponses.filter(({ status, example }) => status >= 300 && example === undefined);
    expect(missing.map(({ operationId, status }) => `${operationId} ${status}`)).toEqual([]);
  });

  it("covers the nine operations of Messente's SDKs", () => {
    expect(documentedOperations).toHaveLength(9);
    expect(documentedResponses.length).toBeGreaterThanOrEqual(38);
  });
});
