import { chinaDate } from '../common/datetime';
import { ErrorCode } from '../common/errors';
import { isValidIdNumber } from '../common/id-number';
import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';
import {
  CreditKind,
  CreditRecordStatus,
  CreditSeverity,
  CreditSubjectType,
  PenaltyType,
  PerformanceRating,
  type CreditRecordData,
} from './credit.model';
import { publicationWindow } from './publication.rules';

/** A credit record as an authority's system pushes it: untrusted. */
export interface CreditRecordPush {
  code?: unknown;
  subjectCreditCode?: unknown;
  subjectExpertCode?: unknown;
  subjectName?: unknown;
  subjectIdNumber?: unknown;
  kind?: unknown;
  severity?: unknown;
  status?: unknown;
  decidedOn?: unknown;
  decisionNumber?: unknown;
  authorityName?: unknown;
  authorityCreditCode?: unknown;
  summary?: unknown;
  legalBasis?: unknown;
  violationType?: unknown;
  violationFacts?: unknown;
  penaltyType?: unknown;
  penaltyContent?: unknown;
  fineAmount?: unknown;
  confiscatedAmount?: unknown;
  listedOn?: unknown;
  listingEndsOn?: unknown;
  contractCode?: unknown;
  performanceRating?: unknown;
  publicationEndsOn?: unknown;
  externalId?: unknown;
}

/** Pushable standings: REPAIRED comes only from repairCreditRecord. */
const PUSHED_STATUS = [CreditRecordStatus.IN_FORCE, CreditRecordStatus.REVOKED];

/**
 * Validates a pushed credit record and derives its window; pure. Field errors
 * are BAD_USER_INPUT; what breaks a credit rule carries its rule code:
 * SUBJECT_REQUIRED, SUBJECT_AMBIGUOUS, PENALTY_FIELDS_REQUIRED (the 双公示
 * items of an administrative penalty), FIELD_NOT_OF_KIND, RATING_REQUIRED,
 * DECIDED_IN_FUTURE, and those of publicationWindow.
 */
