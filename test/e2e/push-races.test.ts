import { Client } from 'pg';
import { graphql } from '../gql';
import type { RaceOutcomeFragment, TypedDocumentString } from '../gql/graphql';
import { code, entities } from '../setup/data';
import { startTestHub, type TestHub } from '../setup/hub';
import { sentStatements } from '../setup/statements';
import { parties, project, push } from '../setup/trading';

/*
 * Two systems creating the same record at the same moment. Ownership (a record
 * belongs to the system that created it) is decided inside the write, so of
 * two racing creators exactly one wins; the other is REJECTED with CONFLICT
 * naming the owner, and nothing of its content is stored or put on the feed.
 * Every pushed kind races ROUNDS times, each round on a key nobody has pushed.
 */

const ROUNDS = 20;
/** Rounds ROUNDS..ROUNDS+IDENTICAL-1 race an owner's identical pushes of a new key. */
const IDENTICAL = 8;

graphql(`
  fragment RaceOutcome on PushResult {
    accepted
    unchanged
    rejected
    results {
      index
      key
      status
      version
      errors {
        field
        code
        message
        rule
        owner
      }
    }
  }
`);

/** The push of each kind by its input type, typed by codegen (test/gql); all answer with the RaceOutcome fragment. */
const PUSHES: Record<string, TypedDocumentString<unknown, never>> = {
  MarketEntityInput: graphql(`
    mutation RacePushEntities($r: [MarketEntityInput!]!) {
      pushMarketEntities(records: $r) {
        ...RaceOutcome
      }
    }
  `),
  TradingProjectInput: graphql(`
    mutation RacePushProjects($r: [TradingProjectInput!]!) {
      pushTradingProjects(records: $r) {
        ...RaceOutcome
      }
    }
  `),
  AnnouncementInput: graphql(`
    mutation RacePushAnnouncements($r: [AnnouncementInput!]!) {
      pushAnnouncements(records: $r) {
        ...RaceOutcome
      }
    }
  `),
  BidInput: graphql(`
    mutation RacePushBids($r: [BidInput!]!) {
      pushBids(records: $r) {
        ...RaceOutcome
      }
    }
  `),
  BidOpeningInput: graphql(`
    mutation RacePushBidOpenings($r: [BidOpeningInput!]!) {
      pushBidOpenings(records: $r) {
        ...RaceOutcome
      }
    }
  `),
  EvaluationInput: graphql(`
    mutation RacePushEvaluations($r: [EvaluationInput!]!) {
      pushEvaluations(records: $r) {
        ...RaceOutcome
      }
    }
  `),
  AwardInput: graphql(`
    mutation RacePushAwards($r: [AwardInput!]!) {
      pushAwards(records: $r) {
        ...RaceOutcome
      }
    }
  `),
  ContractInput: graphql(`
    mutation RacePushContracts($r: [ContractInput!]!) {
      pushContracts(records: $r) {
        ...RaceOutcome
      }
    }
  `),
};

type PushResult = RaceOutcomeFragment;

type Side = 'A' | 'B';
const SYSTEMS: Record<Side, string> = { A: 'RACE-A', B: 'RACE-B' };

/** A kind of pushed record: how to push round n's record as a side, and where its content lands. */
interface Kind {
  mutation: string;
  inputType: string;
  topic: string;
  key(n: number): string;
  record(n: number, side: Side): Record<string, unknown>;
  /** SQL giving `ext` (the stored externalId) and `owner` (the owner's code) of the record with key `?`. */
  stored: string;
}

const ownerOf = (alias: string) => `(select code from source_system where id = ${alias}.owner_system_id) as owner`;
const ext = (n: number, side: Side) => `race-${side}-${n}`;

