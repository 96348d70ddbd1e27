import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { RECORD_READERS } from '../../src/auth/principal';
import { ErrorCode, HubError } from '../../src/common/errors';
import { marketFamily, type MarketEntityRow } from '../../src/market';
import type { PushedRecord } from '../../src/ingest/pushed-record.entity';
import type { SectionRow } from '../../src/trading/section.entity';
import type { TradingProjectRow } from '../../src/trading/trading-project.entity';
import type { AwardRow } from '../../src/trading/award.entity';
import type { BidRow } from '../../src/trading/bid.entity';
import type { EvaluationCandidateRow } from '../../src/trading/evaluation-candidate.entity';
import type { EvaluationRow } from '../../src/trading/evaluation.entity';
import { findTradingProject, listTradingProjects } from '../../src/trading/trading-project.queries';
import { tradingFamily } from '../../src/trading/trading.family';
import type { HubContext } from '../context';
import { MarketEntity } from '../market';
import { SourceSystem } from '../systems/source-system.type';
import { TradingProjectsArgs } from './trading-project.input';
import { Announcement } from './announcement.type';
import { Award } from './award.type';
import { Bid } from './bid.type';
import { BidOpening } from './bid-opening.type';
import { Contract } from './contract.type';
import { Evaluation } from './evaluation.type';
import { EvaluationCandidate } from './evaluation-candidate.type';
import { Finding } from './finding.type';
import { Section } from './section.type';
import { TradingCategory } from './trading-category.type';
import { TradingProject } from './trading-project.type';
import { TradingProjectConnection } from './trading-project-connection.type';
import { TradingSubItem } from './trading-sub-item.type';

/*
 * Thin resolvers over src/trading/trading-project.queries.ts. Rows are plain
 * objects shaped like the ORM entities (src/common/plain.ts); every relation goes through a request-scoped loader
 * (src/trading/trading.loaders.ts, the market family's for market entities), so a nested query costs one statement
 * per relation.
 */

const trading = (ctx: HubContext) => ctx.loaders.of(tradingFamily);
const market = (ctx: HubContext) => ctx.loaders.of(marketFamily);

/** Default and largest number of rows of a nested list that takes `first` (a market entity's projects or bids). */
const NESTED_DEFAULT = 20;
const NESTED_MAX = 100;

function nestedLimit(first: number | null | undefined): number {
  if (first === null || first === undefined) return NESTED_DEFAULT;
  if (!Number.isInteger(first) || first < 1)
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'first must be one or more', { field: 'first' });
  if (first > NESTED_MAX) {
    throw new HubError(
      ErrorCode.LIMIT_EXCEEDED,
      `first may be at most ${NESTED_MAX} here; page through tradingProjects with a participant filter instead`,
      {
        field: 'first',
        details: { limit: NESTED_MAX, actual: first },
      },
    );
  }
  return first;
}

// The loaders return plain rows; GraphQL maps their fields by name (the classes are the schema, not the runtime shape).
const as = <T>(v: unknown) => v as T;

function sourceSystemOf(row: PushedRecord, ctx: HubContext): Promise<SourceSystem | undefined> {
  return ctx.loaders.sourceSystemById.load(row.sourceSystem.id);
}

@Resolver(() => TradingProject)
export class TradingProjectResolver {
  @Authorized(...RECORD_READERS)
  @Query(() => TradingProject, { nullable: true, description: 'One trading project by its code.' })
  async tradingProject(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: HubContext,
  ): Promise<TradingProject | null> {
    return as<TradingProject | null>(await findTradingProject(ctx.em, code));
  }

