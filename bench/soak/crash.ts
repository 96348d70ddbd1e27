import type { MikroORM } from '@mikro-orm/postgresql';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TEXT_SET, textSetParam } from '../../src/common/sql';
import { openOrm } from '../../src/db/orm';
import { GENESIS_HASH } from '../../src/feed/append';
import { verifyChain, type ChainPoint } from '../../src/feed/verify';
import { createLogger } from '../../src/logger';
import { demoEntities } from '../../src/seed/demo';
import { prng } from '../../src/seed/prng';
import { freePort, ROOT } from '../lib/env';
import { HubProcess } from './hub-process';
import { REGISTRY } from '../../resolvers/families';

/**
 * The crash soak (`npm run soak -- --crash`): the hub is killed with kill -9
 * at a random moment while two systems push big batches, restarted on the same
 * data folder, and checked, round after round:
 *
 * - every batch is all or nothing: a batch the hub answered is stored whole; a
 *   batch cut by the kill is stored whole or not at all;
 * - the retry of a cut batch completes (ACCEPTED or UNCHANGED, never
 *   REJECTED) and no record has more than one change event;
 * - every key, grant and registration made before the kill still holds; in
 *   every third round a system is registered right before the pushes start
 *   (over the API or with the `hub` command, in turn) and its key is the very
 *   first thing used after the restart (the UNAUTHENTICATED once seen here);
 * - a feed subscriber that follows from seq 0 across every restart (resuming
 *   with its own cursor) sees each seq exactly once, without a gap;
 * - the SM3 hash chain verifies (the new events each round; the whole log with
 *   `hub verify-log` at the end, and a replay from the start).
 *
 * Every fourth round kills the hub's PostgreSQL together with it; the others
 * kill the node process alone, as an out-of-memory kill does.
 */
export interface CrashSoakOptions {
  rounds: number;
  /** Market entities per batch of the first system. */
  entityBatch: number;
  /** Trading projects (two sections each) per batch of the second system. */
  projectBatch: number;
  /** Latest kill, ms after the pushes start (the kill comes at a uniformly random moment before it). */
  maxKillMs: number;
  seed: number;
  /** Data folder; a new temporary one (removed at the end) when absent. */
  dataDir?: string;
  keep: boolean;
  log(line: string): void;
}

export interface RoundFigures {
  round: number;
  kill: 'node' | 'node+postgres';
  killAfterMs: number;
  restartMs: number;
  batchesAnswered: number;
  /** Batches cut by the kill that were stored whole / not at all. */
  cutStoredWhole: number;
  cutStoredNone: number;
  recordsStored: number;
  events: number;
  registered?: { via: 'api' | 'cli'; firstUseAfterRestart: string };
  checkMs: number;
}

export interface CrashSoakReport {
  ok: boolean;
  failures: string[];
  rounds: RoundFigures[];
  totals: Record<string, number>;
}

const ADMIN_KEY = 'soak-admin-key-0123456789abcdef';
const KEY_FORMAT = /^hub_[A-Za-z0-9_-]{40,}$/;

const PUSH_ENTITIES =
  'mutation($r: [MarketEntityInput!]!) { pushMarketEntities(records: $r) { accepted unchanged rejected results { status errors { field code message } } } }';
const PUSH_PROJECTS =
  'mutation($r: [TradingProjectInput!]!) { pushTradingProjects(records: $r) { accepted unchanged rejected results { status errors { field code message } } } }';
const CHANGES = 'subscription($after: String) { changes(after: $after) { cursor seq } }';
const READ = '{ marketEntities(first: 1) { totalCount } }';

interface PushAnswer {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: { status: string; errors: { field: string; code: string; message: string }[] }[];
}

interface Batch {
  kind: 'entities' | 'projects';
  system: string;
  key: string;
  records: unknown[];
  keys: string[];
  state: 'sending' | 'answered' | 'cut';
  answer?: PushAnswer;
}

