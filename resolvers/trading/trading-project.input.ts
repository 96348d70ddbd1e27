import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { TradingProjectOrder } from '../../src/trading/trading-project.queries';
import { TradingMethod, TradingStatus } from '../../src/trading/trading.model';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../common/scalars';

@InputType({ description: 'Filters of tradingProjects; all given conditions must hold.' })
export class TradingProjectFilterInput {
  @Field(() => String, { nullable: true, description: 'Catalog category code, e.g. ENGINEERING.' })
  categoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Catalog sub-item code, e.g. ENG_TRANSPORT.' })
  subItemCode?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code; a prefecture includes its counties, 420000 all of Hubei.' })
  regionCode?: string | null;

  @Field(() => TradingStatus, { nullable: true })
  status?: TradingStatus | null;

  @Field(() => TradingMethod, { nullable: true })
  method?: TradingMethod | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only projects published at or after this time.' })
  publishedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only projects published before this time (exclusive).' })
  publishedTo?: Date | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Only projects with a budget of at least this many yuan.' })
  budgetMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Only projects with a budget of at most this many yuan.' })
  budgetMax?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only projects whose bid deadline (投标截止时间) is at or after this time.' })
  bidDeadlineFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only projects whose bid deadline is before this time (exclusive).' })
  bidDeadlineTo?: Date | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Only projects with an award (中标/成交) of at least this many yuan on some section; with the other award conditions, the same award must meet them all.' })
  awardAmountMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Only projects with an award of at most this many yuan on some section.' })
  awardAmountMax?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only projects with an award dated on or after this day (YYYY-MM-DD) on some section.' })
  awardedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only projects with an award dated on or before this day on some section.' })
  awardedTo?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only projects that changed at or after this time, themselves or any record under them (see TradingProject.updatedAt).' })
  updatedSince?: Date | null;

  @Field(() => String, { nullable: true, description: 'Credit code of a participant: the tenderer, the agency, or a bidder on any section.' })
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
