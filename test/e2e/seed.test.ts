import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { regions } from '../../src/common/regions';
import { seedDemoData } from '../../src/seed/demo';
import { seedTradingDemo } from '../../src/seed/demo';
import { seedVolume } from '../../src/seed/volume';
import { volumeCounts, volumeEntity, volumeProject, loadSubItems } from '../../src/seed/generator';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { hubCommand } from '../setup/cli';
import { COLLUSION_DEMO_PREFIX } from '../../src/seed/collusion';
import { REGISTRY } from '../../resolvers/families';

describe('the volume seed', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const sql = async (q: string) => orm.em.fork().execute<Record<string, string>[]>(q);
  const count = async (table: string) => Number((await sql(`select count(*) as n from ${table}`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('stores exactly the planned entities, projects, sections and bids through the pipeline, with their change events', async () => {
    const options = { projects: 200, batchSize: 700, progress: null };
    const plan = volumeCounts(options);
    expect(plan).toEqual({ entities: 200, projects: 200, sections: 399, bids: 1596, records: 2395 });
    const r = await seedVolume(orm, options);
    expect(r).toMatchObject({ ...plan, accepted: 200 + 200 + 1596, unchanged: 0, rejected: 0, errors: [] });
    expect(await count('market_entity')).toBe(200);
    expect(await count('trading_project')).toBe(200);
    expect(await count('section')).toBe(399);
    expect(await count('bid')).toBe(1596);
    const topics = await sql(`select topic, count(*) as n from change_event group by topic order by topic`);
    expect(Object.fromEntries(topics.map((t) => [t.topic, Number(t.n)]))).toEqual({
      BID: 1596,
      MARKET_ENTITY: 200,
      TRADING_PROJECT: 200,
    });
    // Spread over the catalog, and every project's details satisfy its sub-item (or the pipeline would have rejected
    // it).
    expect(
      Number((await sql(`select count(distinct sub_item_code) as n from trading_project`))[0].n),
    ).toBeGreaterThanOrEqual(20);
    expect(
      Number((await sql(`select count(distinct substr(region_code, 1, 4)) as n from trading_project`))[0].n),
    ).toBeGreaterThanOrEqual(12);
  });

  it('changes nothing when run again: every record is UNCHANGED and no event is appended', async () => {
    const events = await count('change_event');
    const r = await seedVolume(orm, { projects: 200, progress: null });
    expect(r).toMatchObject({ accepted: 0, unchanged: 200 + 200 + 1596, rejected: 0 });
    expect(await count('change_event')).toBe(events);
    expect(await count('bid')).toBe(1596);
  });

  it('generates the same records on every run, whatever the batch size', async () => {
    const catalog = await loadSubItems(orm.em.fork());
    expect(volumeEntity(17)).toEqual(volumeEntity(17));
    expect(volumeProject(42, { projects: 200 }, catalog)).toEqual(
      volumeProject(42, { projects: 200, batchSize: 3 }, catalog),
    );
    expect(volumeProject(42, { projects: 200, seed: 1 }, catalog).project).not.toEqual(
      volumeProject(42, { projects: 200 }, catalog).project,
    );
  });
});

describe("the demo data's trading projects", () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const sql = async (q: string) => orm.em.fork().execute<Record<string, string>[]>(q);

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('spread over every sub-item of the catalog and every prefecture, through the whole lifecycle, with no finding', async () => {
    const r = await seedTradingDemo(orm);
    expect(r.rejected).toBe(0);
    expect(r).toMatchObject({ projects: 48 });
    expect(r.awards).toBeGreaterThan(30);
    expect(r.contracts).toBeGreaterThan(10);
    expect(r.contracts).toBeLessThan(r.awards);
    const [spread] = await sql(
      `select count(distinct sub_item_code) as items, count(distinct region_code) as regions from trading_project`,
    );
    const [catalog] = await sql(`select count(*) as n from trading_sub_item where retired_at is null`);
    expect(Number(spread.items)).toBe(Number(catalog.n));
    const prefectures = [...regions().values()].filter(
      (x) => x.current && x.level === 'PREFECTURE' && x.code !== '429000',
    ).length; // 429000 groups the units directly under the province
    expect(Number(spread.regions)).toBe(prefectures);
    const kinds = await sql(`select type, count(*) as n from announcement group by type order by type`);
    expect(kinds.map((k) => k.type)).toEqual(['AWARD_NOTICE', 'CANDIDATE_PUBLICITY', 'DEAL_NOTICE', 'TENDER_NOTICE']);
    expect(await sql(`select rule, record_key from finding`)).toEqual([]);
  });

  it('stores nothing new when loaded again', async () => {
    const [before] = await sql(`select count(*) as n from change_event`);
    const r = await seedTradingDemo(orm);
    expect(r.rejected).toBe(0);
    const [after] = await sql(`select count(*) as n from change_event`);
    expect(after.n).toBe(before.n);
  });
});

describe('the demo data, when two hub processes start together on an empty database', () => {
  let db: TestDatabase;
  const orms: MikroORM[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two ORMs with pools of their own, as two processes have.
    for (let i = 0; i < 2; i++)
      orms.push(await openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities }));
  });
  afterAll(async () => {
    for (const orm of orms) await orm.close(true);
    await db.drop();
  });

  it('is loaded by exactly one of them, once', async () => {
    const sql = async (q: string) => orms[0].em.fork().execute<Record<string, string>[]>(q);
    expect((await sql('select count(*) as n from source_system'))[0].n).toBe('0');
    const results = await Promise.all(orms.map((orm) => seedDemoData(orm, { force: false, entities: 30 })));
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(results.find((r) => r.seeded)).toMatchObject({ systems: 5, entities: 30, projects: 48 });
    expect(results.find((r) => !r.seeded)).toEqual({ seeded: false, systems: 0, entities: 0, projects: 0 });
    expect((await sql('select count(*) as n from source_system'))[0].n).toBe('5');
    // One seed's worth of records: each demo entity written once.
    expect((await sql("select count(*) as n from market_entity where external_id like 'DEMO-%'"))[0].n).toBe('30');
    expect((await sql('select max(version) as v from market_entity'))[0].v).toBe(1);
    expect((await sql('select count(*) as n from trading_project'))[0].n).toBe('48');
  });
});

