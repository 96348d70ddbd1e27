import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { SectionRow } from './section.entity';

/** A contract (合同) signed after the award of a section. Topic CONTRACT, key its code. */
@Entity({ tableName: 'contract' })
@Index({ name: 'contract_signed_on_idx', properties: ['signedOn'] })
export class ContractRow extends PushedRecord {
  @Property({ type: 'string', length: 80, unique: true })
  code!: string;

  @ManyToOne(() => SectionRow, { index: true, deleteRule: 'cascade' })
  section!: SectionRow;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  amount!: string;

  @Property({ type: 'date' })
  signedOn!: string;

  @Property({ type: 'date', nullable: true })
  periodStart?: string | null;

  @Property({ type: 'date', nullable: true })
  periodEnd?: string | null;
}
