import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { startRelayTarget, type RelayTarget } from '../../examples/relay-target';
import { startHub } from '../../resolvers/app/hub';
import { freePort } from '../../src/common/free-port';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { creditHubei } from '../../src/relay/credit-hubei';
import { nationalPlatform } from '../../src/relay/national';
import { Relay } from '../../src/relay/relay';
import type { RelaySettings } from '../../src/relay/settings';
import { volumeEntity } from '../../src/seed/generator';

/*
 * A province day, simulated: `npm run simulate -- --systems 27 --minutes 10 [--rate 200]`.
 * 27 source systems (24 government, 3 market) push market entities (new ones
 * and updates) at the offered rate over HTTP, while the national-platform and
 * Credit Hubei relays deliver to test targets and 50 dashboards follow the
 * trading statistics. Prints push throughput, push-to-target latency (p50,
 * p99), relay lag over time and the final equality of each target against
 * the hub. Trading records are not in the mix yet (see the README).
 */

const ADMIN_KEY = 'simulate-admin-key-0123456789abcdef';
const PUSH = `mutation Push($records: [MarketEntityInput!]!) { pushMarketEntities(records: $records) { accepted rejected } }`;

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: {
      systems: { type: 'string', default: '27' },
      minutes: { type: 'string', default: '10' },
      rate: { type: 'string', default: '200' },
      dashboards: { type: 'string', default: '50' },
    },
  });
  const systems = Number(v.systems);
  const seconds = Number(v.minutes) * 60;
  const rate = Number(v.rate);
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
    },
  );
  const hub = await startHub(config, createLogger('warn'));
  const gql = async <T>(query: string, variables: Record<string, unknown>, key: string): Promise<T> => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const targets: RelayTarget[] = [];
  const relays: Relay[] = [];
  const dashboards: Client[] = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < systems; i++) {
      const code = `SIM-${String(i + 1).padStart(2, '0')}`;
      const kind = i < Math.round((systems * 24) / 27) ? 'GOVERNMENT' : 'MARKET';
      const r = await gql<{ registerSourceSystem: { apiKey: string } }>(
        `mutation R($input: RegisterSourceSystemInput!) { registerSourceSystem(input: $input) { apiKey } }`,
        { input: { code, name: `${code} 模拟交易系统`, kind, regionCode: '420000' } },
        ADMIN_KEY,
      );
      keys.push(r.registerSourceSystem.apiKey);
    }
    const consumer = async (name: string, topics: string[]) =>
      (
        await gql<{ registerFeedConsumer: { apiKey: string } }>(
          `mutation C($input: RegisterFeedConsumerInput!) { registerFeedConsumer(input: $input) { apiKey } }`,
          { input: { name, topics } },
          ADMIN_KEY,
        )
      ).registerFeedConsumer.apiKey;
    const natKey = await consumer('national-platform', ['MARKET_ENTITY', 'TRADING_PROJECT', 'ANNOUNCEMENT', 'AWARD']);
    const creditKey = await consumer('credit-hubei', ['MARKET_ENTITY']);
    const settings = (key: string, target: RelayTarget): RelaySettings => ({
      hub: hub.url,
      key,
      target: target.url,
      batch: 100,
      lingerMs: 50,
      timeoutMs: 5000,
      retries: 0,
      backoffMs: 100,
      maxBackoffMs: 5000,
      standbyMs: 1000,
      ocdsPackageSize: 100,
    });
    const nat = await startRelayTarget(0, {});
    const credit = await startRelayTarget(0, {});
    targets.push(nat, credit);
    relays.push(
      new Relay(settings(natKey, nat), nationalPlatform),
      new Relay(settings(creditKey, credit), creditHubei()),
    );
    const running = relays.map((r) => r.run());

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

    // Pushes: every 100 ms each system sends its share of the offered rate; a fifth are updates of earlier records.
    let pushed = 0;
    let pushMs = 0;
    let requests = 0;
    let next = 0;
    const start = Date.now();
    const lag: string[] = [];
    const sampler = setInterval(() => {
      void gql<{ feedConsumers: { name: string; lagEvents: number; lagSeconds: number }[] }>(
        `{ feedConsumers { name lagEvents lagSeconds } }`,
        {},
        ADMIN_KEY,
      ).then((r) =>
        lag.push(
          `${Math.round((Date.now() - start) / 1000)}s ${r.feedConsumers.map((c) => `${c.name}=${c.lagEvents}/${c.lagSeconds.toFixed(1)}s`).join(' ')}`,
        ),
      );
    }, 10_000);
    const perTick = rate / 10;
    let carry = 0;
    let accepted = 0;
    let rejected = 0;
    const inFlight = new Set<Promise<void>>();
    /** Indices each system created: its updates are of its own records (another system's would be refused). */
    const own: number[][] = Array.from({ length: systems }, () => []);
    let s = 0;
    while (Date.now() - start < seconds * 1000) {
      const tick = Date.now();
      carry += perTick;
      let left = Math.floor(carry);
      carry -= left;
      while (left > 0) {
        const k = Math.min(left, 1 + Math.floor(Math.random() * 8));
        left -= k;
        const sys = s;
        s = (s + 1) % systems;
        const records = Array.from({ length: k }, () => {
          const mine = own[sys];
          if (mine.length > 10 && Math.random() < 0.2) {
            const i = mine[Math.floor(Math.random() * mine.length)];
            const e = volumeEntity(i, 11);
            return { ...e, name: `${e.name}（${next++}）` };
          }
          const i = next++;
          mine.push(i);
          return volumeEntity(i, 11);
        });
        const t0 = Date.now();
        const p: Promise<void> = gql<{ pushMarketEntities: { accepted: number; rejected: number } }>(
          PUSH,
          { records },
          keys[sys],
        ).then(
          (r) => {
            pushMs += Date.now() - t0;
            requests += 1;
            pushed += records.length;
            accepted += r.pushMarketEntities.accepted;
            rejected += r.pushMarketEntities.rejected;
            inFlight.delete(p);
          },
          () => {
            inFlight.delete(p);
          },
        );
        inFlight.add(p);
      }
      // Offered load: the next tick is not held up by pushes in flight (up to a bound).
      while (inFlight.size > 500) await Promise.race(inFlight);
      const wait = 100 - (Date.now() - tick);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await Promise.all(inFlight);
    const elapsed = (Date.now() - start) / 1000;
    // Caught up: both consumers at lag 0.
    for (;;) {
      const r = await gql<{ feedConsumers: { lagEvents: number }[] }>(`{ feedConsumers { lagEvents } }`, {}, ADMIN_KEY);
      if (r.feedConsumers.every((c) => c.lagEvents === 0)) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    clearInterval(sampler);
    const events = await hub.services.orm.em
      .fork()
      .execute<{ seq: string; key: string; occurred_at: Date }[]>(
        `select e.seq::text as seq, e.key, e.occurred_at from change_event e where e.topic = 'MARKET_ENTITY' order by e.seq`,
      );
    const latencies = (t: RelayTarget) =>
      events.map((e) => (t.arrivedAt.get(e.seq) ?? NaN) - new Date(e.occurred_at).getTime()).filter(Number.isFinite);
    const exact = (t: RelayTarget) =>
      JSON.stringify(t.records.map((r) => r.id)) === JSON.stringify(events.map((e) => e.seq));
    console.log(`systems ${systems}, offered ${rate} records/s for ${elapsed.toFixed(0)} s`);
    console.log(
      `pushed ${pushed} records (${accepted} accepted, ${rejected} rejected): ${(pushed / elapsed).toFixed(1)} records/s, mean push ${(pushMs / Math.max(1, requests)).toFixed(0)} ms`,
    );
    for (const [name, t] of [
      ['national-platform', nat],
      ['credit-hubei', credit],
    ] as const) {
      const l = latencies(t);
      console.log(
        `${name}: ${t.records.length} records in ${t.stats.stored} batches, push-to-target p50 ${percentile(l, 50)} ms, p99 ${percentile(l, 99)} ms, equality with the hub: ${exact(t) ? 'exact' : 'DIFFERENT'}`,
      );
    }
    console.log(`dashboards: ${dashboards.length}, statistics updates received ${dashboardUpdates}`);
    console.log('relay lag (events / seconds) every 10 s:');
    for (const line of lag) console.log(`  ${line}`);
    relays.forEach((r) => r.stop());
    await Promise.all(running);
  } finally {
    relays.forEach((r) => r.stop());
    for (const d of dashboards) await d.dispose();
    for (const t of targets) await t.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
