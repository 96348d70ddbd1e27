import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StatisticsDimension } from '../../src/trading/statistics';
import { TradingMethod, TradingStatus } from '../../src/trading/trading.model';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../common/scalars';
// Also registers the TradingMethod enum, which the read types own.
import { TradingCategory } from './trading-category.type';
import { TradingSubItem } from './trading-sub-item.type';
// The enums of these fields are registered with type-graphql there.
import './trading.enums';

registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'What trading statistics may be grouped by.',
  valuesConfig: {
    CATEGORY: { description: 'Catalog category (交易目录大类).' },
    SUB_ITEM: { description: 'Catalog sub-item (子项).' },
    REGION: {
      description:
        "Prefecture-level region: a county's projects count for its prefecture 42AA00; units directly under the province (4290xx) stay themselves.",
    },
    MONTH: { description: 'Month of publication in China time (UTC+8), YYYY-MM.' },
    METHOD: { description: 'Trading method (交易方式).' },
  },
});

@InputType({
  description:
    'Which trading projects the statistics count; all given conditions must hold. The same conditions as the filter of tradingProjects.',
})
export class TradingStatisticsFilter {
  @Field(() => String, { nullable: true }) categoryCode?: string | null;

  @Field(() => String, { nullable: true }) subItemCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'GB/T 2260 code; a prefecture includes its counties, 420000 all of Hubei, 429000 the units directly under the province.',
  })
  regionCode?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Published at or after this time.' })
  publishedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Published before this time (exclusive).' })
  publishedTo?: Date | null;

  @Field(() => TradingMethod, { nullable: true }) method?: TradingMethod | null;

  @Field(() => TradingStatus, { nullable: true }) status?: TradingStatus | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget at least this many yuan.' })
  budgetMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Budget at most this many yuan.' })
  budgetMax?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Credit code of a participant: the tenderer, the agency, or a bidder on any section.',
  })
  participant?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Bid deadline at or after this time.' })
  bidDeadlineFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Bid deadline before this time (exclusive).' })
  bidDeadlineTo?: Date | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Projects with an award of at least this many yuan on some section (one award meets all award conditions).',
  })
  awardAmountMin?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Projects with an award of at most this many yuan on some section.',
  })
  awardAmountMax?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Projects with an award dated on or after this day.' })
  awardedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Projects with an award dated on or before this day.' })
  awardedTo?: string | null;
}

@ArgsType()
export class TradingStatisticsArgs {
  @Field(() => [StatisticsDimension], {
    description: 'The dimensions to group by, in any order; none gives one row for everything.',
  })
  groupBy!: StatisticsDimension[];

  @Field(() => TradingStatisticsFilter, { nullable: true }) filter?: TradingStatisticsFilter | null;
}

@ObjectType({
  description: 'The figures of one group of trading projects. Keys of dimensions not grouped by are null.',
})
export class TradingStatisticsRow {
  @Field(() => TradingCategory, { nullable: true }) category!: TradingCategory | null;

  @Field(() => TradingSubItem, { nullable: true }) subItem!: TradingSubItem | null;

  @Field(() => String, { nullable: true, description: 'Prefecture-level GB/T 2260 code (REGION).' })
  regionCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of regionCode (GB/T 2260).' })
  regionName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM in China time (MONTH); null for projects not yet published.',
  })
  month!: string | null;

  @Field(() => TradingMethod, { nullable: true }) method!: TradingMethod | null;

  @Field(() => Int) projectCount!: number;

  @Field(() => Int) sectionCount!: number;

  @Field(() => DecimalScalar, { description: 'Sum of the project budgets (or reserve prices), yuan.' })
  totalBudget!: string;

  @Field(() => DecimalScalar, { description: 'Sum of the award amounts of the sections, yuan.' })
  totalAwarded!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Saving rate (节支率), 4 places: 1 − awarded / budget over the sections that have both an award and a budget. Null when there is no such section.',
  })
  savingRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Valid bids per section, 2 places (withdrawn and disqualified bids do not count). Null when there is no section.',
  })
  averageBiddersPerSection!: string | null;
}

@ObjectType({ description: 'Fresh trading statistics, computed from one consistent snapshot.' })
export class TradingStatisticsUpdate {
  @Field(() => [TradingStatisticsRow]) rows!: TradingStatisticsRow[];

  @Field(() => DateTimeScalar, { description: 'When the figures were computed.' })
  asOf!: Date;

  @Field({
    description: 'Change-feed cursor of the last change the figures include: every change up to it, none after it.',
  })
  cursor!: string;
}
