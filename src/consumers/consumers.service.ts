import type { EntityManager } from '@mikro-orm/postgresql';
import { logAdminAction, createClient } from '../auth/admin.service';
import type { GrantVocabulary } from '../auth/admin.rules';
import { Role, type Principal } from '../auth/principal';
import { ErrorCode, HubError } from '../common/errors';
import { query } from '../common/sql';
import { isStorableText } from '../common/storable';
import { parseFeedCursor } from '../feed/cursor';
import { announceAck } from './acks';
import { readChangesBySeq } from './events';
import { ackDecision, checkFilter, ConsumerRule } from './consumers.rules';
import type { ConsumerFilter } from './feed-consumer.entity';
import type { ChangeRecord } from '../feed/topics';

/** A consumer as stored. */
export interface FeedConsumer {
  id: number;
  name: string;
  topics: string[];
  filter: ConsumerFilter | null;
  ackedSeq: number;
  ackedAt: Date | null;
  deliveringSeq: number | null;
  leaseHolder: string | null;
  leaseExpiresAt: Date | null;
}

/** A consumer with how far behind it is. */
export interface FeedConsumerStatus extends FeedConsumer {
  /** Events after the acknowledged position within its topics and filter. */
  lagEvents: number;
  /** Age of the oldest of them, seconds (0 when none). */
  lagSeconds: number;
  /** Some connection holds its lease now. */
  connected: boolean;
  /** Seconds since its last acknowledgement (null: none yet). */
  ackAgeSeconds: number | null;
}

interface Row {
  id: number;
  name: string;
  topics: string[];
  filter: ConsumerFilter | null;
  acked_seq: string;
  acked_at: Date | string | null;
  delivering_seq: string | null;
  lease_holder: string | null;
  lease_expires_at: Date | string | null;
}

const COLUMNS =
  'c.id, c.name, c.topics, c.filter, c.acked_seq, c.acked_at, c.delivering_seq, c.lease_holder, c.lease_expires_at';

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

function toConsumer(r: Row): FeedConsumer {
  return {
    id: r.id,
    name: r.name,
    topics: r.topics,
    filter: r.filter,
    ackedSeq: Number(r.acked_seq),
    ackedAt: date(r.acked_at),
    deliveringSeq: r.delivering_seq === null ? null : Number(r.delivering_seq),
    leaseHolder: r.lease_holder,
    leaseExpiresAt: date(r.lease_expires_at),
  };
}

async function head(em: EntityManager): Promise<number> {
  const [r] = await query<{ head: string }>(em, 'select coalesce(max(seq), 0) as head from change_event', []);
  return Number(r.head);
}

/**
 * Registers a named consumer: a principal of that name with role
 * FEED_CONSUMER and the topics as its read grants, its first key, and the
 * consumer's row (acknowledged position 0: it starts from the beginning of
 * the log). One transaction; logged under ADMIN.
 */
export async function registerFeedConsumer(
  em: EntityManager,
  actor: Principal,
  input: { name: string; topics: string[]; filter?: { ops?: string[] | null; sourceSystems?: string[] | null } | null },
  vocabulary: GrantVocabulary,
): Promise<{ consumer: FeedConsumer; apiKey: string }> {
  if (!input.topics.length)
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'a consumer follows at least one topic', { field: 'input.topics' });
  const filter = checkFilter(input.filter);
  return em.transactional(async (tx) => {
    const { principal, apiKey } = await createClient(
      tx,
      actor,
      { name: input.name, roles: [Role.FEED_CONSUMER], readTopics: input.topics },
      vocabulary,
    );
    const [row] = await query<Row>(
      tx,
      `insert into feed_consumer as c (name, principal_id, topics, filter, acked_seq, created_at)
       values (?, ?, ?::jsonb, ?::jsonb, 0, now()) returning ${COLUMNS}`,
      [principal.name, principal.id, JSON.stringify(principal.readTopics), filter ? JSON.stringify(filter) : null],
    );
    await logAdminAction(tx, actor, {
      action: 'REGISTER_FEED_CONSUMER',
      target: `consumer:${principal.name}`,
      details: { topics: principal.readTopics, filter },
    });
    return { consumer: toConsumer(row), apiKey };
  });
}

/** The consumer named `name`, or null. */
export async function findConsumer(em: EntityManager, name: string): Promise<FeedConsumer | null> {
  if (name.length > 64 || !isStorableText(name)) return null;
  const [row] = await query<Row>(em, `select ${COLUMNS} from feed_consumer c where c.name = ?`, [name]);
  return row ? toConsumer(row) : null;
}

/** The consumer a principal is (a FEED_CONSUMER of that name), or null. */
export async function consumerOfPrincipal(em: EntityManager, p: Principal): Promise<FeedConsumer | null> {
  if (!p.roles.has(Role.FEED_CONSUMER)) return null;
  return findConsumer(em, p.name);
}

