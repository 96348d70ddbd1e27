import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ExpertKind, ExpertStatus } from '../../src/credit/credit.model';

/*
 * Push inputs are loose on purpose (strings, all nullable): the push pipeline
 * checks each record on its own and reports every fault with its field path.
 */

@InputType({ description: 'An expert of the province-wide pool (全省一库) as the pool system pushes it.' })
export class ExpertInput {
  @Field(() => String, { nullable: true, description: 'Required. The expert code in the pool.' })
  code?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required. ExpertKind: TENDERING (评标专家), PROCUREMENT (评审专家) or BOTH.',
  })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Required.' }) name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required. Resident ID number (GB 11643, check digit verified).',
  })
  idNumber?: string | null;

  @Field(() => String, { nullable: true }) phone?: string | null;

  @Field(() => [String], { nullable: true, description: 'Specialty codes (评标专业); at most 50.' })
  specialties?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Required. GB/T 2260 code in Hubei.' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The employer’s unified social credit code.' })
  employerCreditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ExpertStatus; ACTIVE when absent.' })
  status?: string | null;

  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType({ description: 'Which experts to list; every condition has an index.' })
export class ExpertFilterInput {
  @Field(() => ExpertKind, { nullable: true }) kind?: ExpertKind | null;
  @Field(() => ExpertStatus, { nullable: true }) status?: ExpertStatus | null;
  @Field(() => String, { nullable: true, description: 'GB/T 2260; a prefecture includes its counties.' })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A specialty code the expert lists.' }) specialty?: string | null;
}

@ArgsType()
export class ExpertsArgs {
  @Field(() => ExpertFilterInput, { nullable: true }) filter?: ExpertFilterInput | null;
  @Field(() => Int, { nullable: true, description: 'Page size (default 50, at most HUB_MAX_PAGE).' })
  first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}
