import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A supervisor's review of a finding (CONFIRMED or DISMISSED), kept with its
 * author and time; a finding's reviews are numbered 1, 2, … and the latest is
 * its outcome. Numbers are taken under a lock on the finding, and the unique
 * constraint holds them even against a writer that skipped it.
 */
@Entity({ tableName: 'finding_review' })
@Unique({ name: 'finding_review_number_unique', properties: ['findingId', 'number'] })
export class FindingReviewRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The finding's id (open or cleared). */
  @Index()
  @Property({ type: 'bigint' })
  findingId!: string;

  @Property({ type: 'integer' })
  number!: number;

  /** CONFIRMED or DISMISSED. */
  @Property({ type: 'string', length: 16 })
  outcome!: string;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  /** The reviewing principal's id. */
  @Property({ type: 'text' })
  author!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  reviewedAt!: Date;
}
