import { parseDateTime } from './datetime';
import { canonicalDecimal } from './decimal';
import { ErrorCode } from './errors';
import type { FieldError } from '../ingest/types';

/**
 * A small collector for pure validation: each check records a located
 * BAD_USER_INPUT error and returns the normalised value (or undefined), so a
 * rule can run every check and report all faults at once.
 */
export class Checker {
  readonly errors: FieldError[] = [];

  fail(field: string, message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT): undefined {
    this.errors.push({ field, code, message });
    return undefined;
  }

  /** A trimmed, whitespace-collapsed string; `required` makes absence an error. */
  text(field: string, raw: unknown, opts: { required?: boolean; max?: number } = {}): string | null | undefined {
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      return opts.required ? this.fail(field, `${field} is required`) : null;
    }
    if (typeof raw !== 'string') return this.fail(field, `${field} must be a string`);
    const s = raw.trim().replace(/\s+/g, ' ');
    // PostgreSQL cannot store NUL or a lone UTF-16 surrogate; left in, one record would fail its whole batch.
    if (CONTROL.test(s)) return this.fail(field, `${field} must not contain control characters`);
    if (LONE_SURROGATE.test(s)) return this.fail(field, `${field} is not well-formed Unicode (a lone surrogate)`);
    const max = opts.max ?? 500;
    if (s.length > max) return this.fail(field, `${field} must be at most ${max} characters`);
    return s;
  }

  /** One of an enum's values, case-insensitive; `fallback` when absent. */
  oneOf<E extends string>(field: string, raw: unknown, values: readonly E[], fallback?: E): E | undefined {
    if (raw === null || raw === undefined || raw === '') {
      return fallback ?? this.fail(field, `${field} is required; one of ${values.join(', ')}`);
    }
    const v = String(raw).trim().toUpperCase() as E;
    return values.includes(v) ? v : this.fail(field, `${field} must be one of ${values.join(', ')}; got ${JSON.stringify(raw)}`);
  }

  /**
   * A calendar date `YYYY-MM-DD`. An ISO-8601 timestamp is cut to the date it
   * was written with; anything else after the date is an error, not ignored.
   */
  date(field: string, raw: unknown, opts: { notAfter?: string } = {}): string | null | undefined {
    if (raw === null || raw === undefined || raw === '') return null;
    const bad = () => this.fail(field, `${field} must be a date YYYY-MM-DD; got ${JSON.stringify(raw)}`);
    if (typeof raw !== 'string') return bad();
    const m = ISO_DATE.exec(raw.trim());
    if (!m) return bad();
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return bad();
    const s = `${m[1]}-${m[2]}-${m[3]}`;
    if (opts.notAfter && s > opts.notAfter) return this.fail(field, `${field} ${s} is in the future`);
    return s;
  }

  /** An instant in ISO 8601 with an explicit offset; null when absent (or an error when `required`). */
  dateTime(field: string, raw: unknown, opts: { required?: boolean } = {}): Date | null | undefined {
    if (raw === null || raw === undefined || raw === '') return opts.required ? this.fail(field, `${field} is required`) : null;
    const d = typeof raw === 'string' ? parseDateTime(raw) : undefined;
    return d ?? this.fail(field, `${field} must be an ISO 8601 time with offset, e.g. 2026-11-23T10:00:00+08:00; got ${JSON.stringify(raw)}`);
  }

  /**
   * An exact decimal (money: yuan, 2 fraction digits by default) as a string,
   * canonicalised; never a JSON number. Negative values only when `signed`.
   */
  decimal(field: string, raw: unknown, opts: { required?: boolean; scale?: number; signed?: boolean } = {}): string | null | undefined {
    if (raw === null || raw === undefined || raw === '') return opts.required ? this.fail(field, `${field} is required`) : null;
    const scale = opts.scale ?? 2;
    const v = typeof raw === 'string' ? canonicalDecimal(raw, scale) : undefined;
    if (v === undefined || (!opts.signed && v.startsWith('-'))) {
      return this.fail(field, `${field} must be a ${opts.signed ? '' : 'non-negative '}decimal string with at most ${scale} fraction digits, e.g. "1234.50"; got ${JSON.stringify(raw)}`);
    }
    return v;
  }

  /** A whole number within bounds. */
  integer(field: string, raw: unknown, opts: { required?: boolean; min?: number; max?: number } = {}): number | null | undefined {
    if (raw === null || raw === undefined || raw === '') return opts.required ? this.fail(field, `${field} is required`) : null;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
    const min = opts.min ?? 0;
    const max = opts.max ?? 2 ** 31 - 1;
    if (!Number.isInteger(n) || n < min || n > max) return this.fail(field, `${field} must be a whole number from ${min} to ${max}; got ${JSON.stringify(raw)}`);
    return n;
  }

  /** A code: letters, digits and . _ - / (2-80 characters). */
  code(field: string, raw: unknown, opts: { required?: boolean; max?: number } = { required: true }): string | null | undefined {
    const s = this.text(field, raw, { required: opts.required, max: opts.max ?? 80 });
    if (!s) return s;
    return /^[A-Za-z0-9][A-Za-z0-9._\-/]{1,79}$/.test(s) ? s : this.fail(field, `${field} may hold letters, digits and . _ - / only (2-80 characters); got ${JSON.stringify(raw)}`);
  }

  /** A list, or null when absent; anything else is reported and treated as empty. */
  list<T>(field: string, raw: unknown): readonly T[] {
    if (raw === null || raw === undefined) return [];
    if (!Array.isArray(raw)) {
      this.fail(field, `${field} must be a list`);
      return [];
    }
    return raw as T[];
  }
}

/** C0 control characters and DEL that white-space collapsing leaves behind (tab, newline and the like are spaces by then). */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `YYYY-MM-DD`, optionally followed by an ISO-8601 time of day and offset. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/i;

/** Today's date in China (UTC+8), `YYYY-MM-DD`: the business calendar of the hub. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
