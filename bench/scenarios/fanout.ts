import { Pool } from 'pg';
import { volumeEntity } from '../../src/seed/generator';
import { benchOrm, benchReader, benchSystems, type BenchContext } from '../lib/context';
import { startBaseline, startHub, type HubChild } from '../lib/env';
import { figure, type Figure } from '../lib/results';
import { CHANGES_LATENCY, LatencyHistogram, subscribe, type Subscriber } from '../lib/subscribers';
import { baselineEntities } from './ingest';

export interface FanoutSize {
  /** graphql-ws subscribers, one connection each (full size: 1,000). */
  subscribers: number;
  /** Events the pushes produce per second in the loaded phase (full size: 1,000). */
  eventsPerSecond: number;
  /**
   * Events per second of the latency phase: a load the baseline keeps up with, so that delivery latencies compare
   * (full size: 100).
   */
  lightEventsPerSecond: number;
  /** Seconds of pushing, per phase. */
  seconds: number;
  /** Records (events) per push. */
  batch: number;
  /**
   * How long to wait, after the last push, for every subscriber to have every event; an event still missing then counts
   * as missed.
   */
  drainSeconds: number;
}

const PUSH = 'mutation Push($records: [MarketEntityInput!]!) { pushMarketEntities(records: $records) { accepted } }';
const SEED = 7331;

/** One phase of pushes at a planned rate: what was taken, how fast, and (with subscribers) what they received. */
interface Phase {
  latency: LatencyHistogram;
  expected: number;
  pushSeconds: number;
  drainSeconds: number;
  failedPushes: number;
  pushedEvents: number;
  /** Batches not pushed because the push phase ran out of time. */
  skipped: number;
  /** Events per second the pushes achieved. */
  achieved: number;
}

interface SideResult {
  /** Pushes at the loaded rate before any subscriber connects (the hub only). */
  unloaded?: Phase;
  light: Phase;
  loaded: Phase;
  missed: number;
  late: number;
  disorder: number;
  errors: string[];
}

/**
 * Pushes `eventsPerSecond` events a second in batches of `batch` for `seconds` (at most four pushes in flight: when the
 * server falls behind, the rate drops rather than the backlog growing without bound; failed pushes are counted, not
 * retried), then waits up to `drainSeconds` until every subscriber has every event.
 */