async function requireConsumer(em: EntityManager, p: Principal): Promise<FeedConsumer> {
  const c = await consumerOfPrincipal(em, p);
  if (!c)
    throw new HubError(ErrorCode.FORBIDDEN, 'only a named feed consumer (registerFeedConsumer) has a checkpoint', {
      details: { rule: ConsumerRule.NOT_A_CONSUMER },
    });
  return c;
}

/** Refuses a write from a connection while another connection holds the consumer's lease. */
function checkHolder(locked: Row, now: Date, connection: string | undefined): void {
  if (!connection || !locked.lease_holder || locked.lease_holder === connection) return;
  if (locked.lease_expires_at && new Date(locked.lease_expires_at) > now)
    throw new HubError(ErrorCode.CONFLICT, 'another connection holds this consumer', {
      details: { rule: ConsumerRule.CONSUMER_LEASED },
    });
}

/** A consumer's checkpoint as a write left it, with the database's clock then (whether its lease is held). */
export interface Checkpoint {
  consumer: FeedConsumer;
  now: Date;
}

/**
 * The caller's own consumer row, locked for the transaction, with the database's clock and the log's head, in one
 * statement: a relay's acknowledgement takes one connection of the pool for one transaction of two statements, not
 * three acquisitions (it queues for each behind the pushes when the hub is busy).
 */
async function lockOwnConsumer(tx: EntityManager, p: Principal): Promise<{ row: Row; now: Date; head: number }> {
  const [row] = p.roles.has(Role.FEED_CONSUMER)
    ? await query<Row & { now: Date | string; head: string }>(
        tx,
        `select ${COLUMNS}, now() as now, (select coalesce(max(e.seq), 0) from change_event e) as head
           from feed_consumer c where c.name = ? for update`,
        [p.name],
      )
    : [];
  if (!row)
    throw new HubError(ErrorCode.FORBIDDEN, 'only a named feed consumer (registerFeedConsumer) has a checkpoint', {
      details: { rule: ConsumerRule.NOT_A_CONSUMER },
    });
  return { row, now: new Date(row.now), head: Number(row.head) };
}

/**
 * Moves the caller's checkpoint to `cursor`. Refuses a cursor beyond the
 * log's head (ACK_BEYOND_HEAD) or behind the checkpoint (ACK_BEHIND); the
 * same cursor again is a no-op. Over a WebSocket connection (`connection`),
 * refused while another connection holds the lease. With `next`, also records
 * the end of the next batch the caller is about to deliver (as startDelivery,
 * checked against the new checkpoint) in the same transaction: a relay's
 * acknowledgement and its next start in one round trip.
 */
export async function acknowledgeChanges(
  em: EntityManager,
  p: Principal,
  cursor: string,
  connection?: string,
  next?: string | null,
): Promise<Checkpoint> {
  const seq = parseFeedCursor(cursor, 'cursor');
  const nextSeq = next === undefined || next === null ? null : parseFeedCursor(next, 'next');
  const moved = await em.transactional(async (tx) => {
    const { row, now, head } = await lockOwnConsumer(tx, p);
    checkHolder(row, now, connection);
    const decision = ackDecision(Number(row.acked_seq), seq, head);
    if (decision instanceof HubError) throw decision;
    const starts = nextSeq === null ? null : ackDecision(seq, nextSeq, head, 'next');
    if (starts instanceof HubError) throw starts;
    const [out] = await query<Row>(
      tx,
      `update feed_consumer c set acked_seq = ?, acked_at = now(), delivering_seq = coalesce(?, c.delivering_seq)
        where c.id = ? returning ${COLUMNS}`,
      [seq, nextSeq, row.id],
    );
    return { consumer: toConsumer(out), now };
  });
  announceAck(moved.consumer.id, seq);
  return moved;
}

/**
 * Records the end of the batch the caller is about to deliver (after its
 * checkpoint, within the log): whoever delivers next after a crash sends the
 * same range again.
 */
export async function startDelivery(
  em: EntityManager,
  p: Principal,
  until: string,
  connection?: string,
): Promise<Checkpoint> {
  const seq = parseFeedCursor(until, 'until');
  return em.transactional(async (tx) => {
    const { row, now, head } = await lockOwnConsumer(tx, p);
    checkHolder(row, now, connection);
    const decision = ackDecision(Number(row.acked_seq), seq, head);
    if (decision instanceof HubError) throw decision;
    const [out] = await query<Row>(
      tx,
      `update feed_consumer c set delivering_seq = ? where c.id = ? returning ${COLUMNS}`,
      [seq, row.id],
    );
    return { consumer: toConsumer(out), now };
  });
}

