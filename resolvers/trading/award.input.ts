import { Field, InputType } from 'type-graphql';

/*
 * Push inputs are loose on purpose (strings, all nullable): GraphQL would
 * reject a whole request for one bad value, while the push pipeline checks
 * each record on its own and reports every fault with its field path.
 * Times are ISO 8601 with an offset; money is a decimal string in yuan.
 */

@InputType({
  description:
    'The award (中标/成交) of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.',
})
export class AwardInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Must hold a valid bid of the section.' }) winnerCreditCode?:
    string | null;
  @Field(() => String, { nullable: true }) amount?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) awardedOn?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}
