import { withCheckChar } from '../../src/common/credit-code';
import type { Validated } from '../../src/ingest/types';
import { MAX_QUALIFICATIONS, MAX_ROLES, validateMarketEntity } from '../../src/market/market-entity.rules';
import { MAX_SECTIONS, validateProject, type CatalogView } from '../../src/trading/project.rules';
import {
  MAX_CANDIDATES,
  validateAnnouncement,
  validateAward,
  validateBid,
  validateBidOpening,
  validateContract,
  validateEvaluation,
} from '../../src/trading/records.rules';

/*
 * Every text field of every push input, poisoned one at a time: what
 * PostgreSQL refuses (NUL, lone surrogates) and what no reader should be
 * shown (C1 controls, bidi overrides and isolates, noncharacters) is refused
 * per field with BAD_USER_INPUT, never stored.
 */

const CODE = withCheckChar('91420100MA4K12345');
const CATALOG: CatalogView = new Map([
  ['ENG_TRANSPORT', { categoryCode: 'ENGINEERING', retired: false, detailsSchema: null }],
]);

const fieldsOf = <T>(v: Validated<T>) => (v.ok ? [] : v.errors.map((e) => `${e.field} ${e.code}`));

/** Each push input with a good record and the paths of its text fields (list entries included). */
const INPUTS: Record<
  string,
  { validate: (input: Record<string, unknown>) => Validated<unknown>; good: Record<string, unknown>; text: string[] }
> = {
  MarketEntityInput: {
    validate: (i) => validateMarketEntity(i, new Set(), '2026-06-01'),
    good: {
      creditCode: CODE,
      name: '武汉楚天建设工程有限公司',
      roles: ['BIDDER'],
      legalRepresentative: '张伟',
      address: '武汉市江岸区黄鹤路1号',
      qualifications: [{ code: 'Q1', name: '建筑工程施工总承包', level: '一级', issuer: '湖北省住房和城乡建设厅' }],
      externalId: 'WH-1',
    },
    text: [
      'name',
      'legalRepresentative',
      'address',
      'externalId',
      'qualifications.0.code',
      'qualifications.0.name',
      'qualifications.0.level',
      'qualifications.0.issuer',
    ],
  },
  TradingProjectInput: {
    validate: (i) => validateProject(i, CATALOG),
    good: {
      code: 'P-1',
      name: '某道路工程',
      subItemCode: 'ENG_TRANSPORT',
      regionCode: '420102',
      tendererCreditCode: CODE,
      method: 'OPEN_TENDER',
      externalId: 'X-1',
      sections: [{ code: 'P-1-S1', name: '一标段' }],
    },
    text: ['code', 'name', 'externalId', 'sections.0.code', 'sections.0.name'],
  },
  AnnouncementInput: {
    validate: validateAnnouncement,
    good: {
      code: 'GG-1',
      projectCode: 'P-1',
      type: 'TENDER_NOTICE',
      title: '招标公告',
      publishedAt: '2026-09-01T09:00:00+08:00',
      documentHash: 'abc',
      sectionCodes: ['P-1-S1'],
      externalId: 'X',
    },
    text: ['code', 'projectCode', 'title', 'documentHash', 'externalId', 'sectionCodes.0'],
  },
  BidInput: {
    validate: validateBid,
    good: {
      sectionCode: 'P-1-S1',
      bidderCreditCode: CODE,
      submittedAt: '2026-09-20T10:00:00+08:00',
      caCertSerial: 'CA-1',
      deviceFingerprint: 'MAC-1',
      documentHash: 'h',
      bondAccount: '6222',
      externalId: 'X',
    },
    text: [
      'sectionCode',
      'bidderCreditCode',
      'caCertSerial',
      'deviceFingerprint',
      'documentHash',
      'bondAccount',
      'externalId',
    ],
  },
  BidOpeningInput: {
    validate: validateBidOpening,
    good: {
      sectionCode: 'P-1-S1',
      openedAt: '2026-09-25T09:30:00+08:00',
      bidderCount: '3',
      location: '武汉市公共资源交易中心',
      externalId: 'X',
    },
    text: ['sectionCode', 'location', 'externalId'],
  },
  EvaluationInput: {
    validate: validateEvaluation,
    good: {
      sectionCode: 'P-1-S1',
      reportedAt: '2026-09-28T17:00:00+08:00',
      committee: [{ expertCode: 'E-1', name: '李明', role: 'CHAIR', organisation: '武汉大学' }],
      candidates: [{ rank: '1', bidderCreditCode: CODE }],
      externalId: 'X',
    },
    text: [
      'sectionCode',
      'externalId',
      'committee.0.expertCode',
      'committee.0.name',
      'committee.0.organisation',
      'candidates.0.bidderCreditCode',
    ],
  },
  AwardInput: {
    validate: validateAward,
    good: { sectionCode: 'P-1-S1', winnerCreditCode: CODE, amount: '100.00', awardedOn: '2026-10-10', externalId: 'X' },
    text: ['sectionCode', 'winnerCreditCode', 'externalId'],
  },
  ContractInput: {
    validate: validateContract,
    good: { code: 'C-1', sectionCode: 'P-1-S1', amount: '100.00', signedOn: '2026-10-20', externalId: 'X' },
    text: ['code', 'sectionCode', 'externalId'],
  },
};

