import { keysOf, listPrincipals } from '../../auth/admin.service';
import { ApiKeyRow } from '../../auth/api-key.entity';
import { PrincipalRow } from '../../auth/principal.entity';
import type { CommandContext } from '../command';
import { keyLine } from '../options';

/** `hub keys list`: principals with their keys (prefix, state, expiry, last use). */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(
    async (orm) => {
      const em = orm.em.fork();
      const principals = await listPrincipals(em);
      const keys = await keysOf(
        em,
        principals.map((p) => p.id),
      );
      for (const p of principals) {
        console.log(`${p.name}\t${p.roles.join(',')}`);
        for (const k of keys.filter((k) => k.principal.id === p.id)) console.log(keyLine(k));
      }
      return 0;
    },
    [PrincipalRow, ApiKeyRow],
  );
}