describe('two systems creating the same record at once', () => {
  let t: TestHub;
  const keys = {} as Record<Side, string>;
  let p: Awaited<ReturnType<typeof parties>>;
  /** The projects whose sections the section-keyed records race on: R0 .. R(ROUNDS+IDENTICAL-1). */
  const R = (n: number) => `RACE-R${n}`;

  async function pushAs(side: Side, mutation: string, inputType: string, records: unknown[]): Promise<PushResult> {
    // One document per kind: the answer is read under the kind's mutation name.
    const r = await t.gql<Record<string, PushResult>>(String(PUSHES[inputType]), { r: records }, keys[side]);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data![mutation];
  }

  function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return t.hub.services.orm.em.fork().execute<T[]>(text, params);
  }

  async function events(topic: string, key: string) {
    return sql<{ seq: string; op: string; source_system: string; ext: string | null }>(
      `select seq, op, source_system, data->>'externalId' as ext from change_event where topic = ? and key = ? order by seq`,
      [topic, key],
    );
  }

  const kinds: Record<string, Kind> = {
    MARKET_ENTITY: {
      mutation: 'pushMarketEntities',
      inputType: 'MarketEntityInput',
      topic: 'MARKET_ENTITY',
      key: (n) => code(`RACE${String(n).padStart(5, '0')}`),
      record: (n, side) => ({
        ...entities(1, 0)[0],
        creditCode: code(`RACE${String(n).padStart(5, '0')}`),
        name: `竞争创建企业 ${side} ${n}`,
        regionCode: '420102',
        externalId: ext(n, side),
      }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from market_entity t where t.credit_code = ?`,
    },
    TRADING_PROJECT: {
      mutation: 'pushTradingProjects',
      inputType: 'TradingProjectInput',
      topic: 'TRADING_PROJECT',
      key: (n) => `RACE-P${n}`,
      record: (n, side) =>
        project(`RACE-P${n}`, p, {
          name: `竞争创建项目 ${side} ${n}`,
          externalId: ext(n, side),
          sections: [
            {
              code: `RACE-P${n}-S1`,
              name: `${side} 的标段`,
              budget: '600000.00',
              openingAt: '2026-09-25T09:30:00+08:00',
            },
          ],
        }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from trading_project t where t.code = ?`,
    },
    ANNOUNCEMENT: {
      mutation: 'pushAnnouncements',
      inputType: 'AnnouncementInput',
      topic: 'ANNOUNCEMENT',
      key: (n) => `RACE-GG${n}`,
      record: (n, side) => ({
        code: `RACE-GG${n}`,
        projectCode: R(n),
        type: 'TENDER_NOTICE',
        title: `招标公告 ${side}`,
        publishedAt: '2026-09-01T09:00:00+08:00',
        externalId: ext(n, side),
      }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from announcement t where t.code = ?`,
    },
    BID: {
      mutation: 'pushBids',
      inputType: 'BidInput',
      topic: 'BID',
      key: (n) => `${R(n)}-S2/${p.bidders[2]}`,
      record: (n, side) => ({
        sectionCode: `${R(n)}-S2`,
        bidderCreditCode: p.bidders[2],
        amount: side === 'A' ? '390000.00' : '391000.00',
        submittedAt: '2026-09-20T10:00:00+08:00',
        externalId: ext(n, side),
      }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from bid t where t.record_key = ?`,
    },
    BID_OPENING: {
      mutation: 'pushBidOpenings',
      inputType: 'BidOpeningInput',
      topic: 'BID_OPENING',
      key: (n) => `${R(n)}-S1`,
      record: (n, side) => ({
        sectionCode: `${R(n)}-S1`,
        openedAt: '2026-09-25T09:30:00+08:00',
        bidderCount: '2',
        location: `开标室 ${side}`,
        externalId: ext(n, side),
      }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from bid_opening t join section s on s.id = t.section_id where s.code = ?`,
    },
    EVALUATION: {
      mutation: 'pushEvaluations',
      inputType: 'EvaluationInput',
      topic: 'EVALUATION',
      key: (n) => `${R(n)}-S1`,
      record: (n, side) => ({
        sectionCode: `${R(n)}-S1`,
        reportedAt: '2026-09-27T17:00:00+08:00',
        candidates: [
          { rank: '1', bidderCreditCode: p.bidders[side === 'A' ? 0 : 1], score: side === 'A' ? '91.5' : '88' },
        ],
        externalId: ext(n, side),
      }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from evaluation t join section s on s.id = t.section_id where s.code = ?`,
    },
    AWARD: {
      mutation: 'pushAwards',
      inputType: 'AwardInput',
      topic: 'AWARD',
      key: (n) => `${R(n)}-S1`,
      record: (n, side) => ({
        sectionCode: `${R(n)}-S1`,
        winnerCreditCode: p.bidders[side === 'A' ? 0 : 1],
        amount: side === 'A' ? '500000.00' : '510000.00',
        awardedOn: '2026-10-01',
        externalId: ext(n, side),
      }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from award t join section s on s.id = t.section_id where s.code = ?`,
    },
    CONTRACT: {
      mutation: 'pushContracts',
      inputType: 'ContractInput',
      topic: 'CONTRACT',
      key: (n) => `RACE-HT${n}`,
      record: (n, side) => ({
        code: `RACE-HT${n}`,
        sectionCode: `${R(n)}-S2`,
        amount: side === 'A' ? '400000.00' : '399000.00',
        signedOn: '2026-10-10',
        externalId: ext(n, side),
      }),
      stored: `select t.external_id as ext, ${ownerOf('t')} from contract t where t.code = ?`,
    },
  };

  beforeAll(async () => {
    t = await startTestHub();
    keys.A = await t.system(SYSTEMS.A);
    keys.B = await t.system(SYSTEMS.B);
    p = await parties(t, keys.A, 3, 8800);
    // Projects R0.. by A: bidders 0 and 1 bid for S1, bidder 1 for S2, and S2 is awarded (contracts race on it).
    const n = ROUNDS + IDENTICAL;
    const projects = Array.from({ length: n }, (_, i) => project(R(i), p));
    expect((await push(t, keys.A, 'pushTradingProjects', 'TradingProjectInput', projects)).accepted).toBe(n);
    const bid = (section: string, bidder: string) => ({
      sectionCode: section,
      bidderCreditCode: bidder,
      amount: '500000.00',
      submittedAt: '2026-09-20T10:00:00+08:00',
    });
    const bids = Array.from({ length: n }, (_, i) => [
      bid(`${R(i)}-S1`, p.bidders[0]),
      bid(`${R(i)}-S1`, p.bidders[1]),
      bid(`${R(i)}-S2`, p.bidders[1]),
    ]).flat();
    expect((await push(t, keys.A, 'pushBids', 'BidInput', bids)).accepted).toBe(3 * n);
    const awards = Array.from({ length: n }, (_, i) => ({
      sectionCode: `${R(i)}-S2`,
      winnerCreditCode: p.bidders[1],
      amount: '400000.00',
      awardedOn: '2026-10-01',
    }));
    expect((await push(t, keys.A, 'pushAwards', 'AwardInput', awards)).accepted).toBe(n);
  });
  afterAll(() => t?.stop());

  describe.each(Object.keys(kinds))('%s', (name) => {
    const kind = () => kinds[name];

    it(`lets exactly one of two racing creators win, ${ROUNDS} rounds: the loser is REJECTED naming the owner, and nothing of it is stored or on the feed`, async () => {
      const k = kind();
      const wins: Record<Side, number> = { A: 0, B: 0 };
      for (let n = 0; n < ROUNDS; n++) {
        const [a, b] = await Promise.all([
          pushAs('A', k.mutation, k.inputType, [k.record(n, 'A')]),
          pushAs('B', k.mutation, k.inputType, [k.record(n, 'B')]),
        ]);
        const statuses = [a.results[0].status, b.results[0].status];
        expect({ round: n, statuses: [...statuses].sort() }).toEqual({ round: n, statuses: ['ACCEPTED', 'REJECTED'] });
        const winner: Side = statuses[0] === 'ACCEPTED' ? 'A' : 'B';
        const [won, lost] = winner === 'A' ? [a, b] : [b, a];
        wins[winner]++;
        expect(won.results[0]).toMatchObject({ key: k.key(n), version: 1, errors: [] });
        expect(lost.results[0]).toMatchObject({
          key: k.key(n),
          version: null,
          errors: [
            { field: '', code: 'CONFLICT', owner: SYSTEMS[winner], message: expect.stringContaining(SYSTEMS[winner]) },
          ],
        });
        expect(await sql(k.stored, [k.key(n)])).toEqual([{ ext: ext(n, winner), owner: SYSTEMS[winner] }]);
        expect(await events(k.topic, k.key(n))).toEqual([
          expect.objectContaining({ op: 'CREATE', source_system: SYSTEMS[winner], ext: ext(n, winner) }),
        ]);
      }
      // Both systems reached the database; which one is first is up to the scheduler.
      expect(wins.A + wins.B).toBe(ROUNDS);
    });

    it(`answers an owner's identical push racing its own first push with UNCHANGED, ${IDENTICAL} rounds`, async () => {
      const k = kind();
      for (let n = ROUNDS; n < ROUNDS + IDENTICAL; n++) {
        const record = k.record(n, 'A');
        const [x, y] = await Promise.all([
          pushAs('A', k.mutation, k.inputType, [record]),
          pushAs('A', k.mutation, k.inputType, [record]),
        ]);
        expect({ round: n, statuses: [x.results[0].status, y.results[0].status].sort() }).toEqual({
          round: n,
          statuses: ['ACCEPTED', 'UNCHANGED'],
        });
        expect([x.results[0], y.results[0]]).toEqual([
          expect.objectContaining({ version: 1, errors: [] }),
          expect.objectContaining({ version: 1, errors: [] }),
        ]);
        expect(await events(k.topic, k.key(n))).toEqual([
          expect.objectContaining({ op: 'CREATE', source_system: SYSTEMS.A, ext: ext(n, 'A') }),
        ]);
      }
    });
  });

  it(`keeps a section code with one project when two new projects claim it at once, ${ROUNDS} rounds`, async () => {
    for (let n = 0; n < ROUNDS; n++) {
      const section = `RACE-X${n}-S`;
      const claim = (side: Side) =>
        project(`RACE-X${n}-${side}`, p, {
          externalId: ext(n, side),
          sections: [
            { code: section, name: `${side} 的标段`, budget: '600000.00', openingAt: '2026-09-25T09:30:00+08:00' },
          ],
        });
      const [a, b] = await Promise.all([
        pushAs('A', 'pushTradingProjects', 'TradingProjectInput', [claim('A')]),
        pushAs('B', 'pushTradingProjects', 'TradingProjectInput', [claim('B')]),
      ]);
      const statuses = [a.results[0].status, b.results[0].status];
      expect({ round: n, statuses: [...statuses].sort() }).toEqual({ round: n, statuses: ['ACCEPTED', 'REJECTED'] });
      const winner: Side = statuses[0] === 'ACCEPTED' ? 'A' : 'B';
      const loser: Side = winner === 'A' ? 'B' : 'A';
      const lost = winner === 'A' ? b : a;
      expect(lost.results[0].errors).toEqual([
        expect.objectContaining({
          field: 'sections.0.code',
          code: 'CONFLICT',
          owner: SYSTEMS[winner],
          message: expect.stringContaining(`RACE-X${n}-${winner}`),
        }),
      ]);
      expect(
        await sql(
          `select s.name, p.code from section s join trading_project p on p.id = s.project_id where s.code = ?`,
          [section],
        ),
      ).toEqual([{ name: `${winner} 的标段`, code: `RACE-X${n}-${winner}` }]);
      expect(await sql(`select code from trading_project where code = ?`, [`RACE-X${n}-${loser}`])).toEqual([]);
      expect(await events('TRADING_PROJECT', `RACE-X${n}-${loser}`)).toEqual([]);
      expect(await events('TRADING_PROJECT', `RACE-X${n}-${winner}`)).toEqual([
        expect.objectContaining({ op: 'CREATE', ext: ext(n, winner) }),
      ]);
    }
  });

  it('refuses the second of two projects of one batch claiming the same new section, storing the first', async () => {
    const claim = (code: string) =>
      project(code, p, {
        sections: [{ code: 'RACE-Y-S', name: code, budget: '600000.00', openingAt: '2026-09-25T09:30:00+08:00' }],
      });
    const r = await pushAs('A', 'pushTradingProjects', 'TradingProjectInput', [claim('RACE-Y1'), claim('RACE-Y2')]);
    expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED']);
    expect(r.results[1].errors).toEqual([
      expect.objectContaining({
        field: 'sections.0.code',
        code: 'CONFLICT',
        message: expect.stringContaining('RACE-Y1 (index 0 of this batch)'),
      }),
    ]);
    expect(
      await sql(`select p.code from section s join trading_project p on p.id = s.project_id where s.code = 'RACE-Y-S'`),
    ).toEqual([{ code: 'RACE-Y1' }]);
    expect(await sql(`select code from trading_project where code = 'RACE-Y2'`)).toEqual([]);
  });

  describe('an award racing a bid that stops being valid', () => {
    const W = (n: number) => `RACE-W${n}`;

    beforeAll(async () => {
      const projects = Array.from({ length: ROUNDS + 1 }, (_, i) => project(W(i), p));
      expect((await push(t, keys.A, 'pushTradingProjects', 'TradingProjectInput', projects)).accepted).toBe(ROUNDS + 1);
      const bids = projects.map((x) => ({
        sectionCode: `${x.code}-S1`,
        bidderCreditCode: p.bidders[0],
        amount: '500000.00',
        submittedAt: '2026-09-20T10:00:00+08:00',
      }));
      expect((await push(t, keys.A, 'pushBids', 'BidInput', bids)).accepted).toBe(ROUNDS + 1);
    });

    const award = (n: number) => ({
      sectionCode: `${W(n)}-S1`,
      winnerCreditCode: p.bidders[0],
      amount: '500000.00',
      awardedOn: '2026-10-01',
    });

    it('re-checks the winner’s bid under the project lock: a bid disqualified while the award waits for it refuses the award', async () => {
      // Hold the project's lock, let the award pass its checks and wait for the lock, then disqualify the bid and let
      // go.
      const c = new Client({ connectionString: t.db.url });
      await c.connect();
      try {
        await c.query('begin');
        await c.query(`select 1 from trading_project where code = $1 for no key update`, [W(ROUNDS)]);
        const pending = pushAs('B', 'pushAwards', 'AwardInput', [award(ROUNDS)]);
        for (;;) {
          const { rows } = await c.query(
            `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
          );
          if (rows[0].n > 0) break;
          await new Promise((r) => setImmediate(r));
        }
        await c.query(`update bid set status = 'DISQUALIFIED' where record_key = $1`, [
          `${W(ROUNDS)}-S1/${p.bidders[0]}`,
        ]);
        await c.query('commit');
        const r = await pending;
        expect(r.results[0]).toMatchObject({
          status: 'REJECTED',
          errors: [{ field: 'winnerCreditCode', code: 'CONFLICT', rule: 'AWARD_WITHOUT_BID' }],
        });
      } finally {
        await c.end();
      }
      expect(
        await sql(`select a.id from award a join section s on s.id = a.section_id where s.code = ?`, [
          `${W(ROUNDS)}-S1`,
        ]),
      ).toEqual([]);
      expect(await events('AWARD', `${W(ROUNDS)}-S1`)).toEqual([]);
    });

    it(`never stores an award after its winner's bid was disqualified, ${ROUNDS} racing rounds`, async () => {
      for (let n = 0; n < ROUNDS; n++) {
        const [bid, aw] = await Promise.all([
          pushAs('A', 'pushBids', 'BidInput', [
            {
              sectionCode: `${W(n)}-S1`,
              bidderCreditCode: p.bidders[0],
              amount: '500000.00',
              submittedAt: '2026-09-20T10:00:00+08:00',
              status: 'DISQUALIFIED',
            },
          ]),
          pushAs('B', 'pushAwards', 'AwardInput', [award(n)]),
        ]);
        expect(bid.results[0].status).toBe('ACCEPTED');
        const [disqualified] = (await events('BID', `${W(n)}-S1/${p.bidders[0]}`)).filter((e) => e.op === 'UPDATE');
        const awarded = await events('AWARD', `${W(n)}-S1`);
        if (aw.results[0].status === 'ACCEPTED') {
          // Stored while the bid was still valid: its event comes before the disqualification's.
          expect({ round: n, before: Number(awarded[0].seq) < Number(disqualified.seq) }).toEqual({
            round: n,
            before: true,
          });
        } else {
          expect(aw.results[0].errors).toEqual([
            expect.objectContaining({ code: 'CONFLICT', rule: 'AWARD_WITHOUT_BID' }),
          ]);
          expect(awarded).toEqual([]);
        }
      }
    });
  });

  it('runs a fixed number of SQL statements per push, whatever its size', async () => {
    const sent = async (side: Side, mutation: string, inputType: string, records: unknown[]) => {
      // A key's last use is recorded at most once a minute: not the push's own statement.
      const all = await sentStatements(async () =>
        expect((await pushAs(side, mutation, inputType, records)).accepted).toBe(records.length),
      );
      return all.filter((q) => !/api_key/.test(q)).length;
    };
    const batch = (size: number, offset: number) => entities(size, offset).map((e) => ({ ...e, regionCode: '420102' }));
    expect(await sent('B', 'pushMarketEntities', 'MarketEntityInput', batch(25, 9200))).toBe(
      await sent('B', 'pushMarketEntities', 'MarketEntityInput', batch(1, 9100)),
    );
    const projects = (size: number, prefix: string) =>
      Array.from({ length: size }, (_, i) => project(`${prefix}${i}`, p));
    const created = await sent('B', 'pushTradingProjects', 'TradingProjectInput', projects(1, 'RACE-N'));
    expect(await sent('B', 'pushTradingProjects', 'TradingProjectInput', projects(20, 'RACE-M'))).toBe(created);
    // Sections stored already cannot move: a project that claims no new section code takes no key lock and reads
    // nothing again.
    expect(
      await sent(
        'B',
        'pushTradingProjects',
        'TradingProjectInput',
        projects(20, 'RACE-M').map((x) => ({ ...x, name: `${x.name}（变更）` })),
      ),
    ).toBe(created - 2);
    const awards = (from: number, size: number) =>
      Array.from({ length: size }, (_, i) => ({
        sectionCode: `RACE-M${from + i}-S1`,
        winnerCreditCode: p.bidders[0],
        amount: '1.00',
        awardedOn: '2026-10-01',
      }));
    const bids = projects(20, 'RACE-M').map((x) => ({
      sectionCode: `${x.code}-S1`,
      bidderCreditCode: p.bidders[0],
      amount: '1.00',
      submittedAt: '2026-09-20T10:00:00+08:00',
    }));
    expect((await pushAs('B', 'pushBids', 'BidInput', bids)).accepted).toBe(20);
    expect(await sent('B', 'pushAwards', 'AwardInput', awards(1, 19))).toBe(
      await sent('B', 'pushAwards', 'AwardInput', awards(0, 1)),
    );
  });
});
