import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { ExpertKind, ExpertStatus } from './credit.model';

/**
 * The province-wide expert pool (全省一库): one row per expert code. Written
 * only by the push pipeline (expert.push.ts); every version is in the change
 * log under topic EXPERT.
 */
@Entity({ tableName: 'expert' })
@Index({ name: 'expert_status_idx', properties: ['status'] })
@Index({ name: 'expert_kind_idx', properties: ['kind'] })
@Index({
  name: 'expert_region_idx',
  expression: 'create index "expert_region_idx" on "expert" ("region_code" text_pattern_ops)',
})
@Index({
  name: 'expert_specialties_idx',
  expression: 'create index "expert_specialties_idx" on "expert" using gin ("specialties")',
})
@Index({ name: 'expert_employer_idx', properties: ['employerCreditCode'] })
export class ExpertRow extends PushedRecord {
  @Property({ type: 'string', length: 80, unique: true })
  code!: string;

  @Enum({ items: () => ExpertKind, type: 'text' })
  kind!: ExpertKind;

  @Property({ type: 'text' })
  name!: string;

  /** Sensitive: PERSONAL_ID (EXPERT_SENSITIVE). */
  @Property({ type: 'string', length: 18 })
  idNumber!: string;

  /** Sensitive: PHONE. */
  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  specialties: string[] & Opt = [];

  @Property({ type: 'string', length: 6 })
  regionCode!: string;

  @Property({ type: 'string', length: 18, nullable: true })
  employerCreditCode?: string | null;

  @Enum({ items: () => ExpertStatus, type: 'text' })
  status!: ExpertStatus;
}
