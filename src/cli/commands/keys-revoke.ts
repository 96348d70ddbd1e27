import { revokeKey } from '../../auth/admin.service';
import { ApiKeyRow } from '../../auth/api-key.entity';
import { PrincipalRow } from '../../auth/principal.entity';
import type { CommandContext } from '../command';
import { options, required } from '../options';

/** `hub keys revoke --id K`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['id']);
  return ctx.withOrm(
    async (orm) => {
      const k = await revokeKey(orm.em.fork(), ctx.actor, Number(required(v, 'id')));
      console.log(`Key ${k.id} (${k.prefix}…) revoked at ${k.revokedAt?.toISOString()}`);
      return 0;
    },
    [PrincipalRow, ApiKeyRow],
  );
}
