import { pushPoolExperts } from '../setup/credit';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/*
 * Experts' identities (专家信息保密): an evaluation committee is pushed while it
 * sits, and who sits stays masked, in queries and in change-feed payloads,
 * until the report is delivered, unless the reader is granted EXPERT_IDENTITY.
 */
describe('evaluation committees and the confidentiality of experts', () => {
  let t: TestHub;
  let key: string;
  let p: Awaited<ReturnType<typeof parties>>;
  let integrator: string;
  let supervisor: string;
  let feed: string;

  const SECTION = 'EXP-1-S1';
  const COMMITTEE = [
    { expertCode: 'EXP4201001', name: '李建国', role: 'CHAIR', organisation: '华中科技大学' },
    { expertCode: 'EXP4201002', name: '王海燕', role: 'MEMBER', organisation: '武汉大学' },
    { expertCode: 'EXP4201003', name: '陈志强', role: 'MEMBER', organisation: '湖北工业大学' },
    { expertCode: 'EXP4201004', name: '周敏', role: 'MEMBER', organisation: null },
    { expertCode: 'REP-001', name: '刘晓东', role: 'TENDERER_REPRESENTATIVE', organisation: '某区交通运输局' },
  ];
  const MASKED = COMMITTEE.map((m) => ({
    expertCode: '******',
    name: '******',
    role: m.role,
    organisation: m.organisation === null ? null : '******',
  }));
  const sitting = () => ({ sectionCode: SECTION, startedAt: '2026-09-26T09:00:00+08:00', committee: COMMITTEE });
  const reported = (bidder: string) => ({
    ...sitting(),
    reportedAt: '2026-09-27T17:00:00+08:00',
    candidates: [{ rank: '1', bidderCreditCode: bidder, score: '91.5' }],
  });

  async function client(name: string, roles: string, extra = ''): Promise<string> {
    const r = await t.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "${name}", roles: [${roles}]${extra} }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.createClient.apiKey;
  }

  const Q = `query Q($code: String!) { tradingProject(code: $code) { sections { code evaluation { startedAt reportedAt committee { expertCode name role organisation } candidates { rank } } } } }`;
  type Evaluation = {
    startedAt: string | null;
    reportedAt: string | null;
    committee: Record<string, unknown>[];
    candidates: unknown[];
  };
  async function evaluationAs(who: string): Promise<Evaluation> {
    const r = await t.gql<{ tradingProject: { sections: { code: string; evaluation: Evaluation }[] } }>(
      Q,
      { code: 'EXP-1' },
      who,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.tradingProject.sections.find((s) => s.code === SECTION)!.evaluation;
  }

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('EVAL-SYS');
    p = await parties(t, key, 3, 7300);
    integrator = await client('eval-integrator', 'INTEGRATOR');
    supervisor = await client('eval-supervisor', 'INTEGRATOR', ', reveal: [EXPERT_IDENTITY]');
    feed = await client('eval-feed', 'FEED_CONSUMER', ', readTopics: [EVALUATION]');
    expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('EXP-1', p)])).accepted).toBe(1);
    const bid = {
      sectionCode: SECTION,
      bidderCreditCode: p.bidders[0],
      amount: '580000.00',
      submittedAt: '2026-09-20T10:00:00+08:00',
    };
    expect((await push(t, key, 'pushBids', 'BidInput', [bid])).accepted).toBe(1);
    await pushPoolExperts(
      t,
      COMMITTEE.filter((m) => m.role !== 'TENDERER_REPRESENTATIVE').map((m) => m.expertCode),
    );
  });
  afterAll(() => t.stop());

  it('stores a committee pushed while the evaluation runs, with no report and no candidates', async () => {
    const r = await push(t, key, 'pushEvaluations', 'EvaluationInput', [sitting()]);
    expect(r.results[0]).toMatchObject({ status: 'ACCEPTED', version: 1, errors: [] });
    const rows = await t.hub.services.orm.em
      .fork()
      .execute(
        `select e.reported_at, jsonb_array_length(e.committee) as n from evaluation e join section s on s.id = e.section_id where s.code = ?`,
        [SECTION],
      );
    expect(rows).toEqual([{ reported_at: null, n: 5 }]);
  });

  it('masks who sits while the evaluation runs, keeping their roles', async () => {
    const e = await evaluationAs(integrator);
    expect(e).toMatchObject({ reportedAt: null, startedAt: '2026-09-26T01:00:00.000Z', candidates: [] });
    expect(e.committee).toEqual(MASKED);
  });

  it('masks them for the pushing system too, unless it is granted EXPERT_IDENTITY', async () => {
    expect((await evaluationAs(key)).committee).toEqual(MASKED);
  });

  it('shows who sits to a reader granted EXPERT_IDENTITY, and to operators', async () => {
    expect((await evaluationAs(supervisor)).committee).toEqual(COMMITTEE);
    expect((await evaluationAs(ADMIN_KEY)).committee).toEqual(COMMITTEE);
  });

  it('masks the committee in change-feed payloads of a running evaluation, with the same rule', async () => {
    const query = `subscription S($after: String) { changes(topics: [EVALUATION], after: $after) { key data } }`;
    const [plain] = await collect<{
      changes: { key: string; data: { committee: unknown[]; reportedAt: string | null } };
    }>(t.ws(feed), query, { after: null }, 1);
    expect(plain.changes.key).toBe(SECTION);
    expect(plain.changes.data.reportedAt).toBeNull();
    expect(plain.changes.data.committee).toEqual(MASKED);
    const [granted] = await collect<{ changes: { data: { committee: unknown[] } } }>(
      t.ws(ADMIN_KEY),
      query,
      { after: null },
      1,
    );
    expect(granted.changes.data.committee).toEqual(COMMITTEE);
  });

  it('rejects report-less candidates, a second chair and an expert named twice, with field paths', async () => {
    const r = await push(t, key, 'pushEvaluations', 'EvaluationInput', [
      { ...sitting(), candidates: [{ rank: '1', bidderCreditCode: p.bidders[0] }] },
      { ...sitting(), committee: [COMMITTEE[0], { ...COMMITTEE[1], role: 'CHAIR' }] },
      { ...sitting(), committee: [COMMITTEE[0], { ...COMMITTEE[1], expertCode: COMMITTEE[0].expertCode }] },
      { sectionCode: SECTION },
    ]);
    expect(r.rejected).toBe(4);
    expect(r.results[0].errors).toEqual([expect.objectContaining({ field: 'reportedAt', code: 'BAD_USER_INPUT' })]);
    expect(r.results[1].errors).toEqual([expect.objectContaining({ field: 'committee', code: 'BAD_USER_INPUT' })]);
    expect(r.results[2].errors).toEqual([
      expect.objectContaining({ field: 'committee.1.expertCode', code: 'BAD_USER_INPUT' }),
    ]);
    expect(r.results[3].errors).toEqual([expect.objectContaining({ field: 'reportedAt', code: 'BAD_USER_INPUT' })]);
    // Nothing of the rejected records was written: the sitting committee is unchanged.
    expect((await evaluationAs(ADMIN_KEY)).committee).toEqual(COMMITTEE);
  });

  it('shows who sat to every reader once the report is delivered', async () => {
    const r = await push(t, key, 'pushEvaluations', 'EvaluationInput', [reported(p.bidders[0])]);
    expect(r.results[0]).toMatchObject({ status: 'ACCEPTED', version: 2 });
    const e = await evaluationAs(integrator);
    expect(e).toMatchObject({ reportedAt: '2026-09-27T09:00:00.000Z', candidates: [{ rank: 1 }] });
    expect(e.committee).toEqual(COMMITTEE);
    // The feed: the running version stays masked, the reported one is public.
    const events = await collect<{ changes: { version: number; data: { committee: unknown[] } } }>(
      t.ws(feed),
      `subscription { changes(topics: [EVALUATION]) { version data } }`,
      {},
      2,
    );
    expect(events.map((e) => [e.changes.version, e.changes.data.committee])).toEqual([
      [1, MASKED],
      [2, COMMITTEE],
    ]);
  });
});
