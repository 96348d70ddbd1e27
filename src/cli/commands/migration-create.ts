import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '../../common/paths';
import { addToMigrationIndex } from '../../db/migration-index';
import { migratorOf } from '../../db/orm';
import type { CommandContext } from '../command';

/**
 * `hub migration:create`: a migration from the difference between the entities and the database, added to
 * migrations/index.ts.
 */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(async (orm) => {
    const migrator = await migratorOf(orm);
    const result = await migrator.createMigration(
      undefined,
      false,
      (await migrator.getExecutedMigrations()).length === 0,
    );
    if (!result.fileName) {
      console.log('No changes: the database already matches the entities.');
      return 0;
    }
    const index = join(projectRoot(), 'migrations', 'index.ts');
    writeFileSync(index, addToMigrationIndex(readFileSync(index, 'utf8'), basename(result.fileName, '.ts')));
    console.log(`Wrote migrations/${result.fileName} and added it to migrations/index.ts.`);
    return 0;
  });
}
