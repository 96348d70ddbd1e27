import { defineFamily, topic } from '../registry/family';
import { bidCertificateRule } from './bid-certificate.findings';
import { CertificateAuthorityRow } from './certificate-authority.entity';
import type { CertificateAuthorityPayload } from './certificate-authority.service';
import { CertificateRow } from './certificate.entity';
import type { CertificateSnapshot } from './certificate.push';
import { CERTIFICATE_AUTHORITY_TOPIC, CERTIFICATE_TOPIC } from './certificates.model';
import { certificatesLoaders } from './certificates.loaders';
import { CrlRow } from './crl.entity';
import { CERTIFICATE_HOLDER, CERTIFICATE_SENSITIVE } from './subject-masking.rules';

/**
 * The certificates family: the registry of recognised certificate
 * authorities (CA互认) with their CRLs, the subjects' certificates bound to
 * market entities, and their verification (RSA, ECDSA P-256, SM2 with SM3).
 * Registered in resolvers/families.ts.
 */
export const certificatesFamily = defineFamily({
  name: 'certificates',
  topics: {
    [CERTIFICATE_TOPIC]: topic<CertificateSnapshot>({
      description:
        'A subject certificate (数字证书) bound to a market entity; key: its SHA-256 fingerprint. Revocation by a CRL is an UPDATE with status REVOKED.',
      defaultWrite: false,
      sensitive: CERTIFICATE_SENSITIVE,
    }),
    [CERTIFICATE_AUTHORITY_TOPIC]: topic<CertificateAuthorityPayload>({
      description: 'A certificate authority of the registry (recognised, withdrawn, a CRL imported); key: the CA code.',
      defaultWrite: false,
    }),
  },
  sensitivities: [CERTIFICATE_HOLDER],
  entities: [CertificateAuthorityRow, CrlRow, CertificateRow],
  push: {
    [CERTIFICATE_TOPIC]: async () => (await import('./certificate.push.js')).certificatePush,
  },
  loaders: certificatesLoaders,
  findingRules: [bidCertificateRule],
  history: {
    Certificate: {
      topic: CERTIFICATE_TOPIC,
      key: 'fingerprint',
      description: 'Every version of the certificate from the change log (pushes and revocation), oldest first.',
    },
  },
  commands: [
    {
      title: 'Certificate authorities (CA互认; changes are events of topic CERTIFICATE_AUTHORITY):',
      commands: [
        {
          name: 'ca add',
          usage:
            '  ca add --code C --name N --file F.pem   recognise CA C with the root and intermediate certificates in F',
          load: () => import('./commands/ca-add.js'),
        },
        {
          name: 'ca withdraw',
          usage: '  ca withdraw --code C                    withdraw recognition: its certificates no longer verify',
          load: () => import('./commands/ca-withdraw.js'),
        },
        {
          name: 'ca list',
          usage: '  ca list                                 code, status, name and certificates, one CA a line',
          load: () => import('./commands/ca-list.js'),
        },
        {
          name: 'ca crl import',
          usage: '  ca crl import FILE                      import a CRL (PEM or DER) after checking its signature',
          load: () => import('./commands/ca-crl-import.js'),
        },
      ],
    },
  ],
});
