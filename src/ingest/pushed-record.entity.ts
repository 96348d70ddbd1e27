import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { SourceSystemRow } from '../systems/source-system.entity';

/**
 * Columns every pushed record has, whatever its data family: who pushed the
 * current version, who created (owns) it, its version and content hash (for
 * idempotent re-push), and millisecond timestamps (exact in cursors).
 */
@Entity({ abstract: true })
export abstract class PushedRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The system that pushed the current version. */
  @ManyToOne(() => SourceSystemRow, { index: true })
  sourceSystem!: SourceSystemRow;

  /** The system that created the record; only it (or a system authoritative for the topic) may change it. */
  @ManyToOne(() => SourceSystemRow)
  ownerSystem!: SourceSystemRow;

  @Property({ type: 'text', nullable: true })
  externalId?: string | null;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  updatedAt!: Date & Opt;
}
