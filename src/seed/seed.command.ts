import type { CommandContext } from '../cli/command';
import { options } from '../cli/options';
import { loadConfig } from '../config';

/**
 * `hub seed [--entities N]`: the demo data; `hub seed --projects N ...`:
 * generated volume through the push pipeline (exit 1 when a record was rejected).
 */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['entities', 'projects', 'bids-per-section', 'seed', 'batch']);
  const count = (name: string, min: number): number | undefined => {
    if (v[name] === undefined) return undefined;
    if (!/^\d+$/.test(v[name]) || Number(v[name]) < min)
      throw new Error(`--${name} must be a whole number of at least ${min}`);
    return Number(v[name]);
  };
  if (v.projects === undefined) {
    return ctx.withOrm(async (orm) => {
      const { seedDemoData } = await import('./demo.js');
      console.log(JSON.stringify(await seedDemoData(orm, { entities: count('entities', 0) ?? 120, force: true })));
      return 0;
    });
  }
  const maxBatch = loadConfig().maxBatch;
  const batchSize = count('batch', 1) ?? maxBatch;
  if (batchSize > maxBatch) throw new Error(`--batch must be at most HUB_MAX_BATCH (${maxBatch})`);
  const volume = {
    projects: count('projects', 0)!,
    entities: count('entities', 40),
    bidsPerSection: count('bids-per-section', 0),
    seed: count('seed', 0),
    batchSize,
  };
  return ctx.withOrm(async (orm) => {
    const { seedVolume } = await import('./volume.js');
    const r = await seedVolume(orm, volume);
    console.log(JSON.stringify(r));
    return r.rejected ? 1 : 0;
  });
}
