import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';
import { creditCode, done, type Loose } from './record-validation';

export interface AwardData {
  sectionCode: string;
  winnerCreditCode: string;
  amount: string;
  awardedOn: string;
  externalId: string | null;
}
export type AwardPush = Loose<AwardData>;

export function validateAward(input: AwardPush): Validated<AwardData> {
  const c = new Checker();
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const winnerCreditCode = creditCode(c, 'winnerCreditCode', input.winnerCreditCode);
  const amount = c.decimal('amount', input.amount, { required: true });
  const awardedOn = c.date('awardedOn', input.awardedOn);
  if (awardedOn === null) c.fail('awardedOn', 'awardedOn is required');
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    sectionCode: sectionCode!,
    winnerCreditCode: winnerCreditCode!,
    amount: amount!,
    awardedOn: awardedOn!,
    externalId: externalId ?? null,
  }));
}