/** Every consumer (or the named ones) with its lag, by name; one statement. */
export async function listConsumers(em: EntityManager, names?: readonly string[]): Promise<FeedConsumerStatus[]> {
  const rows = await query<
    Row & { lag_events: string; lag_seconds: string | null; connected: boolean; ack_age_seconds: string | null }
  >(
    em,
    `select ${COLUMNS}, l.lag_events, extract(epoch from now() - l.oldest) as lag_seconds,
            extract(epoch from now() - c.acked_at) as ack_age_seconds,
            coalesce(c.lease_holder is not null and c.lease_expires_at > now(), false) as connected
       from feed_consumer c
       left join lateral (
         select count(*) as lag_events, min(e.occurred_at) as oldest from change_event e
          where e.seq > c.acked_seq and e.topic in (select jsonb_array_elements_text(c.topics))
            and (c.filter->'ops' is null or e.op in (select jsonb_array_elements_text(c.filter->'ops')))
            and (c.filter->'sourceSystems' is null
                 or e.source_system in (select jsonb_array_elements_text(c.filter->'sourceSystems')))
       ) l on true
      where ?::jsonb is null or c.name in (select jsonb_array_elements_text(?::jsonb))
      order by c.name`,
    [names ? JSON.stringify(names) : null, names ? JSON.stringify(names) : null],
  );
  return rows.map((r) => ({
    ...toConsumer(r),
    lagEvents: Number(r.lag_events),
    lagSeconds: r.lag_seconds === null ? 0 : Math.max(0, Number(r.lag_seconds)),
    connected: r.connected,
    ackAgeSeconds: r.ack_age_seconds === null ? null : Math.max(0, Number(r.ack_age_seconds)),
  }));
}

/** Moves a consumer's checkpoint to any issued cursor, back or forth (an operator's action, logged). */
export async function resetConsumer(
  em: EntityManager,
  actor: Principal,
  name: string,
  cursor: string,
): Promise<FeedConsumer> {
  const seq = parseFeedCursor(cursor, 'to');
  const c = await findConsumer(em, name);
  if (!c) throw new HubError(ErrorCode.NOT_FOUND, `no feed consumer named ${name}`, { field: 'consumer' });
  return em
    .transactional(async (tx) => {
      const h = await head(tx);
      if (seq > h)
        throw new HubError(ErrorCode.BAD_USER_INPUT, `the cursor is beyond the head of the change log (seq ${h})`, {
          field: 'to',
          details: { rule: ConsumerRule.ACK_BEYOND_HEAD, head: String(h) },
        });
      const [out] = await query<Row>(
        tx,
        `update feed_consumer c set acked_seq = ?, acked_at = now(), delivering_seq = null where c.id = ? returning ${COLUMNS}`,
        [seq, c.id],
      );
      await logAdminAction(tx, actor, {
        action: 'RESET_FEED_CONSUMER',
        target: `consumer:${name}`,
        details: { from: String(c.ackedSeq), to: String(seq) },
      });
      return toConsumer(out);
    })
    .then((out) => {
      announceAck(c.id, seq);
      return out;
    });
}

// The lease: one connection at a time follows a consumer. Judged by the database clock, so that hub processes on
// different machines agree.

/**
 * Takes the consumer's lease for `holder` for `seconds` when it is free, expired or already its own; returns the
 * consumer as it then is, or throws CONFLICT (CONSUMER_LEASED) naming when the lease ends.
 */
export async function acquireLease(
  em: EntityManager,
  consumerId: number,
  holder: string,
  seconds: number,
): Promise<FeedConsumer> {
  const [row] = await query<Row>(
    em,
    `update feed_consumer c set lease_holder = ?, lease_expires_at = now() + make_interval(secs => ?)
      where c.id = ? and (c.lease_holder is null or c.lease_expires_at < now() or c.lease_holder = ?)
      returning ${COLUMNS}`,
    [holder, seconds, consumerId, holder],
  );
  if (row) return toConsumer(row);
  const [held] = await query<Row>(em, `select ${COLUMNS} from feed_consumer c where c.id = ?`, [consumerId]);
  throw new HubError(ErrorCode.CONFLICT, 'another connection follows this consumer; retry after its lease ends', {
    details: {
      rule: ConsumerRule.CONSUMER_LEASED,
      leaseExpiresAt: held?.lease_expires_at ? new Date(held.lease_expires_at).toISOString() : null,
    },
  });
}

/** Extends the lease of its holder; returns the checkpoint, or null when the lease is no longer its own. */
export async function renewLease(
  em: EntityManager,
  consumerId: number,
  holder: string,
  seconds: number,
): Promise<number | null> {
  const rows = await query<{ acked_seq: string }>(
    em,
    `update feed_consumer c set lease_expires_at = now() + make_interval(secs => ?)
      where c.id = ? and c.lease_holder = ? returning c.acked_seq`,
    [seconds, consumerId, holder],
  );
  return rows.length ? Number(rows[0].acked_seq) : null;
}

