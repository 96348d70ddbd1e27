import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { verifyChain } from '../../src/feed/verify';
import { PUSH, entities } from '../setup/data';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';

interface Verification {
  verifyChangeLog: {
    ok: boolean;
    checked: number;
    lastSeq: string;
    firstBrokenSeq: string | null;
    reason: string | null;
  };
}

const VERIFY = '{ verifyChangeLog { ok checked lastSeq firstBrokenSeq reason } }';

describe('the tamper-evident change log', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
    const key = await t.system('CHAIN-SYS');
    await t.gql(PUSH, { records: entities(10, 0) }, key);
    await t.gql(PUSH, { records: entities(10, 10) }, key);
  });
  afterAll(() => t.stop());

  const sql = (q: string) => t.hub.services.orm.em.fork().execute(q);
  const verify = async () => (await t.gql<Verification>(VERIFY, undefined, ADMIN_KEY)).data!.verifyChangeLog;

  it('verifies an untouched log', async () => {
    expect(await verify()).toEqual({ ok: true, checked: 21, lastSeq: '21', firstBrokenSeq: null, reason: null });
  });

  it('continues from an event an earlier verification ended on, checking only what is newer', async () => {
    const em = () => t.hub.services.orm.em.fork();
    const first = await verifyChain(em(), 5);
    expect(first).toMatchObject({ ok: true, checked: 21, lastSeq: 21 });
    const [{ hash }] = await em().execute<{ hash: string }[]>('select hash from change_event where seq = 21');
    expect(first.lastHash).toBe(hash);
    const [{ hash: at10 }] = await em().execute<{ hash: string }[]>('select hash from change_event where seq = 10');
    expect(await verifyChain(em(), 5, { seq: 10, hash: at10 })).toMatchObject({
      ok: true,
      checked: 11,
      lastSeq: 21,
      lastHash: hash,
    });
    expect(await verifyChain(em(), 5, { seq: 21, hash })).toMatchObject({
      ok: true,
      checked: 0,
      lastSeq: 21,
      lastHash: hash,
    });
    // A wrong starting hash is a broken link at the next event.
    expect(await verifyChain(em(), 5, { seq: 10, hash: '0'.repeat(64) })).toMatchObject({
      ok: false,
      firstBrokenSeq: 11,
    });
  });

  it('names the first event whose content was edited directly in PostgreSQL', async () => {
    const em = t.hub.services.orm.em.fork();
    const [{ name }] = await em.execute<{ name: string }[]>(
      `select data->>'name' as name from change_event where seq = 7`,
    );
    await sql(`update change_event set data = jsonb_set(data, '{name}', '"篡改公司"') where seq = 7`);
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        firstBrokenSeq: '7',
        reason: 'content does not match its hash',
      });
    } finally {
      await em.execute(`update change_event set data = jsonb_set(data, '{name}', to_jsonb(?::text)) where seq = 7`, [
        name,
      ]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('notices a recomputed hash that no longer links to the next event, and a deleted event', async () => {
    await sql(`update change_event set hash = repeat('a', 64) where seq = 12`);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: '12' });
    await sql(`delete from change_event where seq = 15`);
    await sql(`update change_event set hash = (select prev_hash from change_event where seq = 13) where seq = 12`);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: '15', reason: 'seq 15 is missing' });
  });

  it('is refused to non-operators', async () => {
    const key = await t.system('NOT-ADMIN');
    expect((await t.gql(VERIFY, undefined, key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('exits with status 3 from `hub verify-log` when the chain is broken', () => {
    const out = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'hub.js'), 'verify-log', '--json'], {
      env: { PATH: process.env.PATH, DATABASE_URL: t.db.url, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(out.status).toBe(3);
    expect(JSON.parse(out.stdout.trim())).toMatchObject({ ok: false, firstBrokenSeq: 15 });
  });
});
