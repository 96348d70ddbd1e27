import { issueKey } from '../../src/auth/admin.service';
import { ADMIN } from '../../src/auth/principal';
import type { BenchContext } from '../lib/context';
import { benchOrm, benchReader } from '../lib/context';
import { runCli, startBaseline, startHub, type HubChild } from '../lib/env';
import { figure, type Figure } from '../lib/results';
import { CHANGES_FULL, subscribe } from '../lib/subscribers';
import { scaleVolume } from './scale';

export interface ReplaySize {
  /** Events to replay from cursor zero (full size: 1,000,000). */
  events: number;
}

const TOPICS = ['MARKET_ENTITY', 'TRADING_PROJECT', 'BID'];

/** Replays `events` events from the beginning with one subscriber; events per second. */
async function replayOnce(
  server: HubChild,
  key: string | undefined,
  events: number,
): Promise<{ seconds: number; received: number; errors: string[] }> {
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const started = Date.now();
  const sub = await subscribe(server.wsUrl, key, CHANGES_FULL, { after: null, topics: TOPICS }, (_e, s) => {
    if (s.received >= events) done();
  });
  const timeout = setTimeout(done, 30 * 60_000);
  const watch = setInterval(() => sub.errors.length && done(), 500);
  await finished;
  const seconds = (Date.now() - started) / 1000;
  clearTimeout(timeout);
  clearInterval(watch);
  const received = sub.received;
  await sub.stop();
  return { seconds, received, errors: sub.errors };
}

/**
 * Issue 5, scenario 4. One consumer (a FEED_CONSUMER of the entity, project
 * and bid topics, selecting whole events with their data) replays
 * `events` events from cursor zero through graphql-ws; the baseline server
 * reads the same table in keyset batches and sends the same JSON. Uses the
 * scale scenario's database when it holds enough events, else seeds one.
 */
export async function replay(ctx: BenchContext, size: ReplaySize): Promise<Figure[]> {
  const dbs = await ctx.pg.sql<{ datname: string }>(
    'postgres',
    `select datname from pg_database where datname = 'bench_scale'`,
  );
  let db = 'bench_scale';
  let enough = false;
  if (dbs.length) {
    const [{ n }] = await ctx.pg.sql<{ n: string }>(
      db,
      `select count(*) as n from change_event where topic in ('MARKET_ENTITY', 'TRADING_PROJECT', 'BID')`,
    );
    enough = Number(n) >= size.events;
  }
  if (!enough) {
    db = 'bench_replay';
    const url = await ctx.pg.freshDatabase(db);
    // An event per entity, project and bid: about 9 events for 11 records.
    const volume = scaleVolume(Math.ceil((size.events * 11) / 9) + 1000);
    ctx.log(`replay: seeding ${volume.projects} projects for ${size.events} events`);
    await runCli(url, ['seed', '--projects', String(volume.projects), '--entities', String(volume.entities)]);
  }
  const url = ctx.pg.databaseUrl(db);
  const orm = await benchOrm(url);
  let key: string;
  try {
    key = await benchReader(orm).catch(async () => {
      // The scale database may already have the reader from an earlier replay: issue a fresh key.
      return (await issueKey(orm.em.fork(), ADMIN, 'bench-reader', null)).apiKey;
    });
  } finally {
    await orm.close(true);
  }

  ctx.log(`replay: hub, ${size.events} events from cursor zero`);
  const hub = await startHub(url);
  let h: Awaited<ReturnType<typeof replayOnce>>;
  try {
    h = await replayOnce(hub, key, size.events);
  } finally {
    await hub.stop();
  }
  ctx.log(`replay: baseline, ${size.events} events from cursor zero`);
  const baseline = await startBaseline(url);
  let b: Awaited<ReturnType<typeof replayOnce>>;
  try {
    b = await replayOnce(baseline, undefined, size.events);
  } finally {
    await baseline.stop();
  }
  if (h.errors.length || h.received < size.events)
    throw new Error(`replay: the hub delivered ${h.received} of ${size.events} events: ${h.errors.join(' | ')}`);
  const params = {
    ...size,
    database: db,
    topics: TOPICS,
    selection: 'seq topic op key version occurredAt data',
    key: 'FEED_CONSUMER',
    tool: 'graphql-ws client',
  };
  const f = (metric: string, unit: string, dir: 'higher' | 'lower', hv: number | null, bv: number | null) =>
    figure('replay', metric, unit, dir, hv, bv, ctx.machine, params);
  return [
    f(
      'events per second',
      'events/s',
      'higher',
      size.events / h.seconds,
      b.received >= size.events ? size.events / b.seconds : null,
    ),
    f('peak RSS of the hub', 'MiB', 'lower', hub.peakRssMiB(), baseline.peakRssMiB()),
  ];
}
