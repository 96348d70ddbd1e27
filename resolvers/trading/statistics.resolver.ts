import { Args, Authorized, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { hasRole, Role, type Principal } from '../../src/auth/principal';
import { ErrorCode, HubError } from '../../src/common/errors';
import { feedCursor } from '../../src/feed/cursor';
import {
  SharedStatistics,
  statisticsQuery,
  tradingStatistics,
  type StatisticsSnapshot,
} from '../../src/trading/statistics';
import { DEFAULT_STATISTICS_INTERVAL_MS, StatisticsStream } from '../../src/trading/statistics.stream';
import type { HubContext } from '../context';
import { TradingStatisticsArgs, TradingStatisticsRow, TradingStatisticsUpdate } from './statistics.type';

/** Roles that may read trading statistics: dashboards (aggregates only) and integrators. */
const STATISTICS_READERS = [Role.DASHBOARD, Role.INTEGRATOR] as const;

/**
 * The check `@Authorized(Role.DASHBOARD, Role.INTEGRATOR)` makes, for the
 * subscription's subscribe function, which type-graphql's auth checker does
 * not guard: UNAUTHENTICATED without a key, FORBIDDEN without one of the roles.
 */
export function requireStatisticsReader(principal: Principal): void {
  if (principal.id === 'anonymous') throw new HubError(ErrorCode.UNAUTHENTICATED, 'trading statistics need an API key');
  if (!STATISTICS_READERS.some((r) => hasRole(principal, r))) {
    throw new HubError(
      ErrorCode.FORBIDDEN,
      `trading statistics need one of the roles ${STATISTICS_READERS.join(', ')}`,
    );
  }
}

/** The statistics computations in flight of each database (a process may hold several hubs: the tests). */
const sharedByOrm = new WeakMap<object, SharedStatistics>();
function sharedOf(orm: object): SharedStatistics {
  let shared = sharedByOrm.get(orm);
  if (!shared) sharedByOrm.set(orm, (shared = new SharedStatistics()));
  return shared;
}

function toUpdate(s: StatisticsSnapshot): TradingStatisticsUpdate {
  return { rows: s.rows, asOf: s.asOf, cursor: feedCursor(s.seq) };
}

@Resolver()
export class TradingStatisticsResolver {
  @Authorized(...STATISTICS_READERS)
  @Query(() => [TradingStatisticsRow], {
    description:
      'Trading statistics for dashboards: counts, budgets, awards, saving rate and competition of trading projects, grouped by the given dimensions. Needs DASHBOARD or INTEGRATOR.',
  })
  async tradingStatistics(
    @Args(() => TradingStatisticsArgs) args: TradingStatisticsArgs,
    @Ctx() ctx: HubContext,
  ): Promise<TradingStatisticsRow[]> {
    return (await tradingStatistics(ctx.em, args.groupBy, args.filter)).rows;
  }

  @Subscription(() => TradingStatisticsUpdate, {
    description:
      'The figures of tradingStatistics at once, then fresh figures whenever trading data changes, at most one update a second however many changes arrive, and none while nothing changes. Needs DASHBOARD or INTEGRATOR.',
    subscribe: ({ args, context }) => {
      const ctx = context as HubContext;
      requireStatisticsReader(ctx.principal);
      const { groupBy, filter } = args as TradingStatisticsArgs;
      // Checked now, so that a bad filter fails the subscription rather than its first result.
      const query = statisticsQuery(groupBy, filter ?? {});
      // A fresh EntityManager per computation, never one shared across events; dashboards asking the same figures at
      // the same moment share the computation.
      const shared = sharedOf(ctx.services.orm);
      return new StatisticsStream(ctx.services.feed, () => shared.run(() => ctx.services.orm.em.fork(), query), {
        intervalMs: DEFAULT_STATISTICS_INTERVAL_MS,
      });
    },
  })
  tradingStatisticsChanged(
    @Root() snapshot: StatisticsSnapshot,
    @Args(() => TradingStatisticsArgs) _args: TradingStatisticsArgs,
  ): TradingStatisticsUpdate {
    return toUpdate(snapshot);
  }
}
