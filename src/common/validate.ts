import { normaliseCreditCode } from './credit-code';
import { DATE_TIME_SHAPE, readDate, readDateTime, RECORD_YEARS } from './datetime';
import { canonicalDecimal } from './decimal';
import { ErrorCode } from './errors';
import { displayTextProblem, INT4_MAX, JSON_INPUT_BOUNDS, jsonProblems, type JsonBounds } from './storable';
import type { FieldError } from './field-error';

/**
 * A small collector for pure validation: each check records a located
 * BAD_USER_INPUT error and returns the normalised value (or undefined), so a
 * rule can run every check and report all faults at once. What a check lets
 * through, PostgreSQL stores: text, JSON, numbers and times are held to
 * ./storable.ts and ./datetime.ts.
 */
export class Checker {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT): undefined {
    this.errors.push({ field, code, message });
    return undefined;
  }

  /**
   * A trimmed, whitespace-collapsed string; `required` makes absence an error.
   * Refuses what PostgreSQL cannot store (NUL, a lone surrogate) and what no
   * reader should be shown (control characters, C1, bidi overrides and
   * isolates, noncharacters).
   */
  text(field: string, raw: unknown, opts: { required?: boolean; max?: number } = {}): string | null | undefined {
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      return opts.required ? this.fail(field, `${field} is required`) : null;
    }
    if (typeof raw !== 'string') return this.fail(field, `${field} must be a string`);
    const max = opts.max ?? 500;
    // Checked before collapsing white space too, so a huge string is not copied for nothing.
    if (raw.length > 4 * max + 64) return this.fail(field, `${field} must be at most ${max} characters`);
    const s = raw.trim().replace(/\s+/g, ' ');
    const problem = displayTextProblem(s);
    if (problem) return this.fail(field, `${field} ${problem}`);
    if (s.length > max) return this.fail(field, `${field} must be at most ${max} characters`);
    return s;
  }

  /** One of an enum's values, case-insensitive; `fallback` when absent. */
  oneOf<E extends string>(field: string, raw: unknown, values: readonly E[], fallback?: E): E | undefined {
    if (raw === null || raw === undefined || raw === '') {
      return fallback ?? this.fail(field, `${field} is required; one of ${values.join(', ')}`);
    }
    const v = (typeof raw === 'string' ? raw.trim().toUpperCase() : '') as E;
    return values.includes(v) ? v : this.fail(field, `${field} must be one of ${values.join(', ')}; got ${shown(raw)}`);
  }

  /**
   * A calendar date `YYYY-MM-DD` of the years 1800-9999 that exists (leap
   * years included). An ISO-8601 timestamp is cut to the date it was written
   * with; anything else after the date is an error, not ignored.
   */
  date(field: string, raw: unknown, opts: { notAfter?: string } = {}): string | null | undefined {
    if (raw === null || raw === undefined || raw === '') return null;
    const bad = () => this.fail(field, `${field} must be a date YYYY-MM-DD; got ${shown(raw)}`);
    if (typeof raw !== 'string') return bad();
    const m = ISO_DATE.exec(raw.trim());
    if (!m) return bad();
    const d = readDate(m[1], RECORD_YEARS);
    if (!d.ok) return this.fail(field, `${field} must be a real date YYYY-MM-DD (${d.problem}); got ${shown(raw)}`);
    if (opts.notAfter && d.value > opts.notAfter) return this.fail(field, `${field} ${d.value} is in the future`);
    return d.value;
  }

  /**
   * An instant in ISO 8601 with an explicit offset, checked field by field
   * (see readDateTime), of the years 1800-9999; null when absent (or an error
   * when `required`).
   */
  dateTime(field: string, raw: unknown, opts: { required?: boolean } = {}): Date | null | undefined {
    if (raw === null || raw === undefined || raw === '')
      return opts.required ? this.fail(field, `${field} is required`) : null;
    if (typeof raw !== 'string') return this.fail(field, `${field} must be ${DATE_TIME_SHAPE}; got ${shown(raw)}`);
    const r = readDateTime(raw, RECORD_YEARS);
    if (r.ok) return r.value;
    return this.fail(
      field,
      /^must /.test(r.problem)
        ? `${field} ${r.problem}; got ${shown(raw)}`
        : `${field} is not a real time: ${r.problem}; got ${shown(raw)}`,
    );
  }

  /**
   * An exact decimal (money: yuan, 2 fraction digits by default) as a string,
   * canonicalised; never a JSON number. Negative values only when `signed`.
   * At most 18 integer digits, what the numeric(20,2) and numeric(22,4) columns hold.
   */
  decimal(
    field: string,
    raw: unknown,
    opts: { required?: boolean; scale?: number; signed?: boolean } = {},
  ): string | null | undefined {
    if (raw === null || raw === undefined || raw === '')
      return opts.required ? this.fail(field, `${field} is required`) : null;
    const scale = opts.scale ?? 2;
    const v = typeof raw === 'string' && raw.length <= 100 ? canonicalDecimal(raw, scale) : undefined;
    if (v === undefined || (!opts.signed && v.startsWith('-'))) {
      return this.fail(
        field,
        `${field} must be a ${opts.signed ? '' : 'non-negative '}decimal string with at most 18 integer and ${scale} fraction digits, e.g. "1234.50"; got ${shown(raw)}`,
      );
    }
    return v;
  }

  /** A whole number within bounds (by default 0 to the largest PostgreSQL int). */
  integer(
    field: string,
    raw: unknown,
    opts: { required?: boolean; min?: number; max?: number } = {},
  ): number | null | undefined {
    if (raw === null || raw === undefined || raw === '')
      return opts.required ? this.fail(field, `${field} is required`) : null;
    const n =
      typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d{1,16}\s*$/.test(raw) ? Number(raw) : NaN;
    const min = opts.min ?? 0;
    const max = Math.min(opts.max ?? INT4_MAX, INT4_MAX);
    if (!Number.isSafeInteger(n) || n < min || n > max)
      return this.fail(field, `${field} must be a whole number from ${min} to ${max}; got ${shown(raw)}`);
    return n;
  }

  /** A code: letters, digits and . _ - / (2-80 characters). */
  code(
    field: string,
    raw: unknown,
    opts: { required?: boolean; max?: number } = { required: true },
  ): string | null | undefined {
    const s = this.text(field, raw, { required: opts.required, max: opts.max ?? 80 });
    if (!s) return s;
    return /^[A-Za-z0-9][A-Za-z0-9._\-/]{1,79}$/.test(s)
      ? s
      : this.fail(field, `${field} may hold letters, digits and . _ - / only (2-80 characters); got ${shown(raw)}`);
  }

  /**
   * A reference to a market entity by its unified social credit code:
   * trimmed, upper-case, 18 characters of the GB 32100-2015 alphabet. The
   * reference is resolved later; its check character is the registry's business.
   */
  creditCode(
    field: string,
    raw: unknown,
    opts: { required?: boolean } = { required: true },
  ): string | null | undefined {
    const s = this.text(field, raw, { required: opts.required, max: 18 });
    if (!s) return s;
    const code = normaliseCreditCode(s);
    return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)
      ? code
      : this.fail(field, `${field} ${code} is not a unified social credit code`);
  }

  /**
   * A list of at most `max` entries, or empty when absent. A longer list is
   * one error and its entries are not looked at; anything that is not a list
   * is reported and treated as empty.
   */
  list<T>(field: string, raw: unknown, max: number): readonly T[] {
    if (raw === null || raw === undefined) return [];
    if (!Array.isArray(raw)) {
      this.fail(field, `${field} must be a list`);
      return [];
    }
    if (raw.length > max) {
      this.fail(field, `${field} has ${raw.length} entries; at most ${max} are accepted`);
      return [];
    }
    return raw as T[];
  }

  /**
   * A JSON object (`details`) PostgreSQL stores as it is: see jsonProblems
   * (no NUL or lone surrogate, exact numbers, nesting and size within
   * `bounds`). Null when absent.
   */
  jsonObject(
    field: string,
    raw: unknown,
    bounds: JsonBounds = JSON_INPUT_BOUNDS,
  ): Record<string, unknown> | null | undefined {
    if (raw === null || raw === undefined) return null;
    if (typeof raw !== 'object' || Array.isArray(raw)) return this.fail(field, `${field} must be an object`);
    const problems = jsonProblems(raw, field, bounds);
    for (const p of problems) this.fail(p.path, p.message);
    return problems.length ? undefined : (raw as Record<string, unknown>);
  }
}

/**
 * `YYYY-MM-DD`, optionally followed by an ISO-8601 time of day (hours 00-23) and offset, which are checked and dropped.
 */
const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?)?$/i;

/** A raw value for a message: JSON, cut short, so an error never echoes a megabyte back. */
function shown(raw: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(raw) ?? String(raw);
  } catch {
    s = Object.prototype.toString.call(raw);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
