import type { CommandContext } from '../cli/command';
import { options } from '../cli/options';
import { loadConfig } from '../config';

/**
 * `hub seed [--entities N]`: the demo data; `hub seed --projects N ...`:
 * generated volume through the push pipeline (exit 1 when a record was rejected);
 * `hub seed --collusion`: the labelled collusion cases (src/seed/collusion.ts),
 * printing what was stored and the recall of the rules against the answer key.
 */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  if (args.includes('--collusion')) {
    if (args.length > 1) throw new Error('--collusion takes no other option');
    return ctx.withOrm(async (orm) => {
      const { seedCollusionDemo } = await import('./collusion.js');
      const r = await seedCollusionDemo(orm, loadConfig());
      console.log(JSON.stringify(r));
      console.error(
        `collusion rules: recall ${r.found}/${r.planted}, false positives ${r.falsePositives} on ${r.cleanSections} clean sections`,
      );
      return r.rejected ? 1 : 0;
    });
  }
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
