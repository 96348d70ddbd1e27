import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ADMIN, Role, type Principal } from '../auth/principal';
import { runPush } from '../ingest/pipeline';
import { RecordStatus, type PushResult } from '../ingest/types';
import { EXPERT_TOPIC } from '../credit';
import { MARKET_ENTITY_TOPIC, marketFamily } from '../market';
import { SourceSystemRow, SourceSystemKind } from '../systems/source-system.entity';
import { TRADING_TOPICS, TradingTopic, tradingFamily } from '../trading';
import {
  loadSubItems,
  volumeCounts,
  volumeEntity,
  volumeProject,
  volumeShape,
  type VolumeCounts,
  type VolumeOptions,
} from './generator';
import { stderrProgress } from './progress';

/*
 * Generated trading data at any volume, through the real push pipeline.
 *
 * Every record is a pure function of (seed, index): entity i, project i with
 * its sections, and the bids of project i are the same on every machine and
 * whatever the batch size, so a run can be repeated (every record comes back
 * UNCHANGED and nothing is written) or resumed after a crash by running it
 * again. Counts are exact: project i has 1 + (i mod 3) sections and every
 * section has exactly `bidsPerSection` bids from distinct bidders.
 */

/** The system the generated data is pushed as: the provincial electronic service system of the demo data. */
export const SEED_SYSTEM = {
  code: 'HB-GGZY',
  name: '湖北省公共资源交易电子服务系统',
  kind: SourceSystemKind.GOVERNMENT,
  regionCode: '420000',
};
export interface VolumeResult extends VolumeCounts {
  /** Pushed records (entities, projects, bids) by outcome; sections travel inside their project. */
  accepted: number;
  unchanged: number;
  rejected: number;
  /** The first few rejections, for diagnosis. */
  errors: string[];
  seconds: number;
}

// ---------------------------------------------------------------- pushing

/** The principal generated data is pushed as: the seeding system, granted every data topic in the whole province. */
export function seedingPrincipal(system: SourceSystemRow): Principal {
  return {
    id: `${system.code}/seed`,
    name: system.code,
    roles: new Set([Role.SOURCE_SYSTEM]),
    grants: {
      ...ADMIN.grants,
      writeTopics: new Set([MARKET_ENTITY_TOPIC, EXPERT_TOPIC, ...TRADING_TOPICS]),
      regions: ['420000'],
      categories: ['*'],
    },
    sourceSystem: { id: system.id, code: system.code, regionCode: system.regionCode },
  };
}

/**
 * The seeding system, registered (without an API key: it never pushes over HTTP) when the database does not have it.
 */
export async function ensureSeedSystem(em: EntityManager): Promise<SourceSystemRow> {
  const found = await em.findOne(SourceSystemRow, { code: SEED_SYSTEM.code });
  if (found) return found;
  const system = em.create(SourceSystemRow, { ...SEED_SYSTEM, createdAt: new Date() });
  await em.flush();
  return system;
}

/** Adds one push's outcome to a running tally, keeping the first few rejections. */
function tally(
  into: { accepted: number; unchanged: number; rejected: number; errors: string[] },
  what: string,
  r: PushResult,
): void {
  into.accepted += r.accepted;
  into.unchanged += r.unchanged;
  into.rejected += r.rejected;
  for (const x of r.results) {
    if (x.status === RecordStatus.REJECTED && into.errors.length < 10)
      into.errors.push(`${what} ${x.key}: ${x.errors.map((e) => `${e.field} ${e.code} ${e.message}`).join('; ')}`);
  }
}

/**
 * Runs at most `size` tasks at once. `run` waits for a free slot, starts the
 * task and returns (wrapped) the promise of its end; the first failure is rethrown by the
 * next `run` or by `drain`.
 */
class Window {
  private readonly running = new Set<Promise<void>>();
  private failure: unknown;

  constructor(private readonly size: number) {}

