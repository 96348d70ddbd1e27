import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { CreditKind, CreditRecordStatus, CreditSeverity } from '../../src/credit/credit.model';
import { DateScalar, DateTimeScalar } from '../common/scalars';

@InputType({
  description:
    'A credit record (信用记录) as an authority’s system pushes it. Loose on purpose: each record is checked on its own, faults carry their field and, for credit rules, a rule code. Dates are YYYY-MM-DD (China calendar); money a decimal string in yuan.',
})
export class CreditRecordInput {
  @Field(() => String, { nullable: true, description: 'Required. The record’s business key.' })
  code?: string | null;
  @Field(() => String, { nullable: true, description: 'The subject market entity; or subjectExpertCode.' })
  subjectCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The subject expert of the pool; or subjectCreditCode.' })
  subjectExpertCode?: string | null;
  @Field(() => String, { nullable: true }) subjectName?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A natural person’s ID number (GB 11643); masked as PERSONAL_ID.',
  })
  subjectIdNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Required. CreditKind.' }) kind?: string | null;
  @Field(() => String, { nullable: true, description: 'Required. CreditSeverity.' }) severity?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'IN_FORCE (default) or REVOKED when the authority withdrew its decision (final).',
  })
  status?: string | null;
  @Field(() => String, { nullable: true, description: 'Required. The decision date.' }) decidedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Required. 决定书文号.' }) decisionNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Required.' }) authorityName?: string | null;
  @Field(() => String, { nullable: true, description: 'Required.' }) authorityCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Required.' }) summary?: string | null;
  @Field(() => String, { nullable: true, description: 'ADMINISTRATIVE_PENALTY: required (双公示).' })
  legalBasis?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A code, e.g. COLLUSIVE_BIDDING (with SUSPENSION or LICENCE_REVOCATION: never repaired).',
  })
  violationType?: string | null;
  @Field(() => String, { nullable: true }) violationFacts?: string | null;
  @Field(() => String, { nullable: true, description: 'PenaltyType (ADMINISTRATIVE_PENALTY only).' })
  penaltyType?: string | null;
  @Field(() => String, { nullable: true }) penaltyContent?: string | null;
  @Field(() => String, { nullable: true, description: 'Decimal yuan.' }) fineAmount?: string | null;
  @Field(() => String, { nullable: true, description: 'Decimal yuan.' }) confiscatedAmount?: string | null;
  @Field(() => String, { nullable: true, description: 'BLACKLIST: the listing date (default decidedOn).' })
  listedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'BLACKLIST: required, the day it ends.' })
  listingEndsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'CONTRACT_PERFORMANCE: the contract.' })
  contractCode?: string | null;
  @Field(() => String, { nullable: true, description: 'CONTRACT_PERFORMANCE: GOOD, QUALIFIED or POOR.' })
  performanceRating?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The end of publication decided (公示截止), within the bounds of the severity; default the maximum.',
  })
  publicationEndsOn?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType({ description: 'An inclusive range of dates; either end may be left open.' })
export class DateRangeInput {
  @Field(() => DateScalar, { nullable: true }) from?: string | null;
  @Field(() => DateScalar, { nullable: true }) to?: string | null;
}

@InputType({ description: 'Which credit records to list; every condition has an index.' })
export class CreditRecordFilterInput {
  @Field(() => String, { nullable: true, description: 'The subject’s credit code or expert code.' })
  subject?: string | null;
  @Field(() => CreditKind, { nullable: true }) kind?: CreditKind | null;
  @Field(() => CreditSeverity, { nullable: true }) severity?: CreditSeverity | null;
  @Field(() => String, { nullable: true, description: 'The deciding authority’s credit code.' })
  authority?: string | null;
  @Field(() => CreditRecordStatus, { nullable: true }) status?: CreditRecordStatus | null;
  @Field(() => DateRangeInput, { nullable: true, description: 'Publication starting within the range.' })
  publishedFrom?: DateRangeInput | null;
  @Field(() => DateRangeInput, { nullable: true, description: 'Decided within the range.' })
  decidedOn?: DateRangeInput | null;
}

@ArgsType()
export class CreditRecordsArgs {
  @Field(() => CreditRecordFilterInput, { nullable: true }) filter?: CreditRecordFilterInput | null;
  @Field(() => Int, { nullable: true, description: 'Page size (default 50, at most HUB_MAX_PAGE).' })
  first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}

@InputType({ description: 'A credit repair (信用修复) decision.' })
export class CreditRepairInput {
  @Field(() => String, { description: 'The record’s code.' }) recordKey!: string;
  @Field(() => String, { description: 'The deciding authority.' }) decidedBy!: string;
  @Field(() => DateTimeScalar, { description: 'When the repair took effect; publication ends then.' })
  decidedAt!: Date;
  @Field(() => String, { description: 'Grounds: the violation corrected, the public commitment made.' })
  grounds!: string;
}
