/**
 * Timestamps travel as ISO 8601 with an explicit offset (`2026-11-23T10:00:00+08:00`
 * or `...Z`): a time without a zone is ambiguous between systems and is refused.
 */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant, or undefined when the text is not ISO 8601 with an offset. */
export function parseDateTime(raw: string): Date | undefined {
  const s = raw.trim();
  if (!ISO_WITH_OFFSET.test(s)) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date of an instant in China (UTC+8). */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
