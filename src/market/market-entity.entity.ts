import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { EntityKind, EntityStatus, MarketRole, type QualificationData } from './market-entity.model';

/**
 * The unified market-entity registry (市场主体库): one row per credit code.
 * Written only by the push pipeline (src/market/market-entity.push.ts); every
 * version is in the change log under topic MARKET_ENTITY.
 */
@Entity({ tableName: 'market_entity' })
@Index({ name: 'market_entity_updated_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'market_entity_status_idx', properties: ['status'] })
@Index({
  name: 'market_entity_region_idx',
  expression: 'create index "market_entity_region_idx" on "market_entity" ("region_code" text_pattern_ops)',
})
@Index({
  name: 'market_entity_roles_idx',
  expression: 'create index "market_entity_roles_idx" on "market_entity" using gin ("roles")',
})
@Index({
  name: 'market_entity_name_trgm_idx',
  expression: 'create index "market_entity_name_trgm_idx" on "market_entity" using gin ("name" gin_trgm_ops)',
})
export class MarketEntityRow extends PushedRecord {
  @Property({ type: 'string', length: 18, unique: true })
  creditCode!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => EntityKind, type: 'text' })
  kind!: EntityKind;

  @Enum({ items: () => MarketRole, array: true, type: 'text[]' })
  roles: MarketRole[] & Opt = [];

  @Property({ type: 'text', nullable: true })
  legalRepresentative?: string | null;

  /** Sensitive: PERSONAL_ID (see MARKET_ENTITY_SENSITIVE). */
  @Property({ type: 'text', nullable: true })
  legalRepresentativeIdNumber?: string | null;

  /** Sensitive: PHONE. */
  @Property({ type: 'text', nullable: true })
  contactPhone?: string | null;

  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  registeredCapital?: string | null;

  @Property({ type: 'string', length: 6 })
  regionCode!: string;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ type: 'date', nullable: true })
  establishedOn?: string | null;

  @Enum({ items: () => EntityStatus, type: 'text' })
  status!: EntityStatus;

  @Property({ type: 'json', columnType: 'jsonb', defaultRaw: `'[]'` })
  qualifications: QualificationData[] & Opt = [];
}
