import type { CommandContext } from '../../cli/command';
import { CreditCodeExceptionRow } from '../credit-code-exception.entity';
import { listCreditCodeExceptions } from '../credit-code-exception.service';

/** `hub credit-codes list`: code, date added and reason, one a line. */
export async function run(_args: string[], ctx: CommandContext): Promise<number> {
  return ctx.withOrm(
    async (orm) => {
      for (const e of await listCreditCodeExceptions(orm.em.fork()))
        console.log(`${e.code}\t${e.createdAt.toISOString()}\t${e.note ?? ''}`);
      return 0;
    },
    [CreditCodeExceptionRow],
  );
}
