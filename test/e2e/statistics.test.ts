import { graphql } from '../gql';
import type { LiveSubscription, Role, StatisticsDimension, StatsQuery, TradingStatisticsFilter } from '../gql/graphql';
import { feedCursor } from '../../src/feed/cursor';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { parties, push } from '../setup/trading';

/*
 * A small hand-designed dataset. Every expected figure below is worked out by
 * hand from this table (see the comments), not by the statement under test.
 *
 *  project  category / sub-item                region (→ roll-up)  month (China)  method                    budget
 *  ST-1     ENGINEERING / ENG_TRANSPORT        420102 (→ 420100)   2026-01        OPEN_TENDER               1000000.00
 *  ST-2     ENGINEERING / ENG_WATER            420100              2026-02 (*)    INVITED_TENDER             300000.00
 *  ST-3     GOV_PROCUREMENT / GP_GOODS         429004 (stays)      2026-02        OPEN_TENDER                500000.00
 *  ST-4     GOV_PROCUREMENT / GP_SERVICES      420602 (→ 420600)   2026-03        COMPETITIVE_CONSULTATION   250000.00
 *  ST-5     LAND_MINING / LAND_USE_RIGHT       429004 (stays)      2026-03        LISTING                   8000000.00
 *  (*) published 2026-02-01 00:30 Beijing time, which is still 31 January in UTC.
 *
 *  section  budget      valid bids (others)              award
 *  ST-1-S1  600000.00   2 (+1 WITHDRAWN)                 540000.00
 *  ST-1-S2  400000.00   2                                —
 *  ST-2-S1  300000.00   3                                270000.00
 *  ST-3-S1  200000.00   1 (+1 WITHDRAWN)                 190000.00
 *  ST-3-S2  —           2                                150000.00  (no budget: in totalAwarded, not in savingRate)
 *  ST-3-S3  100000.00   0                                —
 *  ST-4-S1  250000.00   2 (+1 DISQUALIFIED)              240000.00
 *  ST-5-S1  8000000.00  1                                8800000.00 (a premium: negative saving)
 */

const QUERY = graphql(`
  query Stats($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {
    tradingStatistics(groupBy: $groupBy, filter: $filter) {
      category {
        code
        name
      }
      subItem {
        code
        name
      }
      regionCode
      regionName
      month
      method
      projectCount
      sectionCount
      totalBudget
      totalAwarded
      savingRate
      averageBiddersPerSection
    }
  }
`);

const SUBSCRIPTION = graphql(`
  subscription Live($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {
    tradingStatisticsChanged(groupBy: $groupBy, filter: $filter) {
      asOf
      cursor
      rows {
        regionCode
        projectCount
        sectionCount
        totalBudget
        totalAwarded
        savingRate
        averageBiddersPerSection
      }
    }
  }
`);

const CREATE_CLIENT = graphql(`
  mutation StatisticsClient($input: CreateClientInput!) {
    createClient(input: $input) {
      apiKey
    }
  }
`);

type Row = StatsQuery['tradingStatistics'][number];
type Update = LiveSubscription;

/** The figures of a row, as a compact tuple: projects, sections, budget, awarded, saving rate, bidders per section. */
const figures = (
  r: Pick<
    Row,
    'projectCount' | 'sectionCount' | 'totalBudget' | 'totalAwarded' | 'savingRate' | 'averageBiddersPerSection'
  >,
) => [r.projectCount, r.sectionCount, r.totalBudget, r.totalAwarded, r.savingRate, r.averageBiddersPerSection];

