import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import type { FindingData } from '../ingest/types';
import type { FindingRule } from '../ingest/findings';
import { TradingTopic } from '../trading';
import {
  bidCertificateFindings,
  normaliseSerial,
  type BidCertificateFacts,
  type KnownCertificate,
} from './bid-certificate.rules';
import { CertificateFinding } from './certificates.model';

/**
 * Findings on bids from the certificates the hub knows (registered in the
 * family's descriptor): one query for the batch, by serial.
 */
export const bidCertificateRule: FindingRule = {
  topic: TradingTopic.BID,
  rules: Object.values(CertificateFinding),
  async derive(em: EntityManager, records): Promise<ReadonlyMap<string, FindingData[]>> {
    const bids = records
      .map((r) => ({ key: r.key, bid: r.value as BidCertificateFacts }))
      .filter((b) => typeof b.bid.caCertSerial === 'string' && b.bid.caCertSerial.length > 0);
    const serials = [...new Set(bids.map((b) => normaliseSerial(b.bid.caCertSerial!)))];
    if (!serials.length) return new Map();
    const rows = await query<{
      serial: string;
      credit_code: string;
      ca_code: string;
      not_before: Date;
      not_after: Date;
      revoked_at: Date | null;
    }>(
      em,
      `select serial, credit_code, ca_code, not_before, not_after, revoked_at from certificate where serial in ${TEXT_SET}`,
      [textSetParam(serials)],
    );
    const bySerial = new Map<string, KnownCertificate[]>();
    for (const r of rows)
      bySerial.set(r.serial, [
        ...(bySerial.get(r.serial) ?? []),
        {
          creditCode: r.credit_code,
          caCode: r.ca_code,
          notBefore: new Date(r.not_before),
          notAfter: new Date(r.not_after),
          revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
        },
      ]);
    const out = new Map<string, FindingData[]>();
    for (const b of bids) {
      const found = bidCertificateFindings(b.bid, bySerial.get(normaliseSerial(b.bid.caCertSerial!)) ?? []);
      if (found.length) out.set(b.key, found);
    }
    return out;
  },
};
