import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { TradingProjectOrder } from '../../src/trading/trading-project.queries';
import { TradingMethod, TradingStatus } from '../../src/trading/trading.model';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONObjectScalar } from '../common/scalars';

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
  @Field(() => String, { nullable: true, description: "TradingStatus; the project's when absent." }) status?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Bid opening time (开标时间), ISO 8601 with offset.' })
  openingAt?: string | null;
}

@InputType({
  description:
    'A trading project (交易项目) with its sections. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field.',
})
export class TradingProjectInput {
  @Field(() => String, { nullable: true, description: 'Required; the project code (项目编号).' }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of an active sub-item of the trading catalog.' })
  subItemCode?: string | null;
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code in Hubei.' }) regionCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Credit code of the tenderer, purchaser or transferor; must be registered.',
  })
  tendererCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Credit code of the agency, if any; must be registered.' })
  agencyCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Budget or reserve price, decimal yuan.' }) budget?:
    string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217; CNY when absent.' }) currency?: string | null;
  @Field(() => String, { nullable: true, description: 'TradingMethod.' }) method?: string | null;
  @Field(() => String, { nullable: true, description: 'TradingStatus; TENDERING when absent.' }) status?: string | null;
  @Field(() => String, { nullable: true, description: 'When the tender notice was published.' }) publishedAt?:
    string | null;
  @Field(() => String, { nullable: true }) bidDeadline?: string | null;
  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      "Category-specific details, checked against the sub-item's JSON Schema. At most 64 KB as canonical JSON and 32 levels deep; no NUL or lone surrogate in keys or strings; numbers exact (finite, integers within ±(2^53 − 1); send others as strings). Stored as given, never altered.",
  })
  details?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The unified transaction identifier (统一交易标识码) that follows the deal through its life, when the system has one (letters, digits and . _ - /, 2-80 characters); when absent the hub forms `HB<regionCode>-<code>`.',
  })
  unifiedTransactionCode?: string | null;
  @Field(() => [SectionInput], { nullable: true, description: 'At most 1000.' }) sections?: SectionInput[] | null;
}

@InputType({ description: 'Filters of tradingProjects; all given conditions must hold.' })
export class TradingProjectFilterInput {
  @Field(() => String, { nullable: true, description: 'Catalog category code, e.g. ENGINEERING.' })
  categoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Catalog sub-item code, e.g. ENG_TRANSPORT.' })
  subItemCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GB/T 2260 code; a prefecture includes its counties, 420000 all of Hubei.',
  })
  regionCode?: string | null;

  @Field(() => TradingStatus, { nullable: true })
  status?: TradingStatus | null;

  @Field(() => TradingMethod, { nullable: true })
  method?: TradingMethod | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only projects published at or after this time.' })
  publishedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only projects published before this time (exclusive).' })
  publishedTo?: Date | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Only projects with a budget of at least this many yuan.',
  })
  budgetMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Only projects with a budget of at most this many yuan.' })
  budgetMax?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only projects whose bid deadline (投标截止时间) is at or after this time.',
  })
  bidDeadlineFrom?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only projects whose bid deadline is before this time (exclusive).',
  })
  bidDeadlineTo?: Date | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Only projects with an award (中标/成交) of at least this many yuan on some section; with the other award conditions, the same award must meet them all.',
  })
  awardAmountMin?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Only projects with an award of at most this many yuan on some section.',
  })
  awardAmountMax?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only projects with an award dated on or after this day (YYYY-MM-DD) on some section.',
  })
  awardedFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only projects with an award dated on or before this day on some section.',
  })
  awardedTo?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Only projects that changed at or after this time, themselves or any record under them (see TradingProject.updatedAt).',
  })
  updatedSince?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Credit code of a participant: the tenderer, the agency, or a bidder on any section.',
  })
  participant?: string | null;
}

@ArgsType()
export class TradingProjectsArgs {
  @Field(() => TradingProjectFilterInput, { nullable: true }) filter?: TradingProjectFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size; default 50, at most HUB_MAX_PAGE (500).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;

  @Field(() => TradingProjectOrder, { nullable: true, defaultValue: TradingProjectOrder.CODE })
  orderBy?: TradingProjectOrder | null;
}
