import type { EntityManager } from '@mikro-orm/postgresql';
import { MarketEntityRow } from '../market';
import { listEach, oneEach } from '../read/loaders';
import type { CertificateRow } from './certificate.entity';

/** The certificates family's request-scoped loaders. */
export function certificatesLoaders(em: EntityManager) {
  return {
    /** Certificates bound to a market entity, by its credit code, newest first. */
    certificatesByCreditCode: listEach<string, CertificateRow>(
      // The queries module (X.509 parsing, the trust store) loads on first use, not with the family list: the `hub`
      // command builds that list for every call.
      async (codes) => (await import('./certificate.queries.js')).certificatesByCreditCodes(em, codes),
      (r) => r.creditCode,
    ),
    /** The market entity a certificate is bound to, by credit code. */
    marketEntityByCreditCode: oneEach<string, MarketEntityRow>(
      (codes) => em.find(MarketEntityRow, { creditCode: { $in: [...codes] } }),
      (r) => r.creditCode,
    ),
  };
}
