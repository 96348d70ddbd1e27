import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The append-only change log: one row per accepted change, with the full new
 * snapshot. It is the history of every record and the source of every feed.
 * `seq` is assigned under a transaction-scoped advisory lock, so seq order is
 * commit order and the sequence has no gaps (see src/feed/append.ts).
 */
@Entity({ tableName: 'change_event' })
@Index({ name: 'change_event_topic_key_idx', properties: ['topic', 'key', 'seq'] })
@Index({ name: 'change_event_topic_seq_idx', properties: ['topic', 'seq'] })
export class ChangeEventRow {
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  seq!: string;

  @Property({ type: 'string', length: 40 })
  topic!: string;

  /** CREATE, UPDATE or DELETE. */
  @Property({ type: 'string', length: 12 })
  op!: string;

  /** The business key of the record (credit code, project code, ...). */
  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json', columnType: 'jsonb' })
  data!: Record<string, unknown>;

  /** Code of the source system that pushed the change, if any. */
  @Property({ type: 'string', length: 64, nullable: true })
  sourceSystem?: string;

  /** Who made the change: `key:<id>` or `admin`. */
  @Property({ type: 'string', length: 64 })
  principal!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  /** SHA-256 fingerprint of the certificate that signed the push of this change (x-hub-signature), if signed. */
  @Property({ type: 'string', length: 64, nullable: true })
  signedBy?: string;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
