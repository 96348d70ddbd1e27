import { REGISTRY } from '../../resolvers/families';
import { loadConfig } from '../../src/config';
import { runPush } from '../../src/ingest/pipeline';
import { marketEntityPush } from '../../src/market/market-entity.push';
import { ensureSeedSystem, seedingPrincipal } from '../../src/seed/volume';
import { loadSubItems, volumeEntity, volumeProject } from '../../src/seed/generator';
import { projectPush } from '../../src/trading/project.push';
import { bidPush } from '../../src/trading/records.push';
import type { BidPush } from '../../src/trading/records.rules';
import { benchOrm, type BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/results';

/** Bids pushed into sections with the collusion rules on, against the same push with them off. */
export interface CollusionSize {
  sections: number;
  bidsPerSection: number;
  /** Bids per push. */
  batch: number;
}

const SEED = 1515;

/**
 * Pushes `sections × bidsPerSection` bids in-process through the one
 * pipeline, once into a database with the collusion rules on and once with
 * them off (same data, fresh databases), and reports both rates; the ratio is
 * what the rules cost (the issue asks for less than twice the time).
 */
export async function collusion(ctx: BenchContext, size: CollusionSize): Promise<Figure[]> {
  const seconds: Record<'on' | 'off', number> = { on: 0, off: 0 };
  let bidCount = 0;
  for (const mode of ['off', 'on'] as const) {
    const url = await ctx.pg.freshDatabase(`bench_collusion_${mode}`);
    const orm = await benchOrm(url);
    try {
      const principal = seedingPrincipal(await ensureSeedSystem(orm.em.fork()));
      const entities = Math.max(200, size.bidsPerSection * 20);
      const shape = { projects: 0, entities, bidsPerSection: size.bidsPerSection, seed: SEED };
      const all = Array.from({ length: entities }, (_, i) => volumeEntity(i, SEED));
      for (let i = 0; i < all.length; i += 2000)
        await runPush(orm.em.fork(), principal, marketEntityPush, all.slice(i, i + 2000), { maxBatch: 2000 });
      const catalog = await loadSubItems(orm.em.fork());
      const bids: BidPush[] = [];
      const projects = [];
      let sections = 0;
      for (let i = 0; sections < size.sections; i++) {
        const g = volumeProject(i, { ...shape, projects: i + 1 }, catalog);
        const codes = new Set(
          (g.project.sections ?? []).map((s) => s?.code as string).slice(0, size.sections - sections),
        );
        g.project.sections = (g.project.sections ?? []).filter((s) => codes.has(s?.code as string));
        sections += codes.size;
        projects.push(g.project);
        bids.push(...g.bids.filter((b) => codes.has(b.sectionCode as string)));
      }
      for (let i = 0; i < projects.length; i += 1000)
        await runPush(orm.em.fork(), principal, projectPush, projects.slice(i, i + 1000), { maxBatch: 1000 });
      bidCount = bids.length;
      const config = loadConfig({}, { collusion: { ...loadConfig({}).collusion, enabled: mode === 'on' } });
      const options = {
        maxBatch: size.batch,
        findingRules: mode === 'on' ? REGISTRY.findingRulesOf('BID') : [],
        config,
      };
      const started = process.hrtime.bigint();
      for (let i = 0; i < bids.length; i += size.batch) {
        const r = await runPush(orm.em.fork(), principal, bidPush, bids.slice(i, i + size.batch), options);
        if (r.rejected)
          throw new Error(`bench bids rejected: ${JSON.stringify(r.results.find((x) => x.errors.length))}`);
      }
      seconds[mode] = Number(process.hrtime.bigint() - started) / 1e9;
      ctx.log(`collusion rules ${mode}: ${bids.length} bids in ${seconds[mode].toFixed(2)} s`);
    } finally {
      await orm.close(true);
    }
  }
  const params = { ...size, bids: bidCount };
  return [
    figure(
      'collusion',
      'bids per second, rules on (hub) vs off (baseline)',
      'bids/s',
      'higher',
      bidCount / seconds.on,
      bidCount / seconds.off,
      ctx.machine,
      params,
    ),
    figure('collusion', 'push time, rules on vs off', 's', 'lower', seconds.on, seconds.off, ctx.machine, params),
  ];
}
