import { ANONYMOUS, Role, type Principal } from '../../src/auth/principal';
import { ChangeTopic } from '../../resolvers/families';
import { authoriseWrite } from '../../src/ingest/authorise';
import { projectFindings, validateProject, type CatalogView, type ProjectData } from '../../src/trading/project.rules';
import {
  announcementFindings,
  bidFindings,
  contractFindings,
  openingTime,
  validateBid,
  validateEvaluation,
  type AnnouncementData,
  type BidData,
} from '../../src/trading/records.rules';
import { validateDetails } from '../../src/trading/catalog.rules';
import { AnnouncementType, TradingMethod } from '../../src/trading/trading.model';

const CATALOG: CatalogView = new Map([
  ['ENG_TRANSPORT', { categoryCode: 'ENGINEERING', retired: false, detailsSchema: null }],
  ['OLD_ITEM', { categoryCode: 'ENGINEERING', retired: true, detailsSchema: null }],
  [
    'LAND_USE_RIGHT',
    {
      categoryCode: 'LAND_MINING',
      retired: false,
      detailsSchema: {
        type: 'object',
        properties: { area: { type: 'string' }, landUse: { type: 'string' } },
        required: ['area', 'landUse'],
      },
    },
  ],
]);

const TENDERER = '91420100MA4K12345K';
const base = {
  code: 'P-1',
  name: '某工程',
  subItemCode: 'ENG_TRANSPORT',
  regionCode: '420102',
  tendererCreditCode: TENDERER,
  method: 'OPEN_TENDER',
};

