import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUSH, entities, type PushResponse } from '../setup/data';
import { spawnHub } from '../setup/process';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

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

async function gql<T>(url: string, query: string, variables?: unknown, key?: string): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

const ADMIN = 'lifecycle-admin-key-0123456789';
const COUNT = '{ marketEntities(first: 1) { totalCount } }';

describe('the hub as `npm start` runs it, on embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-lifecycle-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
      const projects = await gql<{ tradingProjects: { totalCount: number } }>(first.url, '{ tradingProjects(first: 1) { totalCount } }', undefined, ADMIN);
      expect(projects.data?.tradingProjects.totalCount).toBeGreaterThanOrEqual(40);
      countBefore = seededCount;
      const reg = await gql<{ registerSourceSystem: { apiKey: string } }>(
        first.url,
        'mutation { registerSourceSystem(input: { code: "LIFE", name: "生命周期测试", kind: "MARKET", regionCode: "420000" }) { apiKey } }',
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

  it('refuses to start with a clear message for each bad setting', async () => {
    await expect(spawnHub({ PORT: 'eighty', HUB_MAX_PAGE: '0', HUB_DATA_DIR: dataDir })).rejects.toThrow(/PORT="eighty".*\n.*HUB_MAX_PAGE="0"/s);
  });
});
