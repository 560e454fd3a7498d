// The contract suite's values from a schema under a seed: strings generated from patterns
// match them (or none is claimed), the breakers break them, and one seed gives one sequence.
import { describe, expect, it } from "vitest";
import { enumBreaker, fromPattern, patternBreaker, seededRandom, validValue, wrongTypeValue } from "../../src/contract/values.js";

describe("values for the contract suite", () => {
  it.each(["^\\+[0-9]+$", "^[a-z]{3,5}$", "^\\d{6}$", "^[A-Z][a-z0-9_-]*$", "^x\\.y?z+$", "^[0-9]{2,}$"])("%s: every generated string matches", (pattern) => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i++) expect(fromPattern(pattern, random)).toMatch(new RegExp(pattern, "u"));
  });

  it.each(["^(a|b)$", "^[^0-9]+$", "^.+@.+$", "^\\p{L}+$"])("%s: beyond the subset, no string is claimed", (pattern) => {
    expect(fromPattern(pattern, seededRandom(1))).toBeUndefined();
  });

  it("a pattern field beyond the subset falls back to the schema's example", () => {
    expect(validValue({ type: "string", pattern: "^(a|b)$", examples: ["a"] }, seededRandom(1), "ascii", "all")).toBe("a");
  });

  it("breakers break: a valid string made to miss its pattern, a value outside the enum, another type", () => {
    const phone = { type: "string", pattern: "^\\+[0-9]+$" };
    expect(patternBreaker(phone, "+4401234567")).toBe("4401234567");
    expect(patternBreaker({ type: "string", pattern: "^[a-z]+$" }, "abc")).not.toMatch(/^[a-z]+$/);
    expect(enumBreaker({ type: "string", enum: ["sms", "totp", "voice"] })).toBe("voicex");
    expect(wrongTypeValue({ type: "string" })).toBe(12345);
    expect(wrongTypeValue({ type: ["integer", "string"] })).toBe(true);
    expect(wrongTypeValue({})).toBeUndefined();
  });

  it("lengths: shortest and long strings keep to minLength and maxLength", () => {
    const schema = { type: "string", minLength: 2, maxLength: 40 };
    expect(validValue(schema, seededRandom(3), "shortest", "all")).toHaveLength(2);
    expect(validValue(schema, seededRandom(3), "long", "all")).toHaveLength(40);
    expect(validValue({ type: "string" }, seededRandom(3), "non-ascii", "all")).toMatch(/[^\x20-\x7e]/u);
  });

  it("one seed, one sequence; another seed, another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });
});
