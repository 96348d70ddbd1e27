import type { EntityClass } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/paths';
import type { Logger } from '../logger';
import type { migrationsList as MigrationsList } from '../../migrations';

/** What opening the ORM needs besides the URL: every entity of the hub (FamilyRegistry.entities), and overrides. */
export type OrmOptions = Omit<Partial<Options>, 'entities'> & { entities: readonly EntityClass<object>[] };

/**
 * The compiled migrations folder (dist/migrations, or migrations/ under ts-jest), beside this module's tree: where
 * migrations/index's files are.
 */
const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/**
 * MikroORM's configuration for a database URL and the hub's entities; tests and tools pass overrides. The migrations
 * themselves (and MikroORM's migrator, a large module tree) are loaded only when needed: see {@link migratorOf}.
 */
export function ormConfig(clientUrl: string, options: OrmOptions): Options {
  const { entities, ...overrides } = options;
  return defineConfig({
    clientUrl,
    entities: [...entities],
    discovery: { disableDynamicFileAccess: true },
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    migrations: {
      // Where `hub migration:create` writes new migrations (the source folder, not dist).
      path: join(projectRoot(), 'migrations'),
      pathTs: join(projectRoot(), 'migrations'),
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
      silent: true,
    },
    ...overrides,
  });
}

/** The migrator of `orm`, on the committed list of migrations (migrations/index.ts), loaded on first use. */
export function migratorOf(orm: MikroORM): Promise<Migrator> {
  const options = orm.config.get('migrations');
  // A plain require: the list is wanted only here, and jest's global setup (no module mapping) runs this too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  options.migrationsList ??= (require('../../migrations') as { migrationsList: typeof MigrationsList }).migrationsList;
  return Promise.resolve(orm.getMigrator<Migrator>());
}

/**
 * Whether some committed migration has not run on the database: the migration files' names against MikroORM's table
 * of executed migrations (a missing table: all are pending). Cheap: it loads neither the migrations nor the migrator,
 * so that a `hub` command on an up-to-date database starts fast.
 */
async function migrationsPending(orm: MikroORM): Promise<boolean> {
  const committed = readdirSync(MIGRATIONS_DIR)
    .map((f) => /^(Migration\d+)\.(js|ts)$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined);
  const table = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  let executed: Set<string>;
  try {
    const rows = await orm.em.getConnection().execute<{ name: string }[]>(`select name from "${table}"`);
    executed = new Set(rows.map((r) => r.name.replace(/\.(js|ts)$/, '')));
  } catch {
    return true;
  }
  return committed.length === 0 || committed.some((n) => !executed.has(n));
}

const applied = new WeakMap<MikroORM, readonly string[]>();

/** The migrations that opening `orm` applied, oldest first (empty: none was pending). */
export function migrationsApplied(orm: MikroORM): readonly string[] {
  return applied.get(orm) ?? [];
}

/** Opens the ORM and applies the committed migrations that are pending. */
export async function openOrm(clientUrl: string, log: Logger, options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(clientUrl, options));
  try {
    const done = (await migrationsPending(orm)) ? await (await migratorOf(orm)).up() : [];
    applied.set(
      orm,
      done.map((m) => m.name),
    );
    if (done.length) log.info({ migrations: done.map((m) => m.name) }, 'applied migrations');
  } catch (err) {
    await orm.close(true);
    throw err;
  }
  return orm;
}
