import { code } from '../setup/data';
import { startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push, type Push } from '../setup/trading';

/*
 * Unknown references, record kind by record kind: the record that names a
 * business key the hub does not hold is REJECTED with NOT_FOUND on the field
 * that names it, the rest of its batch is stored, and nothing is created
 * under the unknown key (no row, no change event).
 */
describe('unknown references in trading records', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;
  /** A well-formed credit code (check character right) of no registered market entity. */
  const UNKNOWN = code('UNK000001');

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('REF-SYS');
    p = await parties(t, key, 3, 7300);
    const projects = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      project('R-1', p),
      project('R-2', p),
    ]);
    expect(projects.accepted).toBe(2);
  });
  afterAll(() => t.stop());

  const sql = <T>(q: string, params: unknown[] = []) => t.hub.services.orm.em.fork().execute<T[]>(q, params);
  const count = async (q: string, params: unknown[] = []) => Number((await sql<{ n: string }>(q, params))[0].n);
  const events = (k: string) => count(`select count(*) as n from change_event where key = ?`, [k]);

  /** The batch's first record is stored; the second is refused with exactly `error`. */
  function expectOneRejected(r: Push, error: Record<string, unknown>): void {
    expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED']);
    expect(r.results[1].errors).toEqual([expect.objectContaining(error)]);
    expect([r.accepted, r.rejected]).toEqual([1, 1]);
  }

  it('rejects a project whose agency is not a registered market entity, storing the rest of the batch', async () => {
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      project('R-3', p),
      project('R-X', p, { agencyCreditCode: UNKNOWN }),
    ]);
    expectOneRejected(r, { field: 'agencyCreditCode', code: 'NOT_FOUND' });
    expect(r.results[1].errors[0].message).toContain(UNKNOWN);
    expect(await sql(`select code from trading_project where code in ('R-3', 'R-X') order by code`)).toEqual([
      { code: 'R-3' },
    ]);
    expect(await count(`select count(*) as n from section where code like 'R-X-%'`)).toBe(0);
    expect(await count(`select count(*) as n from market_entity where credit_code = ?`, [UNKNOWN])).toBe(0);
    expect(await events('R-X')).toBe(0);
  });

  it('rejects a bid whose bidder is not a registered market entity, storing the rest of the batch', async () => {
    const r = await push(t, key, 'pushBids', 'BidInput', [
      {
        sectionCode: 'R-1-S1',
        bidderCreditCode: p.bidders[0],
        amount: '590000.00',
        submittedAt: '2026-09-24T10:00:00+08:00',
      },
      {
        sectionCode: 'R-1-S1',
        bidderCreditCode: UNKNOWN,
        amount: '580000.00',
        submittedAt: '2026-09-24T11:00:00+08:00',
      },
    ]);
    expectOneRejected(r, { field: 'bidderCreditCode', code: 'NOT_FOUND' });
    expect(await sql(`select record_key from bid`)).toEqual([{ record_key: `R-1-S1/${p.bidders[0]}` }]);
    expect(await count(`select count(*) as n from market_entity where credit_code = ?`, [UNKNOWN])).toBe(0);
    expect(await events(`R-1-S1/${UNKNOWN}`)).toBe(0);
  });

  it("rejects an announcement of an unknown project, and one naming a section its project does not have, at that section's index", async () => {
    const notice = (c: string, over: Record<string, unknown>) => ({
      code: c,
      projectCode: 'R-1',
      type: 'TENDER_NOTICE',
      title: '招标公告',
      publishedAt: '2026-09-01T09:00:00+08:00',
      ...over,
    });
    const r = await push(t, key, 'pushAnnouncements', 'AnnouncementInput', [
      notice('R-A1', { sectionCodes: ['R-1-S1'] }),
      notice('R-A2', { projectCode: 'R-NOPE' }),
      // R-1-S9 does not exist; R-2-S1 exists but belongs to another project.
      notice('R-A3', { sectionCodes: ['R-1-S1', 'R-1-S9'] }),
      notice('R-A4', { sectionCodes: ['R-1-S2', 'R-2-S1'] }),
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED', 'REJECTED', 'REJECTED']);
    expect(r.results[1].errors).toEqual([expect.objectContaining({ field: 'projectCode', code: 'NOT_FOUND' })]);
    expect(r.results[2].errors).toEqual([
      expect.objectContaining({
        field: 'sectionCodes.1',
        code: 'NOT_FOUND',
        message: expect.stringContaining('R-1-S9'),
      }),
    ]);
    expect(r.results[3].errors).toEqual([
      expect.objectContaining({
        field: 'sectionCodes.1',
        code: 'NOT_FOUND',
        message: expect.stringContaining('R-2-S1'),
      }),
    ]);
    expect(await sql(`select code from announcement`)).toEqual([{ code: 'R-A1' }]);
    expect(await count(`select count(*) as n from trading_project where code = 'R-NOPE'`)).toBe(0);
    expect(await count(`select count(*) as n from section where code = 'R-1-S9'`)).toBe(0);
    for (const k of ['R-A2', 'R-A3', 'R-A4']) expect(await events(k)).toBe(0);
  });

  // In lifecycle order: each kind's good record needs the one before it (a contract follows an award, which follows a
  // bid).
  it.each([
    [
      'pushBidOpenings',
      'BidOpeningInput',
      'bid_opening',
      (s: string) => ({ sectionCode: s, openedAt: '2026-09-25T09:30:00+08:00', bidderCount: '1' }),
    ],
    [
      'pushEvaluations',
      'EvaluationInput',
      'evaluation',
      (s: string, b: string) => ({
        sectionCode: s,
        reportedAt: '2026-09-28T17:00:00+08:00',
        candidates: [{ rank: '1', bidderCreditCode: b, score: '90.00' }],
      }),
    ],
    [
      'pushAwards',
      'AwardInput',
      'award',
      (s: string, b: string) => ({ sectionCode: s, winnerCreditCode: b, amount: '590000.00', awardedOn: '2026-10-10' }),
    ],
    [
      'pushContracts',
      'ContractInput',
      'contract',
      (s: string) => ({ code: `HT-${s}`, sectionCode: s, amount: '590000.00', signedOn: '2026-10-20' }),
    ],
  ] as const)(
    '%s rejects a record of an unknown section, storing the rest of the batch',
    async (mutation, inputType, table, record) => {
      const before = await count(`select count(*) as n from ${table}`);
      const r = await push(t, key, mutation, inputType, [
        record('R-1-S1', p.bidders[0]),
        record('R-NOPE-S1', p.bidders[0]),
      ]);
      expectOneRejected(r, { field: 'sectionCode', code: 'NOT_FOUND' });
      expect(r.results[1].errors[0].message).toContain('R-NOPE-S1');
      expect(await count(`select count(*) as n from ${table}`)).toBe(before + 1);
      expect(
        await count(
          `select count(*) as n from ${table} t join section s on s.id = t.section_id where s.code = 'R-1-S1'`,
        ),
      ).toBe(1);
      expect(await count(`select count(*) as n from section where code = 'R-NOPE-S1'`)).toBe(0);
      expect(await events(mutation === 'pushContracts' ? 'HT-R-NOPE-S1' : 'R-NOPE-S1')).toBe(0);
    },
  );

  describe('credit codes of awards and evaluation candidates', () => {
    beforeAll(async () => {
      const bids = await push(t, key, 'pushBids', 'BidInput', [
        {
          sectionCode: 'R-1-S2',
          bidderCreditCode: p.bidders[1],
          amount: '390000.00',
          submittedAt: '2026-09-24T10:00:00+08:00',
        },
      ]);
      expect(bids.accepted).toBe(1);
    });

    it('rejects an award to a credit code of no market entity as an unknown reference, not as an award without a bid', async () => {
      const r = await push(t, key, 'pushAwards', 'AwardInput', [
        { sectionCode: 'R-1-S2', winnerCreditCode: UNKNOWN, amount: '390000.00', awardedOn: '2026-10-10' },
      ]);
      expect(r.results[0]).toMatchObject({
        status: 'REJECTED',
        errors: [
          { field: 'winnerCreditCode', code: 'NOT_FOUND', rule: null, message: expect.stringContaining(UNKNOWN) },
        ],
      });
      expect(
        await count(`select count(*) as n from award a join section s on s.id = a.section_id where s.code = 'R-1-S2'`),
      ).toBe(0);
    });

    it('keeps AWARD_WITHOUT_BID for a registered entity that did not bid for the section', async () => {
      const r = await push(t, key, 'pushAwards', 'AwardInput', [
        { sectionCode: 'R-1-S2', winnerCreditCode: p.bidders[2], amount: '390000.00', awardedOn: '2026-10-10' },
      ]);
      expect(r.results[0]).toMatchObject({
        status: 'REJECTED',
        errors: [{ field: 'winnerCreditCode', code: 'CONFLICT', rule: 'AWARD_WITHOUT_BID' }],
      });
    });

    it('rejects an unknown candidate as NOT_FOUND and a registered non-bidder as CANDIDATE_NOT_A_BIDDER, each at its own index', async () => {
      const r = await push(t, key, 'pushEvaluations', 'EvaluationInput', [
        {
          sectionCode: 'R-1-S2',
          reportedAt: '2026-09-28T17:00:00+08:00',
          candidates: [
            { rank: '1', bidderCreditCode: p.bidders[1], score: '91.00' },
            { rank: '2', bidderCreditCode: UNKNOWN, score: '90.00' },
            { rank: '3', bidderCreditCode: p.bidders[2], score: '89.00' },
          ],
        },
      ]);
      expect(r.results[0].status).toBe('REJECTED');
      expect(r.results[0].errors).toEqual([
        expect.objectContaining({ field: 'candidates.1.bidderCreditCode', code: 'NOT_FOUND', rule: null }),
        expect.objectContaining({
          field: 'candidates.2.bidderCreditCode',
          code: 'CONFLICT',
          rule: 'CANDIDATE_NOT_A_BIDDER',
        }),
      ]);
      expect(
        await count(
          `select count(*) as n from evaluation e join section s on s.id = e.section_id where s.code = 'R-1-S2'`,
        ),
      ).toBe(0);
    });
  });
});
