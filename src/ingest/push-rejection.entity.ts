import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SourceSystemRow } from '../systems/source-system.entity';

/**
 * How many records a system pushed that the hub rejected, per China calendar
 * day, topic and reason code (the code of the record's first error). A
 * rejected record is never stored, so this count is all that remains of it:
 * disclosureQuality's accuracy counts it (src/supervision/disclosure.queries.ts).
 * Written by the push pipeline, one upsert per push with rejections
 * (./rejections.ts). The unique key leads with the day: it is the index of
 * the period condition too.
 */
@Entity({ tableName: 'push_rejection' })
@Unique({ name: 'push_rejection_day_system_topic_code_key', properties: ['day', 'sourceSystem', 'topic', 'code'] })
export class PushRejectionRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The China (UTC+8) calendar day of the push. */
  @Property({ type: 'date' })
  day!: string;

  @ManyToOne(() => SourceSystemRow)
  sourceSystem!: SourceSystemRow;

  /** The topic pushed (BID, AWARD, MARKET_ENTITY, …). */
  @Property({ type: 'text' })
  topic!: string;

  /** The stable error code of the record's first error (BAD_USER_INPUT, FORBIDDEN, CONFLICT, NOT_FOUND, …). */
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'integer' })
  count!: number;
}
