import { volumeEntity } from '../../src/seed/generator';
import { benchOrm, benchReader, benchSystems, type BenchContext } from '../lib/context';
import { startHub } from '../lib/env';
import { figure, type Figure } from '../lib/results';
import { LatencyHistogram, subscribe, type Subscriber } from '../lib/subscribers';

export interface SmallPushesSize {
  /** Source systems pushing, each with its own key (full size: 27, the province's systems). */
  systems: number;
  /** Records per push (full size: 5). */
  batch: number;
  /** Records offered per second, over all systems (full size: 1,000, that is 200 pushes a second). */
  recordsPerSecond: number;
  /** Seconds of pushing. */
  seconds: number;
  /** graphql-ws subscribers following the feed meanwhile (full size: 50). */
  subscribers: number;
  /** Seconds to wait after the last push for the subscribers to have every event. */
  drainSeconds: number;
}

const PUSH = 'mutation Push($records: [MarketEntityInput!]!) { pushMarketEntities(records: $records) { accepted } }';
const FOLLOW =
  'subscription Changes($after: String, $topics: [ChangeTopic!]) { changes(after: $after, topics: $topics) { seq key } }';
const SEED = 4242;
/** Pushes in flight at most: a hub that falls behind sees its backlog in the push latency, bounded here. */
const MAX_IN_FLIGHT = 400;

/**
 * Small pushes as the trading systems send them through the day: `systems`
 * systems each pushing batches of `batch` new market entities, together
 * offering `recordsPerSecond` records a second on an open schedule (a push
 * is sent when it is due, whether or not the earlier ones have answered,
 * with at most MAX_IN_FLIGHT outstanding), while `subscribers` graphql-ws
 * subscribers follow the feed. Reports completed records per second, push
 * latency (from when the push was due to its answer, so a hub that falls
 * behind is not flattered by the pushes it delayed) and push-to-subscriber
 * latency (from when the push was due to the event's arrival at a
 * subscriber). No baseline: the targets are absolute (push p99 < 500 ms,
 * push-to-subscriber p99 < 1 s at 1,000 records/s).
 */
export async function smallPushes(ctx: BenchContext, size: SmallPushesSize): Promise<Figure[]> {
  const pushes = Math.max(1, Math.round((size.recordsPerSecond * size.seconds) / size.batch));
  const url = await ctx.pg.freshDatabase('bench_small_pushes');
  const orm = await benchOrm(url);
  const keys = await benchSystems(orm, size.systems);
  const readKey = await benchReader(orm);
  await orm.close(true);
  const batches = Array.from({ length: pushes }, (_, p) =>
    Array.from({ length: size.batch }, (_, i) => volumeEntity(p * size.batch + i, SEED)),
  );
  const bodies = batches.map((records) => JSON.stringify({ query: PUSH, variables: { records } }));
  /** When the push carrying each record was due, by credit code (the event's key). */
  const due = new Map<string, number>();

  const hub = await startHub(url, { HUB_MAX_SUBSCRIPTIONS: '10' });
  const pushLatency = new LatencyHistogram();
  const deliveryLatency = new LatencyHistogram();
  const subs: Subscriber[] = [];
  let failed = 0;
  let accepted = 0;
  let pushSeconds = 0;
  let drainSeconds = 0;
  let maxInFlight = 0;
  let delayed = 0;
  try {
    const head = Number(
      (await ctx.pg.sql<{ m: string }>('bench_small_pushes', 'select coalesce(max(seq), 0) as m from change_event'))[0]
        .m,
    );
    ctx.log(`small-pushes: opening ${size.subscribers} subscribers`);
    for (let i = 0; i < size.subscribers; i++)
      subs.push(
        await subscribe(hub.wsUrl, readKey, FOLLOW, { after: String(head), topics: ['MARKET_ENTITY'] }, (e) => {
          const at = due.get((e as { key?: string }).key ?? '');
          if (at !== undefined) deliveryLatency.add(Date.now() - at);
        }),
      );
    const interval = (1000 * size.batch) / size.recordsPerSecond;
    ctx.log(`small-pushes: ${pushes} pushes of ${size.batch} by ${size.systems} systems, one every ${interval} ms`);
    const started = Date.now();
    const inflight = new Set<Promise<void>>();
    for (let p = 0; p < pushes; p++) {
      const at = started + p * interval;
      const wait = at - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inflight.size >= MAX_IN_FLIGHT) {
        delayed += 1;
        while (inflight.size >= MAX_IN_FLIGHT) await Promise.race(inflight);
      }
      for (const e of batches[p]) due.set(e.creditCode!, at);
      const req: Promise<void> = fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[p % keys.length]}` },
        body: bodies[p],
      })
        .then(async (res) => {
          const body = (await res.json()) as { data?: { pushMarketEntities: { accepted: number } } };
          const n = body.data?.pushMarketEntities.accepted;
          if (n === undefined) throw new Error(JSON.stringify(body).slice(0, 300));
          accepted += n;
          pushLatency.add(Date.now() - at);
        })
        .catch((err: unknown) => {
          if (++failed <= 3) ctx.log(`small-pushes: push failed: ${String(err).slice(0, 300)}`);
        })
        .finally(() => inflight.delete(req));
      inflight.add(req);
      maxInFlight = Math.max(maxInFlight, inflight.size);
    }
    await Promise.all(inflight);
    pushSeconds = (Date.now() - started) / 1000;
    const end = Number(
      (await ctx.pg.sql<{ m: string }>('bench_small_pushes', 'select coalesce(max(seq), 0) as m from change_event'))[0]
        .m,
    );
    const drainStart = Date.now();
    while (Date.now() - drainStart < size.drainSeconds * 1000 && subs.some((s) => s.last < end && !s.errors.length))
      await new Promise((r) => setTimeout(r, 50));
    drainSeconds = (Date.now() - drainStart) / 1000;
  } finally {
    for (const s of subs) await s.stop();
    await hub.stop();
  }
  const missed = subs.reduce((a, s) => a + s.gaps, 0);
  const params = {
    ...size,
    pushes,
    accepted,
    failedPushes: failed,
    pushSeconds,
    drainSeconds,
    maxInFlight,
    pushesDelayedByTheInFlightBound: delayed,
    deliveries: deliveryLatency.count,
    missedEvents: missed,
    hubErrorLines: hub.errorCount(),
    tool: 'fetch (undici) pushes on an open schedule, graphql-ws client subscribers',
  };
  const f = (metric: string, unit: string, dir: 'higher' | 'lower', v: number) =>
    figure('small-pushes', metric, unit, dir, v, null, ctx.machine, params);
  return [
    f(`completed records per second (${size.recordsPerSecond} offered)`, 'records/s', 'higher', accepted / pushSeconds),
    f('push latency p50', 'ms', 'lower', pushLatency.percentile(50)),
    f('push latency p99', 'ms', 'lower', pushLatency.percentile(99)),
    f('push-to-subscriber latency p50', 'ms', 'lower', deliveryLatency.percentile(50)),
    f('push-to-subscriber latency p99', 'ms', 'lower', deliveryLatency.percentile(99)),
    f('missed events', 'events', 'lower', missed),
    f('peak RSS of the hub', 'MiB', 'lower', hub.peakRssMiB()),
  ];
}
