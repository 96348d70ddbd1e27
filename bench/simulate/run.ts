import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createClient, type Client } from 'graphql-ws';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { startRelayTarget, type RelayTarget } from '../../examples/relay-target';
import { startHub } from '../../resolvers/app/hub';
import { freePort } from '../../src/common/free-port';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { volumeEntity } from '../../src/seed/generator';
import { machine, ROOT } from '../lib/env';
import { figure, percentile, writeResults, type Figure } from '../lib/results';
import { bucketsOf, type CpuProfile } from '../profile/lookup';

/*
 * A province day, simulated:
 *   npm run simulate -- --systems 27 --minutes 10 --rate 200 [--dashboards 50] [--seconds S] [--profile DIR]
 *     [--push-concurrency N]
 *
 * 27 source systems (24 government, 3 market) push a realistic mix at the
 * offered rate over HTTP: market entities (new ones and updates), trading
 * projects that go through their lifecycle push by push (the project with two
 * sections, its tender notice, bids, openings, evaluations, awards,
 * contracts), and credit records (government systems). Both relays run as
 * `hub relay` processes, as in production: the national platform's on every
 * topic of the mix (with OCDS packages) and Credit Hubei's on
 * CREDIT_PUBLICATION (a credit record is published by the hub's scheduler once
 * pushed). 50 dashboards follow the trading statistics. It prints and writes
 * to bench/results/simulate.json: push throughput and latency (p50, p99), the
 * latency from the start of a push to the target's receipt of the record
 * (p50, p99) for each relay, relay lag over time, and the equality of each
 * target with the hub's log (every event, once, in seq order).
 *
 * `--profile DIR` also profiles the CPU while the systems push: the simulator's
 * process (the hub runs in it, with the pushing clients and the dashboards)
 * with the inspector, each relay with --cpu-prof; it prints each profile's
 * self time by bucket and its busiest frames (CPU ms per second pushed), and
 * each relay's wall-clock time by phase of its delivery loop. The profiles
 * stay in DIR.
 */

const ADMIN_KEY = 'simulate-admin-key-0123456789abcdef';
/** Longest wait for the relays to catch up after the last push before the run reports them behind. */
const DRAIN_LIMIT_MS = 300_000;

