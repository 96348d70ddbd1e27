import { CHANGES } from '../setup/data';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { LABELLED_BIDDERS, labelledCollusionData, type LabelledData } from '../../src/seed/collusion';
import { countStatements } from '../setup/statements';
import {
  DEFAULT_DISCLOSURE_THRESHOLDS,
  DisclosureGroup,
  disclosureQualitySql,
} from '../../src/supervision/disclosure.queries';
import { parties, push } from '../setup/trading';

/*
 * The collusion rules end to end: labelled data pushed through the API, every
 * planted case found with its rule and evidence, nothing on the clean
 * sections; findings on the change feed as they are raised and cleared;
 * evidence masked as the bid fields are; statements independent of the number
 * of bids; reviews numbered under concurrency.
 */
type Any = Record<string, any>;

const COLLUSION = [
  'SHARED_DEVICE',
  'SHARED_IP',
  'SHARED_DOCUMENT_HASH',
  'SHARED_PROJECT_MANAGER',
  'SHARED_BOND_ACCOUNT',
  'SHARED_CERTIFICATE',
  'IDENTICAL_PRICES',
  'PRICE_PROGRESSION',
  'LOSERS_CLUSTERED',
  'SINGLE_BIDDER',
  'WIN_NEAR_BUDGET',
  'BID_ROTATION',
  'COVER_BIDDING',
];

