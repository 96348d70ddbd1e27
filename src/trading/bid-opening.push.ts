import type { EntityManager } from '@mikro-orm/postgresql';
import { BidOpeningRow } from './bid-opening.entity';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { PushResult } from '../ingest/types';
import { TradingTopic } from './trading.model';
import { validateBidOpening, type BidOpeningData, type BidOpeningPush } from './bid-opening.rules';
import { rederiveBidFindings } from './bid.push';
import { sectionRecord } from './section-record.push';

/** Bid opening records (topic BID_OPENING); its openedAt decides which bids of the section came late. */
export const bidOpeningPush = sectionRecord<BidOpeningPush, BidOpeningData>({
  topic: TradingTopic.BID_OPENING,
  entity: BidOpeningRow,
  validate: validateBidOpening,
  toRow: ({ value: v }) => ({ opened_at: v.openedAt, bidder_count: v.bidderCount, location: v.location }),
  dependents: (em, records) =>
    rederiveBidFindings(
      em,
      records.map((r) => r.value.sectionCode),
    ),
});

export const pushBidOpenings = (
  em: EntityManager,
  p: Principal,
  records: BidOpeningPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, bidOpeningPush, records, o);
