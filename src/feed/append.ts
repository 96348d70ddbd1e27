import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalJson, sm3 } from '../common/canonical';
import type { Principal } from '../auth/principal';
import { query } from '../common/sql';
import { FEED_CHANNEL, type ChangeRecord, type NewChange } from './topics';

/**
 * Key of the transaction-scoped advisory lock that serialises appends to the
 * change log. Taking it just before the events are written makes commit order
 * equal seq order: a transaction cannot take seq values until the previous
 * appender has committed and released the lock, so a reader that has seen seq
 * N can never later see a smaller seq appear. It also lets each event's hash
 * cover the previous one.
 */
export const FEED_LOCK_KEY = 7_242_001;

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The content an event's hash covers, besides the previous hash. */
export function hashedContent(e: Omit<ChangeRecord, 'prevHash' | 'hash'>): string {
  return canonicalJson({
    seq: String(e.seq),
    topic: e.topic,
    op: e.op,
    key: e.key,
    version: e.version,
    data: e.data,
    sourceSystem: e.sourceSystem,
    principal: e.principal,
    occurredAt: e.occurredAt.toISOString(),
  });
}

/** SM3 over the previous hash and the event's canonical content. */
export function chainHash(prevHash: string, e: Omit<ChangeRecord, 'prevHash' | 'hash'>): string {
  return sm3(prevHash + hashedContent(e));
}

/**
 * Appends events inside the caller's transaction (the same one that wrote the
 * data), hash-chained, and queues a NOTIFY that PostgreSQL delivers at commit.
 * Must be the last write of the transaction: the advisory lock it takes is held
 * until commit, so the shorter the rest, the less appenders wait.
 */
export async function appendChanges(em: EntityManager, changes: NewChange[], principal: Principal): Promise<ChangeRecord[]> {
  if (!changes.length) return [];
  await em.execute('select pg_advisory_xact_lock(?)', [FEED_LOCK_KEY]);
  const [last] = await em.execute<{ seq: string; hash: string }[]>('select seq, hash from change_event order by seq desc limit 1');
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const records = changes.map((c): ChangeRecord => {
    seq += 1;
    const base = {
      seq,
      topic: c.topic,
      op: c.op,
      key: c.key,
      version: c.version,
      data: c.data as unknown as Record<string, unknown>,
      sourceSystem: principal.sourceSystem?.code ?? null,
      principal: principal.id,
      occurredAt,
    };
    const hash = chainHash(prevHash, base);
    const record = { ...base, prevHash, hash };
    prevHash = hash;
    return record;
  });
  await query(
    em,
    `insert into change_event (seq, topic, op, key, version, data, source_system, principal, occurred_at, prev_hash, hash)
     select r.seq, r.topic, r.op, r.key, r.version, r.data, r.source_system, r.principal, r.occurred_at, r.prev_hash, r.hash
     from jsonb_to_recordset(?::jsonb) as r(seq bigint, topic text, op text, key text, version int, data jsonb,
       source_system text, principal text, occurred_at timestamptz, prev_hash text, hash text)`,
    [
      JSON.stringify(
        records.map((r) => ({
          seq: r.seq,
          topic: r.topic,
          op: r.op,
          key: r.key,
          version: r.version,
          data: r.data,
          source_system: r.sourceSystem,
          principal: r.principal,
          occurred_at: r.occurredAt.toISOString(),
          prev_hash: r.prevHash,
          hash: r.hash,
        })),
      ),
    ],
  );
  await em.execute('select pg_notify(?, ?)', [FEED_CHANNEL, String(seq)]);
  return records;
}
