import type { FieldError, Validated } from '../../src/ingest/types';
import {
  validateAnnouncement,
  validateAward,
  validateBidOpening,
  validateContract,
} from '../../src/trading/records.rules';

/** The located errors of a validation, as `field code` pairs; [] when it passed. */
function errors<T>(v: Validated<T>): string[] {
  return v.ok ? [] : v.errors.map((e: FieldError) => `${e.field} ${e.code}`);
}

const WINNER = '91420100MA4K12345K';

describe('validating an announcement', () => {
  const good = {
    code: 'GG-1',
    projectCode: 'P-1',
    type: 'CANDIDATE_PUBLICITY',
    title: '中标候选人公示',
    publishedAt: '2026-10-05T09:00:00+08:00',
    periodStart: '2026-10-05',
    periodEnd: '2026-10-09',
    url: 'https://www.hbggzyfwpt.cn/jyxx/001.html',
    sectionCodes: ['P-1-S2', 'P-1-S1', 'P-1-S1'],
  };

  it('normalises a good announcement: type upper-cased, time in UTC, section codes once each and in order', () => {
    expect(validateAnnouncement({ ...good, type: 'candidate_publicity' })).toEqual({
      ok: true,
      value: expect.objectContaining({
        type: 'CANDIDATE_PUBLICITY',
        publishedAt: '2026-10-05T01:00:00.000Z',
        sectionCodes: ['P-1-S1', 'P-1-S2'],
      }),
    });
  });

  it('refuses a type that is not an announcement type', () => {
    const v = validateAnnouncement({ ...good, type: 'PRESS_RELEASE' });
    expect(errors(v)).toEqual(['type BAD_USER_INPUT']);
    expect(v.ok ? '' : v.errors[0].message).toContain('PRESS_RELEASE');
    expect(errors(validateAnnouncement({ ...good, type: undefined }))).toEqual(['type BAD_USER_INPUT']);
  });

  it('refuses a url that is not an http(s) address', () => {
    expect(errors(validateAnnouncement({ ...good, url: 'ftp://www.hbggzyfwpt.cn/001.html' }))).toEqual([
      'url BAD_USER_INPUT',
    ]);
    expect(errors(validateAnnouncement({ ...good, url: 'javascript:alert(1)' }))).toEqual(['url BAD_USER_INPUT']);
    expect(errors(validateAnnouncement({ ...good, url: 'http://www.hbggzyfwpt.cn/001.html' }))).toEqual([]);
  });

  it('refuses a period that ends before it starts, but not a one-day period', () => {
    expect(errors(validateAnnouncement({ ...good, periodStart: '2026-10-09', periodEnd: '2026-10-05' }))).toEqual([
      'periodEnd BAD_USER_INPUT',
    ]);
    expect(errors(validateAnnouncement({ ...good, periodStart: '2026-10-05', periodEnd: '2026-10-05' }))).toEqual([]);
  });

  it('reports every fault at once, each at its own field', () => {
    const v = validateAnnouncement({
      ...good,
      type: 'X',
      url: 'www.example.cn',
      periodStart: '2026-10-09',
      periodEnd: '2026-10-05',
      publishedAt: '2026-10-05 09:00',
      sectionCodes: ['P-1-S1', '!'],
    });
    expect(errors(v).sort()).toEqual([
      'periodEnd BAD_USER_INPUT',
      'publishedAt BAD_USER_INPUT',
      'sectionCodes.1 BAD_USER_INPUT',
      'type BAD_USER_INPUT',
      'url BAD_USER_INPUT',
    ]);
  });
});

