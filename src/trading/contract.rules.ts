import { Checker } from '../common/validate';
import type { FindingData, Validated } from '../ingest/types';
import { done, type Loose } from './record-validation';

export interface ContractData {
  code: string;
  sectionCode: string;
  amount: string;
  signedOn: string;
  periodStart: string | null;
  periodEnd: string | null;
  externalId: string | null;
}
export type ContractPush = Loose<ContractData>;

export function validateContract(input: ContractPush): Validated<ContractData> {
  const c = new Checker();
  const code = c.code('code', input.code);
  const sectionCode = c.code('sectionCode', input.sectionCode);
  const amount = c.decimal('amount', input.amount, { required: true });
  const signedOn = c.date('signedOn', input.signedOn);
  if (signedOn === null) c.fail('signedOn', 'signedOn is required');
  const periodStart = c.date('periodStart', input.periodStart);
  const periodEnd = c.date('periodEnd', input.periodEnd);
  if (periodStart && periodEnd && periodEnd < periodStart) c.fail('periodEnd', 'periodEnd is before periodStart');
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  return done(c, () => ({
    code: code!,
    sectionCode: sectionCode!,
    amount: amount!,
    signedOn: signedOn!,
    periodStart: periodStart ?? null,
    periodEnd: periodEnd ?? null,
    externalId: externalId ?? null,
  }));
}

/** The rule codes of contractFindings. */
export const CONTRACT_FINDING_RULES = ['CONTRACT_BEFORE_AWARD'] as const;

/** A contract signed before the award it follows is a timing finding. */
export function contractFindings(k: Pick<ContractData, 'signedOn'>, awardedOn: string | null): FindingData[] {
  return awardedOn && k.signedOn < awardedOn
    ? [{ rule: 'CONTRACT_BEFORE_AWARD', message: `signed on ${k.signedOn}, before the award on ${awardedOn}` }]
    : [];
}
