import { isIP } from 'node:net';
import { isValidIdNumber } from '../common/id-number';
import { Checker } from '../common/validate';
import type { FindingData, Validated } from '../ingest/types';
import { creditCode, done, type Loose } from './record-validation';

export enum BidStatus {
  VALID = 'VALID',
  WITHDRAWN = 'WITHDRAWN',
  DISQUALIFIED = 'DISQUALIFIED',
}

export interface BidData {
  sectionCode: string;
  bidderCreditCode: string;
  amount: string | null;
  submittedAt: string;
  status: BidStatus;
  caCertSerial: string | null;
  deviceFingerprint: string | null;
  ipAddress: string | null;
  documentHash: string | null;
  projectManagerId: string | null;
  bondAccount: string | null;
  externalId: string | null;
}
export type BidPush = Loose<BidData>;

export const bidKey = (sectionCode: string, bidderCreditCode: string) => `${sectionCode}/${bidderCreditCode}`;

export function validateBid(input: BidPush): Validated<BidData> {
  const c = new Checker();
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const bidderCreditCode = creditCode(c, 'bidderCreditCode', input.bidderCreditCode);
  const amount = c.decimal('amount', input.amount);
  const submittedAt = c.dateTime('submittedAt', input.submittedAt, { required: true });
  const status = c.oneOf('status', input.status, Object.values(BidStatus), BidStatus.VALID);
  const caCertSerial = c.text('caCertSerial', input.caCertSerial, { max: 128 });
  const deviceFingerprint = c.text('deviceFingerprint', input.deviceFingerprint, { max: 256 });
  let ipAddress = c.text('ipAddress', input.ipAddress, { max: 45 });
  if (ipAddress && !isIP(ipAddress))
    ipAddress = c.fail('ipAddress', `ipAddress ${ipAddress} is not an IPv4 or IPv6 address`);
  const documentHash = c.text('documentHash', input.documentHash, { max: 128 });
  let projectManagerId = c.text('projectManagerId', input.projectManagerId, { max: 18 });
  if (projectManagerId) {
    projectManagerId = projectManagerId.toUpperCase();
    if (!isValidIdNumber(projectManagerId))
      projectManagerId = c.fail('projectManagerId', 'projectManagerId is not a valid resident ID number (GB 11643)');
  }
  const bondAccount = c.text('bondAccount', input.bondAccount, { max: 64 });
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    sectionCode: sectionCode!,
    bidderCreditCode: bidderCreditCode!,
    amount: amount ?? null,
    submittedAt: submittedAt!.toISOString(),
    status: status!,
    caCertSerial: caCertSerial ?? null,
    deviceFingerprint: deviceFingerprint ?? null,
    ipAddress: ipAddress ?? null,
    documentHash: documentHash ?? null,
    projectManagerId: projectManagerId ?? null,
    bondAccount: bondAccount ?? null,
    externalId: externalId ?? null,
  }));
}

/**
 * When a section's bids were opened, for the timing of its bids: the openedAt
 * of its bid opening record once that is pushed, else the opening planned
 * when the project was pushed; null when neither is known.
 */
export function openingTime(openedAt: Date | null, plannedAt: Date | null): Date | null {
  return openedAt ?? plannedAt;
}

/** The rule codes of bidFindings. */
export const BID_FINDING_RULES = ['BID_AFTER_OPENING'] as const;

/** A bid must be submitted before its section's bid opening (`openingAt`, see openingTime). */
export function bidFindings(b: Pick<BidData, 'submittedAt'>, openingAt: Date | null): FindingData[] {
  if (openingAt && new Date(b.submittedAt) > openingAt) {
    return [
      {
        rule: 'BID_AFTER_OPENING',
        message: `submitted at ${b.submittedAt}, after the bid opening at ${openingAt.toISOString()}`,
      },
    ];
  }
  return [];
}
