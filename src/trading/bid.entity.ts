import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { MarketEntityRow } from '../market';
import { SectionRow } from './section.entity';

/**
 * A bid (投标 / 竞买) of a bidder for a section, with the evidence supervision
 * needs to detect collusion; the evidence is stored whole and shown masked
 * unless the reader is granted BID_EVIDENCE (or PERSONAL_ID for the manager's
 * ID number). Topic BID, key `<sectionCode>/<bidderCreditCode>`.
 */
@Entity({ tableName: 'bid' })
@Index({ name: 'bid_submitted_at_idx', properties: ['submittedAt'] })
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
