import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { PrincipalRow } from './principal.entity';

/**
 * An API key of a principal. Only its SHA-256 is stored: the key itself is 32
 * random bytes, shown once when issued, so a fast hash is enough (there is no
 * dictionary to attack). Rotation issues a new key and lets the old one expire
 * after a grace period.
 */
@Entity({ tableName: 'api_key' })
export class ApiKeyRow {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The first characters of the key, safe to show in listings and logs. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64, unique: true })
  hash!: string;

  @Index()
  @ManyToOne(() => PrincipalRow, { deleteRule: 'cascade' })
  principal!: PrincipalRow;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  /** The key this one replaced by rotation. */
  @Property({ type: 'integer', nullable: true })
  rotatedFrom?: number | null;
}
