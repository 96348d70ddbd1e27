import type { FindingData } from '../ingest/types';
import { CertificateFinding } from './certificates.model';

/** What the rule reads of a bid (a validated BID record). */
export interface BidCertificateFacts {
  bidderCreditCode: string;
  /** ISO time. */
  submittedAt: string;
  caCertSerial: string | null;
}

/** What it reads of a known certificate with the bid's serial. */
export interface KnownCertificate {
  creditCode: string;
  caCode: string;
  notBefore: Date;
  notAfter: Date;
  revokedAt: Date | null;
}

/** The serial as certificates are stored: upper-case hex without separators or leading zero bytes. */
export function normaliseSerial(raw: string): string {
  const h = raw
    .replace(/[\s:]/g, '')
    .toUpperCase()
    .replace(/^(00)+(?=.)/, '');
  return h.length % 2 ? `0${h}` : h;
}

/**
 * The findings on a bid whose certificate serial the hub knows: the bidder's
 * own certificate must carry that serial (else BID_CERTIFICATE_OTHER_ENTITY:
 * it belongs to another entity), and it must have been neither revoked
 * (BID_CERTIFICATE_REVOKED) nor outside its validity (BID_CERTIFICATE_EXPIRED)
 * at `submittedAt`. A serial the hub does not know yields nothing: most CAs
 * do not push every certificate.
 */
export function bidCertificateFindings(bid: BidCertificateFacts, known: readonly KnownCertificate[]): FindingData[] {
  if (!bid.caCertSerial || !known.length) return [];
  const own = known.filter((c) => c.creditCode === bid.bidderCreditCode);
  if (!own.length)
    return [
      {
        rule: CertificateFinding.BID_CERTIFICATE_OTHER_ENTITY,
        message: `certificate serial ${bid.caCertSerial} belongs to ${known[0].creditCode} (CA ${known[0].caCode}), not to the bidder`,
      },
    ];
  const at = new Date(bid.submittedAt);
  const findings: FindingData[] = [];
  if (own.every((c) => c.revokedAt && c.revokedAt <= at))
    findings.push({
      rule: CertificateFinding.BID_CERTIFICATE_REVOKED,
      message: `the bid was signed with certificate ${bid.caCertSerial}, revoked at ${own[0].revokedAt!.toISOString()}`,
    });
  else if (own.every((c) => at < c.notBefore || at > c.notAfter))
    findings.push({
      rule: CertificateFinding.BID_CERTIFICATE_EXPIRED,
      message: `certificate ${bid.caCertSerial} was not valid at ${bid.submittedAt} (valid ${own[0].notBefore.toISOString()} to ${own[0].notAfter.toISOString()})`,
    });
  return findings;
}
