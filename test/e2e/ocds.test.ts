import { graphql } from '../gql';
import type { OcdsPackageQueryVariables } from '../gql/graphql';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';
import { describeErrors, ocdsValidator } from '../fixtures/ocds/ocds-validator';
import { countStatements } from '../setup/statements';

const RELEASE = graphql(`
  query OcdsRelease($code: String!) {
    ocdsRelease(projectCode: $code)
  }
`);

const PACKAGE = graphql(`
  query OcdsPackage($filter: TradingProjectFilterInput, $first: Int, $after: String) {
    ocdsReleasePackage(filter: $filter, first: $first, after: $after) {
      package
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** OCDS JSON as the API returns it (codegen types a JSONObject as Record<string, unknown>; the tests walk into it). */
type Json = Record<string, any>;

/** The package page, its JSONObject read as Json. */
interface PackageData {
  ocdsReleasePackage: { package: Json | null; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Bid evidence pushed with the bids: supervision keeps it, OCDS must never show it. */
const EVIDENCE = {
  ipAddress: '10.88.77.66',
  deviceFingerprint: 'MAC-3C:52:82:11:22:33|CPU-BFEBFBFF000A0671|DISK-WD-WX12A3456789',
  documentHash: 'sm3:5d2c7f1e0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
  caCertSerial: '7A3B00112233445566778899',
  bondAccount: '6217002710000123456',
  projectManagerId: '11010519491231002X',
};

describe('the OCDS export over GraphQL', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;
  const validator = ocdsValidator();
  const code = 'OCDS-GC-0001';
  const s1 = `${code}-S1`;
  const s2 = `${code}-S2`;

  function expectValidPackage(pkg: unknown): void {
    const errors = validator.validatePackage(pkg);
    if (errors.length) throw new Error(`not a valid OCDS release package:\n${describeErrors(errors)}`);
  }

  function expectValidRelease(release: unknown): void {
    const errors = validator.validateRelease(release);
    if (errors.length) throw new Error(`not a valid OCDS release:\n${describeErrors(errors)}`);
  }

  async function release(projectCode: string, k = key): Promise<Json | null> {
    const r = await t.gql(RELEASE, { code: projectCode }, k);
    expect(r.errors).toBeUndefined();
    return r.data!.ocdsRelease;
  }

  async function page(variables: OcdsPackageQueryVariables): Promise<GraphQLResponse<PackageData>> {
    return t.gql(PACKAGE, variables, key);
  }

  async function accepted(mutation: string, inputType: string, records: unknown[]): Promise<void> {
    const r = await push(t, key, mutation, inputType, records);
    expect(r.results.filter((x) => x.status === 'REJECTED')).toEqual([]);
  }

  beforeAll(async () => {
    // The feed's periodic tail read would otherwise show up in the statement counts.
    t = await startTestHub({ feedPollMs: 600_000, rateLimit: 1_000_000, rateBurst: 1_000_000 });
    key = await t.system('OCDS-SYS');
    p = await parties(t, key, 3, 7300);

    // The whole lifecycle of one project: notice, bids (with evidence), opening, evaluation, publicity, award, notice,
    // contract.
    await accepted('pushTradingProjects', 'TradingProjectInput', [project(code, p)]);
    await accepted('pushAnnouncements', 'AnnouncementInput', [
      {
        code: `${code}-GG1`,
        projectCode: code,
        type: 'TENDER_NOTICE',
        title: '某道路改造工程招标公告',
        publishedAt: '2026-09-01T09:00:00+08:00',
        url: 'https://ggzy.example.cn/notice/1',
        documentHash: EVIDENCE.documentHash.replace('sm3:5', 'sm3:6'),
      },
    ]);
    await accepted('pushBids', 'BidInput', [
      {
        sectionCode: s1,
        bidderCreditCode: p.bidders[0],
        amount: '580000.00',
        submittedAt: '2026-09-24T10:00:00+08:00',
        status: 'VALID',
        ...EVIDENCE,
      },
      {
        sectionCode: s1,
        bidderCreditCode: p.bidders[1],
        amount: '590000.50',
        submittedAt: '2026-09-24T11:00:00+08:00',
        status: 'DISQUALIFIED',
        ipAddress: EVIDENCE.ipAddress,
        deviceFingerprint: EVIDENCE.deviceFingerprint,
      },
      {
        sectionCode: s1,
        bidderCreditCode: p.bidders[2],
        amount: '600000.00',
        submittedAt: '2026-09-24T12:00:00+08:00',
        status: 'WITHDRAWN',
        bondAccount: EVIDENCE.bondAccount,
      },
      {
        sectionCode: s2,
        bidderCreditCode: p.bidders[2],
        amount: '399000.00',
        submittedAt: '2026-09-24T12:30:00+08:00',
        status: 'VALID',
        caCertSerial: EVIDENCE.caCertSerial,
      },
    ]);
    await accepted('pushBidOpenings', 'BidOpeningInput', [
      {
        sectionCode: s1,
        openedAt: '2026-09-25T09:30:00+08:00',
        bidderCount: '3',
        location: '武汉市公共资源交易中心开标室',
      },
    ]);
    await accepted('pushEvaluations', 'EvaluationInput', [
      {
        sectionCode: s1,
        reportedAt: '2026-09-28T17:00:00+08:00',
        candidates: [{ rank: '1', bidderCreditCode: p.bidders[0], score: '92.5', amount: '580000.00' }],
      },
    ]);
    await accepted('pushAnnouncements', 'AnnouncementInput', [
      {
        code: `${code}-GG2`,
        projectCode: code,
        type: 'CANDIDATE_PUBLICITY',
        title: '一标段中标候选人公示',
        publishedAt: '2026-09-29T09:00:00+08:00',
        periodStart: '2026-09-29',
        periodEnd: '2026-10-02',
        sectionCodes: [s1],
      },
    ]);
    await accepted('pushAwards', 'AwardInput', [
      { sectionCode: s1, winnerCreditCode: p.bidders[0], amount: '580000.00', awardedOn: '2026-10-08' },
    ]);
    await accepted('pushAnnouncements', 'AnnouncementInput', [
      {
        code: `${code}-GG3`,
        projectCode: code,
        type: 'AWARD_NOTICE',
        title: '一标段中标结果公告',
        publishedAt: '2026-10-08T09:00:00+08:00',
        sectionCodes: [s1],
      },
    ]);
    await accepted('pushContracts', 'ContractInput', [
      {
        code: `${code}-HT1`,
        sectionCode: s1,
        amount: '580000.00',
        signedOn: '2026-10-20',
        periodStart: '2026-11-01',
        periodEnd: '2027-10-31',
      },
    ]);
    const done = project(code, p, { status: 'EVALUATING' });
    done.sections[0] = { ...done.sections[0], status: 'CONTRACTED' } as (typeof done.sections)[0];
    await accepted('pushTradingProjects', 'TradingProjectInput', [done]);

    // Projects to page through: works in Wuhan, goods procurement, a land listing.
    const more = [
      ...Array.from({ length: 5 }, (_, i) => project(`OCDS-GC-01${i}`, p)),
      ...Array.from({ length: 3 }, (_, i) =>
        project(`OCDS-ZC-02${i}`, p, {
          subItemCode: 'GP_GOODS',
          details: { classificationCode: 'A02010104' },
          sections: [],
        }),
      ),
      project('OCDS-TD-0300', p, {
        subItemCode: 'LAND_USE_RIGHT',
        method: 'LISTING',
        details: { area: '12500.50', landUse: '住宅用地' },
        sections: [],
      }),
    ];
    await accepted('pushTradingProjects', 'TradingProjectInput', more);
  });
  afterAll(() => t.stop());

  describe('ocdsRelease', () => {
    it('returns a valid OCDS release of a project that went through its whole lifecycle', async () => {
      const r = (await release(code))!;
      expectValidRelease(r);
      expectValidPackage({
        uri: 'urn:example:test',
        version: '1.1',
        publishedDate: r.date,
        publisher: { name: 'test' },
        extensions: [],
        releases: [r],
      });
      expect(r).toMatchObject({
        ocid: `ocds-hubei00-${code}`,
        initiationType: 'tender',
        language: 'zh',
        tag: ['award', 'contract'],
      });
      expect(r.id).toMatch(new RegExp(`^${code}-2\\.\\d+$`));
    });

    it('shows the tender, bids, award and contract as pushed', async () => {
      const r = (await release(code))!;
      const party = (cc: string) => ({ id: `CN-USCI-${cc}`, name: expect.any(String) });
      expect(r.tender).toMatchObject({
        id: code,
        status: 'active',
        procuringEntity: party(p.agency),
        value: { amount: 1000000, currency: 'CNY' },
        procurementMethod: 'open',
        procurementMethodDetails: '公开招标',
        mainProcurementCategory: 'works',
        tenderPeriod: { startDate: '2026-09-01T01:00:00.000Z', endDate: '2026-09-25T01:30:00.000Z' },
        numberOfTenderers: 3,
      });
      expect(r.tender.lots.map((l: Json) => [l.id, l.status])).toEqual([
        [s1, 'complete'],
        [s2, 'active'],
      ]);
      const bids = Object.fromEntries(r.bids.details.map((b: Json) => [b.id, [b.status, b.value?.amount]]));
      expect(bids).toEqual({
        [`${s1}/${p.bidders[0]}`]: ['valid', 580000],
        [`${s1}/${p.bidders[1]}`]: ['disqualified', 590000.5],
        [`${s1}/${p.bidders[2]}`]: ['withdrawn', 600000],
        [`${s2}/${p.bidders[2]}`]: ['valid', 399000],
      });
      expect(r.bids.statistics).toEqual([
        { id: `${s1}/bidders`, measure: 'bidders', value: 3, date: '2026-09-25T01:30:00.000Z', relatedLot: s1 },
      ]);
      expect(r.awards).toEqual([
        expect.objectContaining({
          id: s1,
          status: 'active',
          date: '2026-10-08T00:00:00+08:00',
          value: { amount: 580000, currency: 'CNY' },
          suppliers: [party(p.bidders[0])],
          relatedBid: `${s1}/${p.bidders[0]}`,
        }),
      ]);
      expect(r.awards[0].documents.map((d: Json) => d.id)).toEqual([`${code}-GG3`]);
      expect(r.contracts).toEqual([
        {
          id: `${code}-HT1`,
          awardID: s1,
          status: 'active',
          value: { amount: 580000, currency: 'CNY' },
          dateSigned: '2026-10-20T00:00:00+08:00',
          period: { startDate: '2026-11-01T00:00:00+08:00', endDate: '2027-10-31T23:59:59+08:00' },
        },
      ]);
      const roles = Object.fromEntries(r.parties.map((x: Json) => [x.identifier.id, x.roles]));
      expect(roles).toEqual({
        [p.tenderer]: ['buyer'],
        [p.agency]: ['procuringEntity'],
        [p.bidders[0]]: ['tenderer', 'supplier'],
        [p.bidders[1]]: ['tenderer'],
        [p.bidders[2]]: ['tenderer'],
      });
      expect(r.parties[0].address).toMatchObject({ region: '湖北省', locality: '武汉市江岸区', countryName: '中国' });
    });

    it('never shows bid evidence, to any reader', async () => {
      // Even operators, who see the evidence unmasked in tradingProjects, get none of it in OCDS.
      for (const k of [key, ADMIN_KEY]) {
        const one = JSON.stringify(await release(code, k));
        const all = await t.gql(PACKAGE, { first: 100 }, k);
        expect(all.errors).toBeUndefined();
        for (const text of [one, JSON.stringify(all.data)]) {
          for (const [field, value] of Object.entries(EVIDENCE)) {
            expect(text).not.toContain(value);
            expect(text).not.toContain(`"${field}"`);
          }
          expect(text).not.toContain('sm3:');
        }
      }
    });

    it('keeps the release id while nothing changes, and issues a new one on any change', async () => {
      const before = (await release(code))!;
      expect((await release(code))!.id).toBe(before.id);
      await accepted('pushBids', 'BidInput', [
        {
          sectionCode: s2,
          bidderCreditCode: p.bidders[1],
          amount: '398000.00',
          submittedAt: '2026-09-24T13:00:00+08:00',
        },
      ]);
      const after = (await release(code))!;
      expect(after.id).not.toBe(before.id);
      expect(after.date >= before.date).toBe(true);
      expectValidRelease(after);
    });

    it('answers null for a project it does not hold, in any spelling', async () => {
      expect(await release('NO-SUCH-PROJECT')).toBeNull();
      expect(await release('')).toBeNull();
      expect(await release('x'.repeat(200))).toBeNull();
    });

    it('needs an API key of a record reader', async () => {
      const r = await t.gql(RELEASE, { code });
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('ocdsReleases', () => {
    const RELEASES = `query Releases($codes: [String!]!) { ocdsReleases(projectCodes: $codes) }`;
    const releases = (codes: string[]) => t.gql<{ ocdsReleases: (Json | null)[] }>(RELEASES, { codes }, key);

    it('gives each project the release ocdsRelease gives it, in the order asked, null where none is held', async () => {
      const codes = (
        await t.hub.services.orm.em.fork().execute<{ code: string }[]>(`select code from trading_project order by code`)
      ).map((r) => r.code);
      const asked = ['NO-SUCH-PROJECT', ...[...codes].reverse(), codes[0], '', 'x'.repeat(200)];
      const r = await releases(asked);
      expect(r.errors).toBeUndefined();
      const one = await Promise.all(asked.map((c) => release(c)));
      expect(r.data!.ocdsReleases).toEqual(one);
      expect(r.data!.ocdsReleases.filter((x) => x !== null)).toHaveLength(codes.length + 1);
      for (const x of r.data!.ocdsReleases) if (x) expectValidRelease(x);
    });

    it('refuses more than 100 codes with LIMIT_EXCEEDED, and a caller without a key', async () => {
      const big = await releases(Array.from({ length: 101 }, (_, i) => `P-${i}`));
      expect(big.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'projectCodes' });
      const anonymous = await t.gql(RELEASES, { codes: [code] });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('runs the same number of SQL statements for 2 projects as for 10', async () => {
      const codes = (
        await t.hub.services.orm.em.fork().execute<{ code: string }[]>(`select code from trading_project order by code`)
      ).map((r) => r.code);
      const run = (n: number) => async () => {
        const r = await releases(codes.slice(0, n));
        expect(r.errors).toBeUndefined();
        expect(r.data!.ocdsReleases.every((x) => x !== null)).toBe(true);
      };
      const two = await countStatements(t.hub, run(2));
      const ten = await countStatements(t.hub, run(10));
      expect(ten.executes.length).toBe(two.executes.length);
      expect(ten.queries.length).toBe(two.queries.length);
      // The project ids by code, then one per relation (projects with their parties, sections, bids, openings,
      // awards, contracts, announcements).
      expect(ten.executes.filter((sql) => !/"api_key"/.test(sql))).toHaveLength(8);
    });
  });

  describe('ocdsReleasePackage', () => {
    /** Follows endCursor from the first page to the last, validating every package on the way. */
    async function walk(variables: OcdsPackageQueryVariables, first: number): Promise<Json[]> {
      const releases: Json[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const r = await page({ ...variables, first, after });
        expect(r.errors).toBeUndefined();
        const { package: pkg, pageInfo } = r.data!.ocdsReleasePackage;
        if (pkg) {
          expectValidPackage(pkg);
          expect(pkg.releases.length).toBeLessThanOrEqual(first);
          releases.push(...pkg.releases);
        }
        if (!pageInfo.hasNextPage) return releases;
        expect(pkg!.releases).toHaveLength(first);
        after = pageInfo.endCursor;
      }
      throw new Error('pagination did not end');
    }

    it('walks every project exactly once, in project-code order, in valid packages', async () => {
      const codes = (
        await t.hub.services.orm.em.fork().execute<{ code: string }[]>(`select code from trading_project order by code`)
      ).map((r) => r.code);
      expect(codes.length).toBe(10);
      for (const first of [1, 3, 4, 10, 50]) {
        const releases = await walk({}, first);
        expect(releases.map((r) => r.ocid)).toEqual(codes.map((c) => `ocds-hubei00-${c}`));
      }
    });

    it('describes the package: publisher, version, extensions, latest release date', async () => {
      const r = await page({ first: 3 });
      const pkg = r.data!.ocdsReleasePackage.package!;
      expect(pkg).toMatchObject({
        version: '1.1',
        publisher: { name: '湖北省公共资源交易监管数据交换枢纽' },
        extensions: [
          'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
          'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
        ],
      });
      expect(pkg.uri).toMatch(/^urn:uuid:/);
      expect(pkg.publishedDate).toBe(
        pkg.releases
          .map((x: Json) => x.date)
          .sort()
          .at(-1),
      );
      // The same page again is the same package.
      expect((await page({ first: 3 })).data!.ocdsReleasePackage.package).toEqual(pkg);
    });

    it('filters like tradingProjects', async () => {
      const goods = await walk({ filter: { categoryCode: 'GOV_PROCUREMENT' } }, 2);
      expect(goods.map((r) => r.tender.id)).toEqual(['OCDS-ZC-020', 'OCDS-ZC-021', 'OCDS-ZC-022']);
      expect(goods.every((r) => r.tender.mainProcurementCategory === 'goods')).toBe(true);
      const land = await walk({ filter: { subItemCode: 'LAND_USE_RIGHT' } }, 10);
      expect(land).toHaveLength(1);
      expect(land[0].buyer).toBeUndefined();
      expect(land[0].tender).toMatchObject({ procurementMethod: 'open', procurementMethodDetails: '挂牌' });
    });

    it('answers a page without projects with a null package, since a package holds at least one release', async () => {
      const r = await page({ filter: { regionCode: '420500' } });
      expect(r.errors).toBeUndefined();
      expect(r.data!.ocdsReleasePackage).toEqual({ package: null, pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('refuses a page larger than 100 with LIMIT_EXCEEDED, and a forged cursor with BAD_USER_INPUT', async () => {
      const big = await page({ first: 101 });
      expect(big.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'first' });
      const forged = await page({ first: 2, after: 'not-a-cursor' });
      expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    const statements = (run: () => Promise<unknown>) => countStatements(t.hub, run);

    it('runs the same number of SQL statements for a page of 2 projects as for a page of 10', async () => {
      await new Promise((r) => setTimeout(r, 100));
      const run = (first: number) => async () => {
        const r = await page({ first });
        expect(r.errors).toBeUndefined();
        expect(r.data!.ocdsReleasePackage.package!.releases).toHaveLength(first);
      };
      const two = await statements(run(2));
      const ten = await statements(run(10));
      expect(ten.executes.length).toBe(two.executes.length);
      expect(ten.queries.length).toBe(two.queries.length);
      // Every statement passes through execute (those inside the snapshot's transaction bypass the pool client's
      // query): the caller's key, the page of projects, then one per relation: projects with their parties, sections,
      // bids, openings, awards, contracts, announcements.
      const reads = ten.executes.filter((sql) => !/"api_key"/.test(sql));
      expect(reads).toHaveLength(8);
      expect(reads.filter((sql) => /\bfrom bid\b/.test(sql))).toEqual([
        expect.not.stringMatching(
          /ip_address|device_fingerprint|document_hash|bond_account|project_manager_id|ca_cert_serial/,
        ),
      ]);
    });
  });
});
