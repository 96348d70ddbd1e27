/**
 * `npm run bench`: the hub against what the same machine does without it
 * (README "Performance"). Every scenario runs the hub as `npm start` runs it (a child
 * process, `node dist/resolvers/app/main.js`) and its baseline on the same PostgreSQL,
 * with the same data and the same concurrency; the load comes from
 * maintained tools (autocannon for HTTP, the graphql-ws client for
 * subscriptions), not the hub's code.
 *
 *   npm run bench                       every scenario at full size
 *   npm run bench -- --quick            every scenario, small (about 3 minutes here)
 *   npm run bench -- --scenario read    one scenario (repeat or comma-separate for more)
 *   npm run bench -- --scenario peer    the hub against PostGraphile v4 (installed into bench/peer on demand)
 *   npm run bench -- --out DIR          results somewhere else than bench/results
 *   npm run bench -- --database-url URL an existing PostgreSQL server instead of an embedded one
 *   npm run bench -- --scenario credit --credit-records 1000000   creditStatus with that many credit records
 *
 * Writes bench/results/<scenario>.json and prints a table.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext } from './lib/context';
import { children, machine, ROOT, startPostgres, type BenchPostgres } from './lib/env';
import { table, writeResults, type Figure } from './lib/results';
import { credit, type CreditSize } from './scenarios/credit';
import { collusion, type CollusionSize } from './scenarios/collusion';
import { fanout, type FanoutSize } from './scenarios/fanout';
import { ingest, type IngestSize } from './scenarios/ingest';
import { peer, type PeerSize } from './scenarios/peer';
import { read, type ReadSize } from './scenarios/read';
import { replay, type ReplaySize } from './scenarios/replay';
import { scale, type ScaleSize } from './scenarios/scale';
import { smallPushes, type SmallPushesSize } from './scenarios/small-pushes';
import { verify, type VerifySize } from './scenarios/verify';

export interface Sizes {
  ingest: IngestSize;
  read: ReadSize;
  fanout: FanoutSize;
  scale: ScaleSize;
  replay: ReplaySize;
  credit: CreditSize;
  collusion: CollusionSize;
  peer: PeerSize;
  smallPushes: SmallPushesSize;
  verify: VerifySize;
}

/** The full sizes (the targets the hub is measured against) ... */
export const FULL: Sizes = {
  ingest: { entities: 100_000, projects: 25_000, bidsPerSection: 4, batch: 1000, clients: 4 },
  read: { projects: 20_000, first: 20, connections: 16, seconds: 30, pages: 200 },
  fanout: {
    subscribers: 1000,
    eventsPerSecond: 1000,
    lightEventsPerSecond: 100,
    seconds: 30,
    batch: 100,
    drainSeconds: 120,
  },
  scale: { records: 6_000_000 },
  replay: { events: 1_000_000 },
  credit: { records: 1_000_000, samples: 5_000 },
  collusion: { sections: 1000, bidsPerSection: 10, batch: 1000 },
  peer: { projects: 20_000, connections: 16, seconds: 20, rounds: 3, pages: 200 },
  smallPushes: { systems: 27, batch: 5, recordsPerSecond: 1000, seconds: 30, subscribers: 50, drainSeconds: 60 },
  verify: { samples: 5_000 },
};

/** ... small enough that every scenario together finishes in about 3 minutes on the 2-core machine ... */
export const QUICK: Sizes = {
  ingest: { entities: 12_000, projects: 1_500, bidsPerSection: 4, batch: 1000, clients: 4 },
  read: { projects: 2_000, first: 20, connections: 16, seconds: 5, pages: 50 },
  fanout: {
    subscribers: 1000,
    eventsPerSecond: 500,
    lightEventsPerSecond: 100,
    seconds: 5,
    batch: 50,
    drainSeconds: 30,
  },
  scale: { records: 120_000 },
  replay: { events: 100_000 },
  credit: { records: 100_000, samples: 2_000 },
  collusion: { sections: 1000, bidsPerSection: 10, batch: 1000 },
  peer: { projects: 2_000, connections: 16, seconds: 3, rounds: 3, pages: 40 },
  smallPushes: { systems: 27, batch: 5, recordsPerSecond: 1000, seconds: 10, subscribers: 50, drainSeconds: 30 },
  verify: { samples: 2_000 },
};

