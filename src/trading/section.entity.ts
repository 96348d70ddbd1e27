import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { TradingProjectRow } from './trading-project.entity';
import { TradingStatus } from './trading.model';

/** A section or lot (标段 / 包) of a project: bids, evaluation, award and contract hang off it. */
@Entity({ tableName: 'section' })
export class SectionRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 80, unique: true })
  code!: string;

  @ManyToOne(() => TradingProjectRow, { index: true, deleteRule: 'cascade' })
  project!: TradingProjectRow;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  budget?: string | null;

  @Enum({ items: () => TradingStatus, type: 'text' })
  status!: TradingStatus;

  /** Bid opening time (开标时间). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  openingAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  updatedAt!: Date & Opt;
}