async function phase(
  ctx: BenchContext,
  label: string,
  size: FanoutSize,
  eventsPerSecond: number,
  firstBatch: number,
  subs: Subscriber[],
  push: (batch: number) => Promise<void>,
  head: () => Promise<number>,
): Promise<Phase> {
  const latency = new LatencyHistogram();
  for (const s of subs) s.record = latency;
  const after = await head();
  const batches = Math.max(1, Math.round((eventsPerSecond * size.seconds) / size.batch));
  const interval = (1000 * size.batch) / eventsPerSecond;
  ctx.log(`fanout: ${label}, pushing ${batches} batches of ${size.batch} every ${interval.toFixed(0)} ms`);
  const started = Date.now();
  const inflight = new Set<Promise<void>>();
  let failedPushes = 0;
  // The push phase lasts at most twice its planned time: a server that cannot keep up gets fewer events, not an endless
  // run.
  const deadline = started + 2 * size.seconds * 1000 + 10_000;
  let skipped = 0;
  for (let b = 0; b < batches; b++) {
    if (Date.now() > deadline) {
      skipped = batches - b;
      ctx.log(`fanout: ${label} fell behind; ${skipped} batches not pushed`);
      break;
    }
    const due = started + b * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inflight.size >= 4) await Promise.race(inflight);
    const p: Promise<void> = push(firstBatch + b)
      .catch((err: unknown) => {
        failedPushes += 1;
        // fetch reports a refused or reset connection as its `cause`.
        const cause = (err as { cause?: { message?: string; code?: string } }).cause;
        if (failedPushes <= 3)
          ctx.log(
            `fanout: ${label} push failed: ${String(err).slice(0, 300)}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`,
          );
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  const pushSeconds = (Date.now() - started) / 1000;
  const end = await head();
  const drainStart = Date.now();
  while (Date.now() - drainStart < size.drainSeconds * 1000 && subs.some((s) => s.last < end && !s.errors.length))
    await new Promise((r) => setTimeout(r, 100));
  const drainSeconds = (Date.now() - drainStart) / 1000;
  const pushedEvents = (batches - failedPushes - skipped) * size.batch;
  return {
    latency,
    expected: end - after,
    pushSeconds,
    drainSeconds,
    failedPushes,
    pushedEvents,
    skipped,
    achieved: pushedEvents / pushSeconds,
  };
}

/**
 * Opens the subscribers, then runs the light phase (delivery latency at a load both sides keep up with) and the loaded
 * phase (deliveries per second, and the push rate while the server fans out). With `unloaded`, a phase at the loaded
 * rate runs first, before any subscriber connects: the push rate the loaded phase is compared with. Latency is receipt
 * time minus the event's occurredAt (taken just before the commit), both on this machine's clock.
 */
async function side(
  ctx: BenchContext,
  label: string,
  server: HubChild,
  key: string | undefined,
  size: FanoutSize,
  push: (batch: number) => Promise<void>,
  head: () => Promise<number>,
  unloaded: boolean,
): Promise<SideResult> {
  const batchesOf = (rate: number) => Math.max(1, Math.round((rate * size.seconds) / size.batch));
  let next = 0;
  let before: Phase | undefined;
  if (unloaded) {
    before = await phase(ctx, `${label} without subscribers`, size, size.eventsPerSecond, next, [], push, head);
    next += batchesOf(size.eventsPerSecond);
  }
  const after = await head();
  const subs: Subscriber[] = [];
  ctx.log(`fanout: ${label}, opening ${size.subscribers} subscribers`);
  for (let i = 0; i < size.subscribers; i += 50) {
    const wave = await Promise.all(
      Array.from({ length: Math.min(50, size.subscribers - i) }, () =>
        subscribe(server.wsUrl, key, CHANGES_LATENCY, { after: String(after), topics: ['MARKET_ENTITY'] }, (e, s) =>
          s.record?.add(Date.now() - Date.parse(e.occurredAt!)),
        ),
      ),
    );
    subs.push(...wave);
  }
  await new Promise((r) => setTimeout(r, 1000));
  const light = await phase(ctx, `${label} light`, size, size.lightEventsPerSecond, next, subs, push, head);
  next += batchesOf(size.lightEventsPerSecond);
  const loaded = await phase(ctx, `${label} loaded`, size, size.eventsPerSecond, next, subs, push, head);
  const end = await head();
  // Lost: skipped in a stream that went on past them. Late: not received by the end of the drain window.
  const missed = subs.reduce((a, s) => a + s.gaps, 0);
  const late = subs.reduce((a, s) => a + Math.max(0, end - s.last), 0);
  const disorder = subs.reduce((a, s) => a + s.disorder, 0);
  const errors = subs.flatMap((s) => s.errors).slice(0, 5);
  for (let i = 0; i < subs.length; i += 100) await Promise.all(subs.slice(i, i + 100).map((s) => s.stop()));
  return { unloaded: before, light, loaded, missed, late, disorder, errors };
}

/**
 * `subscribers` graphql-ws subscribers of `changes` (MARKET_ENTITY, selecting
 * seq and occurredAt, one shared shape) while HTTP pushes produce events:
 * delivery latency p50/p99 from the event's occurredAt to its receipt at
 * `lightEventsPerSecond` (a load the baseline keeps up with); deliveries per
 * second and the push rate at `eventsPerSecond`, the latter against the hub's
 * own push rate at the same offered load before any subscriber connected;
 * events missed (a seq skipped while the stream went on: must be 0) apart
 * from events still on their way when the drain window closes (late, not
 * lost: the stream is in seq order). The baseline server fans the same kind
 * of events (written with plain pg at the same rate, change-log rows
 * included) out from one LISTEN and one tail reader, serialised once per
 * event; its pushes do not go through it, so it has no unloaded phase.
 */
export async function fanout(ctx: BenchContext, size: FanoutSize): Promise<Figure[]> {
  const batchesOf = (rate: number) => Math.max(1, Math.round((rate * size.seconds) / size.batch));
  const total = (2 * batchesOf(size.eventsPerSecond) + batchesOf(size.lightEventsPerSecond)) * size.batch;
  const entities = Array.from({ length: total }, (_, i) => volumeEntity(i, SEED));
  const hubUrl = await ctx.pg.freshDatabase('bench_fanout_hub');
  const baseUrl = await ctx.pg.freshDatabase('bench_fanout_base');
  const orm = await benchOrm(hubUrl);
  const [pushKey] = await benchSystems(orm, 1);
  const readKey = await benchReader(orm);
  await orm.close(true);
  const borm = await benchOrm(baseUrl);
  await benchSystems(borm, 1);
  await borm.close(true);
  const maxSeq = async (db: string) =>
    Number((await ctx.pg.sql<{ m: string }>(db, 'select coalesce(max(seq), 0) as m from change_event'))[0].m);

  const hub = await startHub(hubUrl, { HUB_MAX_SUBSCRIPTIONS: '10' });
  let h: SideResult;
  try {
    const bodies = Array.from({ length: total / size.batch }, (_, b) =>
      JSON.stringify({ query: PUSH, variables: { records: entities.slice(b * size.batch, (b + 1) * size.batch) } }),
    );
    h = await side(
      ctx,
      'hub',
      hub,
      readKey,
      size,
      async (b) => {
        const res = await fetch(hub.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${pushKey}` },
          body: bodies[b],
        });
        const body = (await res.json()) as { data?: { pushMarketEntities: { accepted: number } } };
        if (body.data?.pushMarketEntities.accepted !== size.batch)
          throw new Error(`fanout: push answered ${JSON.stringify(body).slice(0, 300)}`);
      },
      () => maxSeq('bench_fanout_hub'),
      true,
    );
  } finally {
    await hub.stop();
  }

  const baseline = await startBaseline(baseUrl);
  const pool = new Pool({ connectionString: baseUrl, max: 4 });
  // Idle clients see PostgreSQL stop at the end of a run; that is not a failure.
  pool.on('error', () => undefined);
  let b: SideResult;
  try {
    const [system] = await ctx.pg.sql<{ id: number; code: string }>(
      'bench_fanout_base',
      `select id, code from source_system where code = 'BENCH-1'`,
    );
    b = await side(
      ctx,
      'baseline',
      baseline,
      undefined,
      size,
      async (k) => {
        const c = await pool.connect();
        try {
          await baselineEntities(c, entities.slice(k * size.batch, (k + 1) * size.batch), system.id, system.code);
        } finally {
          c.release();
        }
      },
      () => maxSeq('bench_fanout_base'),
      false,
    );
  } finally {
    await pool.end();
    await baseline.stop();
  }
  if (h.errors.length) ctx.log(`fanout: hub subscriber errors: ${h.errors.join(' | ')}`);
  const params = {
    ...size,
    eventsPerSubscriber: h.light.expected + h.loaded.expected,
    hubFailedPushes: h.light.failedPushes + h.loaded.failedPushes,
    hubSkippedBatches: h.loaded.skipped,
    baselineSkippedBatches: b.loaded.skipped,
    hubErrorLines: hub.errorCount(),
    hubUnloadedEventsPerSecond: h.unloaded!.achieved,
    hubAchievedEventsPerSecond: h.loaded.achieved,
    baselineAchievedEventsPerSecond: b.loaded.achieved,
    hubLightAchievedEventsPerSecond: h.light.achieved,
    baselineLightAchievedEventsPerSecond: b.light.achieved,
    deliveries: h.loaded.latency.count,
    hubPushSeconds: h.loaded.pushSeconds,
    hubDrainSeconds: h.loaded.drainSeconds,
    baselinePushSeconds: b.loaded.pushSeconds,
    baselineDrainSeconds: b.loaded.drainSeconds,
    hubLightDrainSeconds: h.light.drainSeconds,
    baselineLightDrainSeconds: b.light.drainSeconds,
    hubOutOfOrder: h.disorder,
    hubErrors: h.errors,
    tool: 'graphql-ws client',
  };
  const f = (metric: string, unit: string, dir: 'higher' | 'lower', hv: number | null, bv: number | null) =>
    figure('fanout', metric, unit, dir, hv, bv, ctx.machine, params);
  // Latencies compare only under the same offered load: when one side could not take the events at the
  // planned rate, its latencies are for a lighter load, and the ratio would flatter it.
  const comparable = Math.abs(h.light.achieved - b.light.achieved) <= 0.1 * size.lightEventsPerSecond;
  const latency = (metric: string, p: number) => {
    const x = f(metric, 'ms', 'lower', h.light.latency.percentile(p), b.light.latency.percentile(p));
    return comparable
      ? x
      : {
          ...x,
          ratio: null,
          params: {
            ...x.params,
            note: 'not comparable: the two sides took events at different rates (see *LightAchievedEventsPerSecond)',
          },
        };
  };
  return [
    latency(`delivery latency p50 at ${size.lightEventsPerSecond} events/s`, 50),
    latency(`delivery latency p99 at ${size.lightEventsPerSecond} events/s`, 99),
    f('missed events', 'events', 'lower', h.missed, b.missed),
    f('events not yet delivered at the end of the drain window', 'events', 'lower', h.late, b.late),
    f('failed pushes', 'pushes', 'lower', h.light.failedPushes + h.loaded.failedPushes, 0),
    f(
      `deliveries per second at ${size.eventsPerSecond} events/s offered`,
      'events/s',
      'higher',
      h.loaded.latency.count / (h.loaded.pushSeconds + h.loaded.drainSeconds),
      b.loaded.latency.count / (b.loaded.pushSeconds + b.loaded.drainSeconds),
    ),
    // The hub's pushes while it fans out against its own pushes with nobody subscribed, at the same offered rate.
    {
      ...f(
        `push rate while fanning out, against without subscribers (${size.eventsPerSecond} events/s offered)`,
        'events/s',
        'higher',
        h.loaded.achieved,
        h.unloaded!.achieved,
      ),
    },
    f('peak RSS of the hub', 'MiB', 'lower', hub.peakRssMiB(), baseline.peakRssMiB()),
  ];
}
