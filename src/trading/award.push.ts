import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../common/errors';
import { AwardRow } from './award.entity';
import type { Principal } from '../auth/principal';
import { runPush, type PushOptions } from '../ingest/pipeline';
import type { Accepted, PushResult } from '../ingest/types';
import { TradingTopic } from './trading.model';
import { marketEntityIds, noMarketEntity } from '../market';
import { addError, type FieldErrors } from '../common/field-error';
import { bidKey } from './bid.rules';
import { validateAward, type AwardData, type AwardPush } from './award.rules';
import { rederiveContractFindings } from './contract.push';
import { biddersOf, sectionRecord } from './section-record.push';

/** AWARD_WITHOUT_BID: the winner of each award must be among `validBidders` (bidKey of section and credit code). */
function awardsWithoutBid(
  records: readonly Accepted<AwardData>[],
  validBidders: ReadonlySet<string>,
  errors: FieldErrors,
): void {
  for (const r of records) {
    if (validBidders.has(bidKey(r.value.sectionCode, r.value.winnerCreditCode))) continue;
    addError(errors, r.index, {
      field: 'winnerCreditCode',
      code: ErrorCode.CONFLICT,
      rule: 'AWARD_WITHOUT_BID',
      message: `${r.value.winnerCreditCode} holds no valid bid for section ${r.value.sectionCode}; an award names a bid of its section`,
    });
  }
}

/** Awards (topic AWARD): the winner must hold a valid bid of that section. */
export const awardPush = sectionRecord<AwardPush, AwardData>({
  topic: TradingTopic.AWARD,
  entity: AwardRow,
  validate: validateAward,
  toRow: ({ value: v, refs }) => ({ winner_id: refs.winnerId, amount: v.amount, awarded_on: v.awardedOn }),
  async check(em, records, errors) {
    const [bidders, ids] = await Promise.all([
      biddersOf(
        em,
        records.map((r) => r.value.sectionCode),
        true,
      ),
      marketEntityIds(
        em,
        records.map((r) => r.value.winnerCreditCode),
      ),
    ]);
    for (const r of records) {
      r.refs.winnerId = ids.get(r.value.winnerCreditCode);
      if (!r.refs.winnerId) {
        addError(errors, r.index, noMarketEntity('winnerCreditCode', r.value.winnerCreditCode));
      }
    }
    awardsWithoutBid(
      records.filter((r) => r.refs.winnerId),
      bidders,
      errors,
    );
  },
  // A bid pushed meanwhile may have withdrawn or been disqualified: bids of the section are written with its project
  // locked too.
  recheck: async (em, records, errors) =>
    awardsWithoutBid(
      records,
      await biddersOf(
        em,
        records.map((r) => r.value.sectionCode),
        true,
      ),
      errors,
    ),
  dependents: (em, records) =>
    rederiveContractFindings(
      em,
      records.map((r) => r.value.sectionCode),
    ),
});

export const pushAwards = (
  em: EntityManager,
  p: Principal,
  records: AwardPush[],
  o: PushOptions,
): Promise<PushResult> => runPush(em, p, awardPush, records, o);
