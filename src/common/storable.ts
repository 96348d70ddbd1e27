import { canonicalJson } from './canonical';

/*
 * The one place that says which text, JSON and numbers the hub accepts at its
 * edge. PostgreSQL refuses some values outright (NUL in text and jsonb, lone
 * UTF-16 surrogates, integers beyond int4/bigint); let through, one such value
 * fails the statement and with it a whole batch. Others it would store, but
 * they are poison for readers (bidi overrides that reorder a name on screen,
 * C1 controls, noncharacters) or would be altered on the way (JSON numbers a
 * double cannot carry exactly). Every input path checks with these functions;
 * dates and times are checked in ./datetime.ts.
 */

/** Largest int4 (PostgreSQL `int`, GraphQL `Int`). */
export const INT4_MAX = 2 ** 31 - 1;
/** Largest bigint (PostgreSQL `bigint`). */
export const INT8_MAX = 9223372036854775807n;

/** C0 controls and DEL (after white-space collapsing, tab and newline are spaces already). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const C0 = /[\u0000-\u001f\u007f]/;
/** C1 controls, U+0080-U+009F: invisible, and a sign of text decoded with the wrong charset. */
const C1 = /[\u0080-\u009f]/;
/** Bidi embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069): they reorder what a reader sees. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Unicode noncharacters: U+FDD0-U+FDEF and the last two code points of every plane. */
const NONCHARACTER =
  /[\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL would refuse this text as a `text` or `jsonb` value (a NUL
 * character, a lone UTF-16 surrogate), or undefined when it can store it.
 */
export function storableTextProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'is not well-formed Unicode (a lone UTF-16 surrogate)';
  return undefined;
}

/** True when PostgreSQL can store the text (see {@link storableTextProblem}). */
export function isStorableText(s: string): boolean {
  return storableTextProblem(s) === undefined;
}

function codePoint(s: string, re: RegExp): string {
  const m = re.exec(s)!;
  return `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why this text is unfit to show to a reader, or undefined when it is fine:
 * what PostgreSQL refuses, plus control characters (C0, DEL, C1), bidi
 * overrides and isolates, and noncharacters. Every pushed text field (names,
 * titles, addresses, identifiers) is held to this.
 */
export function displayTextProblem(s: string): string | undefined {
  const storable = storableTextProblem(s);
  if (storable) return storable;
  if (C0.test(s)) return `must not contain control characters (${codePoint(s, C0)})`;
  if (C1.test(s)) return `must not contain C1 control characters (${codePoint(s, C1)})`;
  if (BIDI.test(s)) return `must not contain bidi override or isolate characters (${codePoint(s, BIDI)})`;
  if (NONCHARACTER.test(s)) return `must not contain Unicode noncharacters (${codePoint(s, NONCHARACTER)})`;
  return undefined;
}

/** True for a JSON number that a double carries exactly: finite, and an integer only within ±2^53 − 1. */
export function isExactJsonNumber(n: number): boolean {
  return Number.isFinite(n) && !(Number.isInteger(n) && !Number.isSafeInteger(n));
}

const NUMBER_TEXT = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A decimal number's text as sign, significant digits and exponent; undefined when it is not a number's text. */
function decimalParts(text: string): { neg: boolean; digits: string; exp: number } | undefined {
  const m = NUMBER_TEXT.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  let digits = (m[2] + frac).replace(/^0+/, '');
  let exp = Number(m[4] ?? 0) - frac.length;
  if (!digits) return { neg: false, digits: '', exp: 0 };
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  exp += trailing;
  return { neg: !!m[1], digits, exp };
}

/**
 * The number a JSON or GraphQL number literal stands for, when a double holds
 * it exactly; undefined otherwise (1e400, a 30-digit integer, 0.1000000000000000000001):
 * such a number would be stored altered, so it is refused instead.
 */
export function exactNumberFromText(text: string): number | undefined {
  const n = Number(text);
  if (!isExactJsonNumber(n)) return undefined;
  const a = decimalParts(text);
  const b = decimalParts(String(n));
  return a && b && a.neg === b.neg && a.digits === b.digits && a.exp === b.exp ? n : undefined;
}

/**
 * Bounds of a JSON value: nesting of objects and arrays (the value itself is level 1) and size as canonical JSON in
 * UTF-8.
 */
export interface JsonBounds {
  maxDepth: number;
  maxBytes: number;
}

/** The bounds of a record's `details` and other JSONObject inputs (README, "Limits of a pushed record"). */
export const JSON_INPUT_BOUNDS: JsonBounds = { maxDepth: 32, maxBytes: 64 * 1024 };

/** One problem of a JSON value, at a dotted path under the value's own field. */
export interface JsonProblem {
  path: string;
  message: string;
}

/** At most this many problems are reported per value: one is enough to fix, a thousand only bloat the answer. */
const MAX_JSON_PROBLEMS = 10;

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks a JSON value that will be stored (`jsonb`) and hashed: no NUL or lone
 * surrogate in any key or string, every number exact (see
 * {@link isExactJsonNumber}), nesting and canonical size within `bounds`, and
 * nothing that is not JSON. Walks without recursion and stops descending at
 * the depth bound, so any input is safe to check. Paths start with `field`.
 */
export function jsonProblems(value: unknown, field: string, bounds: JsonBounds = JSON_INPUT_BOUNDS): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: field, depth: 1 }];
  let tooDeep = false;
  while (stack.length && problems.length < MAX_JSON_PROBLEMS) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'string') {
      const p = storableTextProblem(v);
      if (p) problems.push({ path, message: `${path} ${p}` });
    } else if (typeof v === 'number') {
      if (!isExactJsonNumber(v)) {
        problems.push({
          path,
          message: `${path} is a number JSON cannot carry exactly (${Number.isFinite(v) ? 'an integer beyond ±2^53' : 'not finite'}); send it as a string`,
        });
      }
    } else if (typeof v === 'object' && (Array.isArray(v) || isPlainObject(v))) {
      if (depth > bounds.maxDepth) {
        tooDeep = true;
        problems.push({ path, message: `${field} is nested deeper than ${bounds.maxDepth} levels` });
        continue;
      }
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}.${i}`, depth: depth + 1 });
      } else {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i];
          const p = storableTextProblem(k);
          if (p) problems.push({ path, message: `${path} has a key that ${p}` });
          else stack.push({ v: (v as Record<string, unknown>)[k], path: `${path}.${k}`, depth: depth + 1 });
        }
      }
    } else {
      problems.push({ path, message: `${path} is not a JSON value` });
    }
  }
  if (!problems.length && !tooDeep) {
    const bytes = Buffer.byteLength(canonicalJson(value), 'utf8');
    if (bytes > bounds.maxBytes)
      problems.push({
        path: field,
        message: `${field} is ${bytes} bytes as JSON; at most ${bounds.maxBytes} are accepted`,
      });
  }
  return problems.slice(0, MAX_JSON_PROBLEMS);
}

/**
 * The nesting depth of a value (a scalar is 0, `{}` and `[]` are 1), counted
 * without recursion and only up to `limit + 1`: cheap to ask of any input,
 * however deep, before anything recursive (hashing, JSON.stringify) touches it.
 */
export function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** True for the decimal text of a positive PostgreSQL bigint (a surrogate id, as a cursor carries it). */
export function isBigintId(id: unknown): id is string {
  return typeof id === 'string' && /^[1-9]\d{0,18}$/.test(id) && BigInt(id) <= INT8_MAX;
}
