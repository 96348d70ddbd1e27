import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreditRecordRow } from '../../src/credit/credit-record.entity';
import { isPublishedAt } from '../../src/credit/publication.rules';
import { PublicationScheduler } from '../../src/credit/publication.scheduler';
import type { PublishedState } from '../../examples/credit-hubei';
import { findPlain } from '../../src/common/plain';
import { badRecord, creditSystem, expert, idNumber } from '../setup/credit';
import { code } from '../setup/data';
import { ManualClock } from '../setup/clock';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { push } from '../setup/trading';

/*
 * The CREDIT_PUBLICATION feed: CREATE when a window opens, DELETE when it
 * closes or a repair or revocation ends it, emitted by the scheduler on a
 * clock the test moves; each event once, across a restart and with two hub
 * processes; and the Credit Hubei example's published set equal to what the
 * rules say.
 */

const ROOT = join(__dirname, '..', '..');
const china = (s: string) => Date.parse(`${s}+08:00`);

interface Event {
  seq: number;
  op: string;
  key: string;
  data: Record<string, unknown>;
}

describe('credit publication', () => {
  const clock = new ManualClock(china('2026-05-01T00:00:00'));
  let db: TestDatabase;
  const hubs: TestHub[] = [];
  let key: string;
  let tmp: string;
  const firm = code('CRP000001');
  const person = idNumber('42010219800101123');

  /** Starts a hub process on the shared database and clock. */
  async function hub(): Promise<TestHub> {
    const t = await startTestHub({}, db, { clock });
    hubs.push(t);
    return t;
  }

  /** Runs a tick of a scheduler of the hub's process until it got the lock: everything due now is then published. */
  async function drain(t: TestHub): Promise<void> {
    const s = new PublicationScheduler(t.hub.services.orm, clock);
    while ((await s.tick()) === null) await new Promise<void>((r) => setImmediate(r));
  }

  async function events(t: TestHub): Promise<Event[]> {
    const rows = await t.hub.services.orm.em
      .fork()
      .execute<Event[]>(
        "select seq::int as seq, op, key, data from change_event where topic = 'CREDIT_PUBLICATION' order by seq",
      );
    return rows;
  }

  const summary = (all: Event[]) => all.map((e) => `${e.op} ${e.key}`);

  /** Runs the Credit Hubei example until it has applied `untilSeq`; returns its saved state. */
  function example(t: TestHub, untilSeq: number): Promise<PublishedState> {
    const file = join(tmp, 'state.json');
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [join(ROOT, 'dist', 'examples', 'credit-hubei.js')],
        {
          env: {
            PATH: process.env.PATH ?? '',
            HUB_URL: t.hub.url,
            HUB_API_KEY: ADMIN_KEY,
            STATE_FILE: file,
            UNTIL_SEQ: String(untilSeq),
          },
          timeout: 60_000,
        },
        (err, _stdout, stderr) =>
          err
            ? reject(new Error(`${err.message}\n${stderr}`))
            : resolve(JSON.parse(readFileSync(file, 'utf8')) as PublishedState),
      );
    });
  }

  /** The codes the rules say are public at the clock's time, from the stored records. */
  async function publicByRules(t: TestHub): Promise<string[]> {
    const rows = await findPlain(t.hub.services.orm.em.fork(), CreditRecordRow, {});
    return rows
      .filter((r) =>
        isPublishedAt(
          {
            status: r.status,
            publishedFrom: r.publishedFrom ?? null,
            publishedUntil: r.publishedUntil ?? null,
            repairedAt: r.repairedAt ? new Date(r.repairedAt) : null,
          },
          clock.now(),
        ),
      )
      .map((r) => r.code)
      .sort();
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'examples', 'credit-hubei.js')))
      throw new Error('dist/examples is missing: run `npm run build` before jest');
    tmp = mkdtempSync(join(tmpdir(), 'credit-hubei-'));
    db = await createTestDatabase();
    const t = await hub();
    key = await creditSystem(t, 'PUB-SYS');
    const entities = await t.gql<{ pushMarketEntities: { accepted: number } }>(
      'mutation($r: [MarketEntityInput!]!) { pushMarketEntities(records: $r) { accepted } }',
      { r: [{ creditCode: firm, name: '公示测试公司', regionCode: '420102' }] },
      key,
    );
    expect(entities.data?.pushMarketEntities.accepted).toBe(1);
    expect((await push(t, key, 'pushExperts', 'ExpertInput', [expert('EXP-PUB-1')])).accepted).toBe(1);
  });
  afterAll(async () => {
    for (const t of hubs.reverse()) await t.stop().catch(() => undefined);
    await db?.drop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('publishes what is in its window and nothing before its start, with personal data masked', async () => {
    const [a] = hubs;
    const r = await push(t(a), key, 'pushCreditRecords', 'CreditRecordInput', [
      badRecord('P-GEN', firm, { decidedOn: '2026-05-10', publicationEndsOn: '2026-08-10' }),
      badRecord('P-MIN', firm, { severity: 'MINOR', decidedOn: '2026-04-20' }),
      badRecord('P-SER', firm, { severity: 'SERIOUS', decidedOn: '2026-04-15' }),
      badRecord('P-GOOD', firm, { kind: 'GOOD_CONDUCT', decidedOn: '2026-04-01', publicationEndsOn: '2026-06-01' }),
      badRecord('P-REV', firm, { decidedOn: '2026-04-25' }),
      badRecord('P-EXP', firm, {
        subjectCreditCode: null,
        subjectExpertCode: 'EXP-PUB-1',
        subjectIdNumber: person,
        severity: 'SERIOUS',
        decidedOn: '2026-04-28',
      }),
      badRecord('P-LATE', firm, { kind: 'GOOD_CONDUCT', decidedOn: '2026-11-01' }),
    ]);
    expect(r.accepted).toBe(7);
    await drain(a);
    const all = await events(a);
    expect(summary(all).sort()).toEqual(['CREATE P-EXP', 'CREATE P-GOOD', 'CREATE P-REV', 'CREATE P-SER']);
    const exp = all.find((e) => e.key === 'P-EXP')!;
    expect(exp.data).toMatchObject({ code: 'P-EXP', subjectIdNumber: '420102**********' + person.slice(16) });
    expect(exp.data).not.toHaveProperty('externalId');
    // A tick with nothing due appends nothing.
    await drain(a);
    expect(await events(a)).toHaveLength(4);
    const state = await example(a, all.at(-1)!.seq);
    expect(Object.keys(state.published).sort()).toEqual(await publicByRules(a));
  });

  it('opens a window on its first day, republishes a changed record, and ends a revoked one', async () => {
    const [a] = hubs;
    await clock.advance(china('2026-05-10T00:00:00') - clock.now() - 1);
    await drain(a);
    expect(summary(await events(a))).not.toContain('CREATE P-GEN');
    await clock.advance(1);
    await drain(a);
    expect(summary(await events(a)).at(-1)).toBe('CREATE P-GEN');
    await push(t(a), key, 'pushCreditRecords', 'CreditRecordInput', [
      badRecord('P-SER', firm, { severity: 'SERIOUS', decidedOn: '2026-04-15', summary: '更正: 提供虚假业绩' }),
      badRecord('P-REV', firm, { decidedOn: '2026-04-25', status: 'REVOKED' }),
    ]);
    await drain(a);
    const all = await events(a);
    expect(summary(all.slice(-2)).sort()).toEqual(['DELETE P-REV', 'UPDATE P-SER']);
    expect(all.find((e) => e.op === 'DELETE')!.data).toEqual({ code: 'P-REV', reason: 'REVOKED' });
  });

  it('catches up on a window that closed while no hub ran', async () => {
    const [a] = hubs;
    await a.stop();
    hubs.splice(0, 1);
    await clock.advance(china('2026-06-15T00:00:00') - clock.now());
    // The new process's scheduler runs before its hub listens.
    const b = await hub();
    expect(summary(await events(b)).at(-1)).toBe('DELETE P-GOOD');
    expect((await events(b)).at(-1)!.data).toEqual({ code: 'P-GOOD', reason: 'WINDOW_CLOSED' });
  });

  it('emits each event once with two hub processes ticking at the same moment', async () => {
    const [b] = hubs;
    const c = await hub();
    const before = (await events(b)).length;
    // Both processes' loops wake at the window's end; two more ticks race them.
    await clock.advance(china('2026-08-10T00:00:00') - clock.now());
    await Promise.all([drain(b), drain(c), drain(b), drain(c)]);
    const after = await events(c);
    expect(summary(after.slice(before))).toEqual(['DELETE P-GEN']);
  });

  it('ends publication at a repair, and the example holds exactly what the rules say', async () => {
    const [b] = hubs;
    await clock.advance(china('2027-05-01T00:00:00') - clock.now());
    await drain(b);
    expect(summary(await events(b)).at(-1)).toBe('CREATE P-LATE');
    const repaired = await b.gql(
      `mutation($i: CreditRepairInput!) { repairCreditRecord(input: $i) { status } }`,
      {
        i: {
          recordKey: 'P-SER',
          decidedBy: '湖北省住房和城乡建设厅',
          decidedAt: '2027-04-20T09:00:00+08:00',
          grounds: '已整改',
        },
      },
      key,
    );
    expect(repaired.errors).toBeUndefined();
    await drain(b);
    const all = await events(b);
    expect(all.at(-1)).toMatchObject({ op: 'DELETE', key: 'P-SER', data: { reason: 'REPAIRED' } });
    // Every record's events alternate CREATE (UPDATE...) DELETE: none twice in a row.
    const byKey = new Map<string, string[]>();
    for (const e of all) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e.op]);
    for (const ops of byKey.values())
      ops.forEach((op, i) => expect(op === 'CREATE' ? i === 0 || ops[i - 1] === 'DELETE' : i > 0).toBe(true));
    const rules = await publicByRules(b);
    expect(rules).toEqual(['P-EXP', 'P-LATE']);
    // The example resumes after its saved cursor and ends with exactly that set.
    const state = await example(b, all.at(-1)!.seq);
    expect(Object.keys(state.published).sort()).toEqual(rules);
    expect(state.published['P-EXP']).toMatchObject({ subjectIdNumber: expect.stringMatching(/^420102\*+/) as string });
  });
});

/** The hub itself (a helper so that each test reads which process it talks to). */
function t(h: TestHub): TestHub {
  return h;
}
