import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { SourceSystem } from '../systems/source-system.entity';

/**
 * An API key. Only its SHA-256 is stored: the key itself is 32 random bytes,
 * shown once when issued, so a fast hash is enough (no dictionary to attack).
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The first characters of the key, safe to show in listings and logs. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64, unique: true })
  hash!: string;

  @Index()
  @ManyToOne(() => SourceSystem, { nullable: true, deleteRule: 'cascade' })
  sourceSystem?: SourceSystem;

  @Property({ type: 'text[]' })
  roles: string[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date;
}