  async run(task: () => Promise<void>): Promise<{ done: Promise<void> }> {
    while (this.running.size >= this.size) await Promise.race(this.running);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a task's own failure, re-thrown as it came
    if (this.failure) throw this.failure;
    const p: Promise<void> = task()
      .catch((err: unknown) => {
        this.failure ??= err;
        throw err;
      })
      .finally(() => this.running.delete(p));
    p.catch(() => undefined);
    this.running.add(p);
    // Wrapped: an async function returning the bare promise would make `await run()` wait for the task itself.
    return { done: p };
  }

  async drain(): Promise<void> {
    await Promise.allSettled(this.running);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a task's own failure, re-thrown as it came
    if (this.failure) throw this.failure;
  }
}

/**
 * Generates and pushes a volume of trading data through the one push
 * pipeline, as the seeding system: market entities first, then, a batch at a
 * time, projects with their sections followed by the bids on them. Batches
 * hold at most `batchSize` records (the hub's HUB_MAX_BATCH). Running it
 * again with the same options stores nothing new: every record is UNCHANGED.
 */
export async function seedVolume(orm: MikroORM, options: VolumeOptions): Promise<VolumeResult> {
  const started = Date.now();
  const shape = volumeShape(options);
  const counts = volumeCounts(options);
  const progress = options.progress === undefined ? stderrProgress() : options.progress;
  const em = orm.em.fork();
  const principal = seedingPrincipal(await ensureSeedSystem(em));
  const catalog = await loadSubItems(em);
  if (!catalog.length) throw new Error('the trading catalog has no active sub-item; run the migrations first');
  const result = { accepted: 0, unchanged: 0, rejected: 0, errors: [] as string[] };
  let done = 0;
  progress?.start(counts.records, 'entities');
  const advance = (n: number) => progress?.update((done += n));

  // Two pushes in flight: while one waits for PostgreSQL the next is generated and validated
  // (the change-log lock still serialises the appends). A batch is generated just before it is
  // pushed, so memory stays flat at any volume.
  const window = new Window(shape.concurrency);
  const [marketEntityPush, projectPush, bidPush] = await Promise.all([
    marketFamily.push[MARKET_ENTITY_TOPIC](),
    tradingFamily.push[TradingTopic.TRADING_PROJECT](),
    tradingFamily.push[TradingTopic.BID](),
  ]);

  // Entities first: projects name their tenderers and agencies, bids their bidders.
  for (let k = 0; k < shape.entities; k += shape.batchSize) {
    const n = Math.min(shape.batchSize, shape.entities - k);
    await window.run(async () => {
      const batch = Array.from({ length: n }, (_, j) => volumeEntity(k + j, shape.seed));
      tally(
        result,
        'entity',
        await runPush(orm.em.fork(), principal, marketEntityPush, batch, { maxBatch: shape.batchSize }),
      );
      advance(n);
    });
  }
  await window.drain();

  // Projects (with their sections), then their bids. Project batches are sized so the bids of one
  // project batch fill about one bid batch: a project has two sections on average.
  const perProject = 2 * Math.max(1, shape.bidsPerSection);
  const projectBatch = Math.max(1, Math.min(shape.batchSize, Math.floor(shape.batchSize / perProject)));
  progress?.update(done, 'projects and bids');
  for (let k = 0; k < shape.projects; k += projectBatch) {
    const n = Math.min(projectBatch, shape.projects - k);
    const generated = Array.from({ length: n }, (_, j) => volumeProject(k + j, shape, catalog));
    const stored = await window.run(async () => {
      const projects = generated.map((g) => g.project);
      tally(
        result,
        'project',
        await runPush(orm.em.fork(), principal, projectPush, projects, { maxBatch: shape.batchSize }),
      );
      advance(projects.reduce((a, p) => a + 1 + (p.sections?.length ?? 0), 0));
    });
    const bids = generated.flatMap((g) => g.bids);
    for (let b = 0; b < bids.length; b += shape.batchSize) {
      const slice = bids.slice(b, b + shape.batchSize);
      await window.run(async () => {
        await stored.done;
        tally(result, 'bid', await runPush(orm.em.fork(), principal, bidPush, slice, { maxBatch: shape.batchSize }));
        advance(slice.length);
      });
    }
  }
  await window.drain();
  progress?.stop();
  return { ...counts, ...result, seconds: (Date.now() - started) / 1000 };
}
