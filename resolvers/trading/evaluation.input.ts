import { Field, InputType } from 'type-graphql';

/*
 * Push inputs are loose on purpose (strings, all nullable): GraphQL would
 * reject a whole request for one bad value, while the push pipeline checks
 * each record on its own and reports every fault with its field path.
 * Times are ISO 8601 with an offset; money is a decimal string in yuan.
 */

@InputType({ description: 'A ranked candidate of an evaluation.' })
export class CandidateInput {
  @Field(() => String, { nullable: true, description: 'A whole number, 1 to 1000.' }) rank?: string | null;
  @Field(() => String, { nullable: true }) bidderCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Decimal, up to 4 fraction digits.' }) score?: string | null;
  @Field(() => String, { nullable: true }) amount?: string | null;
}

@InputType({ description: 'A member of the evaluation committee (评标委员会成员).' })
export class CommitteeMemberInput {
  @Field(() => String, {
    nullable: true,
    description:
      "The expert's code in the province-wide pool (the representative's own id for TENDERER_REPRESENTATIVE).",
  })
  expertCode?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ExpertRole: CHAIR, MEMBER (default) or TENDERER_REPRESENTATIVE.',
  })
  role?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the expert works.' }) organisation?: string | null;
}

@InputType({
  description:
    'The evaluation (评标) of a section. Push it when the committee sits (committee, no report) and again when the report is delivered (reportedAt and candidates). ' +
    "The committee's identities stay masked until reportedAt is set, except for readers granted EXPERT_IDENTITY. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.",
})
export class EvaluationInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'When the committee started, ISO 8601 with offset.' })
  startedAt?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'When the evaluation report was delivered; absent while the evaluation runs.',
  })
  reportedAt?: string | null;
  @Field(() => [CommitteeMemberInput], {
    nullable: true,
    description: 'The evaluation committee (评标委员会); at most 49 members.',
  })
  committee?: CommitteeMemberInput[] | null;
  @Field(() => [CandidateInput], {
    nullable: true,
    description: 'Ranked candidates; with the report only. At most 100.',
  })
  candidates?: CandidateInput[] | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}
