import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { SectionRow } from './section.entity';

/** The bid opening record (开标记录) of a section. Topic BID_OPENING, key the section code. */
@Entity({ tableName: 'bid_opening' })
@Index({ name: 'bid_opening_opened_at_idx', properties: ['openedAt'] })
export class BidOpeningRow extends PushedRecord {
  @ManyToOne(() => SectionRow, { unique: true, deleteRule: 'cascade' })
  section!: SectionRow;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  openedAt!: Date;

  @Property({ type: 'integer' })
  bidderCount!: number;

  @Property({ type: 'text', nullable: true })
  location?: string | null;
}
