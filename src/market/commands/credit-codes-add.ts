import type { CommandContext } from '../../cli/command';
import { options, required } from '../../cli/options';
import { addCreditCodeException } from '../credit-code-exception.service';

/** `hub credit-codes add --code C --reason R`. */
export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const v = options(args, ['code', 'reason']);
  return ctx.withOrm(async (orm) => {
    const row = await addCreditCodeException(orm.em.fork(), ctx.actor, {
      code: required(v, 'code'),
      reason: required(v, 'reason'),
    });
    console.log(`Added ${row.code} to the credit-code exceptions: pushes accept it from now on.`);
    return 0;
  });
}
