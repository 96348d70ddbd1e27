import { Field, InputType } from 'type-graphql';

/*
 * Push inputs are loose on purpose (strings, all nullable): GraphQL would
 * reject a whole request for one bad value, while the push pipeline checks
 * each record on its own and reports every fault with its field path.
 * Times are ISO 8601 with an offset; money is a decimal string in yuan.
 */

@InputType({
  description:
    'The bid opening record (开标记录) of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.',
})
export class BidOpeningInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true }) openedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'A whole number, 0 to 100000.' }) bidderCount?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}
