import { graphql } from '../gql';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

const UPDATE_GRANTS = graphql(`
  mutation TradingGrants($principal: String!, $input: GrantsInput!) {
    updateGrants(principal: $principal, input: $input) {
      name
    }
  }
`);

describe('pushing trading records through their lifecycle', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('TRADE-SYS');
    p = await parties(t, key, 3);
  });
  afterAll(() => t.stop());

  const sql = <T>(q: string, params: unknown[] = []) => t.hub.services.orm.em.fork().execute<T[]>(q, params);

  it('stores a project with its sections, and a re-push of the same content changes nothing', async () => {
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('P-1', p)]);
    expect(r.results[0]).toMatchObject({ status: 'ACCEPTED', version: 1, warnings: [] });
    const rows = await sql<{ code: string; category_code: string }>(
      `select s.code, p.category_code from section s join trading_project p on p.id = s.project_id order by s.code`,
    );
    expect(rows).toEqual([
      { code: 'P-1-S1', category_code: 'ENGINEERING' },
      { code: 'P-1-S2', category_code: 'ENGINEERING' },
    ]);
    const again = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('P-1', p)]);
    expect(again.results[0]).toMatchObject({ status: 'UNCHANGED', version: 1 });
  });

  it('rejects unknown references and sub-items with clear codes, never creating them', async () => {
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      project('P-X1', p, { tendererCreditCode: '91420100MA4K12345K' }),
      project('P-X2', p, { subItemCode: 'NO_SUCH_ITEM' }),
    ]);
    expect(r.results[0].errors).toEqual([expect.objectContaining({ field: 'tendererCreditCode', code: 'NOT_FOUND' })]);
    expect(r.results[1].errors).toEqual([expect.objectContaining({ field: 'subItemCode', code: 'NOT_FOUND' })]);
    const bids = await push(t, key, 'pushBids', 'BidInput', [
      { sectionCode: 'NOPE-S1', bidderCreditCode: p.bidders[0], submittedAt: '2026-09-20T10:00:00+08:00' },
    ]);
    expect(bids.results[0].errors).toEqual([expect.objectContaining({ field: 'sectionCode', code: 'NOT_FOUND' })]);
    expect(await sql(`select 1 from trading_project where code like 'P-X%'`)).toEqual([]);
  });

  it('checks category-specific details against the sub-item schema, with field paths', async () => {
    const land = (details: unknown) =>
      project('P-LAND', p, { subItemCode: 'LAND_USE_RIGHT', method: 'LISTING', details, sections: [] });
    const bad = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [land({ area: 12.5 })]);
    expect(bad.results[0].errors.map((e) => e.field).sort()).toEqual(['details.area', 'details.landUse']);
    const good = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      land({ area: '12500.50', landUse: '住宅用地' }),
    ]);
    expect(good.results[0].status).toBe('ACCEPTED');
  });

  it('records a short bid period as a finding while storing the project', async () => {
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      project('P-SHORT', p, { bidDeadline: '2026-09-10T09:00:00+08:00', sections: [] }),
    ]);
    expect(r.results[0]).toMatchObject({
      status: 'ACCEPTED',
      warnings: [expect.objectContaining({ rule: 'BID_PERIOD_SHORT' })],
    });
    expect(await sql(`select rule, project_code from finding where record_key = 'P-SHORT'`)).toEqual([
      { rule: 'BID_PERIOD_SHORT', project_code: 'P-SHORT' },
    ]);
  });

  it('takes bids, flags one after the opening, and refuses an award to a non-bidder and a contract before any award', async () => {
    const bids = await push(t, key, 'pushBids', 'BidInput', [
      {
        sectionCode: 'P-1-S1',
        bidderCreditCode: p.bidders[0],
        amount: '580000.00',
        submittedAt: '2026-09-24T10:00:00+08:00',
        ipAddress: '10.2.3.4',
        deviceFingerprint: 'MAC-AA',
        projectManagerId: '11010519491231002X',
      },
      {
        sectionCode: 'P-1-S1',
        bidderCreditCode: p.bidders[1],
        amount: '590000.00',
        submittedAt: '2026-09-25T10:00:00+08:00',
      },
    ]);
    expect(bids.results.map((r) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(bids.results[0].key).toBe(`P-1-S1/${p.bidders[0]}`);
    expect(bids.results[1].warnings).toEqual([expect.objectContaining({ rule: 'BID_AFTER_OPENING' })]);

    const contract = await push(t, key, 'pushContracts', 'ContractInput', [
      { code: 'C-1', sectionCode: 'P-1-S1', amount: '580000.00', signedOn: '2026-10-20' },
    ]);
    expect(contract.results[0].errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', rule: 'CONTRACT_WITHOUT_AWARD' }),
    ]);

    const award = await push(t, key, 'pushAwards', 'AwardInput', [
      { sectionCode: 'P-1-S1', winnerCreditCode: p.bidders[2], amount: '570000.00', awardedOn: '2026-10-10' },
    ]);
    expect(award.results[0].errors).toEqual([expect.objectContaining({ code: 'CONFLICT', rule: 'AWARD_WITHOUT_BID' })]);
  });

  it('completes the lifecycle: opening, evaluation, publicity, award and contract', async () => {
    expect(
      (
        await push(t, key, 'pushBidOpenings', 'BidOpeningInput', [
          { sectionCode: 'P-1-S1', openedAt: '2026-09-25T09:30:00+08:00', bidderCount: '2' },
        ])
      ).accepted,
    ).toBe(1);
    const notABidder = await push(t, key, 'pushEvaluations', 'EvaluationInput', [
      {
        sectionCode: 'P-1-S1',
        reportedAt: '2026-09-28T17:00:00+08:00',
        candidates: [{ rank: '1', bidderCreditCode: p.bidders[2], score: '90.5' }],
      },
    ]);
    expect(notABidder.results[0].errors).toEqual([
      expect.objectContaining({ field: 'candidates.0.bidderCreditCode', rule: 'CANDIDATE_NOT_A_BIDDER' }),
    ]);
    const evaluation = await push(t, key, 'pushEvaluations', 'EvaluationInput', [
      {
        sectionCode: 'P-1-S1',
        reportedAt: '2026-09-28T17:00:00+08:00',
        candidates: [
          { rank: '1', bidderCreditCode: p.bidders[0], score: '92.35', amount: '580000.00' },
          { rank: '2', bidderCreditCode: p.bidders[1], score: '88.10', amount: '590000.00' },
        ],
      },
    ]);
    expect(evaluation.accepted).toBe(1);
    const publicity = await push(t, key, 'pushAnnouncements', 'AnnouncementInput', [
      {
        code: 'A-1',
        projectCode: 'P-1',
        type: 'CANDIDATE_PUBLICITY',
        title: '中标候选人公示',
        publishedAt: '2026-10-05T09:00:00+08:00',
        periodStart: '2026-10-05',
        periodEnd: '2026-10-06',
        sectionCodes: ['P-1-S1'],
      },
    ]);
    expect(publicity.results[0].warnings.map((w) => w.rule).sort()).toEqual(['PUBLICITY_LATE', 'PUBLICITY_TOO_SHORT']);
    expect(
      (
        await push(t, key, 'pushAwards', 'AwardInput', [
          { sectionCode: 'P-1-S1', winnerCreditCode: p.bidders[0], amount: '580000.00', awardedOn: '2026-10-10' },
        ])
      ).accepted,
    ).toBe(1);
    const contract = await push(t, key, 'pushContracts', 'ContractInput', [
      {
        code: 'C-1',
        sectionCode: 'P-1-S1',
        amount: '580000.00',
        signedOn: '2026-10-20',
        periodStart: '2026-11-01',
        periodEnd: '2027-10-31',
      },
    ]);
    expect(contract.results[0]).toMatchObject({ status: 'ACCEPTED', warnings: [] });
    const topics = await sql<{ topic: string; n: string }>(
      `select topic, count(*) as n from change_event where topic <> 'ADMIN' group by topic order by topic`,
    );
    expect(Object.fromEntries(topics.map((r) => [r.topic, Number(r.n)]))).toMatchObject({
      TRADING_PROJECT: 3,
      BID: 2,
      BID_OPENING: 1,
      EVALUATION: 1,
      ANNOUNCEMENT: 1,
      AWARD: 1,
      CONTRACT: 1,
    });
  });

  it('keeps amounts exact as numeric in PostgreSQL', async () => {
    const [row] = await sql<{ amount: string }>(`select amount::text as amount from award`);
    expect(row.amount).toBe('580000.00');
  });

  it('refuses records of a category the system is not granted', async () => {
    const other = await t.system('TRADE-GP');
    const granted = await t.gql(
      UPDATE_GRANTS,
      { principal: 'TRADE-GP', input: { categories: ['GOV_PROCUREMENT'] } },
      ADMIN_KEY,
    );
    expect(granted.errors).toBeUndefined();
    const r = await push(t, other, 'pushTradingProjects', 'TradingProjectInput', [project('P-GP-NO', p)]);
    expect(r.results[0].errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const ok = await push(t, other, 'pushTradingProjects', 'TradingProjectInput', [
      project('P-GP-OK', p, { subItemCode: 'GP_GOODS', details: { classificationCode: 'A02010104' }, sections: [] }),
    ]);
    expect(ok.results[0].status).toBe('ACCEPTED');
  });
});
