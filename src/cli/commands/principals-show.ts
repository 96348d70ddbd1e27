import { keysOf, principalByName } from '../../auth/admin.service';
import { ApiKeyRow } from '../../auth/api-key.entity';
import { PrincipalRow } from '../../auth/principal.entity';
import { HubError } from '../../common/errors';
import type { CommandContext } from '../command';
import { grantLines, keyLine } from '../options';

/** `hub principals show NAME`: a principal's roles, grants and keys (prefixes only, never a key). */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) throw new Error('usage: hub principals show NAME');
  return ctx.withOrm(
    async (orm) => {
      const em = orm.em.fork();
      // The name is an argument, not an option: the error names no option.
      const p = await principalByName(em, args[0]).catch((err: unknown) => {
        throw err instanceof HubError ? new HubError(err.code, err.message) : err;
      });
      const s = p.sourceSystem;
      console.log(
        s
          ? `${p.name}: source system ${s.code} (${s.name}, ${s.kind}, ${s.regionCode}), since ${p.createdAt.toISOString()}`
          : `${p.name}: client, since ${p.createdAt.toISOString()}`,
      );
      for (const line of grantLines(p)) console.log(line);
      const keys = await keysOf(em, [p.id]);
      console.log(keys.length ? `  keys (${keys.length}, newest first):` : '  keys: none');
      for (const k of keys) console.log(`  ${keyLine(k)}`);
      return 0;
    },
    [PrincipalRow, ApiKeyRow],
  );
}
