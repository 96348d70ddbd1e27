import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../common/sql';
import { toChangeRecord } from '../feed/read';
import type { ChangeRecord } from '../feed/topics';

/** The events of these seqs, in one statement. */
export async function readChangesBySeq(em: EntityManager, seqs: readonly number[]): Promise<Map<number, ChangeRecord>> {
  if (!seqs.length) return new Map();
  const rows = await query<Parameters<typeof toChangeRecord>[0]>(
    em,
    `select e.seq, e.topic, e.op, e.key, e.version, e.data, e.source_system, e.principal, e.occurred_at, e.prev_hash, e.hash
       from change_event e where e.seq in (select jsonb_array_elements_text(?::jsonb)::bigint)`,
    [JSON.stringify(seqs)],
  );
  return new Map(rows.map((r) => [Number(r.seq), toChangeRecord(r)]));
}
