import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CaStatus, CertificateStatus, VerdictReason, VerdictStatus } from '../../src/certificates/certificates.model';
import { Connection } from '../common/connection.type';
import { PushedRecordType } from '../common/pushed-record.type';
import { DateTimeScalar } from '../common/scalars';
import { applySensitiveFields } from '../common/masking';
import { CERTIFICATE_TYPE_SENSITIVE } from '../../src/certificates/subject-masking.rules';
import { MarketEntity } from '../market';

registerEnumType(CaStatus, { name: 'CaStatus', description: 'Whether the hub recognises a certificate authority.' });
registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: 'Revocation as the CRLs held say: GOOD, or REVOKED by its issuer.',
});
registerEnumType(VerdictStatus, {
  name: 'VerdictStatus',
  description: 'The outcome of verifying a certificate (the gravest problem found).',
});
registerEnumType(VerdictReason, { name: 'VerdictReason', description: 'Stable codes of the reasons of a verdict.' });

@ObjectType({ description: 'A certificate of a CA hierarchy (root or intermediate).' })
export class CaCertificate {
  @Field({ description: 'SHA-256 of the DER, lower-case hex.' }) fingerprint!: string;
  @Field() subject!: string;
  @Field() issuer!: string;
  @Field({ description: 'Upper-case hex.' }) serial!: string;
  @Field(() => DateTimeScalar) notBefore!: Date;
  @Field(() => DateTimeScalar) notAfter!: Date;
  @Field({ description: 'Self-signed: a trust anchor.' }) root!: boolean;
}

@ObjectType({ description: 'The newest CRL held of one CA certificate.' })
export class HeldCrl {
  @Field({ description: 'SHA-256 of the CRL.' }) fingerprint!: string;
  @Field() issuer!: string;
  @Field() issuerFingerprint!: string;
  @Field(() => DateTimeScalar) thisUpdate!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) nextUpdate!: Date | null;
  @Field() revokedCount!: number;
  @Field(() => DateTimeScalar) importedAt!: Date;
}

@ObjectType({ description: 'A certificate authority of the registry (CA互认).' })
export class CertificateAuthority {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => CaStatus) status!: CaStatus;
  @Field(() => [CaCertificate]) certificates!: CaCertificate[];
  @Field(() => [String], { description: 'CRL distribution points named by its certificates.' })
  crlDistributionPoints!: string[];
  @Field(() => [HeldCrl], { description: 'The CRLs held of its certificates.' }) crls!: HeldCrl[];
  @Field() version!: number;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType({ description: 'A subject certificate (数字证书) pushed to the hub, bound to a market entity.' })
export class Certificate extends PushedRecordType {
  @Field({ description: 'SHA-256 of the DER, lower-case hex: the key.' }) fingerprint!: string;
  @Field({ description: 'SM3 of the DER, lower-case hex.' }) sm3Fingerprint!: string;
  @Field({ description: 'Upper-case hex, as OpenSSL prints it.' }) serial!: string;
  @Field({
    description:
      "The subject DN. A personal certificate's holder (name, ID number) is masked unless granted CERTIFICATE_HOLDER.",
  })
  subject!: string;
  @Field() issuer!: string;
  @Field(() => DateTimeScalar) notBefore!: Date;
  @Field(() => DateTimeScalar) notAfter!: Date;
  @Field({ description: 'RSA, EC P-256, SM2...' }) keyAlgorithm!: string;
  @Field() signatureAlgorithm!: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Key usage bits; null when the certificate does not limit them.',
  })
  keyUsage!: string[] | null;
  @Field(() => [String], { description: 'Extended key usage OIDs.' }) extendedKeyUsage!: string[];
  @Field({ description: "The subject's unified social credit code." }) creditCode!: string;
  @Field({ description: 'The recognised CA that issued it.' }) caCode!: string;
  @Field({ description: 'SHA-256 of the CA certificate that signed it.' }) issuerFingerprint!: string;
  @Field(() => CertificateStatus) status!: CertificateStatus;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
  @Field({
    description: 'The certificate, PEM. Hidden (******) for a personal certificate unless granted CERTIFICATE_HOLDER.',
  })
  pem!: string;
}
applySensitiveFields(Certificate, CERTIFICATE_TYPE_SENSITIVE);

@ObjectType({ description: 'A page of certificates.' })
export class CertificateConnection extends Connection(Certificate, 'CertificateEdge') {}

@ObjectType({ description: 'One reason of a verdict.' })
export class CertificateVerdictReason {
  @Field(() => VerdictReason) code!: VerdictReason;
  @Field() message!: string;
}

@ObjectType({ description: 'One certificate of a verified chain, leaf first.' })
export class ChainCertificate {
  @Field() subject!: string;
  @Field() issuer!: string;
  @Field() serial!: string;
  @Field({ description: 'SHA-256, lower-case hex.' }) fingerprint!: string;
}

@ObjectType({ description: 'Whether a certificate is genuine, valid, not revoked, and whose it is.' })
export class CertificateVerdict {
  @Field(() => VerdictStatus) status!: VerdictStatus;
  @Field(() => [CertificateVerdictReason]) reasons!: CertificateVerdictReason[];
  @Field(() => [ChainCertificate], { description: 'The path found, leaf first, up to the recognised root.' })
  chain!: ChainCertificate[];
  @Field(() => String, { nullable: true, description: 'The CA whose root anchors the chain.' }) caCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The credit code read from the certificate.' })
  creditCode!: string | null;
  @Field(() => MarketEntity, { nullable: true, description: 'The market entity of that credit code, when held.' })
  marketEntity?: MarketEntity | null;
}
