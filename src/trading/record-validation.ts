import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';

/* What the validation of every trading record kind shares. */

export type Loose<T> = { [K in keyof T]?: unknown };

export function creditCode(c: Checker, field: string, raw: unknown): string | undefined {
  return c.creditCode(field, raw) ?? undefined;
}

export function done<T>(c: Checker, value: () => T): Validated<T> {
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: value() };
}
