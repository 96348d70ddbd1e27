import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { MarketEntityRow } from '../market';
import { EvaluationRow } from './evaluation.entity';

/**
 * A ranked candidate (中标候选人) of an evaluation report: a bidder of the
 * section, with its score and evaluated price as numeric. Rewritten with its
 * evaluation on every accepted push.
 */
@Entity({ tableName: 'evaluation_candidate' })
@Unique({ properties: ['evaluation', 'rank'] })
export class EvaluationCandidateRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => EvaluationRow, { deleteRule: 'cascade' })
  evaluation!: EvaluationRow;

  @Property({ type: 'integer' })
  rank!: number;

  @ManyToOne(() => MarketEntityRow, { index: true })
  bidder!: MarketEntityRow;

  @Property({ type: 'decimal', precision: 22, scale: 4, nullable: true })
  score?: string | null;

  /** Evaluated price, yuan. */
  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  amount?: string | null;
}
