import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RECORD_READERS, Role } from '../../src/auth/principal';
import type { MarketEntityRow } from '../../src/market/market-entity.entity';
import { MARKET_ENTITY_TOPIC } from '../../src/market/market-entity.model';
import { findMarketEntity, listMarketEntities } from '../../src/market/market-entity.queries';
import { pushMarketEntities } from '../../src/market/market-entity.push';
import { pushOptions } from '../common/push-options';
import { PushResult } from '../common/push-result.type';
import type { HubContext } from '../context';
import { SourceSystem } from '../systems/source-system.type';
import { MarketEntitiesArgs, MarketEntityInput } from './market-entity.input';
import { MarketEntity, MarketEntityConnection } from './market-entity.type';

@Resolver(() => MarketEntity)
export class MarketEntityResolver {
  @Authorized(...RECORD_READERS)
  @Query(() => MarketEntity, { nullable: true, description: 'One market entity by its unified social credit code.' })
  marketEntity(
    @Arg('creditCode', () => String) creditCode: string,
    @Ctx() ctx: HubContext,
  ): Promise<MarketEntityRow | null> {
    return findMarketEntity(ctx.em, creditCode);
  }

  @Authorized(...RECORD_READERS)
  @Query(() => MarketEntityConnection, {
    description: 'Market entities, filtered, in a stable order, a page at a time.',
  })
  async marketEntities(
    @Args(() => MarketEntitiesArgs) args: MarketEntitiesArgs,
    @Ctx() ctx: HubContext,
  ): Promise<MarketEntityConnection> {
    const page = await listMarketEntities(ctx.em, args, ctx.services.config.maxPage);
    return {
      edges: page.nodes.map((node, i) => ({ node: node as unknown as MarketEntity, cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.totalCount,
    };
  }

  @Authorized(Role.SOURCE_SYSTEM)
  @Mutation(() => PushResult, {
    description:
      'Pushes market entities (at most HUB_MAX_BATCH, default 5000). Each record is ACCEPTED, UNCHANGED or REJECTED on its own; accepted ones are stored with their change events in one transaction.',
  })
  pushMarketEntities(
    @Arg('records', () => [MarketEntityInput]) records: MarketEntityInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushMarketEntities(ctx.em, ctx.principal, records, pushOptions(ctx, MARKET_ENTITY_TOPIC));
  }

  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  async sourceSystem(@Root() row: MarketEntityRow, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return ctx.loaders.sourceSystemById.load(row.sourceSystem.id);
  }
}

@Resolver(() => MarketEntityConnection)
export class MarketEntityConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of entities matching the filter (counted only when asked for).' })
  totalCount(@Root() conn: MarketEntityConnection): Promise<number> {
    return conn.count();
  }
}