interface GqlAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql<T>(
  url: string,
  query: string,
  variables: unknown,
  key: string,
  timeoutMs = 300_000,
): Promise<GqlAnswer<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** A project of the engineering catalog in Wuhan with two sections, by number. */
function projectRecord(n: number, tenderer: string, agency: string) {
  const code = `SOAK-P${String(n).padStart(7, '0')}`;
  return {
    code,
    name: `${code} 武汉市某道路改造工程`,
    subItemCode: 'ENG_TRANSPORT',
    regionCode: '420102',
    tendererCreditCode: tenderer,
    agencyCreditCode: agency,
    budget: '1000000.00',
    method: 'OPEN_TENDER',
    status: 'TENDERING',
    publishedAt: '2026-09-01T09:00:00+08:00',
    bidDeadline: '2026-09-25T09:30:00+08:00',
    sections: [
      { code: `${code}-S1`, name: '一标段', budget: '600000.00', openingAt: '2026-09-25T09:30:00+08:00' },
      { code: `${code}-S2`, name: '二标段', budget: '400000.00', openingAt: '2026-09-25T09:30:00+08:00' },
    ],
  };
}

/**
 * A subscriber of the whole change feed (ADMIN key, every topic) that
 * survives restarts: after each one it subscribes again after the last event
 * it got, and checks that every seq it is given is the one after the last.
 */
class FeedFollower {
  lastSeq = 0;
  private cursor: string | null = null;
  received = 0;
  readonly problems: string[] = [];
  private client?: WsClient;

  constructor(private readonly wsUrl: string) {}

