import { Field, InputType } from 'type-graphql';

/*
 * Push inputs are loose on purpose (strings, all nullable): GraphQL would
 * reject a whole request for one bad value, while the push pipeline checks
 * each record on its own and reports every fault with its field path.
 * Times are ISO 8601 with an offset; money is a decimal string in yuan.
 */

@InputType({
  description:
    'An announcement (公告). Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.',
})
export class AnnouncementInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) projectCode?: string | null;
  @Field(() => String, { nullable: true, description: 'AnnouncementType.' }) type?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) publishedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'Publication period start, YYYY-MM-DD.' }) periodStart?:
    string | null;
  @Field(() => String, { nullable: true }) periodEnd?: string | null;
  @Field(() => String, { nullable: true }) documentHash?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => [String], { nullable: true, description: 'Sections concerned; all when empty. At most 1000.' })
  sectionCodes?: string[] | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}
