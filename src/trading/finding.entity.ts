import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { MAX_PROJECT_CODE } from './trading.model';

/**
 * A data-quality finding (数据质量问题): a timing rule a stored record breaks
 * (bid after opening, short publicity, short bid period). Findings are data:
 * the record is stored, and supervisors query the findings.
 */
@Entity({ tableName: 'finding' })
@Index({ name: 'finding_record_idx', properties: ['topic', 'recordKey'] })
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

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  detectedAt!: Date & Opt;
}
