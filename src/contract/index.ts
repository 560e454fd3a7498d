// `verigator/contract`: the contract suite as a library. `runContract(options)` checks a
// Verigator-compatible server against the document — each answer, and what the server should
// hold across resources — and resolves with every case's result; `verigator contract` is a
// thin command around it. Node only; an app that imports `verigator` bundles none of it.
// Prism (an optional peer dependency) parses the document and validates the answers.
export type { CheckInfo, CheckName, Failure } from "./checks.ts";
export { checkCatalog as checks } from "./checks.ts";
export type { ReceivedAnswer, SentRequest } from "./exchange.ts";
export type { ContractOptions } from "./options.ts";
export { formatCase, formatHuman, formatJson, formatJUnit, formatSummary } from "./report.ts";
export type { CaseResult, ContractReport, CoverageEntry, Family, SequenceStep } from "./results.ts";
export { ContractSetupError, runContract } from "./runner.ts";
