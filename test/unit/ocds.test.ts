import { chinaDayBoundary } from '../../src/common/datetime';
import { withCheckChar } from '../../src/common/credit-code';
import {
  OCDS_EXTENSIONS,
  OCDS_PUBLISHER,
  bidStatus,
  mainProcurementCategory,
  ocdsAmount,
  packageUri,
  procurementMethod,
  regionAddress,
  tenderStatus,
  toOcdsRelease,
  toOcdsReleasePackage,
} from '../../src/trading/ocds';
import type { OcdsBidInput, OcdsProjectInput, OcdsRelease } from '../../src/trading/ocds.types';
import { AnnouncementType, TradingMethod, TradingStatus } from '../../src/trading/trading.model';
import { codelist, describeErrors, mergePatch, ocdsValidator } from '../fixtures/ocds/ocds-validator';

const PREFIX = 'ocds-hubei00';
const cc = (org: string, region = '420100') => withCheckChar(`91${region}${org}`);

const TENDERER = {
  creditCode: withCheckChar('11420100MB0000001'),
  name: '武汉市某某局',
  regionCode: '420100',
  address: '武汉市江岸区沿江大道1号',
};
const AGENCY = {
  creditCode: cc('AGC000001', '420102'),
  name: '湖北某某招标代理有限公司',
  regionCode: '420102',
  address: null,
};
const BIDDERS = [
  { creditCode: cc('BDR000001'), name: '甲建设有限公司', regionCode: '420106' },
  { creditCode: cc('BDR000002', '429004'), name: '乙建设有限公司', regionCode: '429004' },
  { creditCode: cc('BDR000003', '420500'), name: '丙建设有限公司', regionCode: '420500' },
];

/** Values a bid's evidence holds; none may ever appear in OCDS. */
const EVIDENCE = {
  caCertSerial: 'CA-SERIAL-7F3A99',
  deviceFingerprint: 'MAC-00:1A:2B:3C:4D:5E|CPU-BFEBFBFF000906EA',
  ipAddress: '10.77.31.204',
  documentHash: 'sm3:9f2c0b1e6d8a7c5b4e3f2a1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b',
  projectManagerId: '420102198001011237',
  bondAccount: '6222020200112233445',
};

const t = (iso: string) => new Date(iso);

function bid(section: string, i: number, amount: string | null, status: string, version = 1): OcdsBidInput {
  // The rows the database holds carry the evidence: hand the mapping such a row, as a careless query would.
  return {
    bidder: BIDDERS[i],
    amount,
    submittedAt: t(`2026-03-2${i}T09:0${i}:00+08:00`),
    status,
    version,
    updatedAt: t('2026-03-25T02:00:00Z'),
    ...{ ...EVIDENCE, documentHash: `${EVIDENCE.documentHash}${section}${i}` },
  };
}

