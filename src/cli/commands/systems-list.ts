import { SourceSystemRow } from '../../systems/source-system.entity';
import { listSourceSystems } from '../../systems/source-system.service';
import type { CommandContext } from '../command';

/** `hub systems list`: code, kind, region and name of each connected system, one a line. */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(
    async (orm) => {
      for (const s of await listSourceSystems(orm.em.fork()))
        console.log(`${s.code}\t${s.kind}\t${s.regionCode}\t${s.name}`);
      return 0;
    },
    [SourceSystemRow],
  );
}
