import { createClient } from 'graphql-ws';
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { runningEmbeddedUrl } from '../../src/db/embedded';
import { FEED_LOCK_KEY } from '../../src/feed/append';
import { CHANGES, PUSH, entities, type ChangeEventData, type PushResponse } from '../setup/data';
import type { TypedDocumentString } from '../gql/graphql';
import { removeDataDir, spawnHub, tempDataDir } from '../setup/process';
import { freePort } from '../../src/common/free-port';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

async function gql<T>(
  url: string,
  query: string | TypedDocumentString<unknown, never>,
  variables?: unknown,
  key?: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

const ADMIN = 'lifecycle-admin-key-0123456789';
const COUNT = '{ marketEntities(first: 1) { totalCount } }';

describe('the hub as `npm start` runs it, on embedded PostgreSQL', () => {
  // Removed after the file, with any hub or PostgreSQL still in it, whatever happened (test/setup/environment.js).
  const dataDir = tempDataDir('hub-lifecycle-');

  it('starts with demo data, stops cleanly on SIGTERM, and keeps every record across a restart', async () => {
    const pgPort = await freePort();
    const env = { HUB_DATA_DIR: dataDir, HUB_PG_PORT: String(pgPort), HUB_SEED: 'true', HUB_ADMIN_KEY: ADMIN };
    const first = await spawnHub(env, 90000);
    let key: string;
    let countBefore = 0;
    try {
      expect((await fetch(first.url.replace('/graphql', '/healthz'))).status).toBe(200);
      expect((await fetch(first.url.replace('/graphql', '/readyz'))).status).toBe(200);
      const seeded = await gql<{ marketEntities: { totalCount: number } }>(first.url, COUNT, undefined, ADMIN);
      const seededCount = seeded.data!.marketEntities.totalCount;
      expect(seededCount).toBeGreaterThanOrEqual(120);
      const projects = await gql<{ tradingProjects: { totalCount: number } }>(
        first.url,
        '{ tradingProjects(first: 1) { totalCount } }',
        undefined,
        ADMIN,
      );
      expect(projects.data?.tradingProjects.totalCount).toBeGreaterThanOrEqual(40);
      countBefore = seededCount;
      const reg = await gql<{ registerSourceSystem: { apiKey: string } }>(
        first.url,
        'mutation { registerSourceSystem(input: { code: "LIFE", name: "生命周期测试", kind: MARKET, regionCode: "420000" }) { apiKey } }',
        undefined,
        ADMIN,
      );
      key = reg.data!.registerSourceSystem.apiKey;
      const pushed = await gql<PushResponse>(first.url, PUSH, { records: entities(1, 90000) }, key);
      expect(pushed.data?.pushMarketEntities.accepted).toBe(1);
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
    expect(first.logs.some((l) => l.msg === 'hub stopped')).toBe(true);
    expect(await portOpen(pgPort)).toBe(false); // the embedded PostgreSQL was stopped too

    const second = await spawnHub(env, 90000);
    try {
      const after = await gql<{ marketEntities: { totalCount: number } }>(second.url, COUNT, undefined, ADMIN);
      expect(after.data?.marketEntities.totalCount).toBe(countBefore + 1); // nothing lost, demo data not loaded twice
      const again = await gql<PushResponse>(second.url, PUSH, { records: entities(1, 90000) }, key);
      expect(again.data?.pushMarketEntities.unchanged).toBe(1);
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });

  it('drains on SIGTERM: an in-flight push completes in full, a subscriber gets a clean 1001 close, the process exits 0 and the push survives a restart', async () => {
    const drainDir = tempDataDir('hub-drain-');
    const BIG = 10000;
    const env = {
      HUB_DATA_DIR: drainDir,
      HUB_PG_PORT: String(await freePort()),
      HUB_ADMIN_KEY: ADMIN,
      HUB_MAX_BATCH: String(BIG),
    };
    const [first, ...big] = entities(BIG + 1, 200000);
    const hub = await spawnHub(env, 90000);
    const pg = new PgClient({ connectionString: (await runningEmbeddedUrl(drainDir))! });
    const ws = createClient({
      url: hub.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${ADMIN}` },
    });
    try {
      await pg.connect();
      const reg = await gql<{ registerSourceSystem: { apiKey: string } }>(
        hub.url,
        'mutation($input: RegisterSourceSystemInput!) { registerSourceSystem(input: $input) { apiKey } }',
        { input: { code: 'DRAIN', name: '停机排空测试', kind: 'MARKET', regionCode: '420000' } },
        ADMIN,
      );
      const key = reg.data!.registerSourceSystem.apiKey;

      // An open `changes` subscription, proven live by the event of a first small push.
      const closed = new Promise<{ code: number; reason: string; wasClean: boolean }>((resolve) =>
        ws.on('closed', (e) => {
          const c = e as { code: number; reason: string; wasClean: boolean };
          resolve({ code: c.code, reason: c.reason, wasClean: c.wasClean });
        }),
      );
      const seen: string[] = [];
      let subscriptionError: unknown;
      ws.subscribe<ChangeEventData>(
        { query: String(CHANGES), variables: { after: null, topics: ['MARKET_ENTITY'] } },
        {
          next: (v) => void seen.push(v.data!.changes.key),
          error: (e) => (subscriptionError = e),
          complete: () => undefined,
        },
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(
        (await gql<PushResponse>(hub.url, PUSH, { records: [first] }, key)).data!.pushMarketEntities.accepted,
      ).toBe(1);
      const liveBy = Date.now() + 10000;
      while (!seen.includes(first.creditCode!) && Date.now() < liveBy) await new Promise((r) => setTimeout(r, 20));
      expect(seen).toContain(first.creditCode);

      // A push of 10,000 records, in flight when SIGTERM arrives and for longer than Apollo's default drain grace
      // (10 s, which cut such pushes off on a busy machine): it waits for the change log's lock, which this
      // session holds, so it cannot finish before the signal, nor until the lock is released 11 s after it.
      await pg.query('select pg_advisory_lock($1)', [FEED_LOCK_KEY]);
      const pushing = fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: PUSH, variables: { records: big } }),
      }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { data?: PushResponse; errors?: unknown[] },
        at: Date.now(),
      }));
      const busyBy = Date.now() + 60000;
      for (;;) {
        const { rows } = await pg.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where pid <> pg_backend_pid() and wait_event_type = 'Lock' and wait_event = 'advisory'",
        );
        if (Number(rows[0].n) > 0) break;
        if (Date.now() > busyBy) throw new Error('the big push never reached the change log');
        await new Promise((r) => setTimeout(r, 20));
      }
      const signalledAt = Date.now();
      const exited = hub.stop('SIGTERM');
      await new Promise((r) => setTimeout(r, 11_000));
      await pg.query('select pg_advisory_unlock($1)', [FEED_LOCK_KEY]);
      await pg.end();

      const pushed = await pushing;
      expect(pushed.at).toBeGreaterThan(signalledAt); // it was answered during the drain, not before the signal
      expect(pushed.status).toBe(200);
      expect(pushed.body.errors).toBeUndefined();
      expect(pushed.body.data!.pushMarketEntities).toMatchObject({ accepted: BIG, unchanged: 0, rejected: 0 });
      expect(pushed.body.data!.pushMarketEntities.results).toHaveLength(BIG);

      // A deliberate close with the WebSocket closing handshake, not a dropped connection (1006).
      expect(await closed).toEqual({ code: 1001, reason: 'Going away', wasClean: true });
      expect(subscriptionError).toMatchObject({ code: 1001 });
      expect(await exited).toBe(0);
      expect(hub.logs.some((l) => l.msg === 'hub stopped')).toBe(true);
    } finally {
      await ws.dispose();
      await pg.end().catch(() => undefined);
      await hub.stop('SIGKILL');
    }

    const again = await spawnHub(env, 90000);
    try {
      // Nothing but the two pushes was ever stored here (no demo data): the first record and every record of the
      // drained push.
      const stored = await gql<{ marketEntities: { totalCount: number } }>(again.url, COUNT, undefined, ADMIN);
      expect(stored.data?.marketEntities.totalCount).toBe(BIG + 1);
      const last = await gql<{ marketEntity: { name: string } | null }>(
        again.url,
        'query($c: String!) { marketEntity(creditCode: $c) { name } }',
        { c: big[BIG - 1].creditCode },
        ADMIN,
      );
      expect(last.data?.marketEntity?.name).toBe(big[BIG - 1].name);
    } finally {
      expect(await again.stop('SIGTERM')).toBe(0);
    }
    await removeDataDir(drainDir);
  }, 300_000);

  it('refuses to start with a clear message for each bad setting', async () => {
    await expect(spawnHub({ PORT: 'eighty', HUB_MAX_PAGE: '0', HUB_DATA_DIR: dataDir })).rejects.toThrow(
      /PORT="eighty".*\n.*HUB_MAX_PAGE="0"/s,
    );
    await expect(
      spawnHub({ HOST: 'hub host', HUB_PUBLIC_OPERATIONS: 'market-entity', HUB_DATA_DIR: dataDir }),
    ).rejects.toThrow(
      /exited with 2 before listening: Invalid configuration:\n {2}- HOST="hub host" must be an IP address.*\n {2}- HUB_PUBLIC_OPERATIONS="market-entity" must list root query fields/s,
    );
  });

  it('refuses to start, before it starts PostgreSQL, when HUB_PUBLIC_OPERATIONS names something that is not a root query field', async () => {
    const untouched = join(dataDir, 'never-initialised');
    await expect(
      spawnHub({ HUB_PUBLIC_OPERATIONS: 'marketEntity,marketEntitys,pushMarketEntities', HUB_DATA_DIR: untouched }),
    ).rejects.toThrow(
      /exited with 2 before listening: Invalid configuration:\n {2}- HUB_PUBLIC_OPERATIONS: marketEntitys is not a root query field of the schema.*\n {2}- HUB_PUBLIC_OPERATIONS: pushMarketEntities is not/s,
    );
    expect(existsSync(untouched)).toBe(false);
  });
});
