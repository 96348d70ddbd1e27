import { Entity, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { SectionRow } from './section.entity';
import type { ExpertRole } from './trading.model';

/** A member of an evaluation committee (评标委员会成员). */
export interface CommitteeMember {
  expertCode: string;
  name: string;
  role: ExpertRole;
  organisation: string | null;
}

/** The evaluation result (评标结果) of a section. Topic EVALUATION, key the section code. */
@Entity({ tableName: 'evaluation' })
@Index({ name: 'evaluation_reported_at_idx', properties: ['reportedAt'] })
export class EvaluationRow extends PushedRecord {
  @ManyToOne(() => SectionRow, { unique: true, deleteRule: 'cascade' })
  section!: SectionRow;

  /** When the committee started. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  startedAt?: Date | null;

  /** When the evaluation report was delivered; null while the evaluation runs. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  reportedAt?: Date | null;

  /** The committee; masked while the evaluation runs (EVALUATION_SENSITIVE). */
  @Property({ type: 'json', columnType: 'jsonb', defaultRaw: "'[]'" })
  committee: CommitteeMember[] & Opt = [];
}
