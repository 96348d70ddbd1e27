import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The newest CRL the hub holds of one CA certificate (its issuer), imported
 * only after its signature verified against that certificate. A newer CRL
 * (later thisUpdate) replaces it.
 */
@Entity({ tableName: 'crl' })
export class CrlRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** SHA-256 of the issuing CA certificate. */
  @Property({ type: 'string', length: 64, unique: true })
  issuerFingerprint!: string;

  @Index({ name: 'crl_ca_code_idx' })
  @Property({ type: 'string', length: 32 })
  caCode!: string;

  @Property({ type: 'text' })
  issuer!: string;

  /** SHA-256 of the CRL's DER. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  thisUpdate!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  nextUpdate?: Date | null;

  /** Revoked serials (upper-case hex) with their revocation times. */
  @Property({ type: 'json', columnType: 'jsonb' })
  revoked!: { serial: string; revokedAt: string }[];

  /** The DER, base64. */
  @Property({ type: 'text' })
  der!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  importedAt!: Date & Opt;
}
