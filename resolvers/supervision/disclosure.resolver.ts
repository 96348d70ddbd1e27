import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../src/auth/principal';
import { pageSize } from '../../src/common/pagination';
import {
  DisclosureGroup,
  disclosureOffenders,
  disclosureQuality,
  disclosureThresholdsOf,
} from '../../src/supervision/disclosure.queries';
import type { HubContext } from '../context';
import {
  DisclosureOffendersArgs,
  DisclosureQualityRow,
  OffendingRecordConnection,
  PeriodInput,
} from './disclosure.type';

/** Disclosure quality (完整率、准确率、及时率) per connected system, and the records behind each figure. */
@Resolver()
export class DisclosureResolver {
  @Authorized(Role.DASHBOARD, Role.INTEGRATOR)
  @Query(() => [DisclosureQualityRow], {
    description:
      'Completeness, timeliness and accuracy of the records whose own time lies in the period, per group (DASHBOARD or INTEGRATOR). Thresholds: HUB_DISCLOSURE_*. The failing records of a row: disclosureOffenders with its measure and group values; for accuracy, the rejected records (never stored) are counted by topic and reason in the row’s rejections.',
  })
  disclosureQuality(
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('groupBy', () => [DisclosureGroup]) groupBy: DisclosureGroup[],
    @Ctx() ctx: HubContext,
  ): Promise<DisclosureQualityRow[]> {
    return disclosureQuality(ctx.em, period, groupBy, disclosureThresholdsOf(ctx.services.config));
  }

  @Authorized(Role.INTEGRATOR)
  @Query(() => OffendingRecordConnection, {
    description:
      'The records failing a disclosure measure in the period (and a row’s group), oldest first (INTEGRATOR).',
  })
  async disclosureOffenders(
    @Args(() => DisclosureOffendersArgs) args: DisclosureOffendersArgs,
    @Ctx() ctx: HubContext,
  ): Promise<OffendingRecordConnection> {
    const page = await disclosureOffenders(
      ctx.em,
      args.measure,
      args.period,
      args,
      disclosureThresholdsOf(ctx.services.config),
      pageSize(args.first, ctx.services.config.maxPage),
      args.after,
    );
    return {
      edges: page.nodes.map((node, i) => ({ node, cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.totalCount,
    };
  }
}

@Resolver(() => OffendingRecordConnection)
export class OffendingRecordConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of failing records (counted only when asked for).' })
  totalCount(@Root() conn: OffendingRecordConnection): Promise<number> {
    return conn.count();
  }
}
