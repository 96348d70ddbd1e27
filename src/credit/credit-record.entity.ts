import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import {
  CreditKind,
  CreditRecordStatus,
  CreditSeverity,
  CreditSubjectType,
  PenaltyType,
  PerformanceRating,
} from './credit.model';

/**
 * A credit record (信用记录): one row per record code, written by the push
 * pipeline (credit-record.push.ts) and by a repair (credit-repair.service.ts),
 * each step an event under topic CREDIT_RECORD. The window dates are derived
 * by publication.rules.ts when the record is pushed. An index serves each
 * filter of creditRecords; creditStatus reads (subject_code, effective_until).
 */
@Entity({ tableName: 'credit_record' })
@Index({ name: 'credit_record_subject_idx', properties: ['subjectCode', 'effectiveUntil'] })
@Index({ name: 'credit_record_kind_idx', properties: ['kind', 'code'] })
@Index({ name: 'credit_record_severity_idx', properties: ['severity', 'code'] })
@Index({ name: 'credit_record_authority_idx', properties: ['authorityCreditCode', 'code'] })
@Index({ name: 'credit_record_status_idx', properties: ['status', 'code'] })
@Index({ name: 'credit_record_published_idx', properties: ['publishedFrom'] })
@Index({ name: 'credit_record_decided_idx', properties: ['decidedOn'] })
export class CreditRecordRow extends PushedRecord {
  @Property({ type: 'string', length: 80, unique: true })
  code!: string;

  @Enum({ items: () => CreditSubjectType, type: 'text' })
  subjectType!: CreditSubjectType;

  @Property({ type: 'string', length: 80 })
  subjectCode!: string;

  @Property({ type: 'text', nullable: true })
  subjectName?: string | null;

  /** Sensitive: PERSONAL_ID. */
  @Property({ type: 'string', length: 18, nullable: true })
  subjectIdNumber?: string | null;

  @Enum({ items: () => CreditKind, type: 'text' })
  kind!: CreditKind;

  @Enum({ items: () => CreditSeverity, type: 'text' })
  severity!: CreditSeverity;

  @Enum({ items: () => CreditRecordStatus, type: 'text' })
  status!: CreditRecordStatus;

  @Property({ type: 'date' })
  decidedOn!: string;

  @Property({ type: 'text' })
  decisionNumber!: string;

  @Property({ type: 'text' })
  authorityName!: string;

  @Property({ type: 'string', length: 18 })
  authorityCreditCode!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text', nullable: true })
  legalBasis?: string | null;

  @Property({ type: 'text', nullable: true })
  violationType?: string | null;

  @Property({ type: 'text', nullable: true })
  violationFacts?: string | null;

  @Enum({ items: () => PenaltyType, type: 'text', nullable: true })
  penaltyType?: PenaltyType | null;

  @Property({ type: 'text', nullable: true })
  penaltyContent?: string | null;

  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  fineAmount?: string | null;

  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  confiscatedAmount?: string | null;

  @Property({ type: 'date', nullable: true })
  listedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  listingEndsOn?: string | null;

  @Property({ type: 'text', nullable: true })
  contractCode?: string | null;

  @Enum({ items: () => PerformanceRating, type: 'text', nullable: true })
  performanceRating?: PerformanceRating | null;

  @Property({ type: 'date', nullable: true })
  publicationEndsOn?: string | null;

  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Property({ type: 'date' })
  effectiveUntil!: string;

  @Property({ type: 'date', nullable: true })
  publishedFrom?: string | null;

  @Property({ type: 'date', nullable: true })
  publishedUntil?: string | null;

  @Property({ type: 'date', nullable: true })
  repairableFrom?: string | null;

  /** When the repair decision took effect; its publication ended then. Null unless REPAIRED. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  repairedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  repairDecidedBy?: string | null;

  @Property({ type: 'text', nullable: true })
  repairGrounds?: string | null;

  @Property({ type: 'text', nullable: true })
  repairRecordedBy?: string | null;
}
