import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { MarketEntityRow } from '../market';
import { TradingSubItemRow } from './catalog.entity';
import { MAX_PROJECT_CODE, TradingMethod, TradingStatus } from './trading.model';

/** A trading project (交易项目): every deal that enters the platform, across the whole catalog. Topic TRADING_PROJECT. */
@Entity({ tableName: 'trading_project' })
@Index({ name: 'trading_project_updated_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'trading_project_published_idx', properties: ['publishedAt'] })
@Index({ name: 'trading_project_budget_idx', properties: ['budget'] })
@Index({ name: 'trading_project_bid_deadline_idx', properties: ['bidDeadline'] })
@Index({
  name: 'trading_project_region_idx',
  expression: 'create index "trading_project_region_idx" on "trading_project" ("region_code" text_pattern_ops)',
})
export class TradingProjectRow extends PushedRecord {
  @Property({ type: 'string', length: MAX_PROJECT_CODE, unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => TradingSubItemRow, { fieldName: 'sub_item_code', index: true })
  subItem!: TradingSubItemRow;

  /** The sub-item's category, kept on the row for filters and statistics. */
  @Index()
  @Property({ type: 'string', length: 40 })
  categoryCode!: string;

  @Property({ type: 'string', length: 6 })
  regionCode!: string;

  /** 招标人 / 采购人 / 转让方 */
  @ManyToOne(() => MarketEntityRow, { index: true })
  tenderer!: MarketEntityRow;

  /** 招标代理机构 */
  @ManyToOne(() => MarketEntityRow, { nullable: true, index: true })
  agency?: MarketEntityRow | null;

  /** Budget or reserve price, yuan. */
  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  budget?: string | null;

  @Property({ type: 'string', length: 3, default: 'CNY' })
  currency: string & Opt = 'CNY';

  @Index()
  @Enum({ items: () => TradingMethod, type: 'text' })
  method!: TradingMethod;

  @Index()
  @Enum({ items: () => TradingStatus, type: 'text' })
  status!: TradingStatus;

  /** When the tender notice (or listing) was published. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  publishedAt?: Date | null;

  /** Bid deadline / end of the listing period. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  bidDeadline?: Date | null;

  /** 统一交易标识码: as pushed, or formed by the hub (see unifiedTransactionCode in ./project.rules.ts). */
  @Property({ type: 'string', length: 120, nullable: true })
  unifiedTransactionCode?: string | null;

  /** Category-specific details, validated against the sub-item's JSON Schema. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  details?: Record<string, unknown> | null;
}
