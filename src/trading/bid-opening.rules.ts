import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';
import { done, type Loose } from './record-validation';

export interface BidOpeningData {
  sectionCode: string;
  openedAt: string;
  bidderCount: number;
  location: string | null;
  externalId: string | null;
}
export type BidOpeningPush = Loose<BidOpeningData>;

export function validateBidOpening(input: BidOpeningPush): Validated<BidOpeningData> {
  const c = new Checker();
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const openedAt = c.dateTime('openedAt', input.openedAt, { required: true });
  const bidderCount = c.integer('bidderCount', input.bidderCount, { required: true, min: 0, max: 100000 });
  const location = c.text('location', input.location, { max: 200 });
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    sectionCode: sectionCode!,
    openedAt: openedAt!.toISOString(),
    bidderCount: bidderCount!,
    location: location ?? null,
    externalId: externalId ?? null,
  }));
}
