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

  /** A calendar date `YYYY-MM-DD` (an ISO timestamp is cut to its date). */
  date(field: string, raw: unknown, opts: { notAfter?: string } = {}): string | null | undefined {
    if (raw === null || raw === undefined || raw === '') return null;
    const s = String(raw).trim().slice(0, 10);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
    if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3] || +m[1] < 1800) {
      return this.fail(field, `${field} must be a date YYYY-MM-DD; got ${JSON.stringify(raw)}`);
    }
    if (opts.notAfter && s > opts.notAfter) return this.fail(field, `${field} ${s} is in the future`);
    return s;
  }
}

/** Today's date in China (UTC+8), `YYYY-MM-DD`: the business calendar of the hub. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
