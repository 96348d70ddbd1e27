import { entities } from '../setup/data';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push, type Push } from '../setup/trading';
import {
  DisclosureGroup,
  disclosureQualitySql,
  DEFAULT_DISCLOSURE_THRESHOLDS,
} from '../../src/supervision/disclosure.queries';

/*
 * Accuracy counts rejected records (issue 15): a rejected record is never
 * stored, so the push pipeline counts it per system, China day, topic and
 * reason code (push_rejection), one upsert per push; disclosureQuality's
 * UNCORRECTED measure adds those counts to its total and lists them by reason.
 * Real pushes over HTTP against real PostgreSQL; no clock is read: the
 * period spans every day the test can run on.
 */
type Any = Record<string, any>;

const PERIOD = { from: '2026-01-01T00:00:00+08:00', to: '2100-01-01T00:00:00+08:00' };
const Q = `query($p: PeriodInput!, $g: [DisclosureGroup!]!) {
  disclosureQuality(period: $p, groupBy: $g) { measure sourceSystem category regionCode total ok share rejected rejections { topic code count } } }`;

/** `count` tender notices of project `code` (valid when the hub holds the project), keys `${prefix}-AN<i>`. */
function notices(code: string, count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => ({
    code: `${prefix}-AN${i}`,
    projectCode: code,
    type: 'TENDER_NOTICE',
    title: '招标公告',
    publishedAt: '2026-09-01T09:00:00+08:00',
  }));
}

/** The (topic, code) → count of a push's rejected records, by the first error of each. */
function expectedReasons(topic: string, pushes: Push[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of pushes)
    for (const r of p.results)
      if (r.status === 'REJECTED')
        out.set(`${topic} ${r.errors[0].code}`, (out.get(`${topic} ${r.errors[0].code}`) ?? 0) + 1);
  return out;
}

