import { MikroORM } from '@mikro-orm/postgresql';
import { migratorOf, ormConfig } from '../../src/db/orm';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { REGISTRY } from '../../resolvers/families';

/*
 * Migrations that move data: each is applied to a database holding rows in
 * the shape before it, and the rows are checked after it (and after down).
 */
describe('data migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const sql = <T>(q: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(q, params);

  beforeAll(async () => {
    db = await createTestDatabase(false);
    orm = await MikroORM.init(ormConfig(db.url, { entities: REGISTRY.entities }));
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('moves evaluation candidates from JSON to numeric rows, and back down', async () => {
    const migrator = await migratorOf(orm);
    await migrator.up({ to: 'Migration20261123172300' });
    const [system] = await sql<{ id: string }>(
      `insert into source_system (code, name, kind, region_code) values ('MIG', 'm', 'GOVERNMENT', '420000') returning id`,
    );
    const entity = async (code: string) =>
      (
        await sql<{ id: string }>(
          `insert into market_entity (credit_code, name, kind, roles, region_code, status, source_system_id, owner_system_id, version, content_hash, updated_at)
        values (?, ?, 'ENTERPRISE', '{BIDDER}', '420100', 'ACTIVE', ?, ?, 1, 'h', now()) returning id`,
          [code, `${code} 公司`, system.id, system.id],
        )
      )[0].id;
    const [tenderer, b1, b2] = [
      await entity('91420100MA4K12345K'),
      await entity('91420100MA4K1A2B3X'),
      await entity('91420100MA4K9Z8Y7W'),
    ];
    const [project] = await sql<{ id: string }>(
      `insert into trading_project (code, name, sub_item_code, category_code, region_code, tenderer_id, currency, method, status, source_system_id, owner_system_id, version, content_hash, updated_at)
       values ('MIG-1', 'p', 'ENG_TRANSPORT', 'ENGINEERING', '420100', ?, 'CNY', 'OPEN_TENDER', 'EVALUATING', ?, ?, 1, 'h', now()) returning id`,
      [tenderer, system.id, system.id],
    );
    const [section] = await sql<{ id: string }>(
      `insert into section (code, project_id, name, status, updated_at) values ('MIG-1-S1', ?, 's', 'EVALUATING', now()) returning id`,
      [project.id],
    );
    const candidates = [
      { rank: 1, bidderCreditCode: '91420100MA4K9Z8Y7W', score: '91.5000', amount: '123456789012.34' },
      { rank: 2, bidderCreditCode: '91420100MA4K1A2B3X', score: null, amount: null },
    ];
    await sql(
      `insert into evaluation (section_id, reported_at, candidates, source_system_id, owner_system_id, version, content_hash, updated_at) values (?, now(), ?::jsonb, ?, ?, 1, 'h', now())`,
      [section.id, JSON.stringify(candidates), system.id, system.id],
    );

    await migrator.up({ to: 'Migration20261123173833' });
    expect(
      await sql(
        `select rank, bidder_id::text as bidder, score::text as score, amount::text as amount from evaluation_candidate order by rank`,
      ),
    ).toEqual([
      { rank: 1, bidder: b2, score: '91.5000', amount: '123456789012.34' },
      { rank: 2, bidder: b1, score: null, amount: null },
    ]);
    expect(
      await sql(
        `select 1 from information_schema.columns where table_name = 'evaluation' and column_name = 'candidates'`,
      ),
    ).toEqual([]);

    // An evaluation still running: its committee sits, no report yet.
    const [running] = await sql<{ id: string }>(
      `insert into section (code, project_id, name, status, updated_at) values ('MIG-1-S2', ?, 's2', 'EVALUATING', now()) returning id`,
      [project.id],
    );
    await sql(
      `insert into evaluation (section_id, committee, source_system_id, owner_system_id, version, content_hash, updated_at) values (?, '[{"expertCode":"E1","name":"专家","role":"CHAIR","organisation":null}]', ?, ?, 1, 'h', now())`,
      [running.id, system.id, system.id],
    );

    await migrator.down({ to: 'Migration20261123172300' });
    const [back] = await sql<{ candidates: unknown }>(
      `select candidates from evaluation where reported_at is not null`,
    );
    expect(back.candidates).toEqual(candidates);
    // Before committees an evaluation had its report: the running one cannot be kept.
    await migrator.down({ to: 'Migration20261123094340' });
    expect(await sql(`select section_id::text as section from evaluation`)).toEqual([{ section: section.id }]);
    await migrator.up();
  });

  it('undoes every migration down to an empty database and builds the same schema again', async () => {
    const migrator = await migratorOf(orm);
    await migrator.up();
    const all = (await migrator.getExecutedMigrations()).length;
    expect(all).toBeGreaterThan(5);
    await migrator.down({ to: 0 });
    expect(await migrator.getExecutedMigrations()).toEqual([]);
    const tables = await sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'`,
    );
    expect(tables).toEqual([]);
    await migrator.up();
    expect(await migrator.getExecutedMigrations()).toHaveLength(all);
    expect((await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
  });
});
