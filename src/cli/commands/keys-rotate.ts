import { rotateKey } from '../../auth/admin.service';
import { ApiKeyRow } from '../../auth/api-key.entity';
import { PrincipalRow } from '../../auth/principal.entity';
import type { CommandContext } from '../command';
import { options, required } from '../options';

/** `hub keys rotate --id K [--grace SECONDS]`: a new key; the old one works for the grace period. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['id', 'grace']);
  return ctx.withOrm(
    async (orm) => {
      const { key, apiKey, old } = await rotateKey(
        orm.em.fork(),
        ctx.actor,
        Number(required(v, 'id')),
        Number(v.grace ?? 86400),
      );
      console.log(`Key ${old.id} now expires at ${old.expiresAt?.toISOString()}. New key ${key.id}, shown once:`);
      console.log(apiKey);
      return 0;
    },
    [PrincipalRow, ApiKeyRow],
  );
}
