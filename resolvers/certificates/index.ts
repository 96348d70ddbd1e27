import { certificatesFamily } from '../../src/certificates';
import type { FamilyApi } from '../common/api-family';
import { historyResolvers } from '../common/history';
import {
  CertificateConnectionResolver,
  CertificateResolver,
  CertificateVerdictResolver,
  MarketEntityCertificatesResolver,
} from './certificate.resolver';
import { Certificate } from './certificate.type';

/*
 * The API side of the certificates family: the CA registry, CRL imports,
 * certificate pushes and reads, verification, and MarketEntity.certificates.
 */
export const api: FamilyApi = {
  resolvers: [
    CertificateResolver,
    CertificateVerdictResolver,
    CertificateConnectionResolver,
    MarketEntityCertificatesResolver,
    ...historyResolvers(certificatesFamily, { Certificate }),
  ],
};
