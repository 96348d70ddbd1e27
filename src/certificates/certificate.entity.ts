import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { PushedRecord } from '../ingest/pushed-record.entity';
import { CertificateStatus } from './certificates.model';

/**
 * A subject's certificate (数字证书) as pushed by a CA or a trading system:
 * one row per SHA-256 fingerprint, bound to the market entity of its credit
 * code. Written by the push pipeline (certificate.push.ts); revocation by an
 * imported CRL moves `status` (crl.service.ts). Every version is in the
 * change log under topic CERTIFICATE.
 */
@Entity({ tableName: 'certificate' })
@Index({ name: 'certificate_updated_idx', properties: ['updatedAt', 'id'] })
@Index({ name: 'certificate_credit_code_idx', properties: ['creditCode', 'notAfter'] })
@Index({ name: 'certificate_serial_idx', properties: ['serial', 'caCode'] })
@Index({ name: 'certificate_issuer_serial_idx', properties: ['issuerFingerprint', 'serial'] })
@Index({ name: 'certificate_status_idx', properties: ['status'] })
@Index({ name: 'certificate_ca_idx', properties: ['caCode'] })
@Index({ name: 'certificate_sm3_fingerprint_idx', properties: ['sm3Fingerprint'] })
export class CertificateRow extends PushedRecord {
  /** SHA-256 of the DER, lower-case hex: the key. */
  @Property({ type: 'string', length: 64, unique: true })
  fingerprint!: string;

  @Property({ type: 'string', length: 64, fieldName: 'sm3_fingerprint' })
  sm3Fingerprint!: string;

  /** Upper-case hex, as OpenSSL prints it. */
  @Property({ type: 'text' })
  serial!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  issuer!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  notBefore!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  notAfter!: Date;

  @Property({ type: 'text' })
  keyAlgorithm!: string;

  @Property({ type: 'text' })
  signatureAlgorithm!: string;

  /** Null: no keyUsage extension. */
  @Property({ type: 'text[]', nullable: true })
  keyUsage?: string[] | null;

  @Property({ type: 'text[]' })
  extendedKeyUsage!: string[];

  @Property({ type: 'string', length: 18 })
  creditCode!: string;

  @Property({ type: 'string', length: 32 })
  caCode!: string;

  /** SHA-256 of the CA certificate that signed it. */
  @Property({ type: 'string', length: 64 })
  issuerFingerprint!: string;

  @Enum({ items: () => CertificateStatus, type: 'text' })
  status!: CertificateStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  revokedAt?: Date | null;

  /** The DER, base64. */
  @Property({ type: 'text' })
  der!: string;
}