/** A copy of `record` with `value` at the dotted `path`. */
function poison(record: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(record);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

const POISONS: [string, (s: string) => string][] = [
  ['NUL', (s) => `${s}\u0000`],
  ['a lone surrogate', (s) => `${s}\ud800`],
  ['a C1 control', (s) => `${s}\u0085`],
  ['a bidi override', (s) => `\u202e${s}`],
  ['a bidi isolate', (s) => `${s}\u2066`],
  ['a noncharacter', (s) => `${s}\uffff`],
];

describe.each(Object.entries(INPUTS))('%s', (_type, { validate, good, text }) => {
  it('accepts the good record', () => {
    expect(fieldsOf(validate(good))).toEqual([]);
  });

  it.each(POISONS)('refuses %s in each text field, at that field', (_what, spoil) => {
    for (const path of text) {
      const original = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], good) as string;
      expect([path, fieldsOf(validate(poison(good, path, spoil(original))))]).toEqual([
        path,
        [`${path} BAD_USER_INPUT`],
      ]);
    }
  });
});

describe('times, details and lists of pushed records', () => {
  const project = INPUTS.TradingProjectInput.good;

  it.each([
    ['2026-02-30T10:00:00+08:00'],
    ['2026-03-01T24:00:00+08:00'],
    ['0000-06-01T00:00:00Z'],
    ['2026-03-01T10:00:00+15:00'],
  ])('refuses the impossible time %s in every time field', (raw) => {
    expect(
      fieldsOf(
        validateProject(
          { ...project, publishedAt: raw, bidDeadline: raw, sections: [{ code: 'S1', name: 'a', openingAt: raw }] },
          CATALOG,
        ),
      ).sort(),
    ).toEqual(['bidDeadline BAD_USER_INPUT', 'publishedAt BAD_USER_INPUT', 'sections.0.openingAt BAD_USER_INPUT']);
    expect(fieldsOf(validateBid({ ...INPUTS.BidInput.good, submittedAt: raw }))).toEqual([
      'submittedAt BAD_USER_INPUT',
    ]);
    expect(fieldsOf(validateBidOpening({ ...INPUTS.BidOpeningInput.good, openedAt: raw }))).toEqual([
      'openedAt BAD_USER_INPUT',
    ]);
    expect(fieldsOf(validateAnnouncement({ ...INPUTS.AnnouncementInput.good, publishedAt: raw }))).toEqual([
      'publishedAt BAD_USER_INPUT',
    ]);
    expect(
      fieldsOf(validateEvaluation({ ...INPUTS.EvaluationInput.good, startedAt: raw, reportedAt: raw })).sort(),
    ).toEqual(['reportedAt BAD_USER_INPUT', 'startedAt BAD_USER_INPUT']);
  });

  it('refuses dates PostgreSQL cannot store', () => {
    expect(fieldsOf(validateAward({ ...INPUTS.AwardInput.good, awardedOn: '0000-01-01' }))).toEqual([
      'awardedOn BAD_USER_INPUT',
    ]);
    expect(
      fieldsOf(
        validateContract({ ...INPUTS.ContractInput.good, signedOn: '2026-02-29', periodStart: '0000-02-01' }),
      ).sort(),
    ).toEqual(['periodStart BAD_USER_INPUT', 'signedOn BAD_USER_INPUT']);
  });

  it.each([
    ['NUL in a value', { a: 'x\u0000y' }, 'details.a'],
    ['NUL in a key', { a: { 'k\u0000': 1 } }, 'details.a'],
    ['a lone surrogate', { a: ['\udfff'] }, 'details.a.0'],
    ['an infinite number (1e400 as JSON.parse reads it)', { a: Infinity }, 'details.a'],
    // eslint-disable-next-line no-loss-of-precision -- a number beyond 2^53 is the case
    ['an integer beyond 2^53', { a: 123456789012345678901234567890 }, 'details.a'],
  ])('refuses details holding %s, at its path', (_what, details, path) => {
    expect(fieldsOf(validateProject({ ...project, details }, CATALOG))).toEqual([`${path} BAD_USER_INPUT`]);
  });

  it('bounds details: 32 levels and 64 KB of canonical JSON', () => {
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 1; i < 32; i++) deep = { a: deep };
    expect(fieldsOf(validateProject({ ...project, details: deep }, CATALOG))).toEqual([]);
    expect(fieldsOf(validateProject({ ...project, details: { a: deep } }, CATALOG))).toHaveLength(1);
    let hostile: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) hostile = { a: hostile };
    expect(fieldsOf(validateProject({ ...project, details: hostile }, CATALOG))).toHaveLength(1);
    expect(fieldsOf(validateProject({ ...project, details: { s: 'x'.repeat(5_000_000) } }, CATALOG))).toEqual([
      'details BAD_USER_INPUT',
    ]);
  });

  it('bounds every list of a pushed record with one error, not one per entry', () => {
    const me = INPUTS.MarketEntityInput.good;
    const q = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `Q${i}`, name: '资质' }));
    expect(fieldsOf(validateMarketEntity({ ...me, qualifications: q(50_000) }, new Set(), '2026-06-01'))).toEqual([
      'qualifications BAD_USER_INPUT',
    ]);
    expect(
      fieldsOf(validateMarketEntity({ ...me, qualifications: q(MAX_QUALIFICATIONS) }, new Set(), '2026-06-01')),
    ).toEqual([]);
    expect(
      fieldsOf(validateMarketEntity({ ...me, roles: Array(MAX_ROLES + 1).fill('BIDDER') }, new Set(), '2026-06-01')),
    ).toEqual(['roles BAD_USER_INPUT']);
    const sections = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `S-${i}`, name: '标段' }));
    expect(fieldsOf(validateProject({ ...project, sections: sections(MAX_SECTIONS + 1) }, CATALOG))).toEqual([
      'sections BAD_USER_INPUT',
    ]);
    expect(fieldsOf(validateProject({ ...project, sections: sections(MAX_SECTIONS) }, CATALOG))).toEqual([]);
    const codes = (n: number) => Array.from({ length: n }, (_, i) => `S-${i}`);
    expect(
      fieldsOf(validateAnnouncement({ ...INPUTS.AnnouncementInput.good, sectionCodes: codes(MAX_SECTIONS + 1) })),
    ).toEqual(['sectionCodes BAD_USER_INPUT']);
    const candidates = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ rank: String(i + 1), bidderCreditCode: CODE }));
    expect(
      fieldsOf(validateEvaluation({ ...INPUTS.EvaluationInput.good, candidates: candidates(MAX_CANDIDATES + 1) })),
    ).toEqual(['candidates BAD_USER_INPUT']);
    expect(
      fieldsOf(validateEvaluation({ ...INPUTS.EvaluationInput.good, candidates: candidates(MAX_CANDIDATES) })),
    ).toEqual([]);
  });

  it('refuses whole numbers beyond an int column and decimals beyond numeric(20,2)', () => {
    expect(
      fieldsOf(validateBidOpening({ ...INPUTS.BidOpeningInput.good, bidderCount: '99999999999999999999' })),
    ).toEqual(['bidderCount BAD_USER_INPUT']);
    expect(
      fieldsOf(
        validateEvaluation({
          ...INPUTS.EvaluationInput.good,
          candidates: [{ rank: '2147483648', bidderCreditCode: CODE }],
        }),
      ),
    ).toEqual(['candidates.0.rank BAD_USER_INPUT']);
    expect(fieldsOf(validateAward({ ...INPUTS.AwardInput.good, amount: '1'.repeat(19) }))).toEqual([
      'amount BAD_USER_INPUT',
    ]);
    expect(fieldsOf(validateAward({ ...INPUTS.AwardInput.good, amount: '1'.repeat(18) }))).toEqual([]);
  });

  it('answers a megabyte of text with a short message', () => {
    const v = validateProject({ ...project, name: 'x'.repeat(5_000_000), budget: '9'.repeat(1_000_000) }, CATALOG);
    expect(v.ok ? [] : v.errors.map((e) => e.message.length < 300)).toEqual([true, true]);
  });
});
