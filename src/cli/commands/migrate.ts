import type { CommandContext } from '../command';

/** `hub migrate`: opening the database applies the pending migrations. */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(async () => 0);
}
