import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { query } from '../common/sql';
import { RecordStatus, type RecordResult } from './types';

/** The rejected records of one push by reason code (the code of each record's first error), codes in order. */
export function rejectionsByCode(results: readonly RecordResult[]): [code: string, count: number][] {
  const byCode = new Map<string, number>();
  for (const r of results)
    if (r.status === RecordStatus.REJECTED) {
      const code = r.errors[0]?.code ?? ErrorCode.BAD_USER_INPUT;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
  // In code order, so that two pushes upserting the same rows lock them in the same order (no deadlock).
  return [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Adds a push's rejected records to push_rejection (./push-rejection.entity.ts): one statement, so a push's
 * rejections are counted whole or not at all, and `count = count + excluded.count` under the row's lock, so that
 * concurrent pushes of one system never lose each other's counts. The day is PostgreSQL's, in China time.
 */
export async function countRejections(
  em: EntityManager,
  systemId: number,
  topic: string,
  results: readonly RecordResult[],
): Promise<void> {
  const rows = rejectionsByCode(results);
  if (!rows.length) return;
  await query(
    em,
    `insert into push_rejection (day, source_system_id, topic, code, count)
     select (statement_timestamp() at time zone 'Asia/Shanghai')::date, ?::int, ?::text, r.code, r.n
       from jsonb_to_recordset(?::jsonb) as r(code text, n int)
     on conflict (day, source_system_id, topic, code) do update set count = push_rejection.count + excluded.count`,
    [systemId, topic, JSON.stringify(rows.map(([code, n]) => ({ code, n })))],
  );
}
