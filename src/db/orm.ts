import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { migrationsList } from '../../migrations';
import { projectRoot } from '../common/paths';
import type { Logger } from '../logger';
import type { EntityClass } from '@mikro-orm/core';

/** What opening the ORM needs besides the URL: every entity of the hub (FamilyRegistry.entities), and overrides. */
export type OrmOptions = Omit<Partial<Options>, 'entities'> & { entities: readonly EntityClass<object>[] };

/** MikroORM's configuration for a database URL and the hub's entities; tests and tools pass overrides. */
export function ormConfig(clientUrl: string, options: OrmOptions): Options {
  const { entities, ...overrides } = options;
  return defineConfig({
    clientUrl,
    entities: [...entities],
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    migrations: {
      migrationsList,
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

/** Opens the ORM and applies the committed migrations that are pending. */
export async function openOrm(clientUrl: string, log: Logger, options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(clientUrl, options));
  const done = await orm.getMigrator().up();
  if (done.length) log.info({ migrations: done.map((m) => m.name) }, 'applied migrations');
  return orm;
}
