import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { CertificateStatus } from '../../src/certificates/certificates.model';

@InputType({ description: 'A certificate to push: PEM, or the DER as base64.' })
export class CertificateInput {
  @Field({ description: 'The certificate, PEM (-----BEGIN CERTIFICATE-----) or base64 DER.' }) pem!: string;
  @Field(() => String, { nullable: true, description: "The pushing system's own id of it." }) externalId?:
    string | null;
}

@InputType({ description: 'A CRL to import: PEM, or the DER as base64.' })
export class CrlInput {
  @Field({ description: 'The CRL, PEM (-----BEGIN X509 CRL-----) or base64 DER.' }) crlPem!: string;
}

@InputType({ description: 'Where a CA puts the credit code: a subject attribute or an extension, and a pattern.' })
export class CreditCodeLocationInput {
  @Field({ description: '`attribute` (a subject RDN) or `extension` (the text inside an extension).' }) kind!:
    'attribute' | 'extension';
  @Field({ description: 'Dotted OID, e.g. 2.5.4.97.' }) oid!: string;
  @Field({ description: 'A regular expression; its first group (or the match) is the code.' }) pattern!: string;
}

@InputType({ description: 'A certificate authority to recognise.' })
export class RecognizeCertificateAuthorityInput {
  @Field({ description: 'Its code in the hub: 1-32 upper-case letters, digits, - or _.' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'Its root and intermediate certificates, PEM, one after the other.' }) certificatesPem!: string;
  @Field(() => [CreditCodeLocationInput], {
    nullable: true,
    description:
      'Where its certificates carry the credit code, tried in order; default: organizationIdentifier, serialNumber, OU, CN.',
  })
  creditCodeLocations?: CreditCodeLocationInput[] | null;
}

@InputType({ description: 'Filter of the certificates connection.' })
export class CertificateFilterInput {
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field(() => String, { nullable: true }) caCode?: string | null;
  @Field(() => CertificateStatus, { nullable: true }) status?: CertificateStatus | null;
  @Field(() => String, { nullable: true, description: 'Upper-case hex.' }) serial?: string | null;
}

@ArgsType()
export class CertificatesArgs {
  @Field(() => CertificateFilterInput, { nullable: true }) filter?: CertificateFilterInput | null;
  @Field(() => Int, { nullable: true, description: 'Page size; default 50, at most HUB_MAX_PAGE.' }) first?:
    number | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' }) after?:
    string | null;
}