/** Gives the lease up (when its holder's subscription ends). */
export async function releaseLease(em: EntityManager, consumerId: number, holder: string): Promise<void> {
  await query(
    em,
    `update feed_consumer c set lease_holder = null, lease_expires_at = null where c.id = ? and c.lease_holder = ?`,
    [consumerId, holder],
  );
}

// Dead letters.

/** A refused record as stored. */
export interface DeadLetter {
  id: string;
  consumer: string;
  seq: number;
  topic: string;
  key: string;
  status: number;
  answer: string;
  attempts: number;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** What a consumer reports its target refused. */
export interface DeadLetterInput {
  cursor: string;
  status: number;
  answer: string;
}

/**
 * Parks records the caller's target refused, with its answer. Idempotent per
 * event: reporting the same event again counts an attempt and keeps the
 * latest answer. Each event must be one the consumer follows, up to the head.
 */
export async function recordDeadLetters(
  em: EntityManager,
  p: Principal,
  items: readonly DeadLetterInput[],
): Promise<DeadLetter[]> {
  const c = await requireConsumer(em, p);
  const seqs = items.map((it, i) => parseFeedCursor(it.cursor, `records.${i}.cursor`));
  items.forEach((it, i) => {
    if (!Number.isInteger(it.status) || it.status < 100 || it.status > 599)
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'status is an HTTP status', { field: `records.${i}.status` });
    if (!isStorableText(it.answer))
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'answer is not storable text', { field: `records.${i}.answer` });
  });
  const events = await readChangesBySeq(em, seqs);
  const rows = seqs.map((seq, i) => {
    const e = events.get(seq);
    if (!e || !c.topics.includes(e.topic))
      throw new HubError(ErrorCode.NOT_FOUND, `no event ${seq} on the consumer's topics`, {
        field: `records.${i}.cursor`,
      });
    return {
      seq: String(seq),
      topic: e.topic,
      key: e.key,
      status: items[i].status,
      answer: items[i].answer.slice(0, 4000),
    };
  });
  if (!rows.length) return [];
  await query(
    em,
    `insert into dead_letter (consumer_id, seq, topic, key, status, answer, created_at, attempts)
     select ?, r.seq, r.topic, r.key, r.status, r.answer, now(), 1
       from jsonb_to_recordset(?::jsonb) as r(seq bigint, topic text, key text, status int, answer text)
     on conflict (consumer_id, seq) do update
       set status = excluded.status, answer = excluded.answer, attempts = dead_letter.attempts + 1, resolved_at = null`,
    [c.id, JSON.stringify(rows)],
  );
  return listDeadLetters(em, c.name, { seqs });
}

/** Marks the caller's dead letters of these events resolved (their re-send was confirmed). */
export async function resolveDeadLetters(em: EntityManager, p: Principal, cursors: readonly string[]): Promise<number> {
  const c = await requireConsumer(em, p);
  const seqs = cursors.map((x, i) => parseFeedCursor(x, `cursors.${i}`));
  const rows = await query<{ id: string }>(
    em,
    `update dead_letter d set resolved_at = now()
      where d.consumer_id = ? and d.seq in (select jsonb_array_elements_text(?::jsonb)::bigint) and d.resolved_at is null
      returning d.id`,
    [c.id, JSON.stringify(seqs)],
  );
  return rows.length;
}

/** A consumer's dead letters in seq order: all, the unresolved only, or those of some events. */
export async function listDeadLetters(
  em: EntityManager,
  consumer: string,
  options: { unresolved?: boolean; seqs?: readonly number[]; first?: number } = {},
): Promise<DeadLetter[]> {
  const rows = await query<{
    id: string;
    consumer: string;
    seq: string;
    topic: string;
    key: string;
    status: number;
    answer: string;
    attempts: number;
    created_at: Date | string;
    resolved_at: Date | string | null;
  }>(
    em,
    `select d.id, c.name as consumer, d.seq, d.topic, d.key, d.status, d.answer, d.attempts, d.created_at, d.resolved_at
       from dead_letter d join feed_consumer c on c.id = d.consumer_id
      where c.name = ? and (not ? or d.resolved_at is null)
        and (?::jsonb is null or d.seq in (select jsonb_array_elements_text(?::jsonb)::bigint))
      order by d.seq limit ?`,
    [
      consumer,
      options.unresolved ?? false,
      options.seqs ? JSON.stringify(options.seqs) : null,
      options.seqs ? JSON.stringify(options.seqs) : null,
      options.first ?? 1000,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    consumer: r.consumer,
    seq: Number(r.seq),
    topic: r.topic,
    key: r.key,
    status: r.status,
    answer: r.answer,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
    resolvedAt: date(r.resolved_at),
  }));
}

export type { ChangeRecord };
