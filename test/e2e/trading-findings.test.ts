import { loadConfig } from '../../src/config';
import { startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/*
 * Timing findings are a function of the stored records, whatever order they
 * were pushed in: a record that arrives later re-derives the findings of the
 * records it decides (a bid opening its section's bids, an evaluation its
 * project's candidate publicities, an award its section's contracts), and a
 * corrected re-push clears what no longer holds.
 */
describe('timing findings whatever the push order', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;

  beforeAll(async () => {
    // Timing rules only: the fixtures quote identical prices, which the collusion rules (collusion.test.ts) would flag.
    t = await startTestHub({ collusion: { ...loadConfig({}).collusion, enabled: false } });
    key = await t.system('FINDINGS-SYS');
    p = await parties(t, key, 4, 7500);
    // Both sections of F-1 are planned to open at 2026-09-25T09:30:00+08:00.
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('F-1', p)])).accepted).toBe(1);
  });
  afterAll(() => t.stop());

  const sql = <T>(q: string, params: unknown[] = []) => t.hub.services.orm.em.fork().execute<T[]>(q, params);
  const events = async (topic: string) =>
    Number((await sql<{ n: string }>(`select count(*) as n from change_event where topic = ?`, [topic]))[0].n);

  interface Finding {
    topic: string;
    recordKey: string;
    rule: string;
    message: string;
    detectedAt: string;
  }

  /** The project's findings as integrators read them. */
  async function findings(topic: string): Promise<Finding[]> {
    const r = await t.gql<{ tradingProject: { findings: Finding[] } }>(
      'query($c: String!) { tradingProject(code: $c) { findings { topic recordKey rule message detectedAt } } }',
      { c: 'F-1' },
      key,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.tradingProject.findings.filter((f) => f.topic === topic);
  }
  const late = async () => (await findings('BID')).map((f) => `${f.rule} ${f.recordKey}`).sort();

  const bid = (bidder: string, submittedAt: string) => ({
    sectionCode: 'F-1-S1',
    bidderCreditCode: bidder,
    amount: '500000.00',
    submittedAt,
  });
  const opening = (openedAt: string, location = '开标室 1') => ({
    sectionCode: 'F-1-S1',
    openedAt,
    bidderCount: '4',
    location,
  });

  it('flags the bids that a bid opening pushed after them shows to be late, and clears them when the opening is corrected', async () => {
    const [b0, b1, b2, b3] = p.bidders;
    const bids = await push(t, key, 'pushBids', 'BidInput', [
      bid(b0, '2026-09-24T10:00:00+08:00'),
      bid(b1, '2026-09-25T08:45:00+08:00'),
      bid(b2, '2026-09-25T09:00:00+08:00'),
    ]);
    // Before the planned opening at 09:30: nothing to find yet.
    expect(bids.results.map((r) => [r.status, r.warnings])).toEqual([
      ['ACCEPTED', []],
      ['ACCEPTED', []],
      ['ACCEPTED', []],
    ]);
    expect(await late()).toEqual([]);
    const bidEvents = await events('BID');

    // The bids were in fact opened at 08:30.
    const opened = await push(t, key, 'pushBidOpenings', 'BidOpeningInput', [opening('2026-09-25T08:30:00+08:00')]);
    expect(opened.results[0]).toMatchObject({ status: 'ACCEPTED', warnings: [] });
    expect(await late()).toEqual([`BID_AFTER_OPENING F-1-S1/${b1}`, `BID_AFTER_OPENING F-1-S1/${b2}`].sort());
    expect((await findings('BID'))[0].message).toContain('2026-09-25T00:30:00.000Z');
    // The bids did not change: no event of theirs; the opening's own event and the project's updatedAt carry the
    // change.
    expect(await events('BID')).toBe(bidEvents);

    // A bid pushed now is measured against the opening's openedAt, not the planned 09:30.
    const after = await push(t, key, 'pushBids', 'BidInput', [bid(b3, '2026-09-25T08:40:00+08:00')]);
    expect(after.results[0].warnings).toEqual([expect.objectContaining({ rule: 'BID_AFTER_OPENING' })]);
    expect(await late()).toHaveLength(3);

    // A change of the opening that does not move its time keeps the findings as they were detected.
    const detected = (await findings('BID')).map((f) => `${f.recordKey} ${f.detectedAt}`).sort();
    expect(
      (await push(t, key, 'pushBidOpenings', 'BidOpeningInput', [opening('2026-09-25T08:30:00+08:00', '开标室 2')]))
        .accepted,
    ).toBe(1);
    expect((await findings('BID')).map((f) => `${f.recordKey} ${f.detectedAt}`).sort()).toEqual(detected);

    // The correction: opened at 08:50. Only the 09:00 bid stays late.
    expect(
      (await push(t, key, 'pushBidOpenings', 'BidOpeningInput', [opening('2026-09-25T08:50:00+08:00')])).accepted,
    ).toBe(1);
    expect(await late()).toEqual([`BID_AFTER_OPENING F-1-S1/${b2}`]);
    expect(await sql(`select record_key, rule from finding where topic = 'BID'`)).toEqual([
      { record_key: `F-1-S1/${b2}`, rule: 'BID_AFTER_OPENING' },
    ]);
  });

  it("finds a candidate publicity late once the evaluation report it follows arrives, and clears it when the report's time is corrected", async () => {
    expect(
      (
        await push(t, key, 'pushBids', 'BidInput', [
          {
            sectionCode: 'F-1-S2',
            bidderCreditCode: p.bidders[0],
            amount: '390000.00',
            submittedAt: '2026-09-24T10:00:00+08:00',
          },
        ])
      ).accepted,
    ).toBe(1);
    const publicity = (c: string, sectionCodes: string[]) => ({
      code: c,
      projectCode: 'F-1',
      type: 'CANDIDATE_PUBLICITY',
      title: '中标候选人公示',
      publishedAt: '2026-10-05T09:00:00+08:00',
      periodStart: '2026-10-05',
      periodEnd: '2026-10-09',
      sectionCodes,
    });
    // GS-2 concerns section 2, GS-1 section 1, which has no evaluation.
    const pushed = await push(t, key, 'pushAnnouncements', 'AnnouncementInput', [
      publicity('GS-2', ['F-1-S2']),
      publicity('GS-1', ['F-1-S1']),
    ]);
    expect(pushed.results.map((r) => [r.status, r.warnings])).toEqual([
      ['ACCEPTED', []],
      ['ACCEPTED', []],
    ]);

    const evaluation = (reportedAt: string) => ({
      sectionCode: 'F-1-S2',
      reportedAt,
      candidates: [{ rank: '1', bidderCreditCode: p.bidders[0], score: '90.00' }],
    });
    // Reported on 28 September: the publicity of 5 October is 7 days after it.
    expect(
      (await push(t, key, 'pushEvaluations', 'EvaluationInput', [evaluation('2026-09-28T17:00:00+08:00')])).accepted,
    ).toBe(1);
    expect((await findings('ANNOUNCEMENT')).map((f) => `${f.rule} ${f.recordKey}`)).toEqual(['PUBLICITY_LATE GS-2']);

    // The report was in fact delivered on 3 October: 2 days, within the 3 allowed.
    expect(
      (await push(t, key, 'pushEvaluations', 'EvaluationInput', [evaluation('2026-10-03T17:00:00+08:00')])).accepted,
    ).toBe(1);
    expect(await findings('ANNOUNCEMENT')).toEqual([]);
  });

  it('finds a contract signed before an award that changes after it, and clears it when the award is corrected', async () => {
    const award = (awardedOn: string) => ({
      sectionCode: 'F-1-S2',
      winnerCreditCode: p.bidders[0],
      amount: '390000.00',
      awardedOn,
    });
    expect((await push(t, key, 'pushAwards', 'AwardInput', [award('2026-10-10')])).accepted).toBe(1);
    const contract = await push(t, key, 'pushContracts', 'ContractInput', [
      { code: 'HT-F-1-S2', sectionCode: 'F-1-S2', amount: '390000.00', signedOn: '2026-10-20' },
    ]);
    expect(contract.results[0]).toMatchObject({ status: 'ACCEPTED', warnings: [] });

    // The award is re-pushed dated after the contract.
    const later = await push(t, key, 'pushAwards', 'AwardInput', [award('2026-10-25')]);
    expect(later.results[0]).toMatchObject({ status: 'ACCEPTED', version: 2, warnings: [] });
    expect(await findings('CONTRACT')).toEqual([
      expect.objectContaining({
        recordKey: 'HT-F-1-S2',
        rule: 'CONTRACT_BEFORE_AWARD',
        message: 'signed on 2026-10-20, before the award on 2026-10-25',
      }),
    ]);

    // Corrected back to 12 October.
    expect((await push(t, key, 'pushAwards', 'AwardInput', [award('2026-10-12')])).accepted).toBe(1);
    expect(await findings('CONTRACT')).toEqual([]);
  });

  it('gives the same findings when the records arrive in lifecycle order', async () => {
    // F-2 receives the same kind of records as F-1, in order: opening before the bids, evaluation before the publicity,
    // award before the contract.
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('F-2', p)])).accepted).toBe(1);
    await push(t, key, 'pushBidOpenings', 'BidOpeningInput', [
      { ...opening('2026-09-25T08:50:00+08:00'), sectionCode: 'F-2-S1' },
    ]);
    const bids = await push(t, key, 'pushBids', 'BidInput', [
      { ...bid(p.bidders[1], '2026-09-25T08:45:00+08:00'), sectionCode: 'F-2-S1' },
      { ...bid(p.bidders[2], '2026-09-25T09:00:00+08:00'), sectionCode: 'F-2-S1' },
    ]);
    expect(bids.results.map((r) => r.warnings.map((w) => w.rule))).toEqual([[], ['BID_AFTER_OPENING']]);
    const rules = await sql<{ topic: string; rule: string }>(
      `select topic, rule from finding where project_code = 'F-2' order by topic, rule`,
    );
    expect(rules).toEqual([{ topic: 'BID', rule: 'BID_AFTER_OPENING' }]);
  });

  it('follows a section whose planned opening time moves in a later project push', async () => {
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('F-3', p)])).accepted).toBe(1);
    const bids = await push(t, key, 'pushBids', 'BidInput', [
      { ...bid(p.bidders[3], '2026-09-25T09:00:00+08:00'), sectionCode: 'F-3-S2' },
    ]);
    expect(bids.results[0].warnings).toEqual([]);
    const onF3 = () =>
      sql<{ rule: string; record_key: string }>(
        `select rule, record_key from finding where project_code = 'F-3' and topic = 'BID'`,
      );
    // The opening of F-3-S2 is brought forward to 08:00: the 09:00 bid is now late.
    const moved = project('F-3', p);
    moved.sections[1] = { ...moved.sections[1], openingAt: '2026-09-25T08:00:00+08:00' };
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [moved])).accepted).toBe(1);
    expect(await onF3()).toEqual([{ rule: 'BID_AFTER_OPENING', record_key: `F-3-S2/${p.bidders[3]}` }]);
    // And back to 09:30.
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('F-3', p)])).accepted).toBe(1);
    expect(await onF3()).toEqual([]);
  });

  it("keeps a finding's detectedAt while a changed record still breaks the rule, and drops it once it no longer does", async () => {
    // Notice on 1 September, deadline on 10 September: a bid period of 9 days for an open tender.
    const short = project('F-4', p, { bidDeadline: '2026-09-10T09:30:00+08:00' });
    expect(
      (await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [short])).results[0].warnings.map(
        (w) => w.rule,
      ),
    ).toContain('BID_PERIOD_SHORT');
    const detected = () =>
      sql<{ detected_at: Date }>(
        `select detected_at from finding where project_code = 'F-4' and rule = 'BID_PERIOD_SHORT'`,
      );
    const [first] = await detected();
    await new Promise((r) => setTimeout(r, 20));
    expect(
      (await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [{ ...short, name: 'F-4 更名后的工程' }]))
        .results[0],
    ).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(await detected()).toEqual([first]);
    expect(
      (await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('F-4', p)])).results[0],
    ).toMatchObject({ status: 'ACCEPTED', version: 3, warnings: [] });
    expect(await detected()).toEqual([]);
  });
});