/** A works project through its whole lifecycle: two sections, bids, opening, award, contract, notices. */
function fullProject(): OcdsProjectInput {
  return {
    code: 'HB-GC-2026-0001',
    name: '某某路改造工程施工',
    subItemCode: 'ENG_TRANSPORT',
    categoryCode: 'ENGINEERING',
    regionCode: '420100',
    budget: '12345678.90',
    currency: 'CNY',
    method: TradingMethod.OPEN_TENDER,
    status: TradingStatus.CONTRACTED,
    publishedAt: t('2026-03-01T01:00:00Z'),
    bidDeadline: t('2026-03-25T01:30:00Z'),
    version: 3,
    updatedAt: t('2026-03-20T08:00:00Z'),
    tenderer: TENDERER,
    agency: AGENCY,
    sections: [
      {
        code: 'HB-GC-2026-0001-02',
        name: '二标段',
        budget: '2345678.90',
        status: TradingStatus.TENDERING,
        openingAt: t('2026-03-25T01:30:00Z'),
        updatedAt: t('2026-03-20T08:00:00Z'),
        bids: [bid('02', 2, '2300000.00', 'VALID')],
        opening: null,
        award: null,
        contracts: [],
      },
      {
        code: 'HB-GC-2026-0001-01',
        name: '一标段',
        budget: '10000000.00',
        status: TradingStatus.CONTRACTED,
        openingAt: t('2026-03-25T01:30:00Z'),
        updatedAt: t('2026-03-20T08:00:00Z'),
        bids: [
          bid('01', 0, '9876543.21', 'VALID', 2),
          bid('01', 1, '9900000.00', 'DISQUALIFIED'),
          bid('01', 2, null, 'WITHDRAWN'),
        ],
        opening: {
          openedAt: t('2026-03-25T01:31:00Z'),
          bidderCount: 3,
          version: 1,
          updatedAt: t('2026-03-25T01:40:00Z'),
        },
        award: {
          winner: BIDDERS[0],
          amount: '9876543.21',
          awardedOn: '2026-04-10',
          version: 1,
          updatedAt: t('2026-04-10T03:00:00Z'),
        },
        contracts: [
          {
            code: 'HT-2026-0001',
            amount: '9876543.21',
            signedOn: '2026-04-20',
            periodStart: '2026-05-01',
            periodEnd: '2027-04-30',
            version: 1,
            updatedAt: t('2026-04-20T06:00:00Z'),
          },
        ],
      },
    ],
    announcements: [
      {
        code: 'GG-0001',
        type: AnnouncementType.TENDER_NOTICE,
        title: '某某路改造工程施工招标公告',
        publishedAt: t('2026-03-01T01:00:00Z'),
        url: 'https://ggzy.example.cn/公告/0001.html',
        sectionCodes: [],
        version: 1,
        updatedAt: t('2026-03-01T01:00:00Z'),
      },
      {
        code: 'GG-0002',
        type: AnnouncementType.CANDIDATE_PUBLICITY,
        title: '一标段中标候选人公示',
        publishedAt: t('2026-04-01T01:00:00Z'),
        url: 'not a url',
        sectionCodes: ['HB-GC-2026-0001-01'],
        version: 1,
        updatedAt: t('2026-04-01T01:00:00Z'),
      },
      {
        code: 'GG-0003',
        type: AnnouncementType.AWARD_NOTICE,
        title: '一标段中标结果公告',
        publishedAt: t('2026-04-10T02:00:00Z'),
        url: null,
        sectionCodes: ['HB-GC-2026-0001-01'],
        version: 1,
        updatedAt: t('2026-04-10T02:00:00Z'),
      },
    ],
  };
}

/** A project just published: no sections, records or notices yet. */
function newProject(overrides: Partial<OcdsProjectInput> = {}): OcdsProjectInput {
  return {
    code: 'HB-ZC-2026-0002',
    name: '办公设备采购',
    subItemCode: 'GP_GOODS',
    categoryCode: 'GOV_PROCUREMENT',
    regionCode: '420100',
    budget: null,
    currency: 'CNY',
    method: TradingMethod.OTHER,
    status: TradingStatus.TENDERING,
    publishedAt: null,
    bidDeadline: null,
    version: 1,
    updatedAt: t('2026-05-01T00:00:00Z'),
    tenderer: TENDERER,
    agency: null,
    sections: [],
    announcements: [],
    ...overrides,
  };
}

const validator = ocdsValidator();

function expectValidPackage(releases: OcdsRelease[]): void {
  const pkg = toOcdsReleasePackage(releases);
  const errors = validator.validatePackage(JSON.parse(JSON.stringify(pkg)));
  if (errors.length) throw new Error(`package is not valid OCDS:\n${describeErrors(errors)}`);
}

