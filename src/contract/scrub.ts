// What a result carries before any report sees it: every string that came from outside or
// was built from it — paths, messages, headers, bodies, curl lines, steps, notes — redacted of
// the credential and cleaned of control characters. The suite's own words (the operation, the
// case's name, its outcome) hold no generated value and stay as they are.
import { cleanLine } from "../redact.ts";
import type { CaseResult } from "./results.ts";

export interface Scrubber {
  text(text: string): string;
  result(result: CaseResult): CaseResult;
}

export function scrubber(redact: (text: string) => string): Scrubber {
  const text = (value: string) => cleanLine(redact(value));
  const deep = <T>(value: T, depth = 0): T => {
    if (typeof value === "string") return text(value) as T;
    if (typeof value !== "object" || value === null || depth > 16) return value;
    if (Array.isArray(value)) return value.map((item) => deep(item, depth + 1)) as T;
    // Keys are the suite's own (field names, header names), and so is a check's name: only values come from outside.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === "rule" ? item : deep(item, depth + 1)])) as T;
  };
  return {
    text,
    result: (result) => ({
      ...result,
      ...(result.reason !== undefined && { reason: text(result.reason) }),
      failures: deep(result.failures),
      ...(result.request && { request: deep(result.request) }),
      ...(result.answer && { answer: deep(result.answer) }),
      ...(result.curl !== undefined && { curl: text(result.curl) }),
      ...(result.steps && { steps: deep(result.steps) }),
    }),
  };
}
