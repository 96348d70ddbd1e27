import { migrationsApplied } from '../../db/orm';
import type { CommandContext } from '../command';

/** `hub migrate`: opening the database applies the pending migrations; says which, or that none was pending. */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(async (orm) => {
    const done = migrationsApplied(orm);
    if (done.length)
      console.log(
        `Applied ${done.length} migration${done.length > 1 ? 's' : ''}:\n${done.map((m) => `  ${m}`).join('\n')}`,
      );
    else console.log('No migration was pending: the database is up to date.');
    return 0;
  });
}
