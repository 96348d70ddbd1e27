import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { MarketEntityRow } from '../market';
import { SectionRow } from './section.entity';

/** The award (中标 / 成交) of a section. Topic AWARD, key the section code. */
@Entity({ tableName: 'award' })
@Index({ name: 'award_amount_idx', properties: ['amount'] })
@Index({ name: 'award_awarded_on_idx', properties: ['awardedOn'] })
export class AwardRow extends PushedRecord {
  @ManyToOne(() => SectionRow, { unique: true, deleteRule: 'cascade' })
  section!: SectionRow;

  @ManyToOne(() => MarketEntityRow, { index: true })
  winner!: MarketEntityRow;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  amount!: string;

  @Property({ type: 'date' })
  awardedOn!: string;
}
