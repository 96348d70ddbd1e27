import type { CommandContext } from '../../cli/command';
import { options, required } from '../../cli/options';
import { resetConsumer } from '../consumers.service';

/** `hub consumers reset --name N --to CURSOR`: moves a checkpoint back or forth. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['name', 'to']);
  return ctx.withOrm(async (orm) => {
    const c = await resetConsumer(orm.em.fork(), ctx.actor, required(v, 'name'), required(v, 'to'));
    console.log(`Reset ${c.name}: acknowledged seq ${c.ackedSeq}`);
    return 0;
  });
}