describe('trading statistics', () => {
  let t: TestHub;
  let source: string;
  let dashboard: string;
  let integrator: string;
  let bidderTwo: string;

  async function client(name: string, role: Role): Promise<string> {
    const r = await t.gql(CREATE_CLIENT, { input: { name, roles: [role] } }, ADMIN_KEY);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createClient.apiKey;
  }

  async function stats(
    groupBy: StatisticsDimension[],
    filter?: TradingStatisticsFilter,
    key = dashboard,
  ): Promise<Row[]> {
    const r = await t.gql(QUERY, { groupBy, filter }, key);
    expect(r.errors).toBeUndefined();
    return r.data!.tradingStatistics;
  }

  async function accepted(mutation: string, inputType: string, records: unknown[]): Promise<void> {
    const r = await push(t, source, mutation, inputType, records);
    expect({ mutation, rejected: r.results.filter((x) => x.status !== 'ACCEPTED') }).toEqual({
      mutation,
      rejected: [],
    });
  }

  beforeAll(async () => {
    t = await startTestHub();
    source = await t.system('STATS-SYS');
    dashboard = await client('stats-dashboard', 'DASHBOARD');
    integrator = await client('stats-integrator', 'INTEGRATOR');
    const p = await parties(t, source, 3, 7300);
    const [b0, b1, b2] = p.bidders;
    bidderTwo = b2;
    // Every section opens on 28 April, after all bids and before all awards: no timing findings to distract.
    const section = (code: string, budget: string | null) => ({
      code,
      name: `${code} 标段`,
      ...(budget ? { budget } : {}),
      openingAt: '2026-04-28T09:30:00+08:00',
    });
    const project = (code: string, over: Record<string, unknown>) => ({
      code,
      name: `${code} 统计测试项目`,
      tendererCreditCode: p.tenderer,
      agencyCreditCode: p.agency,
      status: 'TENDERING',
      ...over,
    });
    await accepted('pushTradingProjects', 'TradingProjectInput', [
      project('ST-1', {
        subItemCode: 'ENG_TRANSPORT',
        regionCode: '420102',
        method: 'OPEN_TENDER',
        budget: '1000000.00',
        publishedAt: '2026-01-15T10:00:00+08:00',
        sections: [section('ST-1-S1', '600000.00'), section('ST-1-S2', '400000.00')],
      }),
      project('ST-2', {
        subItemCode: 'ENG_WATER',
        regionCode: '420100',
        method: 'INVITED_TENDER',
        budget: '300000.00',
        publishedAt: '2026-02-01T00:30:00+08:00',
        sections: [section('ST-2-S1', '300000.00')],
      }),
      project('ST-3', {
        subItemCode: 'GP_GOODS',
        regionCode: '429004',
        method: 'OPEN_TENDER',
        budget: '500000.00',
        publishedAt: '2026-02-10T09:00:00+08:00',
        details: { classificationCode: 'A02010104' },
        sections: [section('ST-3-S1', '200000.00'), section('ST-3-S2', null), section('ST-3-S3', '100000.00')],
      }),
      project('ST-4', {
        subItemCode: 'GP_SERVICES',
        regionCode: '420602',
        method: 'COMPETITIVE_CONSULTATION',
        budget: '250000.00',
        publishedAt: '2026-03-05T09:00:00+08:00',
        details: { classificationCode: 'C0101' },
        sections: [section('ST-4-S1', '250000.00')],
      }),
      project('ST-5', {
        subItemCode: 'LAND_USE_RIGHT',
        regionCode: '429004',
        method: 'LISTING',
        budget: '8000000.00',
        publishedAt: '2026-03-20T09:00:00+08:00',
        details: { area: '12500.50', landUse: '住宅用地' },
        sections: [section('ST-5-S1', '8000000.00')],
      }),
    ]);
    const bid = (sectionCode: string, bidder: string, amount: string, status = 'VALID') => ({
      sectionCode,
      bidderCreditCode: bidder,
      amount,
      status,
      submittedAt: '2026-04-20T10:00:00+08:00',
    });
    await accepted('pushBids', 'BidInput', [
      bid('ST-1-S1', b0, '540000.00'),
      bid('ST-1-S1', b1, '560000.00'),
      bid('ST-1-S1', b2, '550000.00', 'WITHDRAWN'),
      bid('ST-1-S2', b0, '390000.00'),
      bid('ST-1-S2', b1, '395000.00'),
      bid('ST-2-S1', b0, '280000.00'),
      bid('ST-2-S1', b1, '285000.00'),
      bid('ST-2-S1', b2, '270000.00'),
      bid('ST-3-S1', b0, '190000.00'),
      bid('ST-3-S1', b1, '195000.00', 'WITHDRAWN'),
      bid('ST-3-S2', b1, '150000.00'),
      bid('ST-3-S2', b2, '160000.00'),
      bid('ST-4-S1', b0, '245000.00'),
      bid('ST-4-S1', b1, '240000.00'),
      bid('ST-4-S1', b2, '200000.00', 'DISQUALIFIED'),
      bid('ST-5-S1', b0, '8800000.00'),
    ]);
    await accepted('pushAwards', 'AwardInput', [
      { sectionCode: 'ST-1-S1', winnerCreditCode: b0, amount: '540000.00', awardedOn: '2026-05-10' },
      { sectionCode: 'ST-2-S1', winnerCreditCode: b2, amount: '270000.00', awardedOn: '2026-05-10' },
      { sectionCode: 'ST-3-S1', winnerCreditCode: b0, amount: '190000.00', awardedOn: '2026-05-10' },
      { sectionCode: 'ST-3-S2', winnerCreditCode: b1, amount: '150000.00', awardedOn: '2026-05-10' },
      { sectionCode: 'ST-4-S1', winnerCreditCode: b1, amount: '240000.00', awardedOn: '2026-05-10' },
      { sectionCode: 'ST-5-S1', winnerCreditCode: b0, amount: '8800000.00', awardedOn: '2026-05-10' },
    ]);
    await accepted('pushContracts', 'ContractInput', [
      { code: 'ST-1-S1-C', sectionCode: 'ST-1-S1', amount: '540000.00', signedOn: '2026-05-20' },
    ]);
  });
  afterAll(() => t.stop());

  it('sums everything in one row when grouped by nothing', async () => {
    // 5 projects; 8 sections; budgets 1000000+300000+500000+250000+8000000; awards
    // 540000+270000+190000+150000+240000+8800000; saving over sections with award and budget: (9350000 − 10040000) /
    // 9350000 = −0.073796… ; bidders (2+2+3+1+2+0+2+1) / 8 = 1.625.
    const rows = await stats([]);
    expect(rows).toEqual([
      {
        category: null,
        subItem: null,
        regionCode: null,
        regionName: null,
        month: null,
        method: null,
        projectCount: 5,
        sectionCount: 8,
        totalBudget: '10050000.00',
        totalAwarded: '10190000.00',
        savingRate: '-0.0738',
        averageBiddersPerSection: '1.63',
      },
    ]);
  });

  it('groups by category, in catalog order', async () => {
    const rows = await stats(['CATEGORY']);
    expect(rows.map((r) => [r.category, r.subItem, r.regionCode, r.month, r.method])).toEqual([
      [{ code: 'ENGINEERING', name: '工程建设项目' }, null, null, null, null],
      [{ code: 'GOV_PROCUREMENT', name: '政府采购' }, null, null, null, null],
      [{ code: 'LAND_MINING', name: '土地使用权和矿业权出让' }, null, null, null, null],
    ]);
    expect(rows.map(figures)).toEqual([
      // ST-1, ST-2: saving (900000 − 810000) / 900000; bidders 7 / 3 = 2.333…
      [2, 3, '1300000.00', '810000.00', '0.1000', '2.33'],
      // ST-3, ST-4: saving over ST-3-S1 and ST-4-S1 (450000 − 430000) / 450000 = 0.04444…; bidders 5 / 4; ST-3-S2's
      // award counts in totalAwarded only
      [2, 4, '750000.00', '580000.00', '0.0444', '1.25'],
      // ST-5: (8000000 − 8800000) / 8000000
      [1, 1, '8000000.00', '8800000.00', '-0.1000', '1.00'],
    ]);
  });

  it('groups by sub-item', async () => {
    const rows = await stats(['SUB_ITEM']);
    expect(rows.map((r) => [r.subItem?.code, r.category])).toEqual([
      ['ENG_TRANSPORT', null],
      ['ENG_WATER', null],
      ['GP_GOODS', null],
      ['GP_SERVICES', null],
      ['LAND_USE_RIGHT', null],
    ]);
    expect(rows[4].subItem).toEqual({ code: 'LAND_USE_RIGHT', name: '国有建设用地使用权出让' });
    expect(rows.map(figures)).toEqual([
      [1, 2, '1000000.00', '540000.00', '0.1000', '2.00'], // ST-1: 60000 / 600000; 4 / 2
      [1, 1, '300000.00', '270000.00', '0.1000', '3.00'], // ST-2
      [1, 3, '500000.00', '340000.00', '0.0500', '1.00'], // ST-3: only S1 has award and budget: 10000 / 200000; 3 / 3
      [1, 1, '250000.00', '240000.00', '0.0400', '2.00'], // ST-4: 10000 / 250000
      [1, 1, '8000000.00', '8800000.00', '-0.1000', '1.00'], // ST-5
    ]);
  });

  it('rolls counties up to their prefecture and keeps units directly under the province', async () => {
    const rows = await stats(['REGION']);
    expect(rows.map((r) => [r.regionCode, r.regionName])).toEqual([
      ['420100', '武汉市'], // ST-1 (江岸区 420102) and ST-2
      ['420600', '襄阳市'], // ST-4 (襄城区 420602)
      ['429004', '仙桃市'], // ST-3 and ST-5
    ]);
    expect(rows.map(figures)).toEqual([
      [2, 3, '1300000.00', '810000.00', '0.1000', '2.33'],
      [1, 1, '250000.00', '240000.00', '0.0400', '2.00'],
      // saving over ST-3-S1 and ST-5-S1: (8200000 − 8990000) / 8200000 = −0.096341…; bidders (1+2+0+1) / 4
      [2, 4, '8500000.00', '9140000.00', '-0.0963', '1.00'],
    ]);
  });

  it('buckets by month of publication in China time', async () => {
    const rows = await stats(['MONTH']);
    expect(rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(rows.map(figures)).toEqual([
      [1, 2, '1000000.00', '540000.00', '0.1000', '2.00'], // ST-1
      // ST-2 (00:30 on 1 February in Beijing) and ST-3: (500000 − 460000) / 500000; (3+1+2+0) / 4
      [2, 4, '800000.00', '610000.00', '0.0800', '1.50'],
      // ST-4 and ST-5: (8250000 − 9040000) / 8250000 = −0.095757…; 3 / 2
      [2, 2, '8250000.00', '9040000.00', '-0.0958', '1.50'],
    ]);
  });

  it('groups by trading method', async () => {
    const rows = await stats(['METHOD']);
    expect(rows.map((r) => r.method)).toEqual(['COMPETITIVE_CONSULTATION', 'INVITED_TENDER', 'LISTING', 'OPEN_TENDER']);
    expect(rows.map(figures)).toEqual([
      [1, 1, '250000.00', '240000.00', '0.0400', '2.00'],
      [1, 1, '300000.00', '270000.00', '0.1000', '3.00'],
      [1, 1, '8000000.00', '8800000.00', '-0.1000', '1.00'],
      // ST-1 and ST-3: (800000 − 730000) / 800000 = 0.0875; (2+2+1+2+0) / 5
      [2, 5, '1500000.00', '880000.00', '0.0875', '1.40'],
    ]);
  });

  it('combines dimensions, whatever order they are asked in', async () => {
    const rows = await stats(['REGION', 'CATEGORY']);
    expect(rows.map((r) => [r.category?.code, r.regionCode, ...figures(r)])).toEqual([
      ['ENGINEERING', '420100', 2, 3, '1300000.00', '810000.00', '0.1000', '2.33'],
      ['GOV_PROCUREMENT', '420600', 1, 1, '250000.00', '240000.00', '0.0400', '2.00'],
      ['GOV_PROCUREMENT', '429004', 1, 3, '500000.00', '340000.00', '0.0500', '1.00'],
      ['LAND_MINING', '429004', 1, 1, '8000000.00', '8800000.00', '-0.1000', '1.00'],
    ]);
  });

  it('filters by region (a prefecture with its counties), category, sub-item, method and publication time', async () => {
    // Wuhan: ST-1 (a county of Wuhan) and ST-2.
    expect((await stats([], { regionCode: '420100' })).map(figures)).toEqual([
      [2, 3, '1300000.00', '810000.00', '0.1000', '2.33'],
    ]);
    // The units directly under the province, open tenders only: ST-3.
    expect(
      (await stats(['REGION'], { regionCode: '429000', method: 'OPEN_TENDER' })).map((r) => [
        r.regionCode,
        ...figures(r),
      ]),
    ).toEqual([['429004', 1, 3, '500000.00', '340000.00', '0.0500', '1.00']]);
    // Government procurement by sub-item: ST-3, ST-4.
    expect((await stats(['SUB_ITEM'], { categoryCode: 'GOV_PROCUREMENT' })).map((r) => r.subItem?.code)).toEqual([
      'GP_GOODS',
      'GP_SERVICES',
    ]);
    expect((await stats([], { subItemCode: 'ENG_WATER' })).map(figures)).toEqual([
      [1, 1, '300000.00', '270000.00', '0.1000', '3.00'],
    ]);
    // February in Beijing time, `to` exclusive: ST-2 (published 00:30 on 1 February) and ST-3.
    expect(
      (await stats([], { publishedFrom: '2026-02-01T00:00:00+08:00', publishedTo: '2026-03-01T00:00:00+08:00' })).map(
        figures,
      ),
    ).toEqual([[2, 4, '800000.00', '610000.00', '0.0800', '1.50']]);
    // Grouped rows for a filter nothing matches: none.
    expect(await stats(['REGION'], { regionCode: '420500' })).toEqual([]);
  });

  it('filters by status, budget range and participant, as tradingProjects does', async () => {
    expect((await stats([], { status: 'TENDERING' })).map((r) => r.projectCount)).toEqual([5]);
    expect(await stats(['REGION'], { status: 'AWARDED' })).toEqual([]);
    // Budgets from 400,000 to 1,000,000 yuan, both ends included: ST-1 and ST-3. Saving over ST-1-S1 and ST-3-S1
    // (ST-3-S2 has no budget): (800000 − 730000) / 800000; valid bids (2 + 2 + 1 + 2 + 0) / 5 sections.
    expect((await stats([], { budgetMin: '400000', budgetMax: '1000000.00' })).map(figures)).toEqual([
      [2, 5, '1500000.00', '880000.00', '0.0875', '1.40'],
    ]);
    // A bidder on ST-1, ST-2, ST-3 and ST-4 (withdrawn and disqualified bids are still taking part), not on ST-5.
    expect((await stats(['METHOD'], { participant: bidderTwo })).map((r) => [r.method, r.projectCount])).toEqual([
      ['COMPETITIVE_CONSULTATION', 1],
      ['INVITED_TENDER', 1],
      ['OPEN_TENDER', 2],
    ]);
    expect(await stats(['METHOD'], { participant: 'not-a-credit-code' })).toEqual([]);
    // Awards of at least 500,000 yuan: ST-1-S1 (540,000) and ST-5-S1 (8,800,000); dated in May, all six.
    expect(
      (await stats([], { awardAmountMin: '500000', awardedFrom: '2026-05-01', awardedTo: '2026-05-31' })).map(
        (r) => r.projectCount,
      ),
    ).toEqual([2]);
    expect((await stats([], { awardAmountMin: '500000', awardedTo: '2026-04-30' })).map((r) => r.projectCount)).toEqual(
      [0],
    );
  });

  it('refuses a region outside Hubei and a reversed time range', async () => {
    const bad = await t.gql(QUERY, { groupBy: [], filter: { regionCode: '110000' } }, dashboard);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    const reversed = await t.gql(
      QUERY,
      { groupBy: [], filter: { publishedFrom: '2026-03-01T00:00:00Z', publishedTo: '2026-02-01T00:00:00Z' } },
      dashboard,
    );
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('is open to dashboards and integrators, not to source systems or anonymous callers', async () => {
    expect(await stats(['METHOD'], undefined, integrator)).toHaveLength(4);
    const forbidden = await t.gql(QUERY, { groupBy: [] }, source);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(QUERY, { groupBy: [] });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('live', () => {
    const lastSeq = async () =>
      Number(
        (await t.hub.services.orm.em.fork().execute<{ m: string }[]>('select max(seq) as m from change_event'))[0].m,
      );
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it('sends the current figures at once, then few coalesced updates for a burst of pushes, the last with the final figures', async () => {
      const feed = t.hub.services.feed;
      const liveBefore = feed.liveCount;
      const updates: { at: number; data: Update['tradingStatisticsChanged'] }[] = [];
      const errors: unknown[] = [];
      const unsubscribe = t.ws(dashboard).subscribe<Update>(
        { query: String(SUBSCRIPTION), variables: { groupBy: ['REGION'], filter: { regionCode: '420500' } } },
        {
          next: (v) =>
            v.errors ? errors.push(v.errors) : updates.push({ at: Date.now(), data: v.data!.tradingStatisticsChanged }),
          error: (e) => errors.push(e),
          complete: () => undefined,
        },
      );
      const until = async (done: () => boolean, what: string) => {
        const deadline = Date.now() + 20000;
        while (!done()) {
          if (errors.length) throw new Error(JSON.stringify(errors));
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(updates)}`);
          await sleep(20);
        }
      };

      // The current figures at once: nothing in Yichang yet, as of the last change of the log.
      await until(() => updates.length === 1, 'the initial figures');
      expect(updates[0].data).toMatchObject({ rows: [], cursor: feedCursor(await lastSeq()) });
      expect(feed.liveCount).toBe(liveBefore + 1);

      // A burst of 40 pushes over more than two seconds, each a project in Yichang (宜昌市 420500 and its county 夷陵区
      // 420506).
      const p = await parties(t, source, 1, 7400);
      const BURST = 40;
      const started = Date.now();
      for (let i = 0; i < BURST; i++) {
        await accepted('pushTradingProjects', 'TradingProjectInput', [
          {
            code: `YC-${i}`,
            name: `宜昌项目 ${i}`,
            subItemCode: 'ENG_OTHER',
            regionCode: i % 2 ? '420506' : '420500',
            tendererCreditCode: p.tenderer,
            method: 'OPEN_TENDER',
            budget: '1000.10',
            publishedAt: '2026-04-01T09:00:00+08:00',
            sections: [
              { code: `YC-${i}-S1`, name: '一标段', budget: '1000.10', openingAt: '2026-05-01T09:00:00+08:00' },
            ],
          },
        ]);
        await sleep(50);
      }
      const burstMs = Date.now() - started;
      const finalCursor = feedCursor(await lastSeq());
      // 40 projects of 1000.10 each: 40004.00 (no awards, no bids).
      const final = {
        regionCode: '420500',
        projectCount: BURST,
        sectionCount: BURST,
        totalBudget: '40004.00',
        totalAwarded: '0.00',
        savingRate: null,
        averageBiddersPerSection: '0.00',
      };
      await until(() => updates.at(-1)!.data.cursor === finalCursor, 'the final figures');
      expect(updates.at(-1)!.data.rows).toEqual([final]);

      // Coalesced: at most one update per second of the burst (plus the one that catches up after it), far fewer than
      // the pushes.
      const live = updates.slice(1);
      expect(burstMs).toBeGreaterThan(2000);
      expect(live.length).toBeGreaterThanOrEqual(2);
      expect(live.length).toBeLessThanOrEqual(Math.ceil(burstMs / 1000) + 1);
      expect(live.length).toBeLessThan(BURST / 2); // far fewer updates than pushes (the bound above is the precise one)
      for (let i = 1; i < updates.length; i++) {
        expect(Date.parse(updates[i].data.asOf) - Date.parse(updates[i - 1].data.asOf)).toBeGreaterThanOrEqual(900);
      }
      // Figures only grow during the burst, each a consistent snapshot.
      const counts = live.map((u) => u.data.rows[0]?.projectCount ?? 0);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      console.log(
        `statistics: ${BURST} pushes in ${burstMs} ms gave ${live.length} update(s): projectCount ${counts.join(' → ')}`,
      );

      // Nothing changes: no update. A change outside trading (a market entity) does not count either.
      await parties(t, source, 1, 7500);
      await sleep(2500);
      expect(updates.length).toBe(live.length + 1);

      // Unsubscribing closes the feed subscription behind it.
      unsubscribe();
      await until(() => feed.liveCount === liveBefore, 'the feed subscription to close');
    });

    it('lets a dashboard follow the figures and refuses a source system', async () => {
      const [first] = await collect(
        t.ws(dashboard),
        SUBSCRIPTION,
        { groupBy: ['REGION'], filter: { regionCode: '429000' } },
        1,
      );
      expect(first.tradingStatisticsChanged.rows).toEqual([
        {
          regionCode: '429004',
          projectCount: 2,
          sectionCount: 4,
          totalBudget: '8500000.00',
          totalAwarded: '9140000.00',
          savingRate: '-0.0963',
          averageBiddersPerSection: '1.00',
        },
      ]);
      await expect(collect(t.ws(source), SUBSCRIPTION, { groupBy: [] }, 1)).rejects.toThrow(/FORBIDDEN/);
      await expect(
        collect(t.ws(dashboard), SUBSCRIPTION, { groupBy: [], filter: { regionCode: '990000' } }, 1),
      ).rejects.toThrow(/BAD_USER_INPUT/);
    });
  });
});
