import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What the CREDIT_PUBLICATION feed last said of a credit record, and when it
 * must be looked at again. The publication scheduler changes a row only in
 * the transaction that appends the matching event, so the feed and this
 * table never disagree; a push or repair of the record sets `due_at` to
 * -infinity so that the next tick looks at it at once.
 */
@Entity({ tableName: 'credit_publication' })
@Index({ name: 'credit_publication_due_idx', properties: ['dueAt'] })
export class CreditPublicationRow {
  /** credit_record.id */
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  recordId!: string;

  /** Whether the last event said the record is public (CREATE or UPDATE) or not (none yet, or DELETE). */
  @Property({ type: 'boolean', default: false })
  published!: boolean;

  /** The record version the last CREATE or UPDATE carried. */
  @Property({ type: 'integer', nullable: true })
  publishedVersion?: number | null;

  /** The next instant publication may change; 'infinity' when it never will. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  dueAt!: Date;
}
