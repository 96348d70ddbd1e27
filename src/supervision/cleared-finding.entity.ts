import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { MAX_PROJECT_CODE } from '../trading';

/**
 * A finding that stopped holding (a correction cleared it): moved here from
 * `finding` with its id, in the transaction that cleared it, so supervisors
 * can still list it and its reviews (findings with `open: false`).
 */
@Entity({ tableName: 'cleared_finding' })
@Index({ name: 'cleared_finding_rule_idx', properties: ['rule', 'detectedAt'] })
@Index({ name: 'cleared_finding_severity_idx', properties: ['severity', 'detectedAt'] })
@Index({ name: 'cleared_finding_detected_idx', properties: ['detectedAt', 'id'] })
@Index({ name: 'cleared_finding_record_idx', properties: ['topic', 'recordKey'] })
export class ClearedFindingRow {
  /** The id it had while open. */
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  id!: string;

  @Property({ type: 'string', length: 40 })
  topic!: string;

  @Property({ type: 'text' })
  recordKey!: string;

  @Index()
  @Property({ type: 'string', length: MAX_PROJECT_CODE })
  projectCode!: string;

  @Property({ type: 'string', length: 60 })
  rule!: string;

  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'string', length: 80, nullable: true })
  sectionCode?: string | null;

  @Property({ type: 'string', length: 10 })
  severity!: string;

  @Property({ type: 'json', nullable: true })
  evidence?: Record<string, unknown> | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  detectedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  clearedAt!: Date;
}