describe('accuracy counts rejected records', () => {
  let t: TestHub;
  let key: string;
  let other: string;
  let reader: string;
  const code = 'REJ-P1';

  const quality = async (groupBy: string[], period = PERIOD): Promise<Any[]> => {
    const r = await t.gql<{ disclosureQuality: Any[] }>(Q, { p: period, g: groupBy }, reader);
    expect(r.errors).toBeUndefined();
    return r.data!.disclosureQuality;
  };
  const accuracyOf = async (system: string) =>
    (await quality(['SOURCE_SYSTEM'])).find((x) => x.measure === 'UNCORRECTED' && x.sourceSystem === system);

  /** The SQL answer of a statement on the test's database. */
  const sql = async <T>(text: string): Promise<T[]> => t.hub.services.orm.em.fork().getConnection().execute<T[]>(text);

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('REJ-SYS', '420100');
    other = await t.system('REJ-OTHER', '420100');
    const p = await parties(t, key, 2, 8600);
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project(code, p)]);
    expect(r.accepted).toBe(1);
    const c = await t.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "rej-reader", roles: [INTEGRATOR] }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(c.errors).toBeUndefined();
    reader = c.data!.createClient.apiKey;
  });
  afterAll(() => t.stop());

  it('adds each rejected record to the total of accuracy, never to ok, and lists them by topic and reason', async () => {
    const [a, b] = notices(code, 2, 'REJ');
    const pushed = await push(t, key, 'pushAnnouncements', 'AnnouncementInput', [
      a,
      b,
      // Rejected: a project the hub does not hold, and the same key twice in one batch.
      { ...a, code: 'REJ-NOPROJ', projectCode: 'REJ-NO-SUCH-PROJECT' },
      { ...b },
    ]);
    expect([pushed.accepted, pushed.rejected]).toEqual([2, 2]);
    const row = await accuracyOf('REJ-SYS');
    // Two stored, never corrected; two rejected.
    expect(row).toMatchObject({ total: 4, ok: 2, share: 0.5, rejected: 2, category: null, regionCode: null });
    const reasons = new Map<string, number>(row!.rejections.map((x: Any) => [`${x.topic} ${x.code}`, x.count]));
    expect(reasons).toEqual(expectedReasons('ANNOUNCEMENT', [pushed]));
    // The other measures carry no rejections.
    for (const x of await quality(['SOURCE_SYSTEM']))
      if (x.measure !== 'UNCORRECTED') expect([x.measure, x.rejected, x.rejections]).toEqual([x.measure, 0, []]);
  });

  it('counts a rejection by the day of the push: a period that does not hold that day leaves it out', async () => {
    const [{ day }] = await sql<{ day: string }>(
      `select min(x.day)::text as day from push_rejection x join source_system s on s.id = x.source_system_id
        where s.code = 'REJ-SYS'`,
    );
    const start = Date.parse(`${day}T00:00:00+08:00`);
    const at = (ms: number) => new Date(ms).toISOString();
    const within = await quality(['SOURCE_SYSTEM'], { from: at(start), to: at(start + 86_400_000) });
    expect(within.find((x) => x.measure === 'UNCORRECTED' && x.sourceSystem === 'REJ-SYS')?.rejected).toBe(2);
    const before = await quality(['SOURCE_SYSTEM'], { from: at(start - 86_400_000), to: at(start) });
    expect(before.find((x) => x.measure === 'UNCORRECTED' && x.sourceSystem === 'REJ-SYS')?.rejected ?? 0).toBe(0);
  });

  it('does not count a rejected market entity: it is no disclosed trading record', async () => {
    const before = await accuracyOf('REJ-SYS');
    const r = await t.gql<{ pushMarketEntities: { rejected: number } }>(
      'mutation($r: [MarketEntityInput!]!) { pushMarketEntities(records: $r) { rejected } }',
      // A credit code whose check character is wrong.
      {
        r: entities(1, 8700).map((e) => ({
          ...e,
          creditCode: `${e.creditCode!.slice(0, 17)}${e.creditCode!.endsWith('0') ? '1' : '0'}`,
        })),
      },
      key,
    );
    expect(r.data?.pushMarketEntities.rejected).toBe(1);
    expect(await accuracyOf('REJ-SYS')).toEqual(before);
    // It is counted, under its own topic, for whoever reads the table.
    const [row] = await sql<{ n: number }>(
      `select sum(x.count)::int as n from push_rejection x join source_system s on s.id = x.source_system_id
        where s.code = 'REJ-SYS' and x.topic = 'MARKET_ENTITY'`,
    );
    expect(row.n).toBe(1);
  });

  it('loses no count when pushes of one system with rejections run concurrently', async () => {
    const pushes = 8;
    const perPush = 5;
    const results = await Promise.all(
      Array.from({ length: pushes }, (_, i) =>
        push(t, other, 'pushAnnouncements', 'AnnouncementInput', notices('REJ-NO-SUCH-PROJECT', perPush, `REJ-C${i}`)),
      ),
    );
    expect(results.map((r) => r.rejected)).toEqual(Array(pushes).fill(perPush));
    const row = await accuracyOf('REJ-OTHER');
    expect(row).toMatchObject({ total: pushes * perPush, ok: 0, rejected: pushes * perPush });
    expect(row!.rejections.reduce((n: number, x: Any) => n + x.count, 0)).toBe(pushes * perPush);
  });

  it('puts rejections in the row without category and region when grouped by them', async () => {
    const rows = await quality(['CATEGORY', 'REGION']);
    const unplaced = rows.find((x) => x.measure === 'UNCORRECTED' && x.category === null && x.regionCode === null);
    expect(unplaced).toMatchObject({ rejected: 2 + 40, ok: 0, total: 2 + 40 });
    expect(unplaced!.rejections.reduce((n: number, x: Any) => n + x.count, 0)).toBe(42);
    const placed = rows.filter((x) => x.measure === 'UNCORRECTED' && x.category !== null);
    expect(placed.every((x) => x.rejected === 0 && x.rejections.length === 0)).toBe(true);
    expect(placed.reduce((n, x) => n + x.total, 0)).toBe(2);
  });

  it('reads push_rejection through the index that leads with the day', async () => {
    const q = disclosureQualitySql(
      { from: new Date(PERIOD.from), to: new Date(PERIOD.to) },
      [DisclosureGroup.SOURCE_SYSTEM],
      DEFAULT_DISCLOSURE_THRESHOLDS,
    );
    const plan = await t.hub.services.orm.em.fork().transactional(async (tx) => {
      await tx.execute('set local enable_seqscan = off');
      const [row] = await tx.execute<{ 'QUERY PLAN': unknown }[]>(`explain (format json) ${q.sql}`, q.params);
      return row['QUERY PLAN'];
    });
    const conds: string[] = [];
    const walk = (n: Any) => {
      if (n && typeof n === 'object') {
        if (n['Index Name'] === 'push_rejection_day_system_topic_code_key') conds.push(n['Index Cond'] as string);
        for (const v of Object.values(n)) walk(v);
      }
    };
    walk(plan as Any);
    expect(conds).toHaveLength(1);
    expect(conds[0]).toMatch(/^\(\(day >= '2026-01-01'::date\) AND \(day < '2100-01-01'::date\)/);
  });
});