  @Authorized(...RECORD_READERS)
  @Query(() => TradingProjectConnection, {
    description: 'Trading projects across the catalog, filtered, in a stable order, a page at a time.',
  })
  async tradingProjects(
    @Args(() => TradingProjectsArgs) args: TradingProjectsArgs,
    @Ctx() ctx: HubContext,
  ): Promise<TradingProjectConnection> {
    const page = await listTradingProjects(ctx.em, args, ctx.services.config.maxPage);
    return {
      edges: page.nodes.map((node, i) => ({ node: as<TradingProject>(node), cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.totalCount,
    };
  }

  @FieldResolver(() => TradingCategory, { description: 'The catalog category (交易目录大类).' })
  async category(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<TradingCategory | undefined> {
    return trading(ctx).tradingCategoryByCode.load(row.categoryCode);
  }

  @FieldResolver(() => TradingSubItem, { description: 'The catalog sub-item (交易目录子项).' })
  async subItem(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<TradingSubItem | undefined> {
    return trading(ctx).tradingSubItemByCode.load(row.subItem.code);
  }

  @FieldResolver(() => MarketEntity, { description: '招标人 / 采购人 / 转让方' })
  async tenderer(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<MarketEntity | undefined> {
    return as<MarketEntity | undefined>(await market(ctx).marketEntityById.load(row.tenderer.id));
  }

  @FieldResolver(() => MarketEntity, { nullable: true, description: '招标代理机构' })
  async agency(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<MarketEntity | null> {
    return row.agency
      ? as<MarketEntity | null>((await market(ctx).marketEntityById.load(row.agency.id)) ?? null)
      : null;
  }

  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  sourceSystem(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return sourceSystemOf(row, ctx);
  }

  @FieldResolver(() => [Section], { description: 'Sections (标段 / 包) by code.' })
  async sections(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<Section[]> {
    return as<Section[]>(await trading(ctx).sectionsByProject.load(row.id));
  }

  @FieldResolver(() => [Announcement], { description: 'Announcements, oldest first.' })
  async announcements(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<Announcement[]> {
    return as<Announcement[]>(await trading(ctx).announcementsByProject.load(row.id));
  }

  @FieldResolver(() => [Finding], {
    description: 'Data-quality findings on the project and its records, oldest first.',
  })
  async findings(@Root() row: TradingProjectRow, @Ctx() ctx: HubContext): Promise<Finding[]> {
    return trading(ctx).findingsByProjectCode.load(row.code);
  }
}

@Resolver(() => TradingProjectConnection)
export class TradingProjectConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of projects matching the filter (counted only when asked for).' })
  totalCount(@Root() conn: TradingProjectConnection): Promise<number> {
    return conn.count();
  }
}

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => TradingProject, { description: 'The project the section belongs to.' })
  async project(@Root() row: SectionRow, @Ctx() ctx: HubContext): Promise<TradingProject | undefined> {
    return as<TradingProject | undefined>(await trading(ctx).tradingProjectById.load(row.project.id));
  }

  @FieldResolver(() => [Bid], { description: 'Bids in order of submission.' })
  async bids(@Root() row: SectionRow, @Ctx() ctx: HubContext): Promise<Bid[]> {
    return as<Bid[]>(await trading(ctx).bidsBySection.load(row.id));
  }

  @FieldResolver(() => BidOpening, { nullable: true, description: 'The bid opening record (开标记录), once pushed.' })
  async bidOpening(@Root() row: SectionRow, @Ctx() ctx: HubContext): Promise<BidOpening | null> {
    return as<BidOpening | null>((await trading(ctx).bidOpeningBySection.load(row.id)) ?? null);
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The evaluation result (评标结果), once pushed.' })
  async evaluation(@Root() row: SectionRow, @Ctx() ctx: HubContext): Promise<Evaluation | null> {
    return as<Evaluation | null>((await trading(ctx).evaluationBySection.load(row.id)) ?? null);
  }

  @FieldResolver(() => Award, { nullable: true, description: 'The award (中标 / 成交), once pushed.' })
  async award(@Root() row: SectionRow, @Ctx() ctx: HubContext): Promise<Award | null> {
    return as<Award | null>((await trading(ctx).awardBySection.load(row.id)) ?? null);
  }

  @FieldResolver(() => [Contract], { description: 'Contracts (合同) in order of signing.' })
  async contracts(@Root() row: SectionRow, @Ctx() ctx: HubContext): Promise<Contract[]> {
    return as<Contract[]>(await trading(ctx).contractsBySection.load(row.id));
  }
}

@Resolver(() => Bid)
export class BidResolver {
  @FieldResolver(() => Section, { description: 'The section bid for.' })
  async section(@Root() row: BidRow, @Ctx() ctx: HubContext): Promise<Section | undefined> {
    return as<Section | undefined>(await trading(ctx).sectionById.load(row.section.id));
  }

  @FieldResolver(() => MarketEntity, { description: '投标人 / 供应商 / 竞买人' })
  async bidder(@Root() row: BidRow, @Ctx() ctx: HubContext): Promise<MarketEntity | undefined> {
    return as<MarketEntity | undefined>(await market(ctx).marketEntityById.load(row.bidder.id));
  }

  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  sourceSystem(@Root() row: BidRow, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return sourceSystemOf(row, ctx);
  }
}

@Resolver(() => EvaluationCandidate)
export class EvaluationCandidateResolver {
  @FieldResolver(() => String, { description: 'Credit code of the bidder as the evaluation report names it.' })
  async bidderCreditCode(@Root() c: EvaluationCandidateRow, @Ctx() ctx: HubContext): Promise<string> {
    return (await market(ctx).marketEntityById.load(c.bidder.id))!.creditCode;
  }

  @FieldResolver(() => MarketEntity, {
    description: 'The bidder (a candidate is always a registered bidder of the section).',
  })
  async bidder(@Root() c: EvaluationCandidateRow, @Ctx() ctx: HubContext): Promise<MarketEntity> {
    return as<MarketEntity>(await market(ctx).marketEntityById.load(c.bidder.id));
  }
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @FieldResolver(() => [EvaluationCandidate], {
    description: 'Candidates (中标候选人) by rank; empty until the report is delivered.',
  })
  candidates(@Root() row: EvaluationRow, @Ctx() ctx: HubContext): Promise<EvaluationCandidateRow[]> {
    return trading(ctx).candidatesByEvaluation.load(row.id);
  }

  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  sourceSystem(@Root() row: EvaluationRow, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return sourceSystemOf(row, ctx);
  }
}

@Resolver(() => Award)
export class AwardResolver {
  @FieldResolver(() => MarketEntity, { description: '中标人 / 成交供应商 / 受让方' })
  async winner(@Root() row: AwardRow, @Ctx() ctx: HubContext): Promise<MarketEntity | undefined> {
    return as<MarketEntity | undefined>(await market(ctx).marketEntityById.load(row.winner.id));
  }

  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  sourceSystem(@Root() row: AwardRow, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return sourceSystemOf(row, ctx);
  }
}

@Resolver(() => Announcement)
export class AnnouncementResolver {
  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  sourceSystem(@Root() row: PushedRecord, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return sourceSystemOf(row, ctx);
  }
}

@Resolver(() => BidOpening)
export class BidOpeningResolver {
  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  sourceSystem(@Root() row: PushedRecord, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return sourceSystemOf(row, ctx);
  }
}

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => SourceSystem, { description: 'The system that pushed the current version.' })
  sourceSystem(@Root() row: PushedRecord, @Ctx() ctx: HubContext): Promise<SourceSystem | undefined> {
    return sourceSystemOf(row, ctx);
  }
}

/** The trading side of a market entity; type-graphql merges these fields into MarketEntity. */
@Resolver(() => MarketEntity)
export class MarketEntityTradingResolver {
  // A key is needed even where operators made marketEntity public: trading records are not.
  @Authorized(...RECORD_READERS)
  @FieldResolver(() => [TradingProject], {
    description: `Projects the entity takes part in as tenderer or agency, most recently published first: the first \`first\` (default ${NESTED_DEFAULT}, at most ${NESTED_MAX}). For all of them, page through tradingProjects with filter.participant.`,
  })
  async projects(
    @Root() row: MarketEntityRow,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<TradingProject[]> {
    const found = await trading(ctx).projectsByEntity(nestedLimit(first)).load(row.id);
    return found.map((f) => as<TradingProject>(f.project));
  }

  @Authorized(...RECORD_READERS)
  @FieldResolver(() => [Bid], {
    description: `Bids of the entity, most recent first: the first \`first\` (default ${NESTED_DEFAULT}, at most ${NESTED_MAX}).`,
  })
  async bids(
    @Root() row: MarketEntityRow,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<Bid[]> {
    const found = await trading(ctx).bidsByBidder(nestedLimit(first)).load(row.id);
    return found.map((f) => as<Bid>(f.bid));
  }
}

/** Every resolver class of the trading read side (see ./index.ts). */
export const TRADING_READ_RESOLVERS = [
  TradingProjectResolver,
  TradingProjectConnectionResolver,
  SectionResolver,
  BidResolver,
  EvaluationCandidateResolver,
  EvaluationResolver,
  AwardResolver,
  AnnouncementResolver,
  BidOpeningResolver,
  ContractResolver,
  MarketEntityTradingResolver,
] as const;
