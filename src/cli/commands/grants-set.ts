import { updateGrants } from '../../auth/admin.service';
import type { CommandContext } from '../command';
import { grantsFrom, options, required } from '../options';

/** `hub grants set`: replaces the given grant lists of a principal; prints what is stored, as JSON. */
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
  ]);
  return ctx.withOrm(async (orm) => {
    const p = await updateGrants(orm.em.fork(), ctx.actor, required(v, 'principal'), grantsFrom(v), ctx.vocabulary);
    console.log(
      JSON.stringify({
        name: p.name,
        roles: p.roles,
        writeTopics: p.writeTopics,
        readTopics: p.readTopics,
        regions: p.regions,
        reveal: p.reveal,
        authoritativeTopics: p.authoritativeTopics,
      }),
    );
    return 0;
  });
}
