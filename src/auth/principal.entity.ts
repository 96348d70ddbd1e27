import { Entity, OneToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { SourceSystemRow } from '../systems/source-system.entity';

/**
 * Who may call the hub, and with what grants: a connected trading system
 * (with its source system) or a client (an integrator, the national platform's
 * or Credit Hubei's feed consumer, a dashboard). Its API keys are in api_key;
 * rotating a key keeps the grants.
 */
@Entity({ tableName: 'principal' })
export class PrincipalRow {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Unique name: the system code for systems, a chosen name for clients. */
  @Property({ type: 'string', length: 64, unique: true })
  name!: string;

  @OneToOne(() => SourceSystemRow, { nullable: true, unique: true, deleteRule: 'cascade', owner: true })
  sourceSystem?: SourceSystemRow;

  /** Role values (src/auth/principal.ts). */
  @Property({ type: 'text[]' })
  roles: string[] & Opt = [];

  /** Topics this principal may push (source systems). */
  @Property({ type: 'text[]' })
  writeTopics: string[] & Opt = [];

  /** Topics this principal may follow on the change feed (feed consumers). */
  @Property({ type: 'text[]' })
  readTopics: string[] & Opt = [];

  /**
   * GB/T 2260 codes inside which this principal may write records (a prefecture covers its counties; 420000 all Hubei).
   */
  @Property({ type: 'text[]' })
  regions: string[] & Opt = [];

  /** Sensitivity classes this principal sees unmasked (src/auth/masking.ts). */
  @Property({ type: 'text[]' })
  reveal: string[] & Opt = [];

  /**
   * Topics for which this system may update records another system created (e.g. market regulation for entity master
   * data).
   */
  @Property({ type: 'text[]' })
  authoritativeTopics: string[] & Opt = [];

  /** Catalog categories whose trading records it may write; '*' for all current and future ones. */
  @Property({ type: 'text[]' })
  categories: string[] & Opt = [];

  /** Its pushes must be signed with a certificate it registered (x-hub-signature); unsigned ones are refused. */
  @Property({ type: 'boolean', default: false })
  signatureRequired: boolean & Opt = false;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  disabledAt?: Date;
}