function ok(input: Record<string, unknown>): ProjectData {
  const v = validateProject(input, CATALOG);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

function fields(input: Record<string, unknown>): string[] {
  const v = validateProject(input, CATALOG);
  return v.ok ? [] : v.errors.map((e) => e.field).sort();
}

describe('trading project rules', () => {
  it('normalises a project: its category from the catalog, times in UTC, sections in code order', () => {
    const p = ok({
      ...base,
      subItemCode: 'eng_transport',
      publishedAt: '2026-09-01T09:00:00+08:00',
      sections: [
        { code: 'S2', name: '二标段', budget: '5' },
        { code: 'S1', name: '一标段', openingAt: '2026-09-25T09:30:00+08:00' },
      ],
    });
    expect(p).toMatchObject({
      subItemCode: 'ENG_TRANSPORT',
      categoryCode: 'ENGINEERING',
      publishedAt: '2026-09-01T01:00:00.000Z',
      currency: 'CNY',
      status: 'TENDERING',
    });
    expect(p.sections.map((s) => [s.code, s.budget, s.openingAt])).toEqual([
      ['S1', null, '2026-09-25T01:30:00.000Z'],
      ['S2', '5.00', null],
    ]);
  });

  it('lets a project stored under a retired sub-item carry on there, and nothing else into it', () => {
    const under = { ...base, subItemCode: 'old_item' };
    expect(validateProject(under, CATALOG, new Map([['P-1', 'OLD_ITEM']])).ok).toBe(true);
    for (const stored of [
      new Map<string, string>(),
      new Map([['P-1', 'ENG_TRANSPORT']]),
      new Map([['P-2', 'OLD_ITEM']]),
    ]) {
      const v = validateProject(under, CATALOG, stored);
      expect(v.ok ? [] : v.errors.map((e) => [e.field, e.code])).toEqual([['subItemCode', 'NOT_FOUND']]);
    }
  });

  it('refuses retired or unknown sub-items, times without an offset and duplicate section codes, all at once', () => {
    expect(
      fields({
        ...base,
        subItemCode: 'OLD_ITEM',
        publishedAt: '2026-09-01 09:00',
        sections: [
          { code: 'S1', name: 'a' },
          { code: 'S1', name: 'b' },
        ],
      }),
    ).toEqual(['publishedAt', 'sections.1.code', 'subItemCode']);
  });

  it('refuses a deadline before the publication and money as a float or with too many decimals', () => {
    expect(
      fields({ ...base, publishedAt: '2026-09-02T00:00:00Z', bidDeadline: '2026-09-01T00:00:00Z', budget: '1.005' }),
    ).toEqual(['bidDeadline', 'budget']);
  });

  it('checks details against the sub-item schema with paths inside details', () => {
    expect(fields({ ...base, subItemCode: 'LAND_USE_RIGHT', details: { area: 5 } })).toEqual([
      'details.area',
      'details.landUse',
    ]);
    expect(validateDetails([1], null)).toEqual([expect.objectContaining({ field: 'details' })]);
  });

  it('finds a bid period of 19 days too short for an open tender, and 20 days enough (招标投标法 第二十四条)', () => {
    const at = (deadline: string) =>
      projectFindings(ok({ ...base, publishedAt: '2026-09-01T09:00:00+08:00', bidDeadline: deadline })).map(
        (f) => f.rule,
      );
    expect(at('2026-09-20T09:00:00+08:00')).toEqual(['BID_PERIOD_SHORT']);
    expect(at('2026-09-21T09:00:00+08:00')).toEqual([]);
    expect(
      projectFindings(
        ok({
          ...base,
          method: 'AUCTION',
          publishedAt: '2026-09-01T09:00:00+08:00',
          bidDeadline: '2026-09-02T09:00:00+08:00',
        }),
      ),
    ).toEqual([]);
  });

  it('finds a section that opens before the bid deadline', () => {
    const p = ok({
      ...base,
      bidDeadline: '2026-09-25T09:30:00+08:00',
      sections: [{ code: 'S1', name: 'a', openingAt: '2026-09-25T09:00:00+08:00' }],
    });
    expect(projectFindings({ ...p, method: TradingMethod.AUCTION }).map((f) => f.rule)).toEqual([
      'OPENING_BEFORE_DEADLINE',
    ]);
  });
});

describe('record rules', () => {
  const bid = (over: Record<string, unknown> = {}) =>
    validateBid({ sectionCode: 'S1', bidderCreditCode: TENDERER, submittedAt: '2026-09-24T10:00:00+08:00', ...over });

  it('keeps bid evidence, upper-cases the manager ID and refuses bad addresses and IDs', () => {
    const v = bid({ ipAddress: '2001:db8::1', projectManagerId: '11010519491231002x' });
    expect(v).toMatchObject({
      ok: true,
      value: { ipAddress: '2001:db8::1', projectManagerId: '11010519491231002X', status: 'VALID' },
    });
    const bad = bid({ ipAddress: '10.1.2', projectManagerId: '110105194912310021' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['ipAddress', 'projectManagerId']);
  });

  it('finds a bid submitted after the opening, not one submitted at it', () => {
    const b = (bid() as { value: BidData }).value;
    expect(bidFindings(b, new Date('2026-09-24T01:59:59Z'))).toEqual([
      expect.objectContaining({ rule: 'BID_AFTER_OPENING' }),
    ]);
    expect(bidFindings(b, new Date('2026-09-24T02:00:00Z'))).toEqual([]);
    expect(bidFindings(b, null)).toEqual([]);
  });

  it("measures bids against the bid opening's openedAt once it is known, else the section's planned opening", () => {
    const planned = new Date('2026-09-25T01:30:00Z');
    const opened = new Date('2026-09-24T01:00:00Z');
    expect(openingTime(opened, planned)).toBe(opened);
    expect(openingTime(opened, null)).toBe(opened);
    expect(openingTime(null, planned)).toBe(planned);
    expect(openingTime(null, null)).toBeNull();
    // Submitted at 2026-09-24T02:00:00Z: in time for the planned opening, late for the actual one.
    const b = { submittedAt: '2026-09-24T02:00:00.000Z' };
    expect(bidFindings(b, openingTime(null, planned))).toEqual([]);
    expect(bidFindings(b, openingTime(opened, planned))).toEqual([
      {
        rule: 'BID_AFTER_OPENING',
        message: 'submitted at 2026-09-24T02:00:00.000Z, after the bid opening at 2026-09-24T01:00:00.000Z',
      },
    ]);
  });

  it('refuses an evaluation with a rank given twice', () => {
    const v = validateEvaluation({
      sectionCode: 'S1',
      reportedAt: '2026-09-28T17:00:00+08:00',
      candidates: [
        { rank: 1, bidderCreditCode: TENDERER },
        { rank: '1', bidderCreditCode: TENDERER },
      ],
    });
    expect(v.ok ? [] : v.errors.map((e) => e.field)).toEqual(['candidates.1.rank']);
  });

  const publicity = (over: Partial<AnnouncementData>): AnnouncementData => ({
    code: 'A',
    projectCode: 'P',
    type: AnnouncementType.CANDIDATE_PUBLICITY,
    title: 't',
    publishedAt: '2026-10-01T01:00:00.000Z',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-03',
    documentHash: null,
    url: null,
    sectionCodes: [],
    externalId: null,
    ...over,
  });

  it('accepts a 3-day candidate publicity within 3 days of the report, and finds shorter or later ones (实施条例 第五十四条)', () => {
    expect(announcementFindings(publicity({}), new Date('2026-09-28T09:00:00Z'))).toEqual([]);
    expect(announcementFindings(publicity({ periodEnd: '2026-10-02' }), null).map((f) => f.rule)).toEqual([
      'PUBLICITY_TOO_SHORT',
    ]);
    expect(announcementFindings(publicity({}), new Date('2026-09-27T09:00:00Z')).map((f) => f.rule)).toEqual([
      'PUBLICITY_LATE',
    ]);
    expect(announcementFindings(publicity({ periodEnd: null }), null).map((f) => f.rule)).toEqual([
      'PUBLICITY_PERIOD_MISSING',
    ]);
    expect(announcementFindings(publicity({ type: AnnouncementType.TENDER_NOTICE, periodEnd: null }), null)).toEqual(
      [],
    );
  });

  it('finds a contract signed before its award', () => {
    const k = {
      code: 'C',
      sectionCode: 'S',
      amount: '1.00',
      signedOn: '2026-10-01',
      periodStart: null,
      periodEnd: null,
      externalId: null,
    };
    expect(contractFindings(k, '2026-10-02').map((f) => f.rule)).toEqual(['CONTRACT_BEFORE_AWARD']);
    expect(contractFindings(k, '2026-10-01')).toEqual([]);
    // Only the dates decide: the rule reads the stored signedOn and the award's date, whichever arrived first.
    expect(contractFindings({ signedOn: '2026-10-20' }, '2026-10-25')).toEqual([
      { rule: 'CONTRACT_BEFORE_AWARD', message: 'signed on 2026-10-20, before the award on 2026-10-25' },
    ]);
    expect(contractFindings({ signedOn: '2026-10-20' }, null)).toEqual([]);
  });

  it('derives publicity findings from the stored fields of an announcement alone', () => {
    const stored = {
      type: AnnouncementType.CANDIDATE_PUBLICITY,
      publishedAt: '2026-10-05T01:00:00.000Z',
      periodStart: '2026-10-05',
      periodEnd: '2026-10-09',
    };
    expect(announcementFindings(stored, null)).toEqual([]);
    // Reported on 28 September (China time), published on 5 October: 7 days later.
    expect(announcementFindings(stored, new Date('2026-09-28T09:00:00Z'))).toEqual([
      expect.objectContaining({ rule: 'PUBLICITY_LATE', message: expect.stringContaining('7 days') }),
    ]);
    expect(announcementFindings(stored, new Date('2026-10-03T09:00:00Z'))).toEqual([]);
  });
});

describe('write authorisation', () => {
  const system = (grants: Partial<Principal['grants']>): Principal => ({
    ...ANONYMOUS,
    id: 'S/key:1',
    name: 'S',
    roles: new Set([Role.SOURCE_SYSTEM]),
    sourceSystem: { id: 1, code: 'S', regionCode: '420100' },
    grants: {
      ...ANONYMOUS.grants,
      writeTopics: new Set([ChangeTopic.TRADING_PROJECT]),
      regions: ['420100'],
      categories: ['*'],
      ...grants,
    },
  });
  const record = (ownerSystemId?: number) => ({
    index: 0,
    key: 'P-1',
    value: {},
    contentHash: 'h',
    refs: {},
    current: ownerSystemId ? { version: 1, contentHash: 'x', ownerSystemId, ownerCode: 'OWNER' } : undefined,
  });

  it('allows a granted topic, region and category', () => {
    expect(
      authoriseWrite(
        system({}),
        ChangeTopic.TRADING_PROJECT,
        record(),
        { regionCode: '420106', field: 'regionCode' },
        'ENGINEERING',
      ),
    ).toBeUndefined();
  });

  it('refuses a topic, a region or a category outside the grants', () => {
    expect(authoriseWrite(system({}), ChangeTopic.BID, record(), undefined)?.code).toBe('FORBIDDEN');
    expect(
      authoriseWrite(system({}), ChangeTopic.TRADING_PROJECT, record(), { regionCode: '420500', field: 'regionCode' }),
    ).toMatchObject({ code: 'FORBIDDEN', field: 'regionCode' });
    expect(
      authoriseWrite(
        system({ categories: ['GOV_PROCUREMENT'] }),
        ChangeTopic.TRADING_PROJECT,
        record(),
        undefined,
        'ENGINEERING',
      )?.code,
    ).toBe('FORBIDDEN');
  });

  it("refuses another system's record unless authoritative for the topic, naming the owner", () => {
    expect(authoriseWrite(system({}), ChangeTopic.TRADING_PROJECT, record(2), undefined)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('OWNER'),
    });
    expect(
      authoriseWrite(
        system({ authoritativeTopics: new Set([ChangeTopic.TRADING_PROJECT]) }),
        ChangeTopic.TRADING_PROJECT,
        record(2),
        undefined,
      ),
    ).toBeUndefined();
    expect(authoriseWrite(system({}), ChangeTopic.TRADING_PROJECT, record(1), undefined)).toBeUndefined();
  });

  it('refuses principals that are not connected systems', () => {
    expect(
      authoriseWrite({ ...system({}), sourceSystem: undefined }, ChangeTopic.TRADING_PROJECT, record(), undefined)
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
