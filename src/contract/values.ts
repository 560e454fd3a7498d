// Request values derived from a schema under a seed: valid ones (the document's examples, and
// generated variants — non-ASCII letters, long and shortest strings, every enum value) and
// invalid ones (a field missing, of the wrong type, breaking its pattern…). The same seed
// gives the same values, so `--seed N` repeats a run's requests.
// Hand-written: fast-check's generators would make a runtime dependency of a dev tool's
// worth, and no small library generates strings from a pattern in a way that runs everywhere.
import type { JsonSchema } from "./prism.ts";

export type Random = () => number;

/** mulberry32: a small, fast PRNG, good enough to vary test data repeatably. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Letters from several scripts, each one UTF-16 unit, so lengths count as JSON Schema counts.
const nonAscii = [..."äöüßéèçñøåłžšđğışαβγδλπωжзийклмнїєאבגדابتثअआइकखगあいうえおアイウ中文字漢한글"];
const ascii = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];
const lowerAscii = [..."abcdefghijklmnopqrstuvwxyz0123456789"];
// What servers mangle: mixed case, letters outside Latin-1, combining marks, emoji (two UTF-16
// units), quotes, backslashes, percent signs that look like an encoding.
const tricky = ["Ab", "José", "e\u0301", "ǅ", "😀", "👍🏽", '"', "'", "\\", "%", "%41", "ß", "İ", "Ω", "中", "<b>", "&amp;", "\u00a0x"];

export type TextStyle = "ascii" | "non-ascii" | "tricky" | "long" | "shortest";

const alphabets: Record<TextStyle, readonly string[]> = { ascii, "non-ascii": nonAscii, tricky, long: [...ascii, ...nonAscii], shortest: ascii };

/** Text of at least `length` UTF-16 units, at most `max`, from pieces (a piece may be several units). */
function text(random: Random, length: number, pieces: readonly string[], max = Number.POSITIVE_INFINITY): string {
  let out = "";
  while (out.length < length) {
    const piece = pick(random, pieces);
    out += out.length + piece.length <= max ? piece : pick(random, ascii);
  }
  return out;
}

/**
 * The same body with its free-text fields varied (the last few characters replaced, the
 * length kept): what a create is sent again with when the server already holds the name,
 * e.g. left by an earlier run.
 */
export function untakenVariant(body: unknown, schema: JsonSchema, random: Random): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...body };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const value = out[name];
    if (typeof value !== "string" || property.pattern || property.enum || property.format) continue;
    const keep = Math.max(0, value.length - Math.min(value.length, 8));
    out[name] = value.slice(0, keep) + text(random, value.length - keep, ascii, value.length - keep);
  }
  return out;
}

/** One string matching a pattern, for the regex subset documents use; undefined beyond it. */
export function fromPattern(pattern: string, random: Random): string | undefined {
  let at = 0;
  let out = "";
  const source = pattern.replace(/^\^/, "").replace(/\$$/, "");
  const classes: Record<string, string[]> = {
    d: [..."0123456789"],
    w: [...lowerAscii, ..."ABCXYZ_"],
    s: [" "],
  };
  while (at < source.length) {
    let choices: string[];
    const char = source[at]!;
    if (char === "\\") {
      const next = source[at + 1];
      if (next === undefined) return undefined;
      choices = classes[next] ?? (/[a-zA-Z0-9]/.test(next) ? [] : [next]);
      if (!choices.length) return undefined;
      at += 2;
    } else if (char === "[") {
      const end = source.indexOf("]", at + 1);
      if (end < 0 || source[at + 1] === "^") return undefined;
      choices = [];
      const body = source.slice(at + 1, end);
      for (let i = 0; i < body.length; i++) {
        const c = body[i]!;
        if (c === "\\" && body[i + 1]) {
          choices.push(...(classes[body[i + 1]!] ?? [body[i + 1]!]));
          i++;
        } else if (body[i + 1] === "-" && body[i + 2]) {
          for (let code = c.charCodeAt(0); code <= body.charCodeAt(i + 2); code++) choices.push(String.fromCharCode(code));
          i += 2;
        } else choices.push(c);
      }
      at = end + 1;
    } else if ("()|.^$*+?{}".includes(char)) {
      return undefined; // groups, alternation, wildcards: beyond the subset
    } else {
      choices = [char];
      at++;
    }
    let [min, max] = [1, 1];
    const quantifier = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})/.exec(source.slice(at));
    if (quantifier) {
      at += quantifier[0].length;
      if (quantifier[1] === "*") [min, max] = [0, 12];
      // At least 6: generated phone numbers then differ between users, so an SMS inbox keyed by number tells them apart.
      else if (quantifier[1] === "+") [min, max] = [6, 12];
      else if (quantifier[1] === "?") [min, max] = [0, 1];
      else {
        min = Number(quantifier[2]);
        max = quantifier[3] ? (quantifier[4] ? Number(quantifier[4]) : min + 12) : min;
      }
    }
    const count = min + Math.floor(random() * (max - min + 1));
    for (let i = 0; i < count; i++) out += pick(random, choices);
  }
  return new RegExp(pattern, "u").test(out) ? out : undefined;
}