const progress = (msg: string) => console.error(`[simulate ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const RESULT = 'accepted rejected results { key status version errors { field rule message } }';
const AUTHORITY = '114200000110438776';
const NATIONAL_TOPICS = [
  'MARKET_ENTITY',
  'TRADING_PROJECT',
  'ANNOUNCEMENT',
  'BID',
  'BID_OPENING',
  'EVALUATION',
  'AWARD',
  'CONTRACT',
  'CREDIT_RECORD',
];
/** Entities pushed before the clock starts: the parties of the projects and the subjects of credit records. */
const PARTIES = 400;

type Json = Record<string, unknown>;

interface PushKind {
  mutation: string;
  input: string;
  topic: string;
}

const KINDS = {
  entity: { mutation: 'pushMarketEntities', input: 'MarketEntityInput', topic: 'MARKET_ENTITY' },
  project: { mutation: 'pushTradingProjects', input: 'TradingProjectInput', topic: 'TRADING_PROJECT' },
  announcement: { mutation: 'pushAnnouncements', input: 'AnnouncementInput', topic: 'ANNOUNCEMENT' },
  bid: { mutation: 'pushBids', input: 'BidInput', topic: 'BID' },
  opening: { mutation: 'pushBidOpenings', input: 'BidOpeningInput', topic: 'BID_OPENING' },
  evaluation: { mutation: 'pushEvaluations', input: 'EvaluationInput', topic: 'EVALUATION' },
  award: { mutation: 'pushAwards', input: 'AwardInput', topic: 'AWARD' },
  contract: { mutation: 'pushContracts', input: 'ContractInput', topic: 'CONTRACT' },
  credit: { mutation: 'pushCreditRecords', input: 'CreditRecordInput', topic: 'CREDIT_RECORD' },
} satisfies Record<string, PushKind>;

/** The lifecycle of a simulated project, one push per stage. */
const STAGES = ['project', 'announcement', 'bid', 'opening', 'evaluation', 'award', 'contract'] as const;

interface Project {
  code: string;
  stage: number;
  busy: boolean;
  bidders: string[];
}

/** The records of one stage of a project (two sections, three bidders each). */
function stageRecords(p: Project, parties: string[]): Json[] {
  const s = [`${p.code}-S1`, `${p.code}-S2`];
  const amount = (i: number) => `${(580000 + i * 1234.5).toFixed(2)}`;
  switch (STAGES[p.stage]) {
    case 'project':
      return [
        {
          code: p.code,
          name: `${p.code} 某道路改造工程`,
          subItemCode: 'ENG_TRANSPORT',
          regionCode: '420102',
          tendererCreditCode: parties[0],
          agencyCreditCode: parties[1],
          budget: '1000000.00',
          method: 'OPEN_TENDER',
          status: 'TENDERING',
          publishedAt: '2026-09-01T09:00:00+08:00',
          bidDeadline: '2026-09-25T09:30:00+08:00',
          sections: [
            { code: s[0], name: '一标段', budget: '600000.00', openingAt: '2026-09-25T09:30:00+08:00' },
            { code: s[1], name: '二标段', budget: '400000.00', openingAt: '2026-09-25T09:30:00+08:00' },
          ],
        },
      ];
    case 'announcement':
      return [
        {
          code: `${p.code}-GG1`,
          projectCode: p.code,
          type: 'TENDER_NOTICE',
          title: '招标公告',
          publishedAt: '2026-09-01T09:00:00+08:00',
        },
      ];
    case 'bid':
      return s.flatMap((sectionCode) =>
        p.bidders.map((b, i) => ({
          sectionCode,
          bidderCreditCode: b,
          amount: amount(i),
          submittedAt: `2026-09-24T1${i}:00:00+08:00`,
          status: 'VALID',
        })),
      );
    case 'opening':
      return s.map((sectionCode) => ({ sectionCode, openedAt: '2026-09-25T09:30:00+08:00', bidderCount: '3' }));
    case 'evaluation':
      return s.map((sectionCode) => ({
        sectionCode,
        reportedAt: '2026-09-28T17:00:00+08:00',
        candidates: [{ rank: '1', bidderCreditCode: p.bidders[0], score: '92.5', amount: amount(0) }],
      }));
    case 'award':
      return s.map((sectionCode) => ({
        sectionCode,
        winnerCreditCode: p.bidders[0],
        amount: amount(0),
        awardedOn: '2026-10-08',
      }));
    case 'contract':
      return s.map((sectionCode, i) => ({
        code: `${p.code}-HT${i + 1}`,
        sectionCode,
        amount: amount(0),
        signedOn: '2026-10-20',
      }));
  }
}

/** Yesterday as a calendar date in China: a decision whose publication is open now. */
function yesterdayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: {
      systems: { type: 'string', default: '27' },
      minutes: { type: 'string', default: '10' },
      seconds: { type: 'string' },
      rate: { type: 'string', default: '200' },
      dashboards: { type: 'string', default: '50' },
      profile: { type: 'string' },
      'push-concurrency': { type: 'string', default: '0' },
    },
  });
  const profileDir = v.profile;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const systems = Number(v.systems);
  const seconds = v.seconds ? Number(v.seconds) : Number(v.minutes) * 60;
  const rate = Number(v.rate);
  if (!(systems >= 4 && seconds > 0 && rate > 0)) throw new Error('--systems (4 or more), --minutes and --rate');
  const dir = mkdtempSync(join(tmpdir(), 'hub-simulate-'));
  const config = loadConfig(
    {},
    {
      dataDir: dir,
      embeddedPgPort: await freePort(),
      port: 0,
      host: '127.0.0.1',
      seed: false,
      adminKey: ADMIN_KEY,
      logLevel: 'warn',
      consumerLeaseSeconds: 5,
      rateLimit: 1_000_000,
      rateBurst: 1_000_000,
      // HUB_PUSH_CONCURRENCY (0: the hub's default, HUB_DB_POOL - 2).
      pushConcurrency: Number(v['push-concurrency']),
    },
  );
  const hub = await startHub(config, createLogger('warn'));
  /** The hub's database pool now: connections in use and acquisitions waiting for one (knex's tarn pool). */
  const poolUse = (): string => {
    const knex = (
      hub.services.orm.em.getConnection() as unknown as {
        getKnex(): { client: { pool?: { numUsed(): number; numPendingAcquires(): number } } };
      }
    ).getKnex();
    const pool = knex.client.pool;
    return pool ? `pool ${pool.numUsed()} used, ${pool.numPendingAcquires()} waiting` : 'pool unknown';
  };
  const gql = async <T>(query: string, variables: Json, key: string): Promise<T> => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const push = (kind: PushKind, records: Json[], key: string) =>
    gql<
      Record<
        string,
        {
          accepted: number;
          rejected: number;
          results: { key: string | null; status: string; version: number | null }[];
        }
      >
    >(`mutation($r: [${kind.input}!]!) { ${kind.mutation}(records: $r) { ${RESULT} } }`, { r: records }, key).then(
      (d) => d[kind.mutation],
    );
  const targets: RelayTarget[] = [];
  const relays: ChildProcess[] = [];
  const relayPhases: string[] = [];
  const session = profileDir ? new Session() : undefined;
  const dashboards: Client[] = [];
  try {
    const keys: string[] = [];
    const government: boolean[] = [];
    for (let i = 0; i < systems; i++) {
      const code = `SIM-${String(i + 1).padStart(2, '0')}`;
      const kind = i < Math.round((systems * 24) / 27) ? 'GOVERNMENT' : 'MARKET';
      const r = await gql<{ registerSourceSystem: { apiKey: string } }>(
        `mutation R($input: RegisterSourceSystemInput!) { registerSourceSystem(input: $input) { apiKey } }`,
        { input: { code, name: `${code} 模拟交易系统`, kind, regionCode: '420000', topics: NATIONAL_TOPICS } },
        ADMIN_KEY,
      );
      keys.push(r.registerSourceSystem.apiKey);
      government.push(kind === 'GOVERNMENT');
    }
    // The parties every system trades with, pushed before the clock starts.
    const parties = Array.from({ length: PARTIES }, (_, i) => ({
      ...volumeEntity(1_000_000 + i, 11),
      regionCode: '420102',
    }));
    for (let i = 0; i < parties.length; i += 100) {
      const r = await push(KINDS.entity, parties.slice(i, i + 100), keys[0]);
      if (r.rejected)
        throw new Error(`parties refused: ${JSON.stringify(r.results.filter((x) => x.status === 'REJECTED'))}`);
    }
    const partyCodes = parties.map((p) => p.creditCode!);

    const consumer = async (name: string, topics: string[]) =>
      (
        await gql<{ registerFeedConsumer: { apiKey: string } }>(
          `mutation C($input: RegisterFeedConsumerInput!) { registerFeedConsumer(input: $input) { apiKey } }`,
          { input: { name, topics } },
          ADMIN_KEY,
        )
      ).registerFeedConsumer.apiKey;
    const natKey = await consumer('national-platform', NATIONAL_TOPICS);
    await gql(
      `mutation { updateGrants(principal: "national-platform", input: { roles: [FEED_CONSUMER, INTEGRATOR] }) { name } }`,
      {},
      ADMIN_KEY,
    );
    const creditKey = await consumer('credit-hubei', ['CREDIT_PUBLICATION']);
    const nat = await startRelayTarget(0, {});
    const credit = await startRelayTarget(0, {});
    targets.push(nat, credit);
    const relay = (kind: string, key: string, target: RelayTarget) => {
      const child = spawn(
        process.execPath,
        [
          ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, kind)}`] : []),
          join(ROOT, 'bin', 'hub.js'),
          'relay',
          kind,
          '--hub',
          hub.url,
          '--key',
          key,
          '--target',
          target.url,
          '--batch',
          '100',
          '--linger-ms',
          '50',
          '--timeout-ms',
          '5000',
        ],
        {
          // Profiling: info, for the relay's time by phase, logged as it stops.
          env: { PATH: process.env.PATH ?? '', LOG_LEVEL: profileDir ? 'info' : 'warn' },
          stdio: ['ignore', profileDir ? 'pipe' : 'ignore', 'inherit'],
        },
      );
      if (profileDir) {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
        child.once('exit', () => {
          const line = out.split('\n').find((l) => l.includes('time by phase'));
          if (line) relayPhases.push(`${kind}: ${line}`);
        });
      }
      relays.push(child);
    };
    relay('national-platform', natKey, nat);
    relay('credit-hubei', creditKey, credit);

    const dashKey = (
      await gql<{ createClient: { apiKey: string } }>(
        `mutation D($input: CreateClientInput!) { createClient(input: $input) { apiKey } }`,
        { input: { name: 'sim-dashboard', roles: ['DASHBOARD'] } },
        ADMIN_KEY,
      )
    ).createClient.apiKey;
    let dashboardUpdates = 0;
    for (let i = 0; i < Number(v.dashboards); i++) {
      const c = createClient({
        url: hub.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${dashKey}` },
        retryAttempts: 0,
      });
      dashboards.push(c);
      c.subscribe(
        { query: `subscription { tradingStatisticsChanged(groupBy: [CATEGORY]) { asOf } }` },
        { next: () => void (dashboardUpdates += 1), error: () => undefined, complete: () => undefined },
      );
    }

    // The offered load: every 100 ms the systems, in turn, push their share of the rate, without waiting for pushes in
    // flight (up to a bound). A system's next step is entities (a third), its projects' next stage (half; a stage is
    // pushed once the one before it is stored), or credit records (a sixth, government systems).
    const pushStarted = new Map<string, number>();
    /** When the hub answered the push that stored each record (it had committed it by then). */
    const pushAnswered = new Map<string, number>();
    const pushMs: number[] = [];
    const counts = { pushed: 0, accepted: 0, unchanged: 0, rejected: 0, failedRequests: 0 };
    const byTopic: Record<string, number> = {};
    const rejections = new Map<string, string>();
    let next = 0;
    let creditNo = 0;
    const own: number[][] = Array.from({ length: systems }, () => []);
    const projects: Project[][] = Array.from({ length: systems }, () => []);
    let projectNo = 0;
    const pick = () => partyCodes[2 + Math.floor(Math.random() * (partyCodes.length - 2))];
    const inFlight = new Set<Promise<void>>();
    const send = (sys: number, kind: PushKind, records: Json[], done?: (ok: boolean) => void) => {
      const t0 = Date.now();
      const p: Promise<void> = push(kind, records, keys[sys]).then(
        (r) => {
          const t1 = Date.now();
          pushMs.push(t1 - t0);
          counts.pushed += records.length;
          byTopic[kind.topic] = (byTopic[kind.topic] ?? 0) + records.length;
          counts.accepted += r.accepted;
          counts.rejected += r.rejected;
          for (const x of r.results) {
            if (x.status === 'ACCEPTED') {
              pushStarted.set(`${kind.topic}|${x.key}|${x.version}`, t0);
              pushAnswered.set(`${kind.topic}|${x.key}|${x.version}`, t1);
            }
            if (x.status === 'UNCHANGED') counts.unchanged += 1;
            if (x.status === 'REJECTED' && rejections.size < 20)
              rejections.set(`${kind.topic}|${x.key}`, JSON.stringify(x));
          }
          inFlight.delete(p);
          done?.(r.rejected === 0);
        },
        (err: unknown) => {
          counts.failedRequests += 1;
          if (rejections.size < 20) rejections.set(`request ${counts.failedRequests}`, String(err).slice(0, 300));
          inFlight.delete(p);
          done?.(false);
        },
      );
      inFlight.add(p);
    };
    /** One step of system `sys` with at most `budget` records; returns the records sent (0: nothing to do). */
    const step = (sys: number, budget: number): number => {
      const r = Math.random();
      if (r < 1 / 6 && government[sys]) {
        const k = Math.min(budget, 1 + Math.floor(Math.random() * 3));
        const records = Array.from({ length: k }, () => {
          const code = `SIM-CR-${++creditNo}`;
          return {
            code,
            subjectCreditCode: pick(),
            kind: 'BAD_CONDUCT',
            severity: 'GENERAL',
            decidedOn: yesterdayInChina(),
            decisionNumber: `鄂建罚〔2026〕${creditNo}号`,
            authorityName: '湖北省住房和城乡建设厅',
            authorityCreditCode: AUTHORITY,
            summary: '提供虚假材料谋取中标',
          };
        });
        send(sys, KINDS.credit, records);
        return k;
      }
      if (r < 2 / 3) {
        const mine = projects[sys];
        let p = mine.find((x) => !x.busy && stageRecords(x, partyCodes).length <= budget);
        if (!p && mine.length < 4) {
          const bidders = new Set<string>();
          while (bidders.size < 3) bidders.add(pick());
          p = { code: `SIM-P-${String(++projectNo).padStart(6, '0')}`, stage: 0, busy: false, bidders: [...bidders] };
          mine.push(p);
        }
        if (p) {
          const proj = p;
          const records = stageRecords(proj, partyCodes);
          proj.busy = true;
          send(sys, KINDS[STAGES[proj.stage]], records, (ok) => {
            proj.busy = false;
            if (!ok) return;
            proj.stage += 1;
            if (proj.stage >= STAGES.length) mine.splice(mine.indexOf(proj), 1);
          });
          return records.length;
        }
      }
      const k = Math.min(budget, 1 + Math.floor(Math.random() * 8));
      const records = Array.from({ length: k }, () => {
        const list = own[sys];
        if (list.length > 10 && Math.random() < 0.2) {
          const e = volumeEntity(list[Math.floor(Math.random() * list.length)], 11);
          return { ...e, name: `${e.name}（${next++}）` };
        }
        const i = next++;
        list.push(i);
        return volumeEntity(i, 11);
      });
      send(sys, KINDS.entity, records as unknown as Json[]);
      return k;
    };

    progress(
      `hub, ${systems} systems, ${PARTIES} parties, both relays and ${dashboards.length} dashboards ready; pushing`,
    );
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const profileFrom = Number(process.hrtime.bigint() / 1000n);
    const start = Date.now();
    const lag: { at: number; consumers: { name: string; lagEvents: number; lagSeconds: number }[] }[] = [];
    const sampler = setInterval(() => {
      void gql<{ feedConsumers: { name: string; lagEvents: number; lagSeconds: number }[] }>(
        `{ feedConsumers { name lagEvents lagSeconds } }`,
        {},
        ADMIN_KEY,
      ).then(
        (r) => {
          lag.push({ at: Math.round((Date.now() - start) / 1000), consumers: r.feedConsumers });
          progress(
            `${lag.at(-1)!.at} s: pushed ${counts.pushed}, ${inFlight.size} pushes in flight, ${poolUse()}, lag ${r.feedConsumers
              .map((c) => `${c.name}=${c.lagEvents}`)
              .join(' ')}`,
          );
        },
        () => undefined,
      );
    }, 10_000);
    let carry = 0;
    let s = 0;
    while (Date.now() - start < seconds * 1000) {
      const tick = Date.now();
      carry += rate / 10;
      let left = Math.floor(carry);
      carry -= left;
      for (let idle = 0; left > 0 && idle < systems;) {
        const sent = step(s, left);
        s = (s + 1) % systems;
        if (sent) {
          left -= sent;
          idle = 0;
        } else idle += 1;
      }
      while (inFlight.size > 500) await Promise.race(inFlight);
      const wait = 100 - (Date.now() - tick);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await Promise.all(inFlight);
    const elapsed = (Date.now() - start) / 1000;
    const profileTo = Number(process.hrtime.bigint() / 1000n);
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(profileDir!, 'simulate.cpuprofile'), JSON.stringify(profile));
      session.disconnect();
    }
    // Caught up: both consumers at lag 0.
    progress(`pushes done after ${elapsed.toFixed(0)} s; waiting for the relays to catch up`);
    const drainStart = Date.now();
    let caughtUp = false;
    let said = 0;
    while (Date.now() - drainStart < DRAIN_LIMIT_MS) {
      const r = await gql<{ feedConsumers: { name: string; lagEvents: number }[] }>(
        `{ feedConsumers { name lagEvents } }`,
        {},
        ADMIN_KEY,
      );
      if (r.feedConsumers.every((c) => c.lagEvents === 0)) {
        caughtUp = true;
        break;
      }
      if (Date.now() - said > 10_000) {
        said = Date.now();
        progress(`lag ${r.feedConsumers.map((c) => `${c.name}=${c.lagEvents}`).join(' ')}`);
      }
      await new Promise((res) => setTimeout(res, 200));
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    clearInterval(sampler);

    // Equality: each target holds its consumer's events, each once, in seq order.
    const events = await hub.services.orm.em
      .fork()
      .execute<{ seq: string; topic: string }[]>(
        `select e.seq::text as seq, e.topic from change_event e where e.topic in (${[...NATIONAL_TOPICS, 'CREDIT_PUBLICATION'].map((x) => `'${x}'`).join(',')}) order by e.seq`,
      );
    const seqsOf = (topics: string[]) => events.filter((e) => topics.includes(e.topic)).map((e) => e.seq);
    const exact = (t: RelayTarget, topics: string[]) =>
      JSON.stringify(t.records.map((r) => r.id)) === JSON.stringify(seqsOf(topics));
    const natExact = exact(nat, NATIONAL_TOPICS);
    const creditExact = exact(credit, ['CREDIT_PUBLICATION']);

    // Push to target: from the start of the push that stored a record to the target's receipt of its event.
    // And from the hub's answer to that push (the record committed) to the target's receipt: the feed and the relay
    // alone, without the push's own time (its queueing when the hub is saturated). The receipt can come before the
    // answer reaches the simulator (then it counts 0).
    const natLatency: number[] = [];
    const natAfterAnswer: number[] = [];
    for (const r of nat.records) {
      const payload = r.payload as { topic?: string };
      const k = `${payload.topic}|${r.key}|${r.version}`;
      const t0 = pushStarted.get(k);
      if (t0 === undefined) continue;
      const at = nat.arrivedAt.get(r.id)!;
      natLatency.push(at - t0);
      natAfterAnswer.push(Math.max(0, at - pushAnswered.get(k)!));
    }
    const creditLatency: number[] = [];
    const creditAfterAnswer: number[] = [];
    for (const r of credit.records) {
      const k = `CREDIT_RECORD|${r.key}|1`;
      const t0 = r.action === 'PUBLISH' ? pushStarted.get(k) : undefined;
      if (t0 === undefined) continue;
      const at = credit.arrivedAt.get(r.id)!;
      creditLatency.push(at - t0);
      creditAfterAnswer.push(Math.max(0, at - pushAnswered.get(k)!));
    }
    const ocdsReleases = (nat.ocds as { releases?: unknown[] }[]).reduce((n, p) => n + (p.releases?.length ?? 0), 0);

    const lines = [
      `systems ${systems}, offered ${rate} records/s for ${elapsed.toFixed(0)} s, ${hub.services.pushGate?.limit} pushes at once (load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')})`,
      `pushed ${counts.pushed} records (${counts.accepted} accepted, ${counts.unchanged} unchanged, ${counts.rejected} rejected, ${counts.failedRequests} requests failed): ${(counts.pushed / elapsed).toFixed(1)} records/s`,
      `  by topic: ${Object.entries(byTopic)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
      `push latency: p50 ${percentile(pushMs, 50)} ms, p99 ${percentile(pushMs, 99)} ms (${pushMs.length} requests)`,
      `national-platform: ${nat.records.length} records in ${nat.stats.stored} batches, ${ocdsReleases} OCDS releases; push-to-target p50 ${percentile(natLatency, 50)} ms, p99 ${percentile(natLatency, 99)} ms (from the push's answer: p50 ${percentile(natAfterAnswer, 50)} ms, p99 ${percentile(natAfterAnswer, 99)} ms); equality with the hub: ${natExact ? 'exact' : 'DIFFERENT'}`,
      `credit-hubei: ${credit.records.length} records in ${credit.stats.stored} batches; push-to-target p50 ${percentile(creditLatency, 50)} ms, p99 ${percentile(creditLatency, 99)} ms (from the push's answer: p50 ${percentile(creditAfterAnswer, 50)} ms, p99 ${percentile(creditAfterAnswer, 99)} ms); equality with the hub: ${creditExact ? 'exact' : 'DIFFERENT'}`,
      caughtUp
        ? `relays caught up ${drainSeconds.toFixed(1)} s after the last push`
        : `relays NOT caught up ${drainSeconds.toFixed(0)} s after the last push`,
      `dashboards: ${dashboards.length}, statistics updates received ${dashboardUpdates}`,
      'relay lag (events / seconds) every 10 s:',
      ...lag.map(
        (l) => `  ${l.at}s ${l.consumers.map((c) => `${c.name}=${c.lagEvents}/${c.lagSeconds.toFixed(1)}s`).join(' ')}`,
      ),
      ...(rejections.size ? ['first refusals:', ...[...rejections].map(([k, m]) => `  ${k}: ${m}`)] : []),
    ];
    for (const line of lines) console.log(line);

    const [pg] = await hub.services.orm.em
      .fork()
      .execute<{ v: string }[]>(`select current_setting('server_version') as v`);
    const params = {
      systems,
      seconds,
      rate,
      dashboards: dashboards.length,
      pushConcurrency: hub.services.pushGate?.limit,
      loadAverage: loadavg(),
    };
    const m = machine(pg.v);
    const f = (metric: string, unit: string, dir: 'higher' | 'lower', value: number): Figure =>
      figure('simulate', metric, unit, dir, value, null, m, params);
    writeResults(join(ROOT, 'bench', 'results'), 'simulate', [
      f('offered rate', 'records/s', 'higher', rate),
      f('push throughput', 'records/s', 'higher', counts.pushed / elapsed),
      f('push latency p50', 'ms', 'lower', percentile(pushMs, 50)),
      f('push latency p99', 'ms', 'lower', percentile(pushMs, 99)),
      f('national-platform push-to-target p50', 'ms', 'lower', percentile(natLatency, 50)),
      f('national-platform push-to-target p99', 'ms', 'lower', percentile(natLatency, 99)),
      f('credit-hubei push-to-target p50', 'ms', 'lower', percentile(creditLatency, 50)),
      f('credit-hubei push-to-target p99', 'ms', 'lower', percentile(creditLatency, 99)),
      f('national-platform answer-to-target p50', 'ms', 'lower', percentile(natAfterAnswer, 50)),
      f('national-platform answer-to-target p99', 'ms', 'lower', percentile(natAfterAnswer, 99)),
      f('credit-hubei answer-to-target p50', 'ms', 'lower', percentile(creditAfterAnswer, 50)),
      f('credit-hubei answer-to-target p99', 'ms', 'lower', percentile(creditAfterAnswer, 99)),
      f('national-platform records', 'records', 'higher', nat.records.length),
      f('credit-hubei records', 'records', 'higher', credit.records.length),
      f('national-platform equality', 'exact=1', 'higher', natExact ? 1 : 0),
      f('credit-hubei equality', 'exact=1', 'higher', creditExact ? 1 : 0),
      f('catch-up after the last push', 's', 'lower', drainSeconds),
    ]);
    if (!natExact || !creditExact || !caughtUp) process.exitCode = 1;
    if (profileDir) {
      await stopRelays(relays);
      printProfiles(profileDir, profileFrom, profileTo, relayPhases);
    }
  } finally {
    await stopRelays(relays);
    for (const d of dashboards) await d.dispose();
    for (const t of targets) await t.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stopRelays(relays: ChildProcess[]): Promise<void> {
  for (const r of relays) if (r.exitCode === null && r.signalCode === null) r.kill('SIGTERM');
  await Promise.all(
    relays.map((r) =>
      r.exitCode === null && r.signalCode === null ? new Promise((res) => r.once('exit', res)) : Promise.resolve(),
    ),
  );
}

/** Each profile's self time between `from` and `to` (µs of the monotonic clock), per second of that window. */
function printProfiles(dir: string, from: number, to: number, phases: string[]): void {
  const seconds = (to - from) / 1e6;
  const files = [
    ['simulator and hub', join(dir, 'simulate.cpuprofile')],
    ...['national-platform', 'credit-hubei'].flatMap((kind) =>
      readdirSync(join(dir, kind))
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => [`relay ${kind}`, join(dir, kind, f)]),
    ),
  ];
  for (const [name, file] of files) {
    const { buckets, frames } = bucketsOf(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, from, to);
    const busy = [...buckets].filter(([b]) => b !== 'idle').reduce((n, [, ms]) => n + ms, 0);
    console.log(`\nprofile of the ${name} (${file}): ${(busy / seconds).toFixed(0)} ms CPU per second pushed`);
    for (const [b, ms] of [...buckets].sort((x, y) => y[1] - x[1]).filter(([, ms]) => ms / seconds >= 1))
      console.log(`  ${(ms / seconds).toFixed(0).padStart(5)} ms/s  ${b}`);
    console.log('  busiest frames:');
    for (const [f, ms] of [...frames].sort((x, y) => y[1] - x[1]).slice(0, 15))
      console.log(`  ${(ms / seconds).toFixed(1).padStart(6)} ms/s  ${f}`);
  }
  console.log('\nrelays, wall-clock time by phase since they started:');
  for (const p of phases) console.log(`  ${p}`);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
