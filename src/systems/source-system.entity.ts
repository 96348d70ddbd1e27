import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

/** 政府建设 or 市场建设: who built the connected trading system. */
export enum SourceSystemKind {
  GOVERNMENT = 'GOVERNMENT',
  MARKET = 'MARKET',
}

/** A connected electronic trading system (交易系统 / 接入系统) that pushes data. */
@Entity({ tableName: 'source_system' })
export class SourceSystemRow {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Business key, e.g. `WH-GGZY`; upper-case letters, digits and dashes. */
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => SourceSystemKind, type: 'text' })
  kind!: SourceSystemKind;

  @Property({ type: 'string', length: 6 })
  regionCode!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** When it last pushed, whatever the outcome (src/systems/last-push.ts). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  lastPushAt?: Date | null;
}
