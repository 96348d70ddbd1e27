import { REGISTRY } from '../../resolvers/families';
import { authenticate } from '../../src/auth/keys';
import type { Principal } from '../../src/auth/principal';
import type { FindingRule } from '../../src/ingest/findings';
import { runPush } from '../../src/ingest/pipeline';
import { startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/*
 * The seam through which one family contributes findings on another family's
 * records (a blacklisted bidder is a finding on a bid): a FindingRule on the
 * BID topic, run by the push pipeline after the trading family's own
 * findings, each replacing only its own rule codes.
 */
describe("finding rules contributed on another family's topic", () => {
  let t: TestHub;
  let key: string;
  let principal: Principal;
  let p: { tenderer: string; agency: string; bidders: string[] };
  /** The bidder the contributing family has flagged, if any. */
  let flagged: string | null = null;
  const seen: string[][] = [];
  const rule: FindingRule = {
    topic: 'BID',
    rules: ['BIDDER_FLAGGED'],
    async derive(_em, records) {
      seen.push(records.map((r) => r.key));
      const out = new Map<string, { rule: string; message: string }[]>();
      for (const r of records) {
        if ((r.value as { bidderCreditCode: string }).bidderCreditCode === flagged)
          out.set(r.key, [{ rule: 'BIDDER_FLAGGED', message: `${flagged} is flagged` }]);
      }
      return out;
    },
  };
  const findings = async () =>
    (
      await t.hub.services.orm.em
        .fork()
        .execute<{ record_key: string; rule: string }[]>(
          "select record_key, rule from finding where topic = 'BID' and project_code = 'FR-P1' order by record_key, rule",
        )
    ).map((r) => `${r.record_key} ${r.rule}`);
  const pushBids = async (records: unknown[]) =>
    runPush(t.hub.services.orm.em.fork(), principal, await REGISTRY.pushDomain('BID'), records, {
      maxBatch: 100,
      findingRules: [rule],
    });

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('FR-SYS', '420100');
    principal = await authenticate(t.hub.services.orm.em.fork(), key);
    p = await parties(t, key, 2, 7700);
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('FR-P1', p)])).accepted).toBe(1);
  });
  afterAll(() => t.stop());

  it("stores and reports the contributed finding beside the owner's own", async () => {
    flagged = p.bidders[0];
    const r = await pushBids([
      // After the planned opening (2026-09-25 09:30): the trading family's BID_AFTER_OPENING too.
      {
        sectionCode: 'FR-P1-S1',
        bidderCreditCode: p.bidders[0],
        amount: '100.00',
        submittedAt: '2026-09-25T10:00:00+08:00',
      },
      {
        sectionCode: 'FR-P1-S1',
        bidderCreditCode: p.bidders[1],
        amount: '200.00',
        submittedAt: '2026-09-20T10:00:00+08:00',
      },
    ]);
    expect(r.accepted).toBe(2);
    expect(r.results[0].warnings.map((w) => w.rule)).toEqual(['BID_AFTER_OPENING', 'BIDDER_FLAGGED']);
    expect(r.results[1].warnings).toEqual([]);
    expect(seen.at(-1)).toEqual([`FR-P1-S1/${p.bidders[0]}`, `FR-P1-S1/${p.bidders[1]}`]);
    expect(await findings()).toEqual([
      `FR-P1-S1/${p.bidders[0]} BIDDER_FLAGGED`,
      `FR-P1-S1/${p.bidders[0]} BID_AFTER_OPENING`,
    ]);
  });

  it('keeps it when the owner re-derives its own findings on those records', async () => {
    // The actual opening came after the bid: BID_AFTER_OPENING no longer holds; the flag is not the trading family's to
    // remove.
    const r = await push(t, key, 'pushBidOpenings', 'BidOpeningInput', [
      { sectionCode: 'FR-P1-S1', openedAt: '2026-09-25T11:00:00+08:00', bidderCount: '2' },
    ]);
    expect(r.accepted).toBe(1);
    expect(await findings()).toEqual([`FR-P1-S1/${p.bidders[0]} BIDDER_FLAGGED`]);
  });

  it('removes it when the contributing rule no longer finds it, on the next push of the record', async () => {
    flagged = null;
    const r = await pushBids([
      {
        sectionCode: 'FR-P1-S1',
        bidderCreditCode: p.bidders[0],
        amount: '101.00',
        submittedAt: '2026-09-25T10:00:00+08:00',
      },
    ]);
    expect(r.results[0]).toMatchObject({ status: 'ACCEPTED', warnings: [] });
    expect(await findings()).toEqual([]);
  });
});
