import { badRecord, creditSystem, expert, pushPoolExperts } from '../setup/credit';
import { startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/*
 * Credit as a condition of market entry, contributed by the credit family on
 * the trading family's records: a bid or award of a blacklisted subject and
 * a suspended expert on a committee are findings; a committee expert missing
 * from the pool is a per-record error, even while the pool is empty.
 */

const TRADING = ['TRADING_PROJECT', 'ANNOUNCEMENT', 'BID', 'BID_OPENING', 'EVALUATION', 'AWARD', 'CONTRACT'];

describe('credit findings on trading records', () => {
  let t: TestHub;
  let key: string;
  let p: { tenderer: string; agency: string; bidders: string[] };

  const committee = (codes: string[]) => [
    ...codes.map((c, i) => ({ expertCode: c, name: `专家${i}`, role: i === 0 ? 'CHAIR' : 'MEMBER' })),
    { expertCode: 'REP-CF-1', name: '招标人代表', role: 'TENDERER_REPRESENTATIVE' },
  ];
  const sitting = (section: string, codes: string[]) => ({
    sectionCode: section,
    startedAt: '2026-09-26T09:00:00+08:00',
    committee: committee(codes),
  });

  beforeAll(async () => {
    t = await startTestHub();
    key = await creditSystem(t, 'CF-SYS', TRADING);
    p = await parties(t, key, 3, 7300);
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('CF-P1', p)])).accepted).toBe(1);
  });
  afterAll(() => t.stop());

  it('rejects committee experts missing from the pool even while the pool is empty, and accepts them once pushed', async () => {
    const sit = () => push(t, key, 'pushEvaluations', 'EvaluationInput', [sitting('CF-P1-S2', ['E-ANY-1', 'E-ANY-2'])]);
    const empty = await sit();
    expect(empty.results[0]).toMatchObject({ status: 'REJECTED' });
    expect(empty.results[0].errors).toEqual([
      expect.objectContaining({ field: 'committee.0.expertCode', code: 'NOT_FOUND', rule: 'EXPERT_NOT_IN_POOL' }),
      expect.objectContaining({ field: 'committee.1.expertCode', code: 'NOT_FOUND', rule: 'EXPERT_NOT_IN_POOL' }),
    ]);
    expect(await pushPoolExperts(t, ['E-ANY-1', 'E-ANY-2'])).toBe(2);
    const r = await sit();
    expect(r.results[0]).toMatchObject({ status: 'ACCEPTED', warnings: [] });
  });

  it('finds a bid by a subject blacklisted at its submission, and an award to it', async () => {
    const listed = await push(t, key, 'pushCreditRecords', 'CreditRecordInput', [
      badRecord('CF-BL', p.bidders[0], {
        kind: 'BLACKLIST',
        severity: 'SERIOUS',
        decidedOn: '2026-09-10',
        listingEndsOn: '2027-09-10',
      }),
    ]);
    expect(listed.accepted).toBe(1);
    const bids = await push(t, key, 'pushBids', 'BidInput', [
      {
        sectionCode: 'CF-P1-S1',
        bidderCreditCode: p.bidders[0],
        amount: '500000.00',
        submittedAt: '2026-09-20T10:00:00+08:00',
      },
      {
        sectionCode: 'CF-P1-S1',
        bidderCreditCode: p.bidders[1],
        amount: '510000.00',
        submittedAt: '2026-09-20T10:00:00+08:00',
      },
      // The day before its listing: not yet blacklisted.
      {
        sectionCode: 'CF-P1-S2',
        bidderCreditCode: p.bidders[0],
        amount: '300000.00',
        submittedAt: '2026-09-09T23:59:00+08:00',
      },
    ]);
    expect(bids.results.map((r) => r.warnings.map((w) => w.rule))).toEqual([['BIDDER_BLACKLISTED'], [], []]);
    const award = await push(t, key, 'pushAwards', 'AwardInput', [
      { sectionCode: 'CF-P1-S1', winnerCreditCode: p.bidders[0], amount: '500000.00', awardedOn: '2026-10-10' },
    ]);
    expect(award.results[0].warnings.map((w) => w.rule)).toContain('WINNER_BLACKLISTED');
    const stored = await t.hub.services.orm.em
      .fork()
      .execute<{ topic: string; rule: string }[]>(
        "select topic, rule from finding where project_code = 'CF-P1' and rule like '%BLACKLISTED' order by topic",
      );
    expect(stored).toEqual([
      { topic: 'AWARD', rule: 'WINNER_BLACKLISTED' },
      { topic: 'BID', rule: 'BIDDER_BLACKLISTED' },
    ]);
  });

  it('no longer finds it once the blacklisting is revoked and the bid pushed again', async () => {
    await push(t, key, 'pushCreditRecords', 'CreditRecordInput', [
      badRecord('CF-BL', p.bidders[0], {
        kind: 'BLACKLIST',
        severity: 'SERIOUS',
        decidedOn: '2026-09-10',
        listingEndsOn: '2027-09-10',
        status: 'REVOKED',
      }),
    ]);
    const again = await push(t, key, 'pushBids', 'BidInput', [
      {
        sectionCode: 'CF-P1-S1',
        bidderCreditCode: p.bidders[0],
        amount: '500001.00',
        submittedAt: '2026-09-20T10:00:00+08:00',
      },
    ]);
    expect(again.results[0].warnings).toEqual([]);
  });

  it('rejects a committee expert missing from the pool, and finds a suspended one', async () => {
    expect(
      (
        await push(t, key, 'pushExperts', 'ExpertInput', [
          expert('E-CF-1'),
          expert('E-CF-2'),
          expert('E-CF-3', { status: 'SUSPENDED' }),
        ])
      ).accepted,
    ).toBe(3);
    const unknown = await push(t, key, 'pushEvaluations', 'EvaluationInput', [
      sitting('CF-P1-S1', ['E-CF-1', 'E-CF-404', 'E-CF-2']),
    ]);
    expect(unknown.results[0]).toMatchObject({ status: 'REJECTED' });
    expect(unknown.results[0].errors).toEqual([
      expect.objectContaining({ field: 'committee.1.expertCode', code: 'NOT_FOUND', rule: 'EXPERT_NOT_IN_POOL' }),
    ]);
    const suspended = await push(t, key, 'pushEvaluations', 'EvaluationInput', [
      sitting('CF-P1-S1', ['E-CF-1', 'E-CF-3', 'E-CF-2']),
    ]);
    expect(suspended.results[0]).toMatchObject({ status: 'ACCEPTED' });
    expect(suspended.results[0].warnings).toEqual([
      expect.objectContaining({ rule: 'EXPERT_SUSPENDED', message: expect.stringContaining('E-CF-3') as string }),
    ]);
  });
});
