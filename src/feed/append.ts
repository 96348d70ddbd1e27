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
 * The chain's end as this process last saw it (its own last append, or the
 * last event its feed read when that is newer: another process appended).
 * Only a guess: the append statement checks it under the lock
 * (change_log_end), and a wrong guess (after a rolled-back append, or
 * another process's) costs one more statement, never a wrong chain.
 */
let guess = { seq: 0, hash: GENESIS_HASH };

/** Tells the appender of a chain end seen elsewhere (the feed's tail reads), so that its next guess is current. */
export function noteChainEnd(seq: number, hash: string): void {
  if (seq > guess.seq) guess = { seq, hash };
}

/**
 * The append of this process that went last: the next one sends its
 * statement once that one has its answer (and so holds the lock until its
 * commit), so that it reaches the lock after it and its guess is right.
 * Sent together, PostgreSQL grants the lock in whatever order their backends
 * get to it, and most guesses were wrong (measured: 521 of 628). The wait is
 * bounded by APPEND_TURN_WAIT_MS: PostgreSQL's deadlock detection cannot see
 * it, so a transaction that wrote after its append could otherwise wait for
 * one waiting here for ever; past the bound the append guesses as it can.
 */
let previousAppend: Promise<void> = Promise.resolve();
const APPEND_TURN_WAIT_MS = 1000;

/** Transactions that appended already, with the end they wrote: they hold the lock, so that end is the end. */
const holding = new WeakMap<object, { seq: number; hash: string }>();

/**
 * The one append statement: takes the lock (change_log_end, whose query sees
 * every commit before the lock was granted), inserts the events only if the
 * chain ends where they were hashed from, and notifies (delivered at commit)
 * only then. Returns the chain's end under the lock and how many rows went in
 * (all or none).
 */
const APPEND_SQL = `with e as materialized (
    select coalesce(max(end_seq), 0) as seq, max(end_hash) as hash from change_log_end(?)
  ),
  inserted as (
    insert into change_event (seq, topic, op, key, version, data, source_system, principal, occurred_at, signed_by, prev_hash, hash)
    select r.seq, r.topic, r.op, r.key, r.version, r.data, r.source_system, r.principal, r.occurred_at, r.signed_by, r.prev_hash, r.hash
    from jsonb_to_recordset(?::jsonb) as r(seq bigint, topic text, op text, key text, version int, data jsonb,
      source_system text, principal text, occurred_at timestamptz, signed_by text, prev_hash text, hash text), e
    where e.seq = ?::bigint and e.hash is not distinct from ?::text
    returning 1
  )
  select e.seq, e.hash, (select count(*) from inserted)::int as inserted,
    case when exists (select 1 from inserted) then pg_notify(?, ?) end as notified
  from e`;

/**
 * Appends events inside the caller's transaction (the same one that wrote the
 * data), hash-chained, and queues a NOTIFY that PostgreSQL delivers at commit.
 * Must be the last write of the transaction: the advisory lock it takes is held
 * until commit, so the shorter the rest, the less appenders wait. The data is
 * serialised (canonical for the hash, plain for the insert) and the events are
 * hashed from the guessed chain end before the lock. When the guess holds
 * (one process appending, the usual case, however many of its pushes append
 * at once: they take turns) the lock, the check and the insert are one statement, and the lock
 * is held for that statement's answer and the commit only. When it does not,
 * the statement has told the real end, and the events are hashed from it and
 * sent again.
 */
export async function appendChanges(
  em: EntityManager,
  changes: NewChange[],
  principal: Principal,
): Promise<ChangeRecord[]> {
  if (!changes.length) return [];
  const canonical = changes.map((c) => canonicalJson(c.data));
  const json = changes.map((c) => JSON.stringify(c.data));
  const occurredAt = new Date();
  const build = (endSeq: number, endHash: string) => {
    let seq = endSeq;
    let prevHash = endHash;
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
    return { records, rows: `[${rows.join(',')}]`, end: { seq, hash: prevHash } };
  };
  const trx = em.getTransactionContext<object>();
  const held = trx ? holding.get(trx) : undefined;
  let turnDone: (() => void) | undefined;
  if (!held) {
    const previous = previousAppend;
    previousAppend = new Promise<void>((resolve) => (turnDone = resolve));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([previous, new Promise<void>((resolve) => (timer = setTimeout(resolve, APPEND_TURN_WAIT_MS)))]);
    clearTimeout(timer);
  }
  try {
    let from = held ?? guess;
    // In a transaction the second try always holds: the lock is ours, and the first told the end under it. Outside
    // one (each statement its own transaction) another appender can come between; it never can for long.
    for (let attempt = 0; attempt < 100; attempt++) {
      const built = build(from.seq, from.hash);
      const [r] = await query<{ seq: string; hash: string | null; inserted: number }>(em, APPEND_SQL, [
        FEED_LOCK_KEY,
        built.rows,
        from.seq,
        from.seq ? from.hash : null,
        FEED_CHANNEL,
        String(built.end.seq),
      ]);
      if (r.inserted === changes.length) {
        if (trx) holding.set(trx, built.end);
        // The end under the lock, lower than the guess when an earlier append rolled back.
        guess = built.end;
        return built.records;
      }
      from = { seq: Number(r.seq), hash: r.hash ?? GENESIS_HASH };
    }
  } finally {
    turnDone?.();
  }
  throw new Error('the change log kept moving under a statement that held its lock');
}
