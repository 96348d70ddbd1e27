import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { CaStatus } from './certificates.model';
import type { CreditCodeLocation } from './credit-code-locations';

/** One certificate of a CA's hierarchy as the registry keeps it. */
export interface CaCertificateData {
  /** SHA-256 of the DER, lower-case hex. */
  fingerprint: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  /** Self-signed: a trust anchor of the CA. */
  root: boolean;
  /** The DER, base64. */
  der: string;
}

/**
 * A certificate authority the hub recognises (CA互认): its root and
 * intermediate certificates, where its CRLs are published, and where it puts
 * the subject's credit code. Managed by operators; every change is an event of
 * topic CERTIFICATE_AUTHORITY.
 */
@Entity({ tableName: 'certificate_authority' })
export class CertificateAuthorityRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => CaStatus, type: 'text' })
  status!: CaStatus;

  @Property({ type: 'json', columnType: 'jsonb' })
  certificates!: CaCertificateData[];

  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  crlDistributionPoints: string[] & Opt = [];

  /** Where its certificates carry the credit code; null: the defaults. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  creditCodeLocations?: CreditCodeLocation[] | null;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  updatedAt!: Date & Opt;
}
