import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../src/auth/principal';
import { pageSize } from '../../src/common/pagination';
import { alarmLevelOf, type Severity } from '../../src/supervision';
import {
  FindingGroup,
  findingStatistics,
  findingsPage,
  type FindingRecord,
} from '../../src/supervision/findings.queries';
import { latestReviews, reviewFinding } from '../../src/supervision/review.service';
import type { FindingReviewPayload } from '../../src/supervision/supervision.model';
import type { HubContext } from '../context';
import {
  FindingFilterInput,
  FindingReview,
  FindingsArgs,
  FindingStatisticsRow,
  ReviewFindingInput,
  SupervisionFinding,
  SupervisionFindingConnection,
} from './finding.type';

const review = (r: FindingReviewPayload): FindingReview => ({ ...r, reviewedAt: new Date(r.reviewedAt) });

function view(f: FindingRecord, reviews: Map<string, FindingReviewPayload>): SupervisionFinding {
  const r = reviews.get(f.id);
  return {
    ...f,
    severity: f.severity as Severity,
    alarmLevel: alarmLevelOf(f.severity),
    detectedAt: new Date(f.detectedAt),
    clearedAt: f.clearedAt ? new Date(f.clearedAt) : null,
    review: r ? review(r) : null,
  };
}

/** Province-wide findings for supervisors and relays; reviews by supervision authorities (SUPERVISOR) and operators. */
@Resolver()
export class SupervisionResolver {
  @Authorized(Role.INTEGRATOR, Role.SOURCE_SYSTEM, Role.SUPERVISOR)
  @Query(() => SupervisionFindingConnection, {
    description:
      'Findings across the province, newest first, open and cleared, with the project and section of each (INTEGRATOR, SUPERVISOR or a source system). Evidence is masked unless granted BID_EVIDENCE.',
  })
  async findings(
    @Args(() => FindingsArgs) args: FindingsArgs,
    @Ctx() ctx: HubContext,
  ): Promise<SupervisionFindingConnection> {
    const page = await findingsPage(
      ctx.em,
      args.filter ?? {},
      pageSize(args.first, ctx.services.config.maxPage),
      args.after,
    );
    // The latest review of every finding of the page, one query.
    const reviews = await latestReviews(
      ctx.em,
      page.nodes.map((n) => n.id),
    );
    return {
      edges: page.nodes.map((n, i) => ({ node: view(n, reviews), cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.totalCount,
    };
  }

  @Authorized(Role.DASHBOARD, Role.INTEGRATOR, Role.SUPERVISOR)
  @Query(() => [FindingStatisticsRow], {
    description:
      'Counts of findings per group (rule, prefecture, category, source system, month), in SQL (DASHBOARD, INTEGRATOR or SUPERVISOR).',
  })
  findingStatistics(
    @Arg('groupBy', () => [FindingGroup]) groupBy: FindingGroup[],
    @Arg('filter', () => FindingFilterInput, { nullable: true }) filter: FindingFilterInput | null,
    @Ctx() ctx: HubContext,
  ): Promise<FindingStatisticsRow[]> {
    return findingStatistics(ctx.em, groupBy, filter ?? {});
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => FindingReview, {
    description:
      'Marks a finding CONFIRMED or DISMISSED (SUPERVISOR, or ADMIN). Kept with its author and time, numbered, and on the change feed (topic FINDING_REVIEW).',
  })
  async reviewFinding(
    @Arg('input', () => ReviewFindingInput) input: ReviewFindingInput,
    @Ctx() ctx: HubContext,
  ): Promise<FindingReview> {
    return review(await reviewFinding(ctx.em, ctx.principal, input));
  }
}

@Resolver(() => SupervisionFindingConnection)
export class SupervisionFindingConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of findings matching the filter (counted only when asked for).' })
  totalCount(@Root() conn: SupervisionFindingConnection): Promise<number> {
    return conn.count();
  }
}

export { FindingGroup, SupervisionFinding };
