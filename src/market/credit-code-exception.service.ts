import type { EntityManager } from '@mikro-orm/postgresql';
import { logAdminAction } from '../auth/admin.service';
import type { Principal } from '../auth/principal';
import { ErrorCode, HubError } from '../common/errors';
import { LockScope, conflictOnDuplicate, lockKeys } from '../common/locks';
import { CreditCodeExceptionRow } from './credit-code-exception.entity';
import {
  checkExceptionCodeShape,
  validateCreditCodeException,
  type CreditCodeExceptionInput,
} from './credit-code-exception.rules';

/*
 * The operators' list of legally issued credit codes that fail the GB 32100
 * check character. The push pipeline reads it afresh for every batch that holds
 * such a code (market-entity.push.ts loadCreditCodeExceptions), so a change
 * takes effect with the next push in every process; nothing is cached. Each
 * change is logged under topic ADMIN like every operator action.
 */

/** Every exception, by code. */
export function listCreditCodeExceptions(em: EntityManager): Promise<CreditCodeExceptionRow[]> {
  return em.find(CreditCodeExceptionRow, {}, { orderBy: { code: 'asc' } });
}

/**
 * Adds an exception. BAD_USER_INPUT when the code is malformed or passes the
 * check (it needs no exception) or the reason is empty; CONFLICT when listed,
 * also by an operator adding it at the same moment.
 */
export async function addCreditCodeException(
  em: EntityManager,
  actor: Principal,
  input: CreditCodeExceptionInput,
): Promise<CreditCodeExceptionRow> {
  const v = validateCreditCodeException(input);
  const listed = () =>
    new HubError(ErrorCode.CONFLICT, `${v.code} is on the exception list already`, { field: 'input.code' });
  return conflictOnDuplicate(
    () =>
      em.transactional(async (tx) => {
        await lockKeys(tx, LockScope.CREDIT_CODE_EXCEPTION, [v.code]);
        if (await tx.count(CreditCodeExceptionRow, { code: v.code })) throw listed();
        const row = tx.create(CreditCodeExceptionRow, { code: v.code, note: v.reason, createdAt: new Date() });
        await tx.flush();
        await logAdminAction(tx, actor, {
          action: 'ADD_CREDIT_CODE_EXCEPTION',
          target: `credit-code-exception:${v.code}`,
          details: { code: v.code, reason: v.reason },
        });
        return row;
      }),
    listed,
  );
}

/**
 * Removes an exception: pushes of that code are rejected again (records stored
 * meanwhile stay). NOT_FOUND when the code is not listed.
 */
export async function removeCreditCodeException(
  em: EntityManager,
  actor: Principal,
  rawCode: string,
): Promise<CreditCodeExceptionRow> {
  const code = checkExceptionCodeShape(rawCode, 'code');
  return em.transactional(async (tx) => {
    // A racing removal of the same code waits here and then finds nothing: one removal, one event.
    await lockKeys(tx, LockScope.CREDIT_CODE_EXCEPTION, [code]);
    const row = await tx.findOne(CreditCodeExceptionRow, { code }, { refresh: true });
    if (!row) throw new HubError(ErrorCode.NOT_FOUND, `${code} is not on the exception list`, { field: 'code' });
    tx.remove(row);
    await tx.flush();
    await logAdminAction(tx, actor, {
      action: 'REMOVE_CREDIT_CODE_EXCEPTION',
      target: `credit-code-exception:${code}`,
      details: { code, reason: row.note ?? null },
    });
    return row;
  });
}
