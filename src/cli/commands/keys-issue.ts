import { issueKey } from '../../auth/admin.service';
import { ApiKeyRow } from '../../auth/api-key.entity';
import { PrincipalRow } from '../../auth/principal.entity';
import type { CommandContext } from '../command';
import { expiry, options, required } from '../options';

/** `hub keys issue --principal N [--expires ISO]`: the new key alone on the last line. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['principal', 'expires']);
  return ctx.withOrm(
    async (orm) => {
      const { key, apiKey } = await issueKey(orm.em.fork(), ctx.actor, required(v, 'principal'), expiry(v.expires));
      console.log(`Issued key ${key.id} for ${required(v, 'principal')}, shown once:`);
      console.log(apiKey);
      return 0;
    },
    [PrincipalRow, ApiKeyRow],
  );
}