describe('hub seed --collusion', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('pushes the labelled cases, and the findings of the rules appear: every planted case, none on clean sections', async () => {
    const r = await hubCommand(db.url, ['seed', '--collusion']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(out).toMatchObject({ rejected: 0, falsePositives: 0, cleanSections: 24 });
    expect(out.planted).toBeGreaterThanOrEqual(13);
    expect(out.found).toBe(out.planted);
    expect(r.stderr).toContain(`collusion rules: recall ${out.planted}/${out.planted}, false positives 0`);
    const rules = await orm.em
      .fork()
      .execute<{ rule: string }[]>(`select distinct rule from finding where project_code like ? order by rule`, [
        `${COLLUSION_DEMO_PREFIX}-%`,
      ]);
    expect(rules.map((x) => x.rule)).toEqual(
      expect.arrayContaining([
        'BID_ROTATION',
        'COVER_BIDDING',
        'IDENTICAL_PRICES',
        'LOSERS_CLUSTERED',
        'PRICE_PROGRESSION',
        'SHARED_BOND_ACCOUNT',
        'SHARED_CERTIFICATE',
        'SHARED_DEVICE',
        'SHARED_DOCUMENT_HASH',
        'SHARED_IP',
        'SHARED_PROJECT_MANAGER',
        'SINGLE_BIDDER',
        'WIN_NEAR_BUDGET',
      ]),
    );
    // A second run stores nothing new.
    const [before] = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from change_event');
    const again = await hubCommand(db.url, ['seed', '--collusion']);
    expect(again.status).toBe(0);
    const [after] = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from change_event');
    expect(after.n).toBe(before.n);
  });
});
