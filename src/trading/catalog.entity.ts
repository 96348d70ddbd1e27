import { Entity, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * A category of the provincial trading catalog (交易目录大类, 鄂政办函〔2020〕27号).
 * Data, not code: operators add and retire categories as the catalog widens.
 */
@Entity({ tableName: 'trading_category' })
export class TradingCategoryRow {
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer', default: 0 })
  sortOrder: number & Opt = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  retiredAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

/**
 * A sub-item of the catalog (子项). It may carry a JSON Schema for the
 * category-specific `details` of its projects; pushes are validated against it.
 */
@Entity({ tableName: 'trading_sub_item' })
export class TradingSubItemRow {
  @PrimaryKey({ type: 'string', length: 60 })
  code!: string;

  @ManyToOne(() => TradingCategoryRow, { fieldName: 'category_code', index: true })
  category!: TradingCategoryRow;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  detailsSchema?: Record<string, unknown> | null;

  @Property({ type: 'integer', default: 0 })
  sortOrder: number & Opt = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  retiredAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
