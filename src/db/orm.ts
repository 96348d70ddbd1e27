import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { migrationsList } from '../../migrations';
import { projectRoot } from '../common/paths';
import type { Logger } from '../logger';
import { ENTITIES } from './entities';

/** MikroORM's configuration for a database URL; tests and tools pass overrides. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
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
export async function openOrm(clientUrl: string, log: Logger, overrides: Partial<Options> = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(clientUrl, overrides));
  const done = await orm.getMigrator().up();
  if (done.length) log.info({ migrations: done.map((m) => m.name) }, 'applied migrations');
  return orm;
}
