import { verifyChain } from '../../feed/verify';
import type { CommandContext } from '../command';

/** `hub verify-log`: recomputes the SM3 hash chain of the change log; exit 3 when broken. */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(async (orm) => {
    const r = await verifyChain(orm.em.fork());
    console.log(JSON.stringify(r));
    return r.ok ? 0 : 3;
  });
}
