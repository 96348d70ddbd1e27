import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { PrincipalRow } from '../auth/principal.entity';

/**
 * A named consumer of the change feed (a relay to the national platform, to
 * Credit Hubei, ...): its principal (role FEED_CONSUMER), what it follows, the
 * position it has acknowledged, and the lease that lets one connection at a
 * time follow it. The lease lives here, in PostgreSQL, so that it holds across
 * hub processes; its expiry is judged by the database clock.
 */
@Entity({ tableName: 'feed_consumer' })
export class FeedConsumerRow {
  @PrimaryKey()
  id!: number;

  /** The name of its principal too. */
  @Property({ type: 'string', length: 64, unique: true })
  name!: string;

  @ManyToOne(() => PrincipalRow, { unique: true })
  principal!: PrincipalRow;

  /** The topics it follows. */
  @Property({ type: 'json', columnType: 'jsonb' })
  topics!: string[];

  /** Narrower conditions on the events of those topics (ops, source systems); null: none. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  filter?: ConsumerFilter | null;

  /** seq of the last event the consumer acknowledged (0: none). */
  @Property({ type: 'bigint', default: 0 })
  ackedSeq!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  ackedAt?: Date | null;

  /**
   * End (seq) of the batch the consumer is delivering: after a crash the next
   * holder re-sends exactly that range, so the target can drop it by its
   * idempotency key. Null or at most `ackedSeq`: none in flight.
   */
  @Property({ type: 'bigint', nullable: true })
  deliveringSeq?: string | null;

  /** The connection holding the lease, while `leaseExpiresAt` is in the future. */
  @Property({ type: 'string', length: 200, nullable: true })
  leaseHolder?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  leaseExpiresAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt!: Date;
}

/** The conditions of a consumer's filter (all given must hold). */
export interface ConsumerFilter {
  ops?: string[];
  sourceSystems?: string[];
}

/**
 * A record a consumer's target refused (a 4xx for that record): kept with the
 * target's answer, so that an operator can see it and re-send it once fixed.
 */
@Entity({ tableName: 'dead_letter' })
@Unique({ name: 'dead_letter_consumer_seq_unique', properties: ['consumer', 'seq'] })
export class DeadLetterRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => FeedConsumerRow)
  consumer!: FeedConsumerRow;

  /** The event's seq. */
  @Property({ type: 'bigint' })
  seq!: string;

  @Property({ type: 'string', length: 40 })
  topic!: string;

  @Property({ type: 'text' })
  key!: string;

  /** The HTTP status the target answered. */
  @Property({ type: 'integer' })
  status!: number;

  /** What the target said about the record. */
  @Property({ type: 'text' })
  answer!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt!: Date;

  /** Set when a re-send was confirmed by the target. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  resolvedAt?: Date | null;

  @Property({ type: 'integer', default: 0 })
  attempts!: number;
}