function typesOf(schema: JsonSchema): string[] {
  const { type } = schema;
  if (type === undefined) return schema.properties ? ["object"] : [];
  return Array.isArray(type) ? type : [type];
}

/** The schema's own example values, in the document's order. */
export function schemaExamples(schema: JsonSchema): unknown[] {
  const found: unknown[] = [...(Array.isArray(schema.examples) ? schema.examples : [])];
  if (schema.example !== undefined) found.push(schema.example);
  if (schema.default !== undefined) found.push(schema.default);
  return found;
}

/**
 * A valid value for `schema`, or undefined where none can be made (a format or pattern beyond
 * what can be generated, with no example to fall back on).
 */
export function validValue(schema: JsonSchema, random: Random, style: TextStyle, optional: "all" | "required"): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick(random, schema.enum);
  const [type] = typesOf(schema).filter((one) => one !== "null");
  switch (type) {
    case "string": {
      if (schema.pattern !== undefined) return fromPattern(schema.pattern, random) ?? schemaExamples(schema)[0];
      if (schema.format !== undefined) return schemaExamples(schema)[0];
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
      const length =
        style === "shortest" ? min : style === "long" ? Math.min(max, Math.max(min, 300)) : Math.min(max, Math.max(min, 6 + Math.floor(random() * 8)));
      return text(random, length, alphabets[style], max);
    }
    case "integer":
    case "number": {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 1000;
      const value = min + Math.floor(random() * (max - min + 1));
      return type === "integer" ? Math.floor(value) : value;
    }
    case "boolean":
      return random() < 0.5;
    case "array":
      return schema.items ? [validValue(schema.items, random, style, optional)] : [];
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (optional === "required" && !required.has(name)) continue;
        const value = validValue(property, random, style, optional);
        if (value === undefined) {
          if (required.has(name)) return undefined;
          continue;
        }
        out[name] = value;
      }
      return out;
    }
    default:
      return schemaExamples(schema)[0];
  }
}

/** A value of another JSON type than the schema allows, or undefined when it allows every type. */
export function wrongTypeValue(schema: JsonSchema): unknown {
  const allowed = typesOf(schema);
  if (!allowed.length) return undefined;
  const candidates: [string, unknown][] = [
    ["integer", 12345],
    ["string", "12345"],
    ["boolean", true],
    ["object", { value: 1 }],
    ["array", ["x"]],
  ];
  const found = candidates.find(([kind]) => !allowed.includes(kind) && !(kind === "integer" && allowed.includes("number")));
  return found?.[1];
}

/** A string that breaks the schema's pattern, derived from a valid one; undefined when none is found. */
export function patternBreaker(schema: JsonSchema, valid: unknown): string | undefined {
  if (schema.pattern === undefined) return undefined;
  const pattern = new RegExp(schema.pattern, "u");
  const base = typeof valid === "string" && valid ? valid : "a";
  const min = schema.minLength ?? 0;
  const candidates = [base.slice(1), `${base}!`, `!${base}`, base.replace(/[0-9]/g, "x"), " ", "x"];
  return candidates.find((one) => one.length >= Math.max(min, 1) && !pattern.test(one));
}

/** A value outside the schema's enum, of the enum's own type. */
export function enumBreaker(schema: JsonSchema): unknown {
  if (!schema.enum?.length) return undefined;
  const sample = schema.enum.find((one) => typeof one === "string");
  if (sample === undefined) return undefined;
  let candidate = "voice";
  while (schema.enum.includes(candidate)) candidate += "x";
  return candidate;
}
