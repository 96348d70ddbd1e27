import { updateGrants } from '../../auth/admin.service';
import type { CommandContext } from '../command';
import { grantLines, grantsFrom, options, required } from '../options';

/** `hub grants set`: replaces the given grant lists of a principal; prints what it is granted now. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, [
    'principal',
    'roles',
    'write-topics',
    'read-topics',
    'regions',
    'reveal',
    'authoritative',
    'categories',
    'signature-required',
  ]);
  return ctx.withOrm(async (orm) => {
    const p = await updateGrants(orm.em.fork(), ctx.actor, required(v, 'principal'), grantsFrom(v), ctx.vocabulary);
    console.log(`${p.name} is now granted:`);
    for (const line of grantLines(p)) console.log(line);
    return 0;
  });
}
