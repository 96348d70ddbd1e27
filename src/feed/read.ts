import type { EntityManager } from '@mikro-orm/postgresql';
import { queryPrepared } from '../common/sql';
import type { ChangeOp, ChangeRecord } from './topics';

interface Row {
  seq: string;
  topic: string;
  op: string;
  key: string;
  version: number;
  data: Record<string, unknown>;
  source_system: string | null;
  principal: string;
  occurred_at: Date | string;
  signed_by?: string | null;
  prev_hash: string;
  hash: string;
}

export function toChangeRecord(r: Row): ChangeRecord {
  return {
    seq: Number(r.seq),
    topic: r.topic,
    op: r.op as ChangeOp,
    key: r.key,
    version: r.version,
    data: r.data,
    sourceSystem: r.source_system,
    principal: r.principal,
    occurredAt: new Date(r.occurred_at),
    signedBy: r.signed_by ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const COLUMNS =
  'e.seq, e.topic, e.op, e.key, e.version, e.data, e.source_system, e.principal, e.occurred_at, e.signed_by, e.prev_hash, e.hash';

/**
 * Reads up to `limit` events after `after`, optionally of some topics only,
 * together with the highest seq committed when the statement ran. Because seq
 * order is commit order, every event up to that watermark is visible to this
 * statement: a reader that got fewer rows than `limit` has seen everything up
 * to the watermark.
 */
export async function readChanges(
  em: EntityManager,
  after: number,
  topics: readonly string[] | undefined,
  limit: number,
): Promise<{ events: ChangeRecord[]; watermark: number }> {
  // A named prepared statement (two shapes: with and without topics): replaying a million events is a thousand of
  // these.
  const rows = await queryPrepared<Row & { watermark: string }>(
    em,
    `with w as (select coalesce(max(seq), 0) as watermark from change_event)
     select w.watermark, ${COLUMNS} from w left join lateral (
       select * from change_event e where e.seq > $1 ${topics?.length ? 'and e.topic in (select jsonb_array_elements_text($2::jsonb))' : ''}
       order by e.seq limit ${topics?.length ? '$3' : '$2'}
     ) e on true`,
    topics?.length ? [after, JSON.stringify(topics), limit] : [after, limit],
  );
  const watermark = rows.length ? Number(rows[0].watermark) : 0;
  return { events: rows.filter((r) => r.seq !== null).map(toChangeRecord), watermark };
}

/** The events of one record, oldest first: its history. */
export async function readHistory(
  em: EntityManager,
  topic: string,
  keys: readonly string[],
): Promise<Map<string, ChangeRecord[]>> {
  const rows = await em.execute<Row[]>(
    `select ${COLUMNS} from change_event e where e.topic = ? and e.key in (select jsonb_array_elements_text(?::jsonb)) order by e.key, e.seq`,
    [topic, JSON.stringify(keys)],
  );
  const out = new Map<string, ChangeRecord[]>(keys.map((k) => [k, []]));
  for (const r of rows) out.get(r.key)?.push(toChangeRecord(r));
  return out;
}
