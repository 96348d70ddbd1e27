import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { MAX_PROJECT_CODE } from './trading.model';

/**
 * A data-quality finding (数据质量问题): a timing rule a stored record breaks
 * (bid after opening, short publicity, short bid period), or a collusion
 * indicator on a section's bids. Findings are data: the record is stored,
 * and supervisors query the findings. One that stops holding moves to
 * cleared_finding (src/supervision), with the same id.
 */
@Entity({ tableName: 'finding' })
@Index({ name: 'finding_record_idx', properties: ['topic', 'recordKey'] })
@Index({ name: 'finding_rule_idx', properties: ['rule', 'detectedAt'] })
@Index({ name: 'finding_severity_idx', properties: ['severity', 'detectedAt'] })
@Index({ name: 'finding_detected_idx', properties: ['detectedAt', 'id'] })
export class FindingRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 40 })
  topic!: string;

  @Property({ type: 'text' })
  recordKey!: string;

  /** The project the record belongs to, for listing a project's findings. */
  @Index()
  @Property({ type: 'string', length: MAX_PROJECT_CODE })
  projectCode!: string;

  /** Stable rule code, e.g. BID_AFTER_OPENING. */
  @Property({ type: 'string', length: 60 })
  rule!: string;

  @Property({ type: 'text' })
  message!: string;

  /** The section it concerns, when one (collusion indicators are findings on a section's bids). */
  @Property({ type: 'string', length: 80, nullable: true })
  sectionCode?: string | null;

  /** HIGH, MEDIUM or LOW (src/supervision/severity.ts maps it to the national alarm level). */
  @Property({ type: 'string', length: 10, default: 'LOW' })
  severity!: string & Opt;

  /** What it rests on: bid keys and the shared evidence under the bid field's own name (masked alike). */
  @Property({ type: 'json', nullable: true })
  evidence?: Record<string, unknown> | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  detectedAt!: Date & Opt;
}
