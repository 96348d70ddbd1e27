import { Field, InputType } from 'type-graphql';

/*
 * Push inputs are loose on purpose (strings, all nullable): GraphQL would
 * reject a whole request for one bad value, while the push pipeline checks
 * each record on its own and reports every fault with its field path.
 * Times are ISO 8601 with an offset; money is a decimal string in yuan.
 */

@InputType({
  description:
    'A bid (投标/竞买) with its evidence. Key: sectionCode/bidderCreditCode. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.',
})
export class BidInput {
  @Field(() => String, { nullable: true }) sectionCode?: string | null;
  @Field(() => String, { nullable: true }) bidderCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Quoted price, decimal yuan.' }) amount?: string | null;
  @Field(() => String, { nullable: true }) submittedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'VALID, WITHDRAWN or DISQUALIFIED; VALID when absent.' })
  status?: string | null;
  @Field(() => String, { nullable: true }) caCertSerial?: string | null;
  @Field(() => String, { nullable: true, description: '文件制作机器码' }) deviceFingerprint?: string | null;
  @Field(() => String, { nullable: true }) ipAddress?: string | null;
  @Field(() => String, { nullable: true }) documentHash?: string | null;
  @Field(() => String, { nullable: true, description: "Project manager's resident ID number." }) projectManagerId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Account the bid bond was paid from.' }) bondAccount?:
    string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}
