/*
 * Dates and times at the edge. A string becomes a Date only here, checked
 * field by field: `new Date('2026-02-30T10:00:00+08:00')` rolls over to
 * 2 March, and `T24:00` to the next day, so neither is ever trusted to parse.
 */

/** The result of reading untrusted text: the value, or a sentence saying what is wrong with it. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A range of years (inclusive) a date or an instant must fall in. */
export interface YearRange {
  min: number;
  max: number;
}

/** What PostgreSQL stores and four-digit ISO 8601 years write: no year 0 (PostgreSQL has none), nothing after 9999. */
export const STORABLE_YEARS: YearRange = { min: 1, max: 9999 };

/** Business dates and times of pushed records: the catalog of the hub has nothing before 1800. */
export const RECORD_YEARS: YearRange = { min: 1800, max: 9999 };

/** Largest offset from UTC in use anywhere (Line Islands, +14:00); ±14:00 is the bound. */
const MAX_OFFSET_MINUTES = 14 * 60;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1-12) of a year of the proleptic Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Checks year, month and day; undefined when they name a real day in `years`. */
function dayProblem(y: number, mo: number, d: number, years: YearRange): string | undefined {
  if (y < years.min || y > years.max)
    return `year ${String(y).padStart(4, '0')} is outside ${String(years.min).padStart(4, '0')}-${years.max}`;
  if (mo < 1 || mo > 12) return `month ${String(mo).padStart(2, '0')} does not exist`;
  const days = daysInMonth(y, mo);
  if (d < 1 || d > days) return `${MONTHS[mo - 1]} ${y} has ${days} days`;
  return undefined;
}

/** Milliseconds since the epoch of a UTC date and time, for any year (Date.UTC maps years 0-99 to 1900-1999). */
function utcMillis(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

/**
 * `YYYY-MM-DDThh:mm[:ss[.fraction]]` and an offset (`Z` or `±hh:mm`). The
 * fraction is kept to the millisecond, as timestamps are stored.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** The shape every instant is written in, for messages. */
export const DATE_TIME_SHAPE = 'an ISO 8601 time with an offset, e.g. 2026-11-23T10:00:00+08:00';

/**
 * Reads an instant written in ISO 8601 with an explicit offset, checking each
 * field: a real day of its month (leap years included), hours 00-23, minutes
 * and seconds 00-59 (no leap second), an offset within ±14:00, and the year
 * (as written and in UTC) within `years`. Never rolls a field over.
 */
export function readDateTime(raw: string, years: YearRange = STORABLE_YEARS): Read<Date> {
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return { ok: false, problem: `must be ${DATE_TIME_SHAPE}` };
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const day = dayProblem(y, mo, d, years);
  if (day) return { ok: false, problem: day };
  if (h > 23)
    return {
      ok: false,
      problem: `hour ${m[4]} does not exist (00-23; midnight at the end of a day is 00:00 of the next)`,
    };
  if (mi > 59) return { ok: false, problem: `minute ${m[5]} does not exist (00-59)` };
  if (s > 59) return { ok: false, problem: `second ${m[6]} does not exist (00-59; leap seconds are not accepted)` };
  let offset = 0;
  if (!m[8]) {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (om > 59) return { ok: false, problem: `offset ${m[9]}${m[10]}:${m[11]} has minute ${m[11]} (00-59)` };
    offset = (oh * 60 + om) * (m[9] === '-' ? -1 : 1);
    if (Math.abs(offset) > MAX_OFFSET_MINUTES)
      return { ok: false, problem: `offset ${m[9]}${m[10]}:${m[11]} is beyond ±14:00` };
  }
  const value = new Date(utcMillis(y, mo, d, h, mi, s, ms) - offset * 60_000);
  const utcYear = value.getUTCFullYear();
  if (utcYear < years.min || utcYear > years.max)
    return { ok: false, problem: `is outside the years ${String(years.min).padStart(4, '0')}-${years.max} in UTC` };
  return { ok: true, value };
}

/** `YYYY-MM-DD`. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a calendar date `YYYY-MM-DD`, checking that the day exists and the year is within `years`. */
export function readDate(raw: string, years: YearRange = STORABLE_YEARS): Read<string> {
  const s = raw.trim();
  const m = DATE.exec(s);
  if (!m) return { ok: false, problem: 'must be a date YYYY-MM-DD' };
  const problem = dayProblem(Number(m[1]), Number(m[2]), Number(m[3]), years);
  return problem ? { ok: false, problem } : { ok: true, value: s };
}

/** The instant, or undefined when the text is not a real ISO 8601 time with an offset (see {@link readDateTime}). */
export function parseDateTime(raw: string, years: YearRange = STORABLE_YEARS): Date | undefined {
  const r = readDateTime(raw, years);
  return r.ok ? r.value : undefined;
}

/**
 * True for a time exactly as `Date#toISOString` writes it (as cursors carry
 * it), in a year PostgreSQL stores.
 */
export function isIsoInstant(at: unknown): at is string {
  if (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at)) return false;
  const r = readDateTime(at);
  return r.ok && r.value.toISOString() === at;
}

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * China Standard Time: UTC+8 all year, no daylight saving since 1991. The
 * business calendar of the hub (dates of records, months of statistics) is
 * China's; every conversion goes through this one offset.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** {@link CHINA_OFFSET_MS} as ISO 8601 writes it after a time. */
export const CHINA_OFFSET = '+08:00';

/** The calendar date (`YYYY-MM-DD`) of an instant in China, by default of now: the hub's "today". */
export function chinaDate(d: Date = new Date()): string {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month (`YYYY-MM`) of an instant in China time. */
export function chinaMonth(d: Date): string {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** An instant written in China time with its offset, to the second: `2026-09-25T09:30:00+08:00`. */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19) + CHINA_OFFSET;
}

/**
 * A calendar date in China (`YYYY-MM-DD`) as an instant with its offset: the
 * first second of that day, or its last with `endOfDay` (for the end of a
 * period whose time is unknown): `2026-09-25T00:00:00+08:00`.
 */
export function chinaDayBoundary(date: string, endOfDay = false): string {
  return `${date}T${endOfDay ? '23:59:59' : '00:00:00'}${CHINA_OFFSET}`;
}
