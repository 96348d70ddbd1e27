import { isIsoInstant, readDate, readDateTime, RECORD_YEARS } from '../../src/common/datetime';
import { Checker } from '../../src/common/validate';

const problem = (raw: string) => {
  const r = readDateTime(raw);
  return r.ok ? undefined : r.problem;
};

describe('reading a time field by field', () => {
  it.each([
    ['2026-09-01T09:00:00+08:00', '2026-09-01T01:00:00.000Z'],
    ['2026-09-01T09:00+08:00', '2026-09-01T01:00:00.000Z'],
    ['2026-09-01t01:00:00.5z', '2026-09-01T01:00:00.500Z'],
    ['2026-09-01T01:00:00.123456789Z', '2026-09-01T01:00:00.123Z'],
    ['2024-02-29T23:59:59-14:00', '2024-03-01T13:59:59.000Z'],
    ['2026-12-31T23:00:00+14:00', '2026-12-31T09:00:00.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('reads %s as %s', (raw, iso) => {
    const r = readDateTime(raw);
    expect(r.ok && r.value.toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T10:00:00+08:00', 'February 2026 has 28 days'],
    ['2026-02-29T10:00:00+08:00', 'February 2026 has 28 days'],
    ['2100-02-29T10:00:00Z', 'February 2100 has 28 days'],
    ['2026-04-31T10:00:00Z', 'April 2026 has 30 days'],
    ['2026-13-01T10:00:00Z', 'month 13 does not exist'],
    ['2026-00-01T10:00:00Z', 'month 00 does not exist'],
    ['2026-01-00T10:00:00Z', 'January 2026 has 31 days'],
    ['2026-02-03T24:00:00+08:00', 'hour 24 does not exist'],
    ['2026-02-03T24:00+08:00', 'hour 24 does not exist'],
    ['2026-02-03T10:60:00Z', 'minute 60 does not exist'],
    ['2026-02-03T10:00:60Z', 'second 60 does not exist'],
    ['2026-02-03T10:00:00+14:01', 'beyond ±14:00'],
    ['2026-02-03T10:00:00-15:00', 'beyond ±14:00'],
    ['2026-02-03T10:00:00+08:60', 'has minute 60'],
    ['0000-06-01T00:00:00Z', 'year 0000 is outside 0001-9999'],
    ['0001-01-01T00:00:00+08:00', 'outside the years 0001-9999 in UTC'],
    ['9999-12-31T23:00:00-10:00', 'outside the years 0001-9999 in UTC'],
    ['2026-02-03T10:00:00', 'must be an ISO 8601 time with an offset'],
    ['2026-02-03 10:00:00Z', 'must be an ISO 8601 time with an offset'],
    ['+012026-02-03T10:00:00Z', 'must be an ISO 8601 time with an offset'],
    ['2026-02-03T10:00:00+0800', 'must be an ISO 8601 time with an offset'],
  ])('refuses %s: %s', (raw, why) => {
    expect(problem(raw)).toContain(why);
  });

  it('keeps the leap day of leap years, including 2000', () => {
    expect(problem('2024-02-29T00:00:00Z')).toBeUndefined();
    expect(problem('2000-02-29T00:00:00Z')).toBeUndefined();
  });

  it('reads dates the same way', () => {
    expect(readDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readDate('2026-02-29')).toEqual({ ok: false, problem: 'February 2026 has 28 days' });
    expect(readDate('0000-01-01')).toEqual({ ok: false, problem: 'year 0000 is outside 0001-9999' });
    expect(readDate('1799-12-31', RECORD_YEARS)).toEqual({ ok: false, problem: 'year 1799 is outside 1800-9999' });
  });

  it('takes a cursor time only as toISOString writes it', () => {
    expect(isIsoInstant('2026-01-01T00:00:00.000Z')).toBe(true);
    for (const bad of [
      '2026-02-30T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00Z',
      '2026-01-01T24:00:00.000Z',
      5,
    ])
      expect(isIsoInstant(bad)).toBe(false);
  });
});

describe('the checker of pushed times', () => {
  const check = (raw: unknown) => {
    const c = new Checker();
    const v = c.dateTime('publishedAt', raw);
    return { v, errors: c.errors };
  };

  it('refuses an impossible time with a clear message instead of rolling it over', () => {
    expect(check('2026-02-30T10:00:00+08:00')).toEqual({
      v: undefined,
      errors: [
        {
          field: 'publishedAt',
          code: 'BAD_USER_INPUT',
          message: 'publishedAt is not a real time: February 2026 has 28 days; got "2026-02-30T10:00:00+08:00"',
        },
      ],
    });
    expect(check('2026-03-01T24:00:00+08:00').errors[0].message).toContain('hour 24 does not exist');
  });

  it('refuses the years PostgreSQL cannot store and those before 1800', () => {
    for (const raw of ['0000-06-01T00:00:00Z', '1799-12-31T23:59:59Z'])
      expect(check(raw).errors).toEqual([expect.objectContaining({ field: 'publishedAt', code: 'BAD_USER_INPUT' })]);
  });

  it('refuses a date that does not exist, naming why', () => {
    const c = new Checker();
    expect(c.date('validUntil', '2027-02-30')).toBeUndefined();
    expect(c.errors[0].message).toBe(
      'validUntil must be a real date YYYY-MM-DD (February 2027 has 28 days); got "2027-02-30"',
    );
  });
});
