import type { CommandContext } from '../../cli/command';
import { options, required } from '../../cli/options';
import { removeCreditCodeException } from '../credit-code-exception.service';

/** `hub credit-codes remove --code C`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['code']);
  return ctx.withOrm(async (orm) => {
    const row = await removeCreditCodeException(orm.em.fork(), ctx.actor, required(v, 'code'));
    console.log(`Removed ${row.code} from the credit-code exceptions: pushes reject it again.`);
    return 0;
  });
}