export function validateCreditRecord(input: CreditRecordPush, today = chinaDate()): Validated<CreditRecordData> {
  const c = new Checker();
  const optional = <E extends string>(field: string, raw: unknown, values: readonly E[]): E | null | undefined =>
    raw === null || raw === undefined || raw === '' ? null : c.oneOf(field, raw, values);
  const rule = (field: string, code: string, message: string) =>
    c.errors.push({ field, code: ErrorCode.BAD_USER_INPUT, message, rule: code });
  const code = c.code('code', input.code);
  const entity = c.creditCode('subjectCreditCode', input.subjectCreditCode, { required: false });
  const expert = c.code('subjectExpertCode', input.subjectExpertCode, { required: false });
  if (entity === null && expert === null)
    rule('subjectCreditCode', 'SUBJECT_REQUIRED', 'a record names its subject: subjectCreditCode or subjectExpertCode');
  if (entity && expert)
    rule(
      'subjectExpertCode',
      'SUBJECT_AMBIGUOUS',
      'a record names one subject: subjectCreditCode or subjectExpertCode',
    );
  const subjectName = c.text('subjectName', input.subjectName, { max: 200 });
  let subjectIdNumber = c.text('subjectIdNumber', input.subjectIdNumber, { max: 18 });
  if (subjectIdNumber) {
    subjectIdNumber = subjectIdNumber.toUpperCase();
    if (!isValidIdNumber(subjectIdNumber))
      subjectIdNumber = c.fail('subjectIdNumber', 'subjectIdNumber is not a valid resident ID number (GB 11643)');
  }
  const kind = c.oneOf('kind', input.kind, Object.values(CreditKind));
  const severity = c.oneOf('severity', input.severity, Object.values(CreditSeverity));
  const status = c.oneOf('status', input.status, PUSHED_STATUS, CreditRecordStatus.IN_FORCE);
  let decidedOn = c.date('decidedOn', input.decidedOn);
  if (decidedOn === null) decidedOn = c.fail('decidedOn', 'decidedOn is required');
  else if (decidedOn && decidedOn > today) {
    rule('decidedOn', 'DECIDED_IN_FUTURE', `decidedOn ${decidedOn} is after today (${today})`);
    decidedOn = undefined;
  }
  const decisionNumber = c.text('decisionNumber', input.decisionNumber, { required: true, max: 100 });
  const authorityName = c.text('authorityName', input.authorityName, { required: true, max: 200 });
  const authorityCreditCode = c.creditCode('authorityCreditCode', input.authorityCreditCode);
  const summary = c.text('summary', input.summary, { required: true, max: 2000 });
  const legalBasis = c.text('legalBasis', input.legalBasis, { max: 1000 });
  let violationType = c.code('violationType', input.violationType, { required: false, max: 60 });
  if (violationType) violationType = violationType.toUpperCase();
  const violationFacts = c.text('violationFacts', input.violationFacts, { max: 4000 });
  const penaltyType = optional('penaltyType', input.penaltyType, Object.values(PenaltyType));
  const penaltyContent = c.text('penaltyContent', input.penaltyContent, { max: 2000 });
  const fineAmount = c.decimal('fineAmount', input.fineAmount);
  const confiscatedAmount = c.decimal('confiscatedAmount', input.confiscatedAmount);
  const listedOn = c.date('listedOn', input.listedOn);
  const listingEndsOn = c.date('listingEndsOn', input.listingEndsOn);
  const contractCode = c.code('contractCode', input.contractCode, { required: false });
  const performanceRating = optional('performanceRating', input.performanceRating, Object.values(PerformanceRating));
  const publicationEndsOn = c.date('publicationEndsOn', input.publicationEndsOn);
  const externalId = c.text('externalId', input.externalId, { max: 100 });

  // The kind's own fields: required where the disclosure rules ask for them, refused on other kinds.
  const ofKind = (k: CreditKind, fields: Record<string, unknown>) => {
    for (const [f, v] of Object.entries(fields))
      if (kind && kind !== k && v !== null && v !== undefined)
        rule(f, 'FIELD_NOT_OF_KIND', `${f} belongs to ${k} records, not ${kind}`);
  };
  ofKind(CreditKind.ADMINISTRATIVE_PENALTY, { penaltyType, penaltyContent, fineAmount, confiscatedAmount });
  ofKind(CreditKind.BLACKLIST, { listedOn, listingEndsOn });
  ofKind(CreditKind.CONTRACT_PERFORMANCE, { contractCode, performanceRating });
  if (kind === CreditKind.ADMINISTRATIVE_PENALTY) {
    // 双公示: the decision's legal basis, violation type and facts, penalty type and content.
    const missing = Object.entries({ legalBasis, violationType, violationFacts, penaltyType, penaltyContent })
      .filter(([, v]) => v === null)
      .map(([f]) => f);
    for (const f of missing) rule(f, 'PENALTY_FIELDS_REQUIRED', `an administrative penalty discloses ${f} (双公示)`);
  }
  if (kind === CreditKind.CONTRACT_PERFORMANCE && performanceRating === null)
    rule('performanceRating', 'RATING_REQUIRED', 'a contract-performance record rates it: GOOD, QUALIFIED or POOR');
  if (kind === CreditKind.BLACKLIST && listedOn && decidedOn && listedOn < decidedOn)
    rule('listedOn', 'LISTED_BEFORE_DECISION', `listedOn ${listedOn} is before the decision on ${decidedOn}`);
  if (c.errors.length) return { ok: false, errors: c.errors };

  const window = publicationWindow({
    kind: kind!,
    severity: severity!,
    decidedOn: decidedOn!,
    listedOn: listedOn ?? null,
    listingEndsOn: listingEndsOn ?? null,
    publicationEndsOn: publicationEndsOn ?? null,
    violationType: violationType ?? null,
    penaltyType: penaltyType ?? null,
    performanceRating: performanceRating ?? null,
  });
  if (!window.ok) {
    for (const e of window.errors) rule(e.field, e.rule, `${e.field}: ${e.message}`);
    return { ok: false, errors: c.errors };
  }
  return {
    ok: true,
    value: {
      code: code!,
      subjectType: entity ? CreditSubjectType.ENTITY : CreditSubjectType.EXPERT,
      subjectCode: (entity ?? expert)!,
      subjectName: subjectName ?? null,
      subjectIdNumber: subjectIdNumber ?? null,
      kind: kind!,
      severity: severity!,
      status: status!,
      decidedOn: decidedOn!,
      decisionNumber: decisionNumber!,
      authorityName: authorityName!,
      authorityCreditCode: authorityCreditCode!,
      summary: summary!,
      legalBasis: legalBasis ?? null,
      violationType: violationType ?? null,
      violationFacts: violationFacts ?? null,
      penaltyType: penaltyType ?? null,
      penaltyContent: penaltyContent ?? null,
      fineAmount: fineAmount ?? null,
      confiscatedAmount: confiscatedAmount ?? null,
      listedOn: kind === CreditKind.BLACKLIST ? (listedOn ?? decidedOn!) : null,
      listingEndsOn: listingEndsOn ?? null,
      contractCode: contractCode ?? null,
      performanceRating: performanceRating ?? null,
      publicationEndsOn: publicationEndsOn ?? null,
      ...window.value,
      externalId: externalId ?? null,
    },
  };
}
