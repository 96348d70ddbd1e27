import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../src/auth/principal';
import { pushTradingProjects } from '../../src/trading/project.push';
import {
  pushAnnouncements,
  pushAwards,
  pushBidOpenings,
  pushBids,
  pushContracts,
  pushEvaluations,
} from '../../src/trading/records.push';
import { TradingTopic } from '../../src/trading/trading.model';
import { pushOptions } from '../common/push-options';
import { PushResult } from '../common/push-result.type';
import type { HubContext } from '../context';
import { AnnouncementInput } from './announcement.input';
import { AwardInput } from './award.input';
import { BidInput } from './bid.input';
import { BidOpeningInput } from './bid-opening.input';
import { ContractInput } from './contract.input';
import { EvaluationInput } from './evaluation.input';
import { TradingProjectInput } from './trading-project.input';

/** Pushes of trading records by connected systems; each record is ACCEPTED, UNCHANGED or REJECTED on its own. */
@Authorized(Role.SOURCE_SYSTEM)
@Resolver()
export class TradingPushResolver {
  @Mutation(() => PushResult, { description: 'Pushes trading projects with their sections (topic TRADING_PROJECT).' })
  pushTradingProjects(
    @Arg('records', () => [TradingProjectInput]) records: TradingProjectInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushTradingProjects(ctx.em, ctx.principal, records, pushOptions(ctx, TradingTopic.TRADING_PROJECT));
  }

  @Mutation(() => PushResult, {
    description: 'Pushes announcements (topic ANNOUNCEMENT); publicity timing rules become warnings.',
  })
  pushAnnouncements(
    @Arg('records', () => [AnnouncementInput]) records: AnnouncementInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushAnnouncements(ctx.em, ctx.principal, records, pushOptions(ctx, TradingTopic.ANNOUNCEMENT));
  }

  @Mutation(() => PushResult, {
    description: 'Pushes bids with their evidence (topic BID); a bid after the opening becomes a warning.',
  })
  pushBids(@Arg('records', () => [BidInput]) records: BidInput[], @Ctx() ctx: HubContext): Promise<PushResult> {
    return pushBids(ctx.em, ctx.principal, records, pushOptions(ctx, TradingTopic.BID));
  }

  @Mutation(() => PushResult, { description: 'Pushes bid opening records (topic BID_OPENING).' })
  pushBidOpenings(
    @Arg('records', () => [BidOpeningInput]) records: BidOpeningInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushBidOpenings(ctx.em, ctx.principal, records, pushOptions(ctx, TradingTopic.BID_OPENING));
  }

  @Mutation(() => PushResult, {
    description: 'Pushes evaluation results (topic EVALUATION); every candidate must be a bidder of the section.',
  })
  pushEvaluations(
    @Arg('records', () => [EvaluationInput]) records: EvaluationInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushEvaluations(ctx.em, ctx.principal, records, pushOptions(ctx, TradingTopic.EVALUATION));
  }

  @Mutation(() => PushResult, {
    description: 'Pushes awards (topic AWARD); the winner must hold a valid bid of the section.',
  })
  pushAwards(@Arg('records', () => [AwardInput]) records: AwardInput[], @Ctx() ctx: HubContext): Promise<PushResult> {
    return pushAwards(ctx.em, ctx.principal, records, pushOptions(ctx, TradingTopic.AWARD));
  }

  @Mutation(() => PushResult, {
    description: 'Pushes contracts (topic CONTRACT); a contract follows an award of its section.',
  })
  pushContracts(
    @Arg('records', () => [ContractInput]) records: ContractInput[],
    @Ctx() ctx: HubContext,
  ): Promise<PushResult> {
    return pushContracts(ctx.em, ctx.principal, records, pushOptions(ctx, TradingTopic.CONTRACT));
  }
}
