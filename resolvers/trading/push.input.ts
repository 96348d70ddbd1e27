import { Field, InputType } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars';

/*
 * Push inputs are loose on purpose (strings, all nullable): GraphQL would
 * reject a whole request for one bad value, while the push pipeline checks
 * each record on its own and reports every fault with its field path.
 * Times are ISO 8601 with an offset; money is a decimal string in yuan.
 */

@InputType({ description: 'A section or lot (标段/包) pushed inside its project.' })
export class SectionInput {
  @Field(() => String, { nullable: true, description: 'Required; unique across the province.' }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Decimal, yuan.' }) budget?: string | null;
  @Field(() => String, { nullable: true, description: "TradingStatus; the project's when absent." }) status?: string | null;
  @Field(() => String, { nullable: true, description: 'Bid opening time (开标时间), ISO 8601 with offset.' }) openingAt?: string | null;
}

@InputType({ description: 'A trading project (交易项目) with its sections. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.' })
export class TradingProjectInput {
  @Field(() => String, { nullable: true, description: 'Required; the project code (项目编号).' }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of an active sub-item of the trading catalog.' }) subItemCode?: string | null;
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code in Hubei.' }) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Credit code of the tenderer, purchaser or transferor; must be registered.' }) tendererCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Credit code of the agency, if any; must be registered.' }) agencyCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Budget or reserve price, decimal yuan.' }) budget?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217; CNY when absent.' }) currency?: string | null;
  @Field(() => String, { nullable: true, description: 'TradingMethod.' }) method?: string | null;
  @Field(() => String, { nullable: true, description: 'TradingStatus; TENDERING when absent.' }) status?: string | null;
  @Field(() => String, { nullable: true, description: 'When the tender notice was published.' }) publishedAt?: string | null;
  @Field(() => String, { nullable: true }) bidDeadline?: string | null;
  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      "Category-specific details, checked against the sub-item's JSON Schema. At most 64 KB as canonical JSON and 32 levels deep; no NUL or lone surrogate in keys or strings; numbers exact (finite, integers within ±(2^53 − 1); send others as strings). Stored as given, never altered.",
  })
  details?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
  @Field(() => [SectionInput], { nullable: true, description: 'At most 1000.' }) sections?: SectionInput[] | null;
}

@InputType({ description: 'An announcement (公告). Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.' })
export class AnnouncementInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) projectCode?: string | null;
  @Field(() => String, { nullable: true, description: 'AnnouncementType.' }) type?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) publishedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'Publication period start, YYYY-MM-DD.' }) periodStart?: string | null;
  @Field(() => String, { nullable: true }) periodEnd?: string | null;
  @Field(() => String, { nullable: true }) documentHash?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => [String], { nullable: true, description: 'Sections concerned; all when empty. At most 1000.' }) sectionCodes?: string[] | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType({ description: 'A bid (投标/竞买) with its evidence. Key: sectionCode/bidderCreditCode. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.' })
export class BidInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true }) bidderCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Quoted price, decimal yuan.' }) amount?: string | null;
  @Field(() => String, { nullable: true }) submittedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'VALID, WITHDRAWN or DISQUALIFIED; VALID when absent.' }) status?: string | null;
  @Field(() => String, { nullable: true }) caCertSerial?: string | null;
  @Field(() => String, { nullable: true, description: '文件制作机器码' }) deviceFingerprint?: string | null;
  @Field(() => String, { nullable: true }) ipAddress?: string | null;
  @Field(() => String, { nullable: true }) documentHash?: string | null;
  @Field(() => String, { nullable: true, description: "Project manager's resident ID number." }) projectManagerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Account the bid bond was paid from.' }) bondAccount?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType({ description: 'The bid opening record (开标记录) of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.' })
export class BidOpeningInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true }) openedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'A whole number, 0 to 100000.' }) bidderCount?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType({ description: 'A ranked candidate of an evaluation.' })
export class CandidateInput {
  @Field(() => String, { nullable: true, description: 'A whole number, 1 to 1000.' }) rank?: string | null;
  @Field(() => String, { nullable: true }) bidderCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Decimal, up to 4 fraction digits.' }) score?: string | null;
  @Field(() => String, { nullable: true }) amount?: string | null;
}

@InputType({ description: 'A member of the evaluation committee (评标委员会成员).' })
export class CommitteeMemberInput {
  @Field(() => String, { nullable: true, description: "The expert's code in the province-wide pool (the representative's own id for TENDERER_REPRESENTATIVE)." }) expertCode?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'ExpertRole: CHAIR, MEMBER (default) or TENDERER_REPRESENTATIVE.' }) role?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the expert works.' }) organisation?: string | null;
}

@InputType({
  description:
    'The evaluation (评标) of a section. Push it when the committee sits (committee, no report) and again when the report is delivered (reportedAt and candidates). ' +
    "The committee's identities stay masked until reportedAt is set, except for readers granted EXPERT_IDENTITY. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.",
})
export class EvaluationInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'When the committee started, ISO 8601 with offset.' }) startedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'When the evaluation report was delivered; absent while the evaluation runs.' }) reportedAt?: string | null;
  @Field(() => [CommitteeMemberInput], { nullable: true, description: 'The evaluation committee (评标委员会); at most 49 members.' }) committee?: CommitteeMemberInput[] | null;
  @Field(() => [CandidateInput], { nullable: true, description: 'Ranked candidates; with the report only. At most 100.' }) candidates?: CandidateInput[] | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType({ description: 'The award (中标/成交) of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.' })
export class AwardInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Must hold a valid bid of the section.' }) winnerCreditCode?: string | null;
  @Field(() => String, { nullable: true }) amount?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) awardedOn?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType({ description: 'A contract (合同) following the award of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.' })
export class ContractInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true }) amount?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) signedOn?: string | null;
  @Field(() => String, { nullable: true }) periodStart?: string | null;
  @Field(() => String, { nullable: true }) periodEnd?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}
