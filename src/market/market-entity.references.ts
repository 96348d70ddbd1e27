import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import type { FieldError } from '../common/field-error';
import { TEXT_SET, query, textSetParam } from '../common/sql';

/*
 * How the records of other families refer to market entities: by credit code,
 * resolved for a whole batch in one query.
 */

/** Surrogate ids of market entities by credit code, one query; codes not held are absent. */
export async function marketEntityIds(em: EntityManager, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  if (!list.length) return new Map();
  const rows = await query<{ id: string; credit_code: string }>(
    em,
    `select id, credit_code from market_entity where credit_code in ${TEXT_SET}`,
    [textSetParam(list)],
  );
  return new Map(rows.map((r) => [r.credit_code, String(r.id)]));
}

/** The error of a record naming a market entity the hub does not hold (NOT_FOUND at `field`). */
export function noMarketEntity(field: string, creditCode: string): FieldError {
  return {
    field,
    code: ErrorCode.NOT_FOUND,
    message: `no market entity with credit code ${creditCode}; push it first`,
  };
}
