import { Entity, Index, Enum, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { TradingProjectRow } from './trading-project.entity';
import { AnnouncementType } from './trading.model';

/** An announcement (公告) of a project. Topic ANNOUNCEMENT, key its code. */
@Entity({ tableName: 'announcement' })
@Index({ name: 'announcement_published_at_idx', properties: ['publishedAt'] })
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