/** ... and tiny, for the CI smoke test (seconds): it checks the shape of the results, not the timings. */
export const SMOKE: Sizes = {
  ingest: { entities: 2_000, projects: 125, bidsPerSection: 4, batch: 1000, clients: 4 },
  read: { projects: 60, first: 20, connections: 4, seconds: 1, pages: 2 },
  fanout: { subscribers: 20, eventsPerSecond: 200, lightEventsPerSecond: 50, seconds: 2, batch: 50, drainSeconds: 30 },
  scale: { records: 5_000 },
  replay: { events: 3_000 },
  credit: { records: 2_000, samples: 100 },
  collusion: { sections: 20, bidsPerSection: 5, batch: 50 },
  peer: { projects: 60, connections: 4, seconds: 1, rounds: 1, pages: 2 },
  smallPushes: { systems: 3, batch: 5, recordsPerSecond: 100, seconds: 2, subscribers: 5, drainSeconds: 30 },
  verify: { samples: 100 },
};

export const SCENARIOS = [
  'ingest',
  'read',
  'fanout',
  'scale',
  'replay',
  'credit',
  'collusion',
  'small-pushes',
  'peer',
  'verify',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  sizes: Sizes;
  scenarios: ScenarioName[];
  out: string;
  databaseUrl?: string;
  mode: string;
  log?: (m: string) => void;
}

/** Runs the chosen scenarios in order, writing each one's results as soon as it ends. */
export async function runBench(o: BenchOptions): Promise<Figure[]> {
  const log = o.log ?? ((m: string) => process.stderr.write(`[bench] ${m}\n`));
  log(`starting PostgreSQL${o.databaseUrl ? ' (external)' : ' (embedded, temporary)'}`);
  const pg = await startPostgres(o.databaseUrl);
  current = pg;
  const all: Figure[] = [];
  try {
    const [{ version }] = await pg.sql<{ version: string }>('postgres', 'show server_version');
    const ctx: BenchContext = {
      pg,
      machine: { ...machine(version), mode: o.mode, postgresSettings: pg.settings.join(' ') },
      log,
    };
    for (const name of o.scenarios) {
      const started = Date.now();
      log(`scenario ${name}`);
      let figures: Figure[];
      switch (name) {
        case 'ingest':
          figures = await ingest(ctx, o.sizes.ingest);
          break;
        case 'read':
          figures = await read(ctx, o.sizes.read);
          break;
        case 'fanout':
          figures = await fanout(ctx, o.sizes.fanout);
          break;
        case 'scale':
          figures = await scale(ctx, o.sizes.scale);
          break;
        case 'replay':
          figures = await replay(ctx, o.sizes.replay);
          break;
        case 'credit':
          figures = await credit(ctx, o.sizes.credit);
          break;
        case 'collusion':
          figures = await collusion(ctx, o.sizes.collusion);
          break;
        case 'peer':
          figures = await peer(ctx, o.sizes.peer);
          break;
        case 'small-pushes':
          figures = await smallPushes(ctx, o.sizes.smallPushes);
          break;
        case 'verify':
          figures = await verify(ctx, o.sizes.verify);
          break;
      }
      const file = writeResults(o.out, name, figures);
      log(`scenario ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${file}`);
      all.push(...figures);
    }
  } finally {
    await pg.stop();
  }
  return all;
}

let current: BenchPostgres | undefined;

/** On Ctrl-C or SIGTERM: end the hub and baseline processes and the bench's PostgreSQL, then exit. */
function onSignal(signal: NodeJS.Signals): void {
  process.stderr.write(`[bench] ${signal}: stopping\n`);
  for (const c of children) c.kill('SIGKILL');
  const force = setTimeout(() => process.exit(130), 15_000);
  void (current?.stop() ?? Promise.resolve()).finally(() => {
    clearTimeout(force);
    process.exit(130);
  });
}

async function main(): Promise<number> {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      scenario: { type: 'string', multiple: true },
      out: { type: 'string' },
      'database-url': { type: 'string' },
      'credit-records': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'npm run bench -- [--quick | --smoke] [--scenario ingest|read|fanout|scale|replay|credit|collusion|small-pushes|peer|verify ...] [--out DIR] [--database-url URL] [--credit-records N]',
    );
    return 0;
  }
  const chosen = (values.scenario ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = chosen.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length) {
    console.error(`unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
    return 2;
  }
  const mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  const sizes = values.smoke ? SMOKE : values.quick ? QUICK : FULL;
  if (values['credit-records'] !== undefined) {
    const records = Number(values['credit-records']);
    if (!Number.isInteger(records) || records < 1) {
      console.error('--credit-records must be a whole number of at least 1');
      return 2;
    }
    sizes.credit = { ...sizes.credit, records };
  }
  const figures = await runBench({
    sizes,
    scenarios: chosen.length ? (chosen as ScenarioName[]) : [...SCENARIOS],
    out: values.out ?? join(ROOT, 'bench', 'results'),
    databaseUrl: values['database-url'],
    mode,
  });
  console.log(table(figures));
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
