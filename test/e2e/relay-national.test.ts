import { startRelayTarget, type RelayTarget } from '../../examples/relay-target';
import { nationalPlatform } from '../../src/relay/national';
import { ocdsExtras } from '../../src/relay/national/ocds';
import { Relay } from '../../src/relay/relay';
import { describeErrors, ocdsValidator } from '../fixtures/ocds/ocds-validator';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/*
 * The national platform's relay end to end with real trading data: a project
 * with two sections, bids, an opening, an evaluation, an award and a contract
 * pushed to the hub, relayed to the test target of examples/relay-target.ts,
 * and what the target holds checked against the mapping: each record in its
 * data set with the project's unified transaction identifier and the hub's
 * Decimal strings, and the batches' OCDS 1.1 release packages (at most N
 * releases each, valid against the schema, ocid stable per project, the
 * latest release equal to the hub's, amounts equal to the pushed decimals,
 * business dates at +08:00).
 */

type Json = Record<string, any>;

const LAG = `query Lag($name: String!) { feedConsumer(name: $name) { lagEvents } }`;
const TOPICS = ['TRADING_PROJECT', 'ANNOUNCEMENT', 'BID', 'BID_OPENING', 'EVALUATION', 'AWARD', 'CONTRACT'];

async function eventually<T>(check: () => Promise<T>, ms = 60000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('the national-platform relay with trading data', () => {
  let t: TestHub;
  let key: string;
  let target: RelayTarget;
  let relay: Relay;
  let running: Promise<void>;
  const validator = ocdsValidator();
  const A = 'NAT-GC-0001';
  const B = 'NAT-GC-0002';
  /** Pushed together: more projects in one batch than one GraphQL operation may alias (HUB_MAX_ALIASES, 15). */
  const MORE = Array.from({ length: 30 }, (_, i) => `NAT-GC-1${String(i).padStart(3, '0')}`);
  let p: Awaited<ReturnType<typeof parties>>;

  async function accepted(mutation: string, inputType: string, records: unknown[]): Promise<void> {
    const r = await push(t, key, mutation, inputType, records);
    expect(r.results.filter((x) => x.status === 'REJECTED')).toEqual([]);
  }

  async function caughtUp(): Promise<void> {
    await eventually(async () => {
      const r = await t.gql<{ feedConsumer: { lagEvents: number } }>(LAG, { name: 'national-platform' }, ADMIN_KEY);
      expect(r.data?.feedConsumer.lagEvents).toBe(0);
    });
  }

  beforeAll(async () => {
    t = await startTestHub({ consumerLeaseSeconds: 2, feedPollMs: 200, rateLimit: 1_000_000, rateBurst: 1_000_000 });
    key = await t.system('NAT-SYS');
    p = await parties(t, key, 3, 7600);
    const reg = await t.gql<{ registerFeedConsumer: { apiKey: string } }>(
      `mutation($input: RegisterFeedConsumerInput!) { registerFeedConsumer(input: $input) { apiKey } }`,
      { input: { name: 'national-platform', topics: TOPICS } },
      ADMIN_KEY,
    );
    expect(reg.errors).toBeUndefined();
    // INTEGRATOR lets the relay read the projects' OCDS releases.
    const grants = await t.gql(
      `mutation { updateGrants(principal: "national-platform", input: { roles: [FEED_CONSUMER, INTEGRATOR] }) { name } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(grants.errors).toBeUndefined();
    target = await startRelayTarget(0, {});
    const logs: string[] = [];
    relay = new Relay(
      {
        hub: t.hub.url,
        key: reg.data!.registerFeedConsumer.apiKey,
        target: target.url,
        batch: 50,
        lingerMs: 100,
        timeoutMs: 5000,
        retries: 0,
        backoffMs: 5,
        maxBackoffMs: 50,
        standbyMs: 100,
        ocdsPackageSize: 1,
      },
      nationalPlatform,
      { extras: ocdsExtras(1, (m) => logs.push(m)), log: (m) => logs.push(m) },
    );
    running = relay.run();

    await accepted('pushTradingProjects', 'TradingProjectInput', [project(A, p), project(B, p)]);
    await accepted('pushAnnouncements', 'AnnouncementInput', [
      {
        code: `${A}-GG1`,
        projectCode: A,
        type: 'TENDER_NOTICE',
        title: '某道路改造工程招标公告',
        publishedAt: '2026-09-01T09:00:00+08:00',
        url: 'https://ggzy.example.cn/notice/1',
      },
    ]);
    await accepted('pushBids', 'BidInput', [
      {
        sectionCode: `${A}-S1`,
        bidderCreditCode: p.bidders[0],
        amount: '580000.05',
        submittedAt: '2026-09-24T10:00:00+08:00',
        status: 'VALID',
      },
      {
        sectionCode: `${A}-S1`,
        bidderCreditCode: p.bidders[1],
        amount: '590000.50',
        submittedAt: '2026-09-24T11:00:00+08:00',
        status: 'VALID',
      },
      {
        sectionCode: `${B}-S2`,
        bidderCreditCode: p.bidders[2],
        amount: '399000.00',
        submittedAt: '2026-09-24T12:30:00+08:00',
        status: 'VALID',
      },
    ]);
    await accepted('pushBidOpenings', 'BidOpeningInput', [
      { sectionCode: `${A}-S1`, openedAt: '2026-09-25T09:30:00+08:00', bidderCount: '2' },
    ]);
    await accepted('pushEvaluations', 'EvaluationInput', [
      {
        sectionCode: `${A}-S1`,
        reportedAt: '2026-09-28T17:00:00+08:00',
        candidates: [{ rank: '1', bidderCreditCode: p.bidders[0], score: '92.5', amount: '580000.05' }],
      },
    ]);
    await accepted('pushAwards', 'AwardInput', [
      { sectionCode: `${A}-S1`, winnerCreditCode: p.bidders[0], amount: '580000.05', awardedOn: '2026-10-08' },
    ]);
    await accepted('pushContracts', 'ContractInput', [
      {
        code: `${A}-HT1`,
        sectionCode: `${A}-S1`,
        amount: '580000.05',
        signedOn: '2026-10-20',
        periodStart: '2026-11-01',
        periodEnd: '2027-10-31',
      },
    ]);
    await accepted(
      'pushTradingProjects',
      'TradingProjectInput',
      MORE.map((c) => project(c, p)),
    );
    await caughtUp();
    expect(logs.filter((l) => /INTEGRATOR|session ended/.test(l))).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    relay?.stop();
    await running;
    await target?.close();
    await t?.stop();
  });

  it('delivers every trading event once, in seq order, in its data set with the unified transaction identifier', async () => {
    const events = await t.hub.services.orm.em
      .fork()
      .execute<{ seq: string; topic: string; key: string }[]>(
        `select seq::text as seq, topic, key from change_event where topic in (${TOPICS.map((x) => `'${x}'`).join(',')}) order by seq`,
      );
    expect(target.records.map((r) => r.id)).toEqual(events.map((e) => e.seq));
    const byTopic = (topic: string) => target.records.filter((r) => (r.payload as Json).topic === topic);
    for (const r of [...byTopic('TRADING_PROJECT'), ...byTopic('ANNOUNCEMENT')])
      expect(r).toMatchObject({ dataSet: 'trading-announcement', mapping: 'trading-announcement/1' });
    for (const topic of ['BID', 'BID_OPENING', 'EVALUATION', 'AWARD', 'CONTRACT'])
      for (const r of byTopic(topic))
        expect(r).toMatchObject({ dataSet: 'trading-result', mapping: 'trading-result/1' });
    const projectA = byTopic('TRADING_PROJECT').find((r) => r.key === A)!;
    expect(projectA.payload).toMatchObject({
      unifiedTransactionCode: `HB420102-${A}`,
      record: { code: A, budget: '1000000.00' },
    });
    // Every trading record carries its project's code and unified transaction identifier.
    for (const r of target.records) {
      const payload = r.payload as Json;
      const projectCode = payload.topic === 'TRADING_PROJECT' ? r.key : payload.record.projectCode;
      expect([A, B, ...MORE]).toContain(projectCode);
      expect(payload.unifiedTransactionCode).toBe(`HB420102-${projectCode}`);
    }
    // Money stays the hub's Decimal string in the records.
    const award = byTopic('AWARD')[0];
    expect((award.payload as Json).record).toMatchObject({ amount: '580000.05', awardedOn: '2026-10-08' });
    const bids = byTopic('BID').map((r) => (r.payload as Json).record.amount as unknown);
    expect(bids.sort()).toEqual(['399000.00', '580000.05', '590000.50']);
    expect((byTopic('CONTRACT')[0].payload as Json).record).toMatchObject({ amount: '580000.05' });
  });

  it('carries each batch’s projects as OCDS 1.1 release packages of at most N, valid and equal to the hub’s', async () => {
    expect(target.ocds.length).toBeGreaterThan(0);
    const releases: Json[] = [];
    for (const pkg of target.ocds as Json[]) {
      const errors = validator.validatePackage(pkg);
      if (errors.length) throw new Error(`not a valid OCDS release package:\n${describeErrors(errors)}`);
      expect(pkg.version).toBe('1.1');
      expect(pkg.releases).toHaveLength(1);
      releases.push(...(pkg.releases as Json[]));
    }
    // ocid stable per project; each release id is the project code and its revision.
    expect(new Set(releases.map((r) => r.ocid))).toEqual(new Set([A, B, ...MORE].map((c) => `ocds-hubei00-${c}`)));
    for (const r of releases) expect(r.id).toMatch(new RegExp(`^${r.ocid.replace('ocds-hubei00-', '')}-\\d+\\.\\d+$`));
    // The last release the target holds of each project is the hub's release now.
    for (const code of [A, B]) {
      const last = releases.filter((r) => r.ocid === `ocds-hubei00-${code}`).at(-1)!;
      const now = await t.gql<{ ocdsRelease: Json }>(
        `query($c: String!) { ocdsRelease(projectCode: $c) }`,
        { c: code },
        ADMIN_KEY,
      );
      expect(last).toEqual(now.data!.ocdsRelease);
    }
    const a = releases.filter((r) => r.ocid === `ocds-hubei00-${A}`).at(-1)!;
    expect(a.tag).toEqual(['award', 'contract']);
    // OCDS amounts are JSON numbers (the schema's type); each is the pushed decimal exactly.
    expect(a.tender.value).toEqual({ amount: Number('1000000.00'), currency: 'CNY' });
    expect(a.awards[0]).toMatchObject({
      id: `${A}-S1`,
      date: '2026-10-08T00:00:00+08:00',
      value: { amount: Number('580000.05'), currency: 'CNY' },
    });
    expect(String(a.awards[0].value.amount)).toBe('580000.05');
    expect(a.contracts[0]).toMatchObject({
      id: `${A}-HT1`,
      awardID: `${A}-S1`,
      dateSigned: '2026-10-20T00:00:00+08:00',
      period: { startDate: '2026-11-01T00:00:00+08:00', endDate: '2027-10-31T23:59:59+08:00' },
    });
    const bidAmounts = Object.fromEntries(
      (a.bids.details as Json[]).map((b) => [b.id, String(b.value.amount)] as const),
    );
    expect(bidAmounts).toEqual({ [`${A}-S1/${p.bidders[0]}`]: '580000.05', [`${A}-S1/${p.bidders[1]}`]: '590000.5' });
    const b = releases.filter((r) => r.ocid === `ocds-hubei00-${B}`).at(-1)!;
    expect(b.tag).toEqual(['tenderUpdate']);
  });
});
