import { volumeCounts } from '../../src/seed/generator';
import type { BenchContext } from '../lib/context';
import { runCli } from '../lib/env';
import { figure, type Figure } from '../lib/results';

export interface ScaleSize {
  /** Records to load: entities + projects + sections + bids (full size: 6,000,000). */
  records: number;
}

/** Volume options whose run stores at least `records` records: 4 bids per section, one entity per 60 records. */
export function scaleVolume(records: number): { projects: number; entities: number; bidsPerSection: number } {
  const entities = Math.max(200, Math.round(records / 60));
  let projects = Math.max(1, Math.floor((records - entities) / 11));
  while (volumeCounts({ projects, entities, bidsPerSection: 4 }).records < records) projects += 1;
  return { projects, entities, bidsPerSection: 4 };
}

/**
 * Issue 5, scenario 5. `hub seed --projects N` (what `npm run seed` runs) into
 * an empty database: wall time, records per second, and the database's size at
 * the end. There is no baseline: the figure is the hub's own path end to end.
 * The database is kept for the replay scenario.
 */
export async function scale(ctx: BenchContext, size: ScaleSize): Promise<Figure[]> {
  const volume = scaleVolume(size.records);
  const url = await ctx.pg.freshDatabase('bench_scale');
  ctx.log(`scale: hub seed --projects ${volume.projects} --entities ${volume.entities} into an empty database`);
  const run = await runCli(
    url,
    ['seed', '--projects', String(volume.projects), '--entities', String(volume.entities), '--bids-per-section', '4'],
    { progress: true },
  );
  const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    records: number;
    accepted: number;
    rejected: number;
    entities: number;
    projects: number;
    sections: number;
    bids: number;
  };
  if (result.rejected) throw new Error(`scale: the seed rejected ${result.rejected} records`);
  const [db] = await ctx.pg.sql<{ bytes: string; events: string }>(
    'bench_scale',
    'select pg_database_size(current_database()) as bytes, (select count(*) from change_event) as events',
  );
  const params = {
    ...size,
    ...volume,
    stored: { entities: result.entities, projects: result.projects, sections: result.sections, bids: result.bids },
    changeEvents: Number(db.events),
    command: 'hub seed --projects N --entities M --bids-per-section 4',
  };
  const f = (metric: string, unit: string, dir: 'higher' | 'lower', hv: number | null) =>
    figure('scale', metric, unit, dir, hv, null, ctx.machine, params);
  return [
    f('wall time', 's', 'lower', run.seconds),
    f('records per second', 'records/s', 'higher', result.records / run.seconds),
    f('database size', 'MiB', 'lower', Number(db.bytes) / 2 ** 20),
    f('peak RSS of the seed process', 'MiB', 'lower', run.peakRssMiB),
  ];
}
