import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { EntityStatus, MarketRole } from '../../src/market/market-entity.model';
import { MarketEntityOrder } from '../../src/market/market-entity.queries';
import { DateTimeScalar } from '../common/scalars';

/*
 * Push inputs are deliberately loose (strings, all nullable): GraphQL would
 * reject a whole request for one bad enum or missing field, while the push
 * pipeline checks each record on its own and reports every fault with its
 * field path, so one bad record never blocks the others. `roles` is the
 * exception: the same enum as the filter's `role`, so that the inline form
 * `roles: [BIDDER]` works like `role: BIDDER`; JSON variables carry enum
 * values as their names, so callers sending `["BIDDER"]` are unaffected, and
 * only an unknown role refuses the whole request (as in every enum argument).
 */

@InputType({ description: 'A qualification (资质) as pushed.' })
export class QualificationInput {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) level?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) validUntil?: string | null;
  @Field(() => String, { nullable: true }) issuer?: string | null;
}

@InputType({
  description:
    'A market entity as a trading system pushes it. Checked per record by the push pipeline. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.',
})
export class MarketEntityInput {
  @Field(() => String, {
    nullable: true,
    description: 'Required. 统一社会信用代码, 18 characters with a valid check character.',
  })
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Required.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'EntityKind; derived from the credit code (9 enterprise, 1 public institution, 5 social organisation) when absent.',
  })
  kind?: string | null;

  @Field(() => [MarketRole], {
    nullable: true,
    description:
      'At most 10. Written inline as enum values (`roles: [BIDDER]`); in variables as their names (`"roles": ["BIDDER"]`), as before.',
  })
  roles?: MarketRole[] | null;

  @Field(() => String, { nullable: true }) legalRepresentative?: string | null;

  @Field(() => String, { nullable: true, description: 'Resident ID number of the legal representative (GB 11643).' })
  legalRepresentativeIdNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Digits, dashes, an optional leading +.' }) contactPhone?:
    string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Decimal string in yuan, at most 2 fraction digits, e.g. "5000000.00".',
  })
  registeredCapital?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GB/T 2260 code in Hubei; taken from the credit code (positions 3-8) when absent.',
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true }) address?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future.' })
  establishedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'EntityStatus; ACTIVE when absent.' })
  status?: string | null;

  @Field(() => [QualificationInput], { nullable: true, description: 'At most 200.' }) qualifications?:
    QualificationInput[] | null;

  @Field(() => String, { nullable: true, description: "The pushing system's own id for the record." })
  externalId?: string | null;
}

@InputType({ description: 'Filters of marketEntities; all given conditions must hold.' })
export class MarketEntityFilterInput {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  nameContains?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GB/T 2260 code; a prefecture includes its counties, 420000 all of Hubei.',
  })
  regionCode?: string | null;

  @Field(() => MarketRole, { nullable: true }) role?: MarketRole | null;

  @Field(() => EntityStatus, { nullable: true }) status?: EntityStatus | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only entities updated at or after this time.' })
  updatedSince?: Date | null;

  @Field(() => [String], { nullable: true, description: 'Only these credit codes (at most 1000).' })
  creditCodes?: string[] | null;
}

@ArgsType()
export class MarketEntitiesArgs {
  @Field(() => MarketEntityFilterInput, { nullable: true }) filter?: MarketEntityFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size; default 50, at most HUB_MAX_PAGE (500).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;

  @Field(() => MarketEntityOrder, { nullable: true, defaultValue: MarketEntityOrder.CREDIT_CODE })
  orderBy?: MarketEntityOrder | null;
}
