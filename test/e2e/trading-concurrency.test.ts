import { startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push, type Push } from '../setup/trading';

/*
 * Every kind of trading record pushed at once on the same project: each push
 * locks the project before it writes (and re-derives other records' findings),
 * in the same order, so none waits on another in a cycle. A deadlock would
 * surface as an INTERNAL error (PostgreSQL aborts one of the transactions).
 */
describe('concurrent pushes of every record kind on one project', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('CONC-SYS');
    p = await parties(t, key, 3, 7700);
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('C-1', p)])).accepted).toBe(1);
    const bids = p.bidders.flatMap((b, i) =>
      ['C-1-S1', 'C-1-S2'].map((s) => ({
        sectionCode: s,
        bidderCreditCode: b,
        amount: `${500000 + i}.00`,
        submittedAt: '2026-09-20T10:00:00+08:00',
      })),
    );
    expect((await push(t, key, 'pushBids', 'BidInput', bids)).accepted).toBe(6);
    expect(
      (
        await push(t, key, 'pushAwards', 'AwardInput', [
          { sectionCode: 'C-1-S1', winnerCreditCode: p.bidders[0], amount: '500000.00', awardedOn: '2026-10-01' },
        ])
      ).accepted,
    ).toBe(1);
  });
  afterAll(() => t.stop());

  it('stores every push, none failing or waiting on another for ever', async () => {
    const round = (n: number): Promise<Push>[] => [
      push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
        project('C-1', p, { name: `C-1 第${n}次更新的工程` }),
      ]),
      push(
        t,
        key,
        'pushBids',
        'BidInput',
        p.bidders.map((b) => ({
          sectionCode: 'C-1-S2',
          bidderCreditCode: b,
          amount: `${600000 + n}.00`,
          submittedAt: '2026-09-21T10:00:00+08:00',
        })),
      ),
      push(t, key, 'pushBidOpenings', 'BidOpeningInput', [
        { sectionCode: 'C-1-S1', openedAt: '2026-09-25T09:30:00+08:00', bidderCount: '3', location: `开标室 ${n}` },
      ]),
      push(t, key, 'pushEvaluations', 'EvaluationInput', [
        {
          sectionCode: 'C-1-S1',
          reportedAt: '2026-09-27T17:00:00+08:00',
          candidates: [{ rank: '1', bidderCreditCode: p.bidders[0], score: `${80 + n}` }],
        },
      ]),
      push(t, key, 'pushAnnouncements', 'AnnouncementInput', [
        {
          code: 'C-1-GS',
          projectCode: 'C-1',
          type: 'CANDIDATE_PUBLICITY',
          title: `候选人公示 ${n}`,
          publishedAt: '2026-09-28T09:00:00+08:00',
          periodStart: '2026-09-28',
          periodEnd: '2026-10-01',
          sectionCodes: ['C-1-S1'],
        },
      ]),
      push(t, key, 'pushAwards', 'AwardInput', [
        { sectionCode: 'C-1-S1', winnerCreditCode: p.bidders[0], amount: `${500000 + n}.00`, awardedOn: '2026-10-01' },
      ]),
      push(t, key, 'pushContracts', 'ContractInput', [
        { code: 'C-1-HT', sectionCode: 'C-1-S1', amount: `${500000 + n}.00`, signedOn: '2026-10-10' },
      ]),
    ];
    const results = await Promise.all([1, 2, 3, 4].flatMap(round));
    expect(results.flatMap((r) => r.results.filter((x) => x.status === 'REJECTED'))).toEqual([]);
    expect(results.reduce((n, r) => n + r.accepted + r.unchanged, 0)).toBe(4 * (1 + 3 + 1 + 1 + 1 + 1 + 1));
    // Each kind ends at the content of one of the rounds, and the change log holds every accepted version.
    const [{ n }] = await t.hub.services.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from change_event where key like 'C-1%'`);
    expect(Number(n)).toBeGreaterThanOrEqual(1 + 6 + 1 + 4 * 1);
  });
});
