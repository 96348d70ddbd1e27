import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { MarketEntityRow } from '../market/market-entity.entity';
import { SectionRow, TradingProjectRow } from './project.entity';
import { AnnouncementType, ExpertRole } from './trading.model';

/** An announcement (公告) of a project. Topic ANNOUNCEMENT, key its code. */
@Entity({ tableName: 'announcement' })
export class AnnouncementRow extends PushedRecord {
  @Property({ type: 'string', length: 80, unique: true })
  code!: string;

  @ManyToOne(() => TradingProjectRow, { index: true, deleteRule: 'cascade' })
  project!: TradingProjectRow;

  @Enum({ items: () => AnnouncementType, type: 'text' })
  type!: AnnouncementType;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  publishedAt!: Date;

  /** Publication period (公示期), dates. */
  @Property({ type: 'date', nullable: true })
  periodStart?: string | null;

  @Property({ type: 'date', nullable: true })
  periodEnd?: string | null;

  /** Hash of the published document, as the platform computed it. */
  @Property({ type: 'string', length: 128, nullable: true })
  documentHash?: string | null;

  @Property({ type: 'text', nullable: true })
  url?: string | null;

  /** Sections the announcement concerns (all when empty). */
  @Property({ type: 'text[]' })
  sectionCodes: string[] & Opt = [];
}

/**
 * A bid (投标 / 竞买) of a bidder for a section, with the evidence supervision
 * needs to detect collusion; the evidence is stored whole and shown masked
 * unless the reader is granted BID_EVIDENCE (or PERSONAL_ID for the manager's
 * ID number). Topic BID, key `<sectionCode>/<bidderCreditCode>`.
 */
@Entity({ tableName: 'bid' })
@Unique({ name: 'bid_section_bidder_unique', properties: ['section', 'bidder'] })
@Index({ name: 'bid_device_idx', properties: ['deviceFingerprint'] })
@Index({ name: 'bid_document_hash_idx', properties: ['documentHash'] })
@Index({ name: 'bid_ip_idx', properties: ['ipAddress'] })
export class BidRow extends PushedRecord {
  /** Business key `<sectionCode>/<bidderCreditCode>`. */
  @Property({ type: 'string', length: 120, unique: true })
  recordKey!: string;

  @ManyToOne(() => SectionRow, { deleteRule: 'cascade' })
  section!: SectionRow;

  @ManyToOne(() => MarketEntityRow, { index: true })
  bidder!: MarketEntityRow;

  /** Quoted price, yuan. */
  @Property({ type: 'decimal', precision: 20, scale: 2, nullable: true })
  amount?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  submittedAt!: Date;

  /** VALID, WITHDRAWN or DISQUALIFIED. */
  @Property({ type: 'string', length: 16 })
  status!: string;

  @Property({ type: 'text', nullable: true })
  caCertSerial?: string | null;

  /** 文件制作机器码 (MAC / CPU / disk serial as the bidding tool reports it). */
  @Property({ type: 'text', nullable: true })
  deviceFingerprint?: string | null;

  @Property({ type: 'text', nullable: true })
  ipAddress?: string | null;

  @Property({ type: 'text', nullable: true })
  documentHash?: string | null;

  /** ID number of the project manager (项目经理). */
  @Property({ type: 'text', nullable: true })
  projectManagerId?: string | null;

  /** Account the bid bond (投标保证金) was paid from. */
  @Property({ type: 'text', nullable: true })
  bondAccount?: string | null;
}

/** The bid opening record (开标记录) of a section. Topic BID_OPENING, key the section code. */
@Entity({ tableName: 'bid_opening' })
export class BidOpeningRow extends PushedRecord {
  @ManyToOne(() => SectionRow, { unique: true, deleteRule: 'cascade' })
  section!: SectionRow;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  openedAt!: Date;

  @Property({ type: 'integer' })
  bidderCount!: number;

  @Property({ type: 'text', nullable: true })
  location?: string | null;
}


/** A member of an evaluation committee (评标委员会成员). */
export interface CommitteeMember {
  expertCode: string;
  name: string;
  role: ExpertRole;
  organisation: string | null;
}

/** The evaluation result (评标结果) of a section. Topic EVALUATION, key the section code. */
@Entity({ tableName: 'evaluation' })
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

/** The award (中标 / 成交) of a section. Topic AWARD, key the section code. */
@Entity({ tableName: 'award' })
@Index({ name: 'award_amount_idx', properties: ['amount'] })
@Index({ name: 'award_awarded_on_idx', properties: ['awardedOn'] })
export class AwardRow extends PushedRecord {
  @ManyToOne(() => SectionRow, { unique: true, deleteRule: 'cascade' })
  section!: SectionRow;

  @ManyToOne(() => MarketEntityRow, { index: true })
  winner!: MarketEntityRow;

  @Property({ type: 'decimal', precision: 20, scale: 2 })
  amount!: string;

  @Property({ type: 'date' })
  awardedOn!: string;
}

/** A contract (合同) signed after the award of a section. Topic CONTRACT, key its code. */
@Entity({ tableName: 'contract' })
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
  @Property({ type: 'string', length: 64 })
  projectCode!: string;

  /** Stable rule code, e.g. BID_AFTER_OPENING. */
  @Property({ type: 'string', length: 60 })
  rule!: string;

  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  detectedAt!: Date & Opt;
}
