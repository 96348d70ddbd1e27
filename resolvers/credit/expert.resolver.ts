import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RECORD_READERS, Role } from '../../src/auth/principal';
import { creditFamily } from '../../src/credit';
import type { CreditRecordRow } from '../../src/credit/credit-record.entity';
import { EXPERT_TOPIC } from '../../src/credit/credit.model';
import type { ExpertRow } from '../../src/credit/expert.entity';
import { pushExperts } from '../../src/credit/expert.push';
import { findExpert, listExperts } from '../../src/credit/expert.queries';
import { pushOptions } from '../common/push-options';
import { PushResult } from '../common/push-result.type';
import type { HubContext } from '../context';
import { CreditRecord, Expert, ExpertConnection } from './credit.type';
import { ExpertInput, ExpertsArgs } from './expert.input';

@Resolver(() => Expert)
export class ExpertResolver {
  @Authorized(...RECORD_READERS)
  @Query(() => Expert, { nullable: true, description: 'One expert of the pool by code.' })
  expert(@Arg('code', () => String) code: string, @Ctx() ctx: HubContext): Promise<ExpertRow | null> {
    return findExpert(ctx.em, code);
  }

  @Authorized(...RECORD_READERS)
  @Query(() => ExpertConnection, { description: 'Experts of the pool, filtered, by code, a page at a time.' })
  async experts(@Args(() => ExpertsArgs) args: ExpertsArgs, @Ctx() ctx: HubContext): Promise<ExpertConnection> {
    const page = await listExperts(ctx.em, args, ctx.services.config.maxPage);
    return {
      edges: page.nodes.map((node, i) => ({ node: node as unknown as Expert, cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.totalCount,
    };
  }

  @Authorized(Role.SOURCE_SYSTEM)
  @Mutation(() => PushResult, {
    description:
      'Pushes experts of the province-wide pool (topic EXPERT; granted systems only). Each record is ACCEPTED, UNCHANGED or REJECTED on its own.',
  })
  pushExperts(
    @Arg('records', () => [ExpertInput]) records: ExpertInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushExperts(ctx.em, ctx.principal, records, pushOptions(ctx, EXPERT_TOPIC));
  }

  @FieldResolver(() => [CreditRecord], { description: 'The expert’s credit records, newest decision first.' })
  creditRecords(@Root() row: ExpertRow, @Ctx() ctx: HubContext): Promise<CreditRecordRow[]> {
    return ctx.loaders.of(creditFamily).creditRecordsBySubject.load(row.code);
  }
}

@Resolver(() => ExpertConnection)
export class ExpertConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of experts matching the filter (counted only when asked for).' })
  totalCount(@Root() conn: ExpertConnection): Promise<number> {
    return conn.count();
  }
}
