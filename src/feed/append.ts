import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalJson, sm3 } from '../common/canonical';
import type { Principal } from '../auth/principal';
import { knexBatch } from '../common/knex';
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

/**
 * The content an event's hash covers, besides the previous hash. The signer
 * is covered when there is one: the chain proves who signed what, and events
 * without a signer (all those written before signing existed) hash as before.
 */
export function hashedContent(e: Omit<ChangeRecord, 'prevHash' | 'hash'>): string {
  return canonicalJson({
    ...(e.signedBy ? { signedBy: e.signedBy } : {}),
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
 * hashedContent with the data given as its canonical JSON, computed ahead:
 * the same text, written out in canonicalJson's (sorted) key order, so that
 * the appender does the expensive part before it takes the lock.
 * test/unit/canonical.test.ts holds it to hashedContent.
 */
export function hashedContentWith(e: Omit<ChangeRecord, 'prevHash' | 'hash' | 'data'>, canonicalData: string): string {
  const j = JSON.stringify;
  if (e.sourceSystem === undefined || e.principal === undefined || e.version === undefined)
    return hashedContent({ ...e, data: JSON.parse(canonicalData) as ChangeRecord['data'] });
  return (
    `{"data":${canonicalData},"key":${j(e.key)},"occurredAt":${j(e.occurredAt.toISOString())},"op":${j(e.op)},"principal":${j(e.principal)},` +
    `"seq":${j(String(e.seq))},${e.signedBy ? `"signedBy":${j(e.signedBy)},` : ''}"sourceSystem":${j(e.sourceSystem)},"topic":${j(e.topic)},"version":${j(e.version)}}`
  );
}

/**
 * Appends events inside the caller's transaction (the same one that wrote the
 * data), hash-chained, and queues a NOTIFY that PostgreSQL delivers at commit.
 * Must be the last write of the transaction: the advisory lock it takes is held
 * until commit, so the shorter the rest, the less appenders wait. The data is
 * serialised (canonical for the hash, plain for the insert) before the lock.
 */
export async function appendChanges(
  em: EntityManager,
  changes: NewChange[],
  principal: Principal,
): Promise<ChangeRecord[]> {
  if (!changes.length) return [];
  const canonical = changes.map((c) => canonicalJson(c.data));
  const json = changes.map((c) => JSON.stringify(c.data));
  // The lock and the read of the chain's end in one round trip: the lock is held until commit, so each round trip
  // under it is time every other appender waits. The read is a statement of its own, with a snapshot taken once the
  // lock is held, so it sees the previous appender's commit.
  const [, lastRows] = await knexBatch(
    em,
    `select pg_advisory_xact_lock(${FEED_LOCK_KEY}); select seq, hash from change_event order by seq desc limit 1`,
  );
  const [last] = lastRows as { seq: string; hash: string }[];
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows: string[] = [];
  const records = changes.map((c, i): ChangeRecord => {
    seq += 1;
    const base = {
      seq,
      topic: c.topic,
      op: c.op,
      key: c.key,
      version: c.version,
      sourceSystem: principal.sourceSystem?.code ?? null,
      principal: principal.id,
      occurredAt,
      signedBy: principal.signedBy ?? null,
    };
    const hash = sm3(prevHash + hashedContentWith(base, canonical[i]));
    const row = JSON.stringify({
      seq,
      topic: c.topic,
      op: c.op,
      key: c.key,
      version: c.version,
      source_system: base.sourceSystem,
      principal: base.principal,
      occurred_at: occurredAt.toISOString(),
      signed_by: base.signedBy,
      prev_hash: prevHash,
      hash,
    });
    rows.push(`${row.slice(0, -1)},"data":${json[i]}}`);
    const record = { ...base, data: c.data as Record<string, unknown>, prevHash, hash };
    prevHash = hash;
    return record;
  });
  // The insert and the NOTIFY (delivered at commit) in one statement, for the same reason.
  await query(
    em,
    `with inserted as (
       insert into change_event (seq, topic, op, key, version, data, source_system, principal, occurred_at, signed_by, prev_hash, hash)
       select r.seq, r.topic, r.op, r.key, r.version, r.data, r.source_system, r.principal, r.occurred_at, r.signed_by, r.prev_hash, r.hash
       from jsonb_to_recordset(?::jsonb) as r(seq bigint, topic text, op text, key text, version int, data jsonb,
         source_system text, principal text, occurred_at timestamptz, signed_by text, prev_hash text, hash text)
       returning 1
     )
     select pg_notify(?, ?)`,
    [`[${rows.join(',')}]`, FEED_CHANNEL, String(seq)],
  );
  return records;
}