const FINDINGS = `query F($filter: FindingFilterInput, $first: Int, $after: String) {
  findings(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id rule severity alarmLevel message topic recordKey projectCode sectionCode regionCode category sourceSystem evidence detectedAt clearedAt review { number outcome author } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('collusion indicators', () => {
  let t: TestHub;
  let key: string;
  let data: LabelledData;
  let reader: string;
  let revealer: string;

  async function client(name: string, reveal: string): Promise<string> {
    const r = await t.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "${name}", roles: [INTEGRATOR]${reveal ? `, reveal: [${reveal}]` : ''} }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.createClient.apiKey;
  }

  async function allFindings(as: string, filter: Record<string, unknown> = {}): Promise<Any[]> {
    const out: Any[] = [];
    let after: string | null = null;
    for (;;) {
      const r: { data?: { findings: Any } | null; errors?: unknown } = await t.gql<{ findings: Any }>(
        FINDINGS,
        { filter, first: 200, after },
        as,
      );
      expect(r.errors).toBeUndefined();
      out.push(...r.data!.findings.edges.map((e: Any) => e.node));
      if (!r.data!.findings.pageInfo.hasNextPage) return out;
      after = r.data!.findings.pageInfo.endCursor;
    }
  }

  const pushAll = async (mutation: string, type: string, records: unknown[]) => {
    for (let i = 0; i < records.length; i += 200) {
      const r = await push(t, key, mutation, type, records.slice(i, i + 200));
      expect(r.rejected).toBe(0);
    }
  };

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('COLL-SYS', '420100');
    const p = await parties(t, key, LABELLED_BIDDERS, 8100);
    data = labelledCollusionData('CL', p, p.bidders);
    await pushAll('pushTradingProjects', 'TradingProjectInput', data.projects);
    await pushAll('pushBids', 'BidInput', data.bids);
    await pushAll('pushBidOpenings', 'BidOpeningInput', data.openings);
    await pushAll('pushAwards', 'AwardInput', data.awards);
    reader = await client('coll-reader', '');
    revealer = await client('coll-revealer', 'BID_EVIDENCE, PERSONAL_ID');
  });
  afterAll(() => t.stop());

  it('finds every planted case with its rule and evidence, and nothing on the clean sections', async () => {
    const found = await allFindings(revealer, { rule: COLLUSION });
    let hits = 0;
    const missed: string[] = [];
    for (const a of data.answers) {
      const f = found.find(
        (x) =>
          x.rule === a.rule &&
          x.sectionCode === a.sectionCode &&
          a.bids.every((b) => (x.evidence.bids as string[]).includes(b)) &&
          (!a.shared || JSON.stringify(x.evidence.shared) === JSON.stringify(a.shared)),
      );
      if (f) hits += 1;
      else missed.push(`${a.rule} on ${a.sectionCode}`);
    }
    const clean = new Set(data.clean);
    const falsePositives = found.filter((x) => clean.has(x.sectionCode));
    // Findings on planted sections that the key does not list (a planted pattern tripping another rule).
    const planted = new Set(data.answers.map((a) => `${a.rule} ${a.sectionCode}`));
    const extra = found.filter((x) => !planted.has(`${x.rule} ${x.sectionCode}`));
    process.stdout.write(
      `collusion rules: recall ${hits}/${data.answers.length}, false positives ${falsePositives.length} on ${data.clean.length} clean sections, ${extra.length} unlabelled\n`,
    );
    expect(missed).toEqual([]);
    expect(falsePositives.map((x) => `${x.rule} ${x.sectionCode}`)).toEqual([]);
    expect(extra.map((x) => `${x.rule} ${x.sectionCode}`)).toEqual([]);
    expect(new Set(found.map((x) => x.rule))).toEqual(new Set(COLLUSION));
  });

  it('gives each finding its project, region, category, system, severity and national alarm level', async () => {
    const [f] = await allFindings(reader, { rule: ['SHARED_DEVICE'] });
    expect(f).toMatchObject({
      severity: 'HIGH',
      alarmLevel: '1',
      topic: 'BID',
      recordKey: 'CL-SHARED_DEVICE-S1',
      projectCode: 'CL-SHARED_DEVICE',
      regionCode: '420102',
      category: 'ENGINEERING',
      sourceSystem: 'COLL-SYS',
      clearedAt: null,
    });
  });

  it('masks the shared evidence for a reader without the evidence grant, as the bid fields are', async () => {
    const masked = await allFindings(reader, { rule: ['SHARED_DEVICE', 'SHARED_PROJECT_MANAGER'] });
    expect(
      masked.map((f) => f.evidence.shared).sort((a, b) => Object.keys(a)[0].localeCompare(Object.keys(b)[0])),
    ).toEqual([
      { deviceFingerprint: '******' },
      { projectManagerId: expect.stringMatching(/^420102\*+\w\w$/) as string },
    ]);
    expect(masked[0].evidence.bids).toHaveLength(2);
  });

  it('masks the evidence on the FINDING feed for a follower without the evidence grant', async () => {
    const created = await t.gql<{ createClient: { apiKey: string } }>(
      'mutation { createClient(input: { name: "coll-follower", roles: [FEED_CONSUMER], readTopics: [FINDING] }) { apiKey } }',
      undefined,
      ADMIN_KEY,
    );
    expect(created.errors).toBeUndefined();
    const [device] = await allFindings(revealer, { rule: ['SHARED_DEVICE'] });
    expect(device.evidence.shared.deviceFingerprint).not.toBe('******');
    // The follower reads the FINDING events from the start up to the one that raised this finding.
    const [{ n }] = await t.hub.services.orm.em
      .fork()
      .execute<{ n: string }[]>(
        `select count(*)::text as n from change_event where topic = 'FINDING' and seq <= (select min(seq) from change_event where topic = 'FINDING' and key = ?)`,
        [device.id],
      );
    const events = await collect(
      t.ws(created.data!.createClient.apiKey),
      CHANGES,
      { after: null, topics: ['FINDING'] },
      Number(n),
    );
    const raised = events.at(-1)!.changes;
    expect(raised).toMatchObject({ topic: 'FINDING', op: 'CREATE', key: device.id });
    const evidence = (raised.data as Any).evidence;
    expect(evidence.shared).toEqual({ deviceFingerprint: '******' });
    expect(evidence.bids).toEqual(device.evidence.bids);
  });

  it('puts a raised finding on the feed and clears it, with a DELETE event, when a correction removes its ground', async () => {
    const [f] = await allFindings(revealer, { rule: ['SHARED_IP'] });
    const events = async () =>
      t.hub.services.orm.em
        .fork()
        .execute<{ op: string; key: string; data: Any }[]>(
          `select op, key, data from change_event where topic = 'FINDING' and key = ? order by seq`,
          [f.id],
        );
    expect((await events()).map((e) => e.op)).toEqual(['CREATE']);
    const bid = data.bids.find((b) => b.sectionCode === 'CL-SHARED_IP-S1' && b.ipAddress === '192.168.77.8') as Record<
      string,
      unknown
    >;
    const r = await push(t, key, 'pushBids', 'BidInput', [{ ...bid, ipAddress: '192.168.77.9' }]);
    expect(r.accepted).toBe(1);
    const after = await events();
    expect(after.map((e) => e.op)).toEqual(['CREATE', 'DELETE']);
    expect(after[1].data).toMatchObject({ id: f.id, rule: 'SHARED_IP', clearedAt: expect.any(String) as string });
    expect(await allFindings(reader, { rule: ['SHARED_IP'], open: true })).toEqual([]);
    const cleared = await allFindings(reader, { rule: ['SHARED_IP'], open: false });
    expect(cleared.map((c) => c.id)).toEqual([f.id]);
    // The log keeps the evidence whole; readers of the feed see it masked by the topic's sensitive fields.
    const feedData = after[1].data;
    expect(feedData.evidence.shared).toEqual({ ipAddress: '192.168.77.8' });
  });

  it('runs the same statements whatever the number of bids in the push', async () => {
    const sections = (n: string) => ({
      ...data.projects[0],
      code: `CL-COUNT${n}`,
      sections: Array.from({ length: 10 }, (_, i) => ({
        code: `CL-COUNT${n}-S${i}`,
        name: `标段${i}`,
        budget: '1000000.00',
        openingAt: '2026-01-25T09:30:00+08:00',
      })),
    });
    await pushAll('pushTradingProjects', 'TradingProjectInput', [sections('A'), sections('B')]);
    const bidders = data.bids.map((b) => b.bidderCreditCode as string).filter((c, i, a) => a.indexOf(c) === i);
    const bids = (n: string, perSection: number) =>
      Array.from({ length: 10 }, (_, s) =>
        bidders.slice(0, perSection).map((bidder, i) => ({
          sectionCode: `CL-COUNT${n}-S${s}`,
          bidderCreditCode: bidder,
          amount: `${900000 + i * 1237 + s * 11}.00`,
          submittedAt: '2026-01-20T10:00:00+08:00',
          deviceFingerprint: `X-${n}-${s}-${i}`,
        })),
      ).flat();
    // The key's principal is read once and then cached: read before counting, as neither push's own.
    expect((await t.gql('{ __typename }', undefined, key)).errors).toBeUndefined();
    // Three bids a section are already in regular steps, as twenty are: both pushes raise findings.
    const few = await countStatements(t.hub, () => push(t, key, 'pushBids', 'BidInput', bids('A', 3)));
    const many = await countStatements(t.hub, () => push(t, key, 'pushBids', 'BidInput', bids('B', 20)));
    expect(many.executes.length + many.queries.length).toBe(few.executes.length + few.queries.length);
  });

  it('keeps every concurrent review, numbered, with its author, on the feed', async () => {
    const [f] = await allFindings(reader, { rule: ['SHARED_DEVICE'] });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.gql<{ reviewFinding: Any }>(
          `mutation($i: ReviewFindingInput!) { reviewFinding(input: $i) { number outcome note author reviewedAt } }`,
          { i: { id: f.id, outcome: i % 2 ? 'DISMISSED' : 'CONFIRMED', note: `review ${i}` } },
          ADMIN_KEY,
        ),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    expect(results.map((r) => r.data!.reviewFinding.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const events = await t.hub.services.orm.em
      .fork()
      .execute<{ version: number }[]>(
        `select version from change_event where topic = 'FINDING_REVIEW' and key = ? order by seq`,
        [f.id],
      );
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    const [now] = await allFindings(reader, { rule: ['SHARED_DEVICE'] });
    expect(now.review).toMatchObject({ number: 6, author: 'admin' });
    const missing = await t.gql(
      `mutation { reviewFinding(input: { id: "999999999", outcome: CONFIRMED }) { number } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const denied = await t.gql(
      `mutation { reviewFinding(input: { id: "${f.id}", outcome: CONFIRMED }) { number } }`,
      undefined,
      reader,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('counts findings per rule and per month in SQL', async () => {
    const r = await t.gql<{ findingStatistics: Any[] }>(
      `{ findingStatistics(groupBy: [RULE], filter: { rule: ["SHARED_DEVICE", "BID_ROTATION"] }) { rule total open high medium confirmed dismissed } }`,
      undefined,
      reader,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.findingStatistics).toEqual([
      { rule: 'BID_ROTATION', total: 3, open: 3, high: 0, medium: 3, confirmed: 0, dismissed: 0 },
      {
        rule: 'SHARED_DEVICE',
        total: 1,
        open: 1,
        high: 1,
        medium: 0,
        confirmed: expect.any(Number),
        dismissed: expect.any(Number),
      },
    ]);
  });

  describe('disclosure quality', () => {
    const period = { from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' };
    const Q = `query($p: PeriodInput!) { disclosureQuality(period: $p, groupBy: [SOURCE_SYSTEM]) { measure sourceSystem total ok share rejected p50Hours p95Hours } }`;
    const O = `query($m: DisclosureMeasure!, $p: PeriodInput!, $s: String, $after: String) {
      disclosureOffenders(measure: $m, period: $p, sourceSystem: $s, first: 500, after: $after) { totalCount edges { node { topic key projectCode delayHours } } pageInfo { hasNextPage } } }`;

    it('measures award notices, timeliness and corrections per system, with the failing records one query away', async () => {
      const noticed = data.awards[0].sectionCode as string;
      const project = noticed.replace(/-S1$/, '');
      const n = await push(t, key, 'pushAnnouncements', 'AnnouncementInput', [
        {
          code: `${project}-AN`,
          projectCode: project,
          type: 'AWARD_NOTICE',
          title: '中标结果公告',
          publishedAt: '2026-02-02T09:00:00+08:00',
          sectionCodes: [noticed],
        },
      ]);
      expect(n.accepted).toBe(1);
      const r = await t.gql<{ disclosureQuality: Any[] }>(Q, { p: period }, reader);
      expect(r.errors).toBeUndefined();
      const by = Object.fromEntries(r.data!.disclosureQuality.map((x) => [x.measure, x]));
      expect(by.AWARD_NOTICE).toMatchObject({ sourceSystem: 'COLL-SYS', total: data.awards.length, ok: 1 });
      expect(by.TIMELY.total).toBeGreaterThanOrEqual(data.bids.length);
      // The records are dated early in 2026 and pushed now: none arrived within 24 hours.
      expect(by.TIMELY).toMatchObject({ ok: 0, share: 0 });
      expect(by.TIMELY.p50Hours).toBeGreaterThan(24);
      expect(by.UNCORRECTED.ok).toBeLessThan(by.UNCORRECTED.total);
      // Every labelled record was accepted: accuracy counts no rejection (disclosure-rejections.test.ts counts them).
      expect(by.UNCORRECTED.rejected).toBe(0);

      const o = await t.gql<{ disclosureOffenders: Any }>(O, { m: 'AWARD_NOTICE', p: period, s: 'COLL-SYS' }, reader);
      expect(o.errors).toBeUndefined();
      const keys = o.data!.disclosureOffenders.edges.map((e: Any) => e.node.key);
      expect(o.data!.disclosureOffenders.totalCount).toBe(data.awards.length - 1);
      expect(keys).toHaveLength(data.awards.length - 1);
      expect(keys).not.toContain(noticed);
      const bad = await t.gql(Q, { p: { from: period.to, to: period.from } }, reader);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('counts a day-dated record from the first instant of its China day, not from the next millisecond', async () => {
      const day = data.awards[0].awardedOn as string;
      const expected = data.awards.filter((a) => a.awardedOn === day).length;
      const start = Date.parse(`${day}T00:00:00+08:00`);
      const total = async (from: number, to: number) => {
        const r = await t.gql<{ disclosureQuality: Any[] }>(
          Q,
          { p: { from: new Date(from).toISOString(), to: new Date(to).toISOString() } },
          reader,
        );
        expect(r.errors).toBeUndefined();
        return r.data!.disclosureQuality.find((x) => x.measure === 'AWARD_NOTICE')?.total ?? 0;
      };
      expect(await total(start, start + 86_400_000)).toBe(expected);
      expect(await total(start + 1, start + 86_400_000)).toBe(0);
      // A period ending at the day's first instant leaves it out; one ending a millisecond later takes it in.
      expect(await total(start - 86_400_000, start + 1)).toBe((await total(start - 86_400_000, start)) + expected);
    });

    it('reads each kind of record through the index on its own time: the period is a condition of every branch', async () => {
      const q = disclosureQualitySql(
        { from: new Date('2026-02-01T00:00:00+08:00'), to: new Date('2026-03-01T00:00:00+08:00') },
        [DisclosureGroup.SOURCE_SYSTEM],
        DEFAULT_DISCLOSURE_THRESHOLDS,
      );
      // Sequential scans off: a branch whose period condition cannot use the index would still scan another way.
      const plan = await t.hub.services.orm.em.fork().transactional(async (tx) => {
        await tx.execute('set local enable_seqscan = off');
        const [row] = await tx.execute<{ 'QUERY PLAN': unknown }[]>(`explain (format json) ${q.sql}`, q.params);
        return row['QUERY PLAN'];
      });
      const conds = new Map<string, string[]>();
      const walk = (n: Any) => {
        if (n && typeof n === 'object') {
          if (n['Index Name'] && n['Index Cond'])
            conds.set(n['Index Name'], [...(conds.get(n['Index Name']) ?? []), n['Index Cond'] as string]);
          for (const v of Object.values(n)) walk(v);
        }
      };
      walk(plan as Any);
      for (const [index, column] of [
        ['award_awarded_on_idx', 'awarded_on'],
        ['evaluation_reported_at_idx', 'reported_at'],
        ['contract_signed_on_idx', 'signed_on'],
        ['bid_submitted_at_idx', 'submitted_at'],
        ['bid_opening_opened_at_idx', 'opened_at'],
        ['announcement_published_at_idx', 'published_at'],
      ])
        expect([index, conds.get(index)?.every((c) => c.includes(column))]).toEqual([index, true]);
    });
  });
});
