import type { CommandContext } from '../command';

/** `hub migration:create`: a migration from the difference between the entities and the database. */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(async (orm) => {
    const migrator = orm.getMigrator();
    const result = await migrator.createMigration(undefined, false, (await migrator.getExecutedMigrations()).length === 0);
    console.log(result.fileName ? `Wrote migrations/${result.fileName}; add it to migrations/index.ts.` : 'No changes: the database already matches the entities.');
    return 0;
  });
}
