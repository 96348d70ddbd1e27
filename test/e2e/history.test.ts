import { graphql } from '../gql';
import { startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';
import { countStatements } from '../setup/statements';

/*
 * `history` of a trading project through the one generic history reader
 * (resolvers/common/history.ts, declared in the trading family's descriptor):
 * the project's own events, not those of its child records.
 */

const HISTORY = graphql(`
  query ProjectHistory($code: String!, $last: Int) {
    tradingProject(code: $code) {
      code
      history(last: $last) {
        version
        op
        sourceSystem
        changedFields
        data
        cursor
      }
    }
  }
`);

describe('history of a trading project', () => {
  let t: TestHub;
  let key: string;

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('HIST-SYS', '420100');
    const p = await parties(t, key, 2, 7600);
    const first = project('HIST-P1', p);
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [first])).accepted).toBe(1);
    expect(
      (await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [{ ...first, status: 'EVALUATING' }])).accepted,
    ).toBe(1);
    // A record of another topic (a bid of one of its sections) is not the project's history.
    const bid = {
      sectionCode: 'HIST-P1-S1',
      bidderCreditCode: p.bidders[0],
      amount: '590000.00',
      submittedAt: '2026-09-20T10:00:00+08:00',
    };
    expect((await push(t, key, 'pushBids', 'BidInput', [bid])).accepted).toBe(1);
  });
  afterAll(() => t.stop());

  it('lists the versions of the project oldest first, with what changed in each', async () => {
    const r = await t.gql(HISTORY, { code: 'HIST-P1' }, key);
    expect(r.errors).toBeUndefined();
    const h = r.data!.tradingProject!.history;
    expect(h.map((v) => [v.version, v.op])).toEqual([
      [1, 'CREATE'],
      [2, 'UPDATE'],
    ]);
    // Sections pushed without a status take their project's: they changed with it.
    expect(h[1].changedFields).toEqual(['sections', 'status']);
    expect(h[1].data).toMatchObject({ code: 'HIST-P1', status: 'EVALUATING', sourceSystem: 'HIST-SYS' });
    expect(h.every((v) => v.sourceSystem === 'HIST-SYS')).toBe(true);
  });

  it('gives the last versions only when asked for `last`', async () => {
    const r = await t.gql(HISTORY, { code: 'HIST-P1', last: 1 }, key);
    expect(r.data!.tradingProject!.history.map((v) => v.version)).toEqual([2]);
  });

  it('reads the history of every project of a page in one statement', async () => {
    const q = '{ tradingProjects(first: 10) { edges { node { code history { version } } } } }';
    let answer: { data?: { tradingProjects: { edges: { node: { history: unknown[] } }[] } }; errors?: unknown } = {};
    const { executes } = await countStatements(t.hub, async () => {
      answer = await t.gql(q, undefined, key);
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.tradingProjects.edges.length).toBeGreaterThan(0);
    expect(executes.filter((s) => /from change_event/.test(s))).toHaveLength(1);
  });
});