describe('OCDS mapping', () => {
  describe('validation against the official schemas', () => {
    it('maps a project through its whole lifecycle to a valid release package, bids and lots included', () => {
      const release = toOcdsRelease(fullProject(), { prefix: PREFIX });
      expect(release.bids?.details).toHaveLength(4);
      expect(release.tender.lots).toHaveLength(2);
      expectValidPackage([release]);
    });

    it('maps a project with nothing but its first version to a valid release package', () => {
      expectValidPackage([toOcdsRelease(newProject(), { prefix: PREFIX })]);
    });

    it('maps a non-procurement deal (a land listing) and several projects in one package', () => {
      const land = newProject({
        code: 'HB-TD-2026-0003',
        subItemCode: 'LAND_USE_RIGHT',
        categoryCode: 'LAND_MINING',
        method: TradingMethod.LISTING,
        budget: '50000000.00',
      });
      expectValidPackage([
        toOcdsRelease(fullProject(), { prefix: PREFIX }),
        toOcdsRelease(land, { prefix: PREFIX }),
        toOcdsRelease(newProject(), { prefix: PREFIX }),
      ]);
    });

    it('checks the extensions: a bad bid status or lot status fails only because the patches are merged in', () => {
      const release = JSON.parse(JSON.stringify(toOcdsRelease(fullProject(), { prefix: PREFIX }))) as OcdsRelease;
      release.bids!.details![0].status = 'accepted';
      release.tender.lots![0].status = 'open';
      const errors = validator.validateRelease(release);
      expect(errors.map((e) => e.instancePath).sort()).toEqual(['/bids/details/0/status', '/tender/lots/0/status']);
      // The core schema alone does not know these properties, and lets them pass.
      expect(ocdsValidator([]).validateRelease(release)).toEqual([]);
    });

    it('rejects what the core schema forbids: a string amount, a date without zone, an unknown tag', () => {
      const release = JSON.parse(JSON.stringify(toOcdsRelease(fullProject(), { prefix: PREFIX }))) as Record<
        string,
        any
      >;
      release.tender.value.amount = '12345678.90';
      release.awards[0].date = '2026-04-10';
      release.tag = ['awarded'];
      const paths = validator.validateRelease(release).map((e) => e.instancePath);
      expect(paths).toEqual(expect.arrayContaining(['/tender/value/amount', '/awards/0/date', '/tag/0']));
    });

    it('refuses an empty package: an OCDS package holds at least one release, so there is none', () => {
      expect(toOcdsReleasePackage([])).toBeNull();
      const pkg = { ...toOcdsReleasePackage([toOcdsRelease(newProject(), { prefix: PREFIX })])!, releases: [] };
      expect(validator.validatePackage(pkg).map((e) => e.instancePath)).toEqual(['/releases']);
    });
  });

  describe('JSON Merge Patch (RFC 7386, appendix A)', () => {
    it.each([
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [
        ['a', 'b'],
        ['c', 'd'],
        ['c', 'd'],
      ],
      [{ a: 'b' }, ['c'], ['c']],
      [{ a: 'foo' }, null, null],
      [{ a: 'foo' }, 'bar', 'bar'],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: 'b', c: null }, { a: 'b' }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ])('merges %j with %j into %j', (target, patch, result) => {
      expect(mergePatch(target as never, patch as never)).toEqual(result);
    });
  });

  describe('release', () => {
    const release = toOcdsRelease(fullProject(), { prefix: PREFIX });

    it('names the process by prefix and project code, the release by project code and revision', () => {
      expect(release.ocid).toBe('ocds-hubei00-HB-GC-2026-0001');
      // project version 3; records: bids 2+1+1+1, opening 1, award 1, contract 1, notices 3.
      expect(release.id).toBe('HB-GC-2026-0001-3.11');
      expect(release).toMatchObject({ initiationType: 'tender', language: 'zh' });
    });

    it('names every process of a package by the configured prefix when it is not the default', () => {
      const prefix = 'ocds-x7k2q9';
      const releases = [toOcdsRelease(fullProject(), { prefix }), toOcdsRelease(newProject(), { prefix })];
      const pkg = toOcdsReleasePackage(releases)!;
      expect(pkg.releases.map((r) => r.ocid)).toEqual(['ocds-x7k2q9-HB-GC-2026-0001', 'ocds-x7k2q9-HB-ZC-2026-0002']);
      // Release ids are the publisher's own and do not carry the prefix; nothing anywhere carries the default one.
      expect(pkg.releases.map((r) => r.id)).toEqual([release.id, toOcdsRelease(newProject(), { prefix: PREFIX }).id]);
      expect(JSON.stringify(pkg)).not.toContain(PREFIX);
      // The package URI is derived from the ocids: the same releases under another prefix make another package.
      const underDefault = toOcdsReleasePackage([
        toOcdsRelease(fullProject(), { prefix: PREFIX }),
        toOcdsRelease(newProject(), { prefix: PREFIX }),
      ])!;
      expect(pkg.uri).not.toBe(underDefault.uri);
      expectValidPackage(releases);
    });

    it('dates the release by the latest change of anything it shows', () => {
      expect(release.date).toBe('2026-04-20T06:00:00.000Z');
    });

    it('gives the same id to the same data and a new id to any change', () => {
      expect(toOcdsRelease(fullProject(), { prefix: PREFIX }).id).toBe(release.id);
      const changed = fullProject();
      changed.sections[0].bids[0].version = 2;
      expect(toOcdsRelease(changed, { prefix: PREFIX }).id).not.toBe(release.id);
      const repushed = fullProject();
      repushed.version = 4;
      repushed.sections[1].bids.pop();
      expect(toOcdsRelease(repushed, { prefix: PREFIX }).id).toBe('HB-GC-2026-0001-4.10');
    });

    it('tags the stage of the lifecycle', () => {
      expect(release.tag).toEqual(['award', 'contract']);
      const awarded = fullProject();
      awarded.sections[1].contracts = [];
      expect(toOcdsRelease(awarded, { prefix: PREFIX }).tag).toEqual(['award']);
      expect(toOcdsRelease(newProject(), { prefix: PREFIX }).tag).toEqual(['tender']);
      const notice = {
        code: 'GG-9',
        type: AnnouncementType.TENDER_NOTICE,
        title: '招标公告',
        publishedAt: t('2026-05-01T00:00:00Z'),
        url: null,
        sectionCodes: [],
        version: 1,
        updatedAt: t('2026-05-01T00:00:00Z'),
      };
      expect(toOcdsRelease(newProject({ announcements: [notice] }), { prefix: PREFIX }).tag).toEqual(['tender']);
      expect(toOcdsRelease(newProject({ version: 2 }), { prefix: PREFIX }).tag).toEqual(['tenderUpdate']);
      expect(
        toOcdsRelease(newProject({ announcements: [{ ...notice, type: AnnouncementType.AMENDMENT }] }), {
          prefix: PREFIX,
        }).tag,
      ).toEqual(['tenderUpdate']);
      const bidding = fullProject();
      bidding.sections[1].award = null;
      bidding.sections[1].contracts = [];
      expect(toOcdsRelease(bidding, { prefix: PREFIX }).tag).toEqual(['tenderUpdate']);
      expect(
        toOcdsRelease(newProject({ status: TradingStatus.TERMINATED, version: 2 }), { prefix: PREFIX }).tag,
      ).toEqual(['tenderCancellation']);
    });

    it('describes the tender: status, method, value, period, category, lots and tenderers', () => {
      expect(release.tender).toMatchObject({
        id: 'HB-GC-2026-0001',
        title: '某某路改造工程施工',
        status: 'complete',
        procuringEntity: { id: `CN-USCI-${AGENCY.creditCode}`, name: AGENCY.name },
        value: { amount: 12345678.9, currency: 'CNY' },
        procurementMethod: 'open',
        procurementMethodDetails: '公开招标',
        mainProcurementCategory: 'works',
        tenderPeriod: { startDate: '2026-03-01T01:00:00.000Z', endDate: '2026-03-25T01:30:00.000Z' },
        numberOfTenderers: 3,
      });
      expect(release.tender.lots).toEqual([
        { id: 'HB-GC-2026-0001-01', title: '一标段', status: 'complete', value: { amount: 10000000, currency: 'CNY' } },
        { id: 'HB-GC-2026-0001-02', title: '二标段', status: 'active', value: { amount: 2345678.9, currency: 'CNY' } },
      ]);
      expect(release.tender.tenderers!.map((r) => r.name).sort()).toEqual(BIDDERS.map((b) => b.name).sort());
    });

    it('lists every organisation once as a party, identified by its credit code, with all its roles', () => {
      const roles = Object.fromEntries(release.parties.map((p) => [p.identifier.id, p.roles]));
      expect(roles).toEqual({
        [TENDERER.creditCode]: ['buyer'],
        [AGENCY.creditCode]: ['procuringEntity'],
        [BIDDERS[0].creditCode]: ['tenderer', 'supplier'],
        [BIDDERS[1].creditCode]: ['tenderer'],
        [BIDDERS[2].creditCode]: ['tenderer'],
      });
      const winner = release.parties.find((p) => p.identifier.id === BIDDERS[0].creditCode)!;
      expect(winner).toEqual({
        id: `CN-USCI-${BIDDERS[0].creditCode}`,
        name: '甲建设有限公司',
        identifier: { scheme: 'CN-USCI', id: BIDDERS[0].creditCode, legalName: '甲建设有限公司' },
        address: { region: '湖北省', locality: '武汉市武昌区', countryName: '中国' },
        roles: ['tenderer', 'supplier'],
      });
      expect(release.buyer).toEqual({ id: `CN-USCI-${TENDERER.creditCode}`, name: TENDERER.name });
      const roleCodes = codelist('codelists', 'partyRole.csv');
      for (const p of release.parties) for (const r of p.roles) expect(roleCodes).toContain(r);
    });

    it('makes the tenderer the procuring entity when no agency runs the process, and no buyer when it sells', () => {
      const own = toOcdsRelease(newProject(), { prefix: PREFIX });
      expect(own.parties.map((p) => p.roles)).toEqual([['buyer', 'procuringEntity']]);
      expect(own.tender.procuringEntity).toEqual(own.buyer);
      const land = toOcdsRelease(
        newProject({ subItemCode: 'LAND_USE_RIGHT', categoryCode: 'LAND_MINING', method: TradingMethod.LISTING }),
        { prefix: PREFIX },
      );
      expect(land.buyer).toBeUndefined();
      expect(land.parties.map((p) => p.roles)).toEqual([['procuringEntity']]);
      expect(land.tender).toMatchObject({ procurementMethod: 'open', procurementMethodDetails: '挂牌' });
      expect(land.tender.mainProcurementCategory).toBeUndefined();
    });

    it('shows bids with date, status, tenderer, value and lot, and the opening as a bidder statistic', () => {
      // In order of section, then credit code.
      expect(release.bids!.details).toEqual([
        {
          id: `HB-GC-2026-0001-01/${BIDDERS[0].creditCode}`,
          date: '2026-03-20T01:00:00.000Z',
          status: 'valid',
          tenderers: [{ id: `CN-USCI-${BIDDERS[0].creditCode}`, name: BIDDERS[0].name }],
          value: { amount: 9876543.21, currency: 'CNY' },
          relatedLots: ['HB-GC-2026-0001-01'],
        },
        {
          id: `HB-GC-2026-0001-01/${BIDDERS[2].creditCode}`,
          date: '2026-03-22T01:02:00.000Z',
          status: 'withdrawn',
          tenderers: [{ id: `CN-USCI-${BIDDERS[2].creditCode}`, name: BIDDERS[2].name }],
          relatedLots: ['HB-GC-2026-0001-01'],
        },
        {
          id: `HB-GC-2026-0001-01/${BIDDERS[1].creditCode}`,
          date: '2026-03-21T01:01:00.000Z',
          status: 'disqualified',
          tenderers: [{ id: `CN-USCI-${BIDDERS[1].creditCode}`, name: BIDDERS[1].name }],
          value: { amount: 9900000, currency: 'CNY' },
          relatedLots: ['HB-GC-2026-0001-01'],
        },
        {
          id: `HB-GC-2026-0001-02/${BIDDERS[2].creditCode}`,
          date: '2026-03-22T01:02:00.000Z',
          status: 'valid',
          tenderers: [{ id: `CN-USCI-${BIDDERS[2].creditCode}`, name: BIDDERS[2].name }],
          value: { amount: 2300000, currency: 'CNY' },
          relatedLots: ['HB-GC-2026-0001-02'],
        },
      ]);
      expect(release.bids!.statistics).toEqual([
        {
          id: 'HB-GC-2026-0001-01/bidders',
          measure: 'bidders',
          value: 3,
          date: '2026-03-25T01:31:00.000Z',
          relatedLot: 'HB-GC-2026-0001-01',
        },
      ]);
      expect(codelist('extensions', 'bids', 'bidStatistics.csv')).toContain('bidders');
    });

    it('never shows bid evidence: IP, device fingerprint, hashes, bond account, project manager, certificate', () => {
      const json = JSON.stringify(toOcdsReleasePackage([release]));
      for (const [field, v] of Object.entries(EVIDENCE)) {
        expect(json).not.toContain(v);
        expect(json).not.toContain(`"${field}"`);
      }
      expect(json).not.toContain(EVIDENCE.projectManagerId.slice(0, 10));
    });

    it('shows the award with its winner, value, lot and winning bid, and the contract with its period', () => {
      expect(release.awards).toEqual([
        {
          id: 'HB-GC-2026-0001-01',
          title: '一标段',
          status: 'active',
          date: '2026-04-10T00:00:00+08:00',
          value: { amount: 9876543.21, currency: 'CNY' },
          suppliers: [{ id: `CN-USCI-${BIDDERS[0].creditCode}`, name: BIDDERS[0].name }],
          relatedLots: ['HB-GC-2026-0001-01'],
          relatedBid: `HB-GC-2026-0001-01/${BIDDERS[0].creditCode}`,
          documents: [
            {
              id: 'GG-0003',
              documentType: 'awardNotice',
              title: '一标段中标结果公告',
              datePublished: '2026-04-10T02:00:00.000Z',
              language: 'zh',
              relatedLots: ['HB-GC-2026-0001-01'],
            },
          ],
        },
      ]);
      expect(release.contracts).toEqual([
        {
          id: 'HT-2026-0001',
          awardID: 'HB-GC-2026-0001-01',
          status: 'active',
          value: { amount: 9876543.21, currency: 'CNY' },
          dateSigned: '2026-04-20T00:00:00+08:00',
          period: { startDate: '2026-05-01T00:00:00+08:00', endDate: '2027-04-30T23:59:59+08:00' },
        },
      ]);
    });

    it('publishes notices as tender documents with a url only when it is an absolute http(s) URL', () => {
      expect(release.tender.documents).toEqual([
        {
          id: 'GG-0001',
          documentType: 'tenderNotice',
          title: '某某路改造工程施工招标公告',
          url: 'https://ggzy.example.cn/%E5%85%AC%E5%91%8A/0001.html',
          datePublished: '2026-03-01T01:00:00.000Z',
          language: 'zh',
        },
        {
          id: 'GG-0002',
          documentType: 'evaluationReports',
          title: '一标段中标候选人公示',
          datePublished: '2026-04-01T01:00:00.000Z',
          language: 'zh',
          relatedLots: ['HB-GC-2026-0001-01'],
        },
      ]);
      const types = codelist('codelists', 'documentType.csv');
      for (const d of [...release.tender.documents!, ...release.awards!.flatMap((a) => a.documents ?? [])])
        expect(types).toContain(d.documentType);
    });

    it('leaves out what it does not know rather than emitting empty values', () => {
      const r = toOcdsRelease(newProject(), { prefix: PREFIX });
      expect(Object.keys(r).sort()).toEqual([
        'buyer',
        'date',
        'id',
        'initiationType',
        'language',
        'ocid',
        'parties',
        'tag',
        'tender',
      ]);
      expect(Object.keys(r.tender).sort()).toEqual([
        'id',
        'mainProcurementCategory',
        'procurementMethodDetails',
        'procuringEntity',
        'status',
        'title',
      ]);
      expect(r.tender.procurementMethodDetails).toBe('其他');
    });
  });

  describe('code lists and values', () => {
    it('maps every trading status to a tenderStatus code', () => {
      const codes = codelist('codelists', 'tenderStatus.csv');
      for (const s of Object.values(TradingStatus)) expect(codes).toContain(tenderStatus(s));
      expect(tenderStatus(TradingStatus.EVALUATING)).toBe('active');
      expect(tenderStatus(TradingStatus.FAILED)).toBe('unsuccessful');
      expect(tenderStatus(TradingStatus.TERMINATED)).toBe('cancelled');
    });

    it('maps every trading method to a method code, except OTHER', () => {
      const codes = codelist('codelists', 'method.csv');
      for (const m of Object.values(TradingMethod)) {
        if (m === TradingMethod.OTHER) expect(procurementMethod(m)).toBeUndefined();
        else expect(codes).toContain(procurementMethod(m));
      }
      expect(
        [TradingMethod.INVITED_TENDER, TradingMethod.SINGLE_SOURCE, TradingMethod.COMPETITIVE_NEGOTIATION].map(
          procurementMethod,
        ),
      ).toEqual(['selective', 'direct', 'limited']);
    });

    it('derives the main procurement category from the catalog sub-item', () => {
      expect(
        ['GP_GOODS', 'GP_WORKS', 'ENG_WATER', 'GP_SERVICES', 'LAND_USE_RIGHT'].map(mainProcurementCategory),
      ).toEqual(['goods', 'works', 'works', 'services', undefined]);
    });

    it('maps bid statuses to the bids extension codelist', () => {
      const codes = codelist('extensions', 'bids', 'bidStatus.csv');
      for (const s of ['VALID', 'WITHDRAWN', 'DISQUALIFIED', 'SOMETHING_NEW']) expect(codes).toContain(bidStatus(s));
    });

    it('turns decimal strings into JSON numbers that print as the same amount', () => {
      for (const s of ['0.00', '0.01', '1234.50', '9876543.21', '99999999999.99', '1234567890123.45']) {
        expect(JSON.stringify(ocdsAmount(s))).toBe(s.replace(/\.?0+$/, '') || '0');
      }
      expect(() => ocdsAmount('abc')).toThrow(RangeError);
    });

    it('dates business days in China Standard Time', () => {
      expect(chinaDayBoundary('2026-04-10')).toBe('2026-04-10T00:00:00+08:00');
      expect(chinaDayBoundary('2026-04-10', true)).toBe('2026-04-10T23:59:59+08:00');
    });

    it('names the region of an address by GB/T 2260', () => {
      expect(regionAddress('420000')).toEqual({ region: '湖北省' });
      expect(regionAddress('420100')).toEqual({ region: '湖北省', locality: '武汉市' });
      expect(regionAddress('420102')).toEqual({ region: '湖北省', locality: '武汉市江岸区' });
      expect(regionAddress('420101')).toEqual({ region: '湖北省', locality: '武汉市' });
      expect(regionAddress('429004')).toEqual({ region: '湖北省', locality: '仙桃市' });
      expect(regionAddress('999999')).toEqual({});
      expect(regionAddress(null)).toEqual({});
    });
  });

  describe('package', () => {
    it('carries the publisher, version, extensions and the latest release date', () => {
      const a = toOcdsRelease(fullProject(), { prefix: PREFIX });
      const b = toOcdsRelease(newProject(), { prefix: PREFIX });
      const pkg = toOcdsReleasePackage([a, b])!;
      expect(pkg).toMatchObject({
        version: '1.1',
        publisher: { name: OCDS_PUBLISHER },
        publishedDate: b.date,
        releases: [a, b],
      });
      expect(pkg.extensions).toEqual(OCDS_EXTENSIONS);
      expect(pkg.extensions[0]).toMatch(/ocds_bid_extension\/v1\.1\.5\/extension\.json$/);
    });

    it('names a package by its releases: the same releases, the same uri', () => {
      const a = toOcdsRelease(fullProject(), { prefix: PREFIX });
      const b = toOcdsRelease(newProject(), { prefix: PREFIX });
      expect(packageUri([a, b])).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(packageUri([a, b])).toBe(packageUri([a, b]));
      expect(packageUri([a, b])).not.toBe(packageUri([a]));
    });
  });
});
