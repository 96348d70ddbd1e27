import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../src/auth/principal';
import type { CreditCodeExceptionRow } from '../../src/market/credit-code-exception.entity';
import {
  addCreditCodeException,
  listCreditCodeExceptions,
  removeCreditCodeException,
} from '../../src/market/credit-code-exception.service';
import type { HubContext } from '../context';
import { CreditCodeExceptionInput, CreditCodeException } from './credit-code-exception.type';

function view(row: CreditCodeExceptionRow): CreditCodeException {
  return { code: row.code, reason: row.note ?? null, createdAt: row.createdAt };
}

/**
 * Operators' list of legally issued credit codes that fail the check character (ADMIN); changes are logged under topic
 * ADMIN.
 */
@Authorized(Role.ADMIN)
@Resolver(() => CreditCodeException)
export class CreditCodeExceptionResolver {
  @Query(() => [CreditCodeException], {
    description: 'Credit codes accepted despite a wrong check character, by code (ADMIN).',
  })
  async creditCodeExceptions(@Ctx() ctx: HubContext): Promise<CreditCodeException[]> {
    return (await listCreditCodeExceptions(ctx.em)).map(view);
  }

  @Mutation(() => CreditCodeException, {
    description:
      'Excuses a legally issued credit code from the check-character test; the next push of it is accepted (ADMIN).',
  })
  async addCreditCodeException(
    @Arg('input', () => CreditCodeExceptionInput) input: CreditCodeExceptionInput,
    @Ctx() ctx: HubContext,
  ): Promise<CreditCodeException> {
    return view(await addCreditCodeException(ctx.em, ctx.principal, input));
  }

  @Mutation(() => CreditCodeException, {
    description:
      'Takes a code off the exception list; pushes of it are rejected again, records stored meanwhile stay (ADMIN).',
  })
  async removeCreditCodeException(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: HubContext,
  ): Promise<CreditCodeException> {
    return view(await removeCreditCodeException(ctx.em, ctx.principal, code));
  }
}