describe('validating a bid opening', () => {
  const good = { sectionCode: 'P-1-S1', openedAt: '2026-09-25T09:30:00+08:00', bidderCount: '4' };

  it('takes the bidder count as a whole number, from a string too', () => {
    expect(validateBidOpening(good)).toEqual({
      ok: true,
      value: {
        sectionCode: 'P-1-S1',
        openedAt: '2026-09-25T01:30:00.000Z',
        bidderCount: 4,
        location: null,
        externalId: null,
      },
    });
    expect(validateBidOpening({ ...good, bidderCount: 0 })).toMatchObject({ ok: true, value: { bidderCount: 0 } });
  });

  it.each([
    ['negative', -1],
    ['a fraction', 2.5],
    ['a decimal string', '2.0'],
    ['words', 'four'],
    ['above 100000', 100001],
    ['missing', undefined],
  ])('refuses a bidder count that is %s', (_what, bidderCount) => {
    expect(errors(validateBidOpening({ ...good, bidderCount }))).toEqual(['bidderCount BAD_USER_INPUT']);
  });

  it('refuses a missing opening time and one without an offset', () => {
    expect(errors(validateBidOpening({ ...good, openedAt: undefined }))).toEqual(['openedAt BAD_USER_INPUT']);
    expect(errors(validateBidOpening({ ...good, openedAt: '2026-09-25T09:30:00' }))).toEqual([
      'openedAt BAD_USER_INPUT',
    ]);
  });
});

describe('validating an award', () => {
  const good = {
    sectionCode: 'P-1-S1',
    winnerCreditCode: WINNER.toLowerCase(),
    amount: '580000.5',
    awardedOn: '2026-10-10',
  };

  it('normalises a good award: credit code upper-cased, amount to two decimals', () => {
    expect(validateAward(good)).toEqual({
      ok: true,
      value: {
        sectionCode: 'P-1-S1',
        winnerCreditCode: WINNER,
        amount: '580000.50',
        awardedOn: '2026-10-10',
        externalId: null,
      },
    });
  });

  it('refuses an award without an amount or a date, naming both', () => {
    expect(errors(validateAward({ ...good, amount: undefined, awardedOn: undefined }))).toEqual([
      'amount BAD_USER_INPUT',
      'awardedOn BAD_USER_INPUT',
    ]);
    expect(errors(validateAward({ ...good, amount: '', awardedOn: null }))).toEqual([
      'amount BAD_USER_INPUT',
      'awardedOn BAD_USER_INPUT',
    ]);
  });

  it.each([
    ['a float', 580000.5],
    ['three decimals', '580000.505'],
    ['a negative amount', '-1.00'],
    ['thousands separators', '580,000.00'],
    ['an exponent', '5.8e5'],
  ])('refuses an amount that is %s', (_what, amount) => {
    expect(errors(validateAward({ ...good, amount }))).toEqual(['amount BAD_USER_INPUT']);
  });

  it('refuses an impossible date and a malformed credit code', () => {
    expect(errors(validateAward({ ...good, awardedOn: '2026-02-30' }))).toEqual(['awardedOn BAD_USER_INPUT']);
    expect(errors(validateAward({ ...good, winnerCreditCode: '91420100MA4K1234' }))).toEqual([
      'winnerCreditCode BAD_USER_INPUT',
    ]);
  });
});

describe('validating a contract', () => {
  const good = {
    code: 'HT-1',
    sectionCode: 'P-1-S1',
    amount: '580000.00',
    signedOn: '2026-10-20',
    periodStart: '2026-11-01',
    periodEnd: '2027-10-31',
  };

  it('accepts a good contract, and one without a period', () => {
    expect(validateContract(good)).toEqual({ ok: true, value: { ...good, externalId: null } });
    expect(validateContract({ ...good, periodStart: undefined, periodEnd: undefined })).toMatchObject({
      ok: true,
      value: { periodStart: null, periodEnd: null },
    });
  });

  it('refuses a contract without its signing date', () => {
    expect(errors(validateContract({ ...good, signedOn: undefined }))).toEqual(['signedOn BAD_USER_INPUT']);
    expect(errors(validateContract({ ...good, signedOn: '20 October 2026' }))).toEqual(['signedOn BAD_USER_INPUT']);
  });

  it('refuses a period that ends before it starts', () => {
    const v = validateContract({ ...good, periodStart: '2027-10-31', periodEnd: '2026-11-01' });
    expect(errors(v)).toEqual(['periodEnd BAD_USER_INPUT']);
    expect(v.ok ? '' : v.errors[0].message).toBe('periodEnd is before periodStart');
  });

  it('reports a missing code, amount and signing date together', () => {
    expect(errors(validateContract({ sectionCode: 'P-1-S1' })).sort()).toEqual([
      'amount BAD_USER_INPUT',
      'code BAD_USER_INPUT',
      'signedOn BAD_USER_INPUT',
    ]);
  });
});