  /** (Re)subscribes after the last event received. */
  follow(): void {
    this.client = createClient({
      url: this.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    this.client.subscribe<{ changes: { cursor: string; seq: string } }>(
      { query: CHANGES, variables: { after: this.cursor } },
      {
        next: (v) => {
          if (v.errors || !v.data) {
            this.problems.push(`feed error: ${JSON.stringify(v.errors)}`);
            return;
          }
          const seq = Number(v.data.changes.seq);
          if (seq !== this.lastSeq + 1) this.problems.push(`feed gave seq ${seq} after seq ${this.lastSeq}`);
          this.lastSeq = Math.max(this.lastSeq, seq);
          this.cursor = v.data.changes.cursor;
          this.received += 1;
        },
        error: () => undefined, // the hub was killed: follow() again after the restart
        complete: () => undefined,
      },
    );
  }

  /** Waits until the follower has seen `head`; false if it has not after `ms`. */
  async reach(head: number, ms = 180_000): Promise<boolean> {
    for (const end = Date.now() + ms; this.lastSeq < head;) {
      if (Date.now() > end) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  }

  async close(): Promise<void> {
    await this.client?.dispose();
    this.client = undefined;
  }
}

/** `node bin/hub.js <args>` on the soak's data folder (the running hub's cluster); resolves with status and output. */
function hubCommand(
  dataDir: string,
  pgPort: number,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'hub.js'), ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          HUB_DATA_DIR: dataDir,
          HUB_PG_PORT: String(pgPort),
          LOG_LEVEL: 'warn',
        },
        timeout: 600_000,
        maxBuffer: 16 << 20,
      },
      (err, stdout, stderr) =>
        resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

/** The soak's hubs while it runs, for a Ctrl-C to kill (bench/soak/run.ts). */
export const soakHubs = new Set<HubProcess>();

/** Runs the crash soak; never throws for a failed check (they are in the report), only for a broken set-up. */
export async function crashSoak(o: CrashSoakOptions): Promise<CrashSoakReport> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'hub-soak-'));
  const hub = new HubProcess(dataDir, await freePort(), await freePort(), {
    HUB_ADMIN_KEY: ADMIN_KEY,
    HUB_SEED: 'true',
    HUB_MAX_BATCH: String(Math.max(5000, o.entityBatch, o.projectBatch)),
  });
  soakHubs.add(hub);
  const random = prng(o.seed);
  const failures: string[] = [];
  const rounds: RoundFigures[] = [];
  const fail = (round: number, what: string) => {
    failures.push(`round ${round}: ${what}`);
    o.log(`  FAILED: ${what}`);
  };
  let orm: MikroORM | undefined;
  const follower = new FeedFollower(hub.wsUrl);
  /** Every key handed out, by principal, with what it must still be able to do. */
  const keys = new Map<string, string>();
  const systems = new Set<string>();
  /** Clients' read topics as last granted (a grant change cut by the kill may have gone either way: both kept). */
  const grants = new Map<string, string[][]>();
  let verified: ChainPoint = { seq: 0, hash: GENESIS_HASH };
  let entityOffset = 1_000_000;
  let projectNumber = 0;

  const openDb = async () => {
    const { password } = JSON.parse(readFileSync(join(dataDir, 'hub-embedded.json'), 'utf8')) as { password: string };
    orm = await openOrm(
      `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${hub.pgPort}/hub`,
      createLogger('silent'),
      { pool: { min: 0, max: 2 }, entities: REGISTRY.entities },
    );
  };
  const sql = async <T>(text: string, params: unknown[] = []) => orm!.em.fork().execute<T[]>(text, params);
  const head = async () =>
    Number((await sql<{ head: string }>('select coalesce(max(seq), 0) as head from change_event'))[0].head);

  const register = async (code: string): Promise<string> => {
    const r = await gql<{ registerSourceSystem: { apiKey: string } }>(
      hub.url,
      'mutation($input: RegisterSourceSystemInput!) { registerSourceSystem(input: $input) { apiKey } }',
      { input: { code, name: `${code} 崩溃压测系统`, kind: 'MARKET', regionCode: '420000' } },
      ADMIN_KEY,
    );
    if (!r.data) throw new Error(`registering ${code}: ${JSON.stringify(r.errors)}`);
    return r.data.registerSourceSystem.apiKey;
  };

  try {
    o.log(
      `crash soak: ${o.rounds} rounds, batches of ${o.entityBatch} market entities and ${o.projectBatch} trading projects (2 sections each), kill within ${o.maxKillMs} ms, data in ${dataDir}`,
    );
    const firstStart = await hub.start();
    o.log(`hub started in ${firstStart} ms (demo data loaded)`);
    keys.set('SOAK-MKT', await register('SOAK-MKT'));
    keys.set('SOAK-TRD', await register('SOAK-TRD'));
    systems.add('SOAK-MKT').add('SOAK-TRD');
    const parties = demoEntities(2, 7, 900_000).map((e) => ({ ...e, regionCode: '420102' }));
    const stored = await gql<{ pushMarketEntities: PushAnswer }>(
      hub.url,
      PUSH_ENTITIES,
      { r: parties },
      keys.get('SOAK-MKT')!,
    );
    if (stored.data?.pushMarketEntities.accepted !== 2)
      throw new Error(`parties not stored: ${JSON.stringify(stored)}`);
    const [tenderer, agency] = parties.map((e) => e.creditCode!);
    await openDb();
    follower.follow();

    for (let round = 1; round <= o.rounds; round++) {
      const roundStart = Date.now();
      const kill: RoundFigures['kill'] = round % 4 === 0 ? 'node+postgres' : 'node';
      // Admin work right before the kill: a new system (its first push runs with the big ones), a client, a grant
      // change.
      let newSystem: { code: string; key: string; via: 'api' | 'cli'; batch: Batch } | undefined;
      if (round % 3 === 1) {
        const code = `SOAK-NEW-${round}`;
        const via = round % 6 === 1 ? 'api' : 'cli';
        let key: string;
        if (via === 'api') key = await register(code);
        else {
          const out = await hubCommand(dataDir, hub.pgPort, [
            'systems',
            'add',
            '--code',
            code,
            '--name',
            `${code} 崩溃压测系统`,
            '--kind',
            'MARKET',
          ]);
          key = out.stdout.trimEnd().split('\n').at(-1) ?? '';
          if (out.status !== 0 || !KEY_FORMAT.test(key))
            throw new Error(
              `hub systems add printed no key on its last line (status ${out.status}): ${out.stdout} ${out.stderr}`,
            );
        }
        keys.set(code, key);
        systems.add(code);
        const records = demoEntities(20, round, entityOffset);
        entityOffset += 20;
        newSystem = {
          code,
          key,
          via,
          batch: {
            kind: 'entities',
            system: code,
            key,
            records,
            keys: records.map((e) => e.creditCode!),
            state: 'sending',
          },
        };
        const client = `soak-client-${round}`;
        const created = await gql<{ createClient: { apiKey: string } }>(
          hub.url,
          'mutation($input: CreateClientInput!) { createClient(input: $input) { apiKey } }',
          { input: { name: client, roles: ['INTEGRATOR', 'FEED_CONSUMER'], readTopics: ['MARKET_ENTITY'] } },
          ADMIN_KEY,
        );
        if (!created.data) throw new Error(`createClient: ${JSON.stringify(created.errors)}`);
        keys.set(client, created.data.createClient.apiKey);
        grants.set(client, [['MARKET_ENTITY']]);
        const earlier = `soak-client-${round - 3}`;
        if (grants.has(earlier)) {
          const topics = ['MARKET_ENTITY', 'TRADING_PROJECT'];
          const changed = await gql(
            hub.url,
            'mutation($p: String!, $g: GrantsInput!) { updateGrants(principal: $p, input: $g) { name } }',
            { p: earlier, g: { readTopics: topics } },
            ADMIN_KEY,
          );
          if (changed.errors) throw new Error(`updateGrants: ${JSON.stringify(changed.errors)}`);
          grants.set(earlier, [topics]);
        }
      }

      // The pushes, until the kill.
      await orm?.close(true);
      orm = undefined;
      const batches: Batch[] = [];
      let killed = false;
      const pusher = async (next: () => Batch) => {
        while (!killed) {
          const b = next();
          batches.push(b);
          await send(b);
        }
      };
      const send = async (b: Batch) => {
        try {
          const r = await gql<Record<string, PushAnswer>>(
            hub.url,
            b.kind === 'entities' ? PUSH_ENTITIES : PUSH_PROJECTS,
            { r: b.records },
            b.key,
          );
          if (!r.data) {
            b.state = 'cut';
            if (!killed) fail(round, `${b.system}'s push failed while the hub ran: ${JSON.stringify(r.errors)}`);
            return;
          }
          b.answer = Object.values(r.data)[0];
          b.state = 'answered';
        } catch {
          b.state = 'cut';
        }
      };
      const pushing = [
        pusher(() => {
          const records = demoEntities(o.entityBatch, round, entityOffset);
          entityOffset += o.entityBatch;
          return {
            kind: 'entities',
            system: 'SOAK-MKT',
            key: keys.get('SOAK-MKT')!,
            records,
            keys: records.map((e) => e.creditCode!),
            state: 'sending',
          };
        }),
        pusher(() => {
          const records = Array.from({ length: o.projectBatch }, () =>
            projectRecord(++projectNumber, tenderer, agency),
          );
          return {
            kind: 'projects',
            system: 'SOAK-TRD',
            key: keys.get('SOAK-TRD')!,
            records,
            keys: records.map((p) => p.code),
            state: 'sending',
          };
        }),
      ];
      if (newSystem) {
        batches.push(newSystem.batch);
        pushing.push(send(newSystem.batch));
      }
      const killAfterMs = Math.floor(random() * o.maxKillMs);
      await new Promise((r) => setTimeout(r, killAfterMs));
      killed = true;
      await hub.kill9(kill === 'node+postgres');
      await Promise.all(pushing);
      await follower.close();

      // Restart on the same folder.
      let restartMs: number;
      try {
        restartMs = await hub.start();
      } catch (err) {
        fail(round, `the hub did not come back: ${(err as Error).message}\n${hub.tail.join('\n')}`);
        break;
      }
      const checkStart = Date.now();
      let firstUse = '';
      if (newSystem) {
        // The very first request after the restart: the new system's key, retrying its first push.
        const r = await gql<{ pushMarketEntities: PushAnswer }>(
          hub.url,
          PUSH_ENTITIES,
          { r: newSystem.batch.records },
          newSystem.key,
        );
        firstUse = r.data ? 'ok' : (r.errors?.[0]?.extensions?.code ?? `HTTP ${r.status}`);
        if (!r.data)
          fail(
            round,
            `${newSystem.code}, registered (${newSystem.via}) right before the kill, was refused right after the restart: ${JSON.stringify(r.errors)}`,
          );
        else if (
          r.data.pushMarketEntities.rejected ||
          r.data.pushMarketEntities.accepted + r.data.pushMarketEntities.unchanged !== 20
        ) {
          fail(
            round,
            `${newSystem.code}'s first push, retried after the restart: ${JSON.stringify(r.data.pushMarketEntities.results.find((x) => x.status === 'REJECTED'))}`,
          );
        }
      }
      follower.follow();
      await openDb();

      // Every batch all or nothing; the answered ones whole.
      let cutStoredWhole = 0;
      let cutStoredNone = 0;
      let recordsStored = 0;
      const storedOf = async (b: Batch) =>
        Number(
          (
            await sql<{ n: string }>(
              b.kind === 'entities'
                ? `select count(*) as n from market_entity where credit_code in ${TEXT_SET}`
                : `select count(*) as n from trading_project where code in ${TEXT_SET}`,
              [textSetParam(b.keys)],
            )
          )[0].n,
        );
      for (const b of batches) {
        const n = await storedOf(b);
        recordsStored += n;
        if (b.state === 'answered') {
          if (b.answer!.accepted !== b.keys.length)
            fail(
              round,
              `${b.system}'s batch was answered with ${b.answer!.accepted} of ${b.keys.length} accepted: ${JSON.stringify(b.answer!.results.find((x) => x.status === 'REJECTED'))}`,
            );
          if (n !== b.keys.length)
            fail(round, `${b.system}'s answered batch has ${n} of ${b.keys.length} records stored`);
          continue;
        }
        if (n !== 0 && n !== b.keys.length)
          fail(round, `${b.system}'s batch cut by the kill was half stored: ${n} of ${b.keys.length}`);
        if (n === b.keys.length) cutStoredWhole += 1;
        else cutStoredNone += 1;
        if (b === newSystem?.batch && firstUse === 'ok') continue; // retried above, as the first request
        // The client's retry: the whole batch again.
        const r = await gql<Record<string, PushAnswer>>(
          hub.url,
          b.kind === 'entities' ? PUSH_ENTITIES : PUSH_PROJECTS,
          { r: b.records },
          b.key,
        );
        const answer = r.data ? Object.values(r.data)[0] : undefined;
        if (!answer) fail(round, `the retry of ${b.system}'s batch failed: ${JSON.stringify(r.errors)}`);
        else if (
          answer.rejected ||
          answer.accepted + answer.unchanged !== b.keys.length ||
          (n === b.keys.length && answer.accepted)
        ) {
          fail(
            round,
            `the retry of ${b.system}'s batch (stored ${n}) answered accepted ${answer.accepted}, unchanged ${answer.unchanged}, rejected ${answer.rejected}`,
          );
        }
      }
      for (const b of batches)
        if (b.state !== 'answered' && (await storedOf(b)) !== b.keys.length)
          fail(round, `${b.system}'s batch is not whole after its retry`);

      // One change event per record: none twice (the retry), none missing.
      for (const [topic, kind] of [
        ['MARKET_ENTITY', 'entities'],
        ['TRADING_PROJECT', 'projects'],
      ] as const) {
        const all = batches.filter((b) => b.kind === kind).flatMap((b) => b.keys);
        const [row] = await sql<{ events: string; keys: string }>(
          `select count(*) as events, count(distinct key) as keys from change_event where topic = ? and key in ${TEXT_SET}`,
          [topic, textSetParam(all)],
        );
        if (Number(row.events) !== all.length || Number(row.keys) !== all.length)
          fail(round, `${topic}: ${row.events} change events for ${all.length} records (${row.keys} distinct)`);
      }

      // Every key, registration and grant made before the kill.
      for (const [name, key] of keys) {
        const r = await gql(hub.url, READ, undefined, key);
        if (r.errors) fail(round, `the key of ${name} was refused after the restart: ${JSON.stringify(r.errors)}`);
      }
      const admin = await gql<{
        sourceSystems: { code: string }[];
        principals: { name: string; readTopics: string[] }[];
      }>(hub.url, '{ sourceSystems { code } principals { name readTopics } }', undefined, ADMIN_KEY);
      const codes = new Set(admin.data?.sourceSystems.map((s) => s.code));
      for (const s of systems) if (!codes.has(s)) fail(round, `the registration of ${s} was lost`);
      for (const [name, allowed] of grants) {
        const p = admin.data?.principals.find((x) => x.name === name);
        if (!p || !allowed.some((t) => [...t].sort().join() === [...p.readTopics].sort().join()))
          fail(
            round,
            `the grants of ${name} are ${JSON.stringify(p?.readTopics)}, expected ${JSON.stringify(allowed)}`,
          );
      }

      // The feed from the start, without a gap, and the hash chain of the new events.
      const now = await head();
      if (!(await follower.reach(now))) fail(round, `the feed follower stopped at seq ${follower.lastSeq} of ${now}`);
      for (const p of follower.problems.splice(0)) fail(round, p);
      const chain = await verifyChain(orm!.em.fork(), 5000, verified);
      if (!chain.ok) fail(round, `the hash chain is broken at seq ${chain.firstBrokenSeq}: ${chain.reason}`);
      else verified = { seq: chain.lastSeq, hash: chain.lastHash };

      const figures: RoundFigures = {
        round,
        kill,
        killAfterMs,
        restartMs,
        batchesAnswered: batches.filter((b) => b.state === 'answered').length,
        cutStoredWhole,
        cutStoredNone,
        recordsStored,
        events: now,
        ...(newSystem ? { registered: { via: newSystem.via, firstUseAfterRestart: firstUse } } : {}),
        checkMs: Date.now() - checkStart,
      };
      rounds.push(figures);
      o.log(
        `round ${round}/${o.rounds}: kill -9 ${kill} after ${killAfterMs} ms; restart ${restartMs} ms; ` +
          `${figures.batchesAnswered} batches answered, cut ${cutStoredWhole} whole / ${cutStoredNone} none; ` +
          `${recordsStored} records; log head ${now}${newSystem ? `; ${newSystem.code} (${newSystem.via}) first use ${firstUse}` : ''}; ${Math.round((Date.now() - roundStart) / 100) / 10} s`,
      );
    }

    // At the end: the whole chain with the operators' command, and the whole feed from seq 0 once more.
    if (hub.pid !== undefined) {
      const end = await head();
      const v = await hubCommand(dataDir, hub.pgPort, ['verify-log', '--json']);
      let parsed: { ok?: boolean; checked?: number } = {};
      try {
        parsed = JSON.parse(v.stdout.trim().split('\n').at(-1) ?? '{}') as typeof parsed;
      } catch {
        // reported below
      }
      if (v.status !== 0 || !parsed.ok || parsed.checked !== end)
        fail(o.rounds, `hub verify-log: status ${v.status}, ${v.stdout.trim()} ${v.stderr.trim()}`);
      else o.log(`hub verify-log: the whole chain of ${parsed.checked} events verifies`);
      await follower.close();
      const replay = new FeedFollower(hub.wsUrl);
      replay.follow();
      if (!(await replay.reach(end, 600_000)))
        fail(o.rounds, `a replay from seq 0 stopped at ${replay.lastSeq} of ${end}`);
      for (const p of replay.problems) fail(o.rounds, `replay from seq 0: ${p}`);
      await replay.close();
      o.log(`replay from seq 0: ${replay.received} events, seq 1 to ${replay.lastSeq}, no gap, no duplicate`);
      await orm?.close(true);
      orm = undefined;
      const status = await hub.stop();
      if (status !== 0) fail(o.rounds, `the hub exited with ${status} on SIGTERM`);
    }
  } finally {
    await follower.close().catch(() => undefined);
    await orm?.close(true).catch(() => undefined);
    await hub.destroy();
    soakHubs.delete(hub);
    if (!o.keep && !o.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  const sum = (f: (r: RoundFigures) => number) => rounds.reduce((a, r) => a + f(r), 0);
  const restarts = rounds.map((r) => r.restartMs).sort((a, b) => a - b);
  const pct = (p: number) =>
    restarts.length ? restarts[Math.min(restarts.length - 1, Math.floor((p / 100) * restarts.length))] : 0;
  return {
    ok: failures.length === 0 && rounds.length === o.rounds,
    failures,
    rounds,
    totals: {
      rounds: rounds.length,
      killsNodeAlone: rounds.filter((r) => r.kill === 'node').length,
      killsNodeAndPostgres: rounds.filter((r) => r.kill === 'node+postgres').length,
      batchesAnswered: sum((r) => r.batchesAnswered),
      batchesCutStoredWhole: sum((r) => r.cutStoredWhole),
      batchesCutStoredNone: sum((r) => r.cutStoredNone),
      systemsRegisteredRightBeforeKill: rounds.filter((r) => r.registered).length,
      refusedRightAfterRestart: rounds.filter((r) => r.registered && r.registered.firstUseAfterRestart !== 'ok').length,
      events: rounds.at(-1)?.events ?? 0,
      restartMsP50: pct(50),
      restartMsP95: pct(95),
      restartMsMax: restarts.at(-1) ?? 0,
    },
  };
}
