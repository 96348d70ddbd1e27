import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { REGISTRY } from '../../resolvers/families';
import { ADMIN } from '../../src/auth/principal';
import { appendChanges, chainHash } from '../../src/feed/append';
import { ChangeOp, FEED_CHANNEL, type NewChange } from '../../src/feed/topics';
import { verifyChain } from '../../src/feed/verify';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../setup/db';

/*
 * The append guesses the chain's end, and takes the lock, checks the guess and
 * inserts in one statement (src/feed/append.ts). Two pools on one database
 * stand for two hub processes; a row written with plain SQL for a process
 * whose appends this one never saw.
 */
describe('appending to the change log', () => {
  let db: TestDatabase;
  let one: MikroORM;
  let two: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    const open = () =>
      openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities, pool: { min: 0, max: 6 } });
    one = await open();
    two = await open();
  });
  afterAll(async () => {
    await one?.close(true);
    await two?.close(true);
    await db?.drop();
  });

  const changes = (n: number, tag: string): NewChange[] =>
    Array.from({ length: n }, (_, i) => ({
      topic: 'ADMIN',
      op: ChangeOp.CREATE,
      key: `${tag}-${i}`,
      version: 1,
      data: { tag, i, text: '追加' },
    }));

  async function seqs(): Promise<number[]> {
    const rows = await one.em.fork().execute<{ seq: string }[]>('select seq from change_event order by seq');
    return rows.map((r) => Number(r.seq));
  }

  async function expectWholeChain(): Promise<number> {
    const all = await seqs();
    expect(all).toEqual(all.map((_, i) => i + 1));
    const v = await verifyChain(one.em.fork());
    expect(v).toMatchObject({ ok: true, checked: all.length });
    return all.length;
  }

  it('keeps the chain whole and gap-free while two processes append at once and some transactions roll back', async () => {
    const before = (await seqs()).length;
    let committed = 0;
    const runs = Array.from({ length: 40 }, async (_, k) => {
      const orm = k % 2 ? one : two;
      const n = 1 + (k % 5);
      try {
        await orm.em.fork().transactional(async (tx) => {
          await appendChanges(tx, changes(n, `race-${k}`), ADMIN);
          // One in seven fails after its append: its events must leave no gap and no broken link behind.
          if (k % 7 === 3) throw new Error('the push fails after its append');
        });
        committed += n;
      } catch (err) {
        expect(String(err)).toMatch(/fails after its append/);
      }
    });
    await Promise.all(runs);
    expect(await expectWholeChain()).toBe(before + committed);
  });

  it('continues after an event another process appended since its guess', async () => {
    await one.em.fork().transactional((tx) => appendChanges(tx, changes(2, 'mine'), ADMIN));
    const [end] = await one.em
      .fork()
      .execute<{ seq: string; hash: string }[]>('select seq, hash from change_event order by seq desc limit 1');
    // Another process's event, written without this process's appender knowing.
    const foreign = {
      seq: Number(end.seq) + 1,
      topic: 'ADMIN',
      op: ChangeOp.CREATE,
      key: 'foreign',
      version: 1,
      data: { from: 'elsewhere' },
      sourceSystem: null,
      principal: 'admin',
      occurredAt: new Date(),
      signedBy: null,
    };
    const hash = chainHash(end.hash, foreign);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(
        `insert into change_event (seq, topic, op, key, version, data, source_system, principal, occurred_at, signed_by, prev_hash, hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          foreign.seq,
          foreign.topic,
          foreign.op,
          foreign.key,
          foreign.version,
          foreign.data,
          null,
          foreign.principal,
          foreign.occurredAt,
          null,
          end.hash,
          hash,
        ],
      );
    } finally {
      await pg.end();
    }
    const appended = await one.em.fork().transactional((tx) => appendChanges(tx, changes(3, 'after'), ADMIN));
    expect(appended[0]).toMatchObject({ seq: foreign.seq + 1, prevHash: hash });
    await expectWholeChain();
  });

  it('continues its own chain when one transaction appends twice, and appends outside a transaction', async () => {
    const [first, second] = await one.em.fork().transactional(async (tx) => {
      const a = await appendChanges(tx, changes(2, 'twice-a'), ADMIN);
      const b = await appendChanges(tx, changes(2, 'twice-b'), ADMIN);
      return [a, b];
    });
    expect(second[0]).toMatchObject({ seq: first[1].seq + 1, prevHash: first[1].hash });
    const alone = await appendChanges(two.em.fork(), changes(1, 'alone'), ADMIN);
    expect(alone[0].seq).toBe(second[1].seq + 1);
    await expectWholeChain();
  });

  it('notifies once per append, with the last seq, only at commit', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query(`listen ${FEED_CHANNEL}`);
    try {
      await one.em
        .fork()
        .transactional(async (tx) => {
          await appendChanges(tx, changes(2, 'rolled-back'), ADMIN);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      const done = await one.em.fork().transactional((tx) => appendChanges(tx, changes(3, 'notified'), ADMIN));
      // The notification travels on its own connection: a statement on it after the commit has it delivered.
      await listener.query('select 1');
      for (let i = 0; i < 50 && !heard.length; i++) await listener.query('select pg_sleep(0.01)');
      expect(heard).toEqual([String(done[2].seq)]);
    } finally {
      await listener.end();
    }
    await expectWholeChain();
  });
});
