import type { MetadataStorage } from '@mikro-orm/core';
import { isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { RECORD_READERS } from '../../src/auth/principal';
import { MARKET_ENTITY_SENSITIVE, MarketEntityRow } from '../../src/market';
import { TreeCompiler, type PlanInput, type TreeGraph } from '../../src/read/sql-tree';
import type { CompiledRoot } from '../common/api-family';
import { SectionRow } from '../../src/trading/section.entity';
import { TradingProjectRow } from '../../src/trading/trading-project.entity';
import { AnnouncementRow } from '../../src/trading/announcement.entity';
import { AwardRow } from '../../src/trading/award.entity';
import { BidOpeningRow } from '../../src/trading/bid-opening.entity';
import { BidRow } from '../../src/trading/bid.entity';
import { TradingCategoryRow, TradingSubItemRow } from '../../src/trading/catalog.entity';
import { FindingRow } from '../../src/trading/finding.entity';
import { SourceSystemRow } from '../../src/systems/source-system.entity';
import { ContractRow } from '../../src/trading/contract.entity';
import { tradingProjectByCode, tradingProjectPage } from '../../src/trading/trading-project.queries';
import { BID_SENSITIVE } from '../../src/trading/trading.model';
import type { HubContext } from '../context';
import { fieldsDoingMore } from '../field-metadata';

/*
 * The trading read side as the SQL compiler sees it (src/read/sql-tree.ts):
 * which table backs each GraphQL type and how its relation fields join, in the
 * same orders as the loaders of src/trading/trading.loaders.ts. Fields not declared here
 * (a market entity's projects and bids, evaluations, credit) keep going through the resolvers.
 */
/** The system that pushed a record's current version (the resolvers' sourceSystemById loader). */
const sourceSystem = { kind: 'one', type: 'SourceSystem', column: 'source_system_id' } as const;

export const TRADING_TREE: TreeGraph = {
  TradingProject: {
    entity: TradingProjectRow,
    relations: {
      sourceSystem,
      category: { kind: 'one', type: 'TradingCategory', column: 'category_code' },
      subItem: { kind: 'one', type: 'TradingSubItem', column: 'sub_item_code' },
      findings: {
        kind: 'many',
        type: 'Finding',
        foreignKey: 'project_code',
        parentColumn: 'code',
        orderBy: ['detected_at', 'id'],
      },
      sections: { kind: 'many', type: 'Section', foreignKey: 'project_id', orderBy: ['code'] },
      announcements: {
        kind: 'many',
        type: 'Announcement',
        foreignKey: 'project_id',
        orderBy: ['published_at', 'code'],
      },
      tenderer: { kind: 'one', type: 'MarketEntity', column: 'tenderer_id' },
      agency: { kind: 'one', type: 'MarketEntity', column: 'agency_id' },
    },
  },
  Section: {
    entity: SectionRow,
    relations: {
      bids: { kind: 'many', type: 'Bid', foreignKey: 'section_id', orderBy: ['submitted_at', 'id'] },
      bidOpening: { kind: 'reverse', type: 'BidOpening', foreignKey: 'section_id' },
      award: { kind: 'reverse', type: 'Award', foreignKey: 'section_id' },
      contracts: { kind: 'many', type: 'Contract', foreignKey: 'section_id', orderBy: ['signed_on', 'code'] },
    },
  },
  Bid: {
    entity: BidRow,
    sensitive: BID_SENSITIVE,
    relations: { sourceSystem, bidder: { kind: 'one', type: 'MarketEntity', column: 'bidder_id' } },
  },
  Award: {
    entity: AwardRow,
    relations: { sourceSystem, winner: { kind: 'one', type: 'MarketEntity', column: 'winner_id' } },
  },
  BidOpening: { entity: BidOpeningRow, relations: { sourceSystem } },
  Contract: { entity: ContractRow, relations: { sourceSystem } },
  Announcement: { entity: AnnouncementRow, relations: { sourceSystem } },
  MarketEntity: {
    entity: MarketEntityRow,
    sensitive: MARKET_ENTITY_SENSITIVE,
    relations: { sourceSystem, qualifications: { kind: 'json', type: 'Qualification', column: 'qualifications' } },
  },
  SourceSystem: { entity: SourceSystemRow },
  TradingCategory: { entity: TradingCategoryRow },
  TradingSubItem: { entity: TradingSubItemRow },
  Finding: { entity: FindingRow },
};

type Run = (ctx: HubContext, args: Record<string, unknown>) => Promise<unknown>;

/**
 * tradingProject(code) and tradingProjects(...) answered by the compiled read path: the page (same condition and order
 * as the resolvers') and its trees in one statement.
 */
export function tradingReadRoots(schema: GraphQLSchema, metadata: MetadataStorage): Record<string, CompiledRoot> {
  const compiler = new TreeCompiler(schema, TRADING_TREE, metadata, fieldsDoingMore({ middlewares: false }));
  const type = (name: string) => schema.getType(name) as GraphQLObjectType;

  /**
   * Builds the objects of `typeName` for `nodes` from per-item values, or null when a field is outside what is covered.
   */
  function shape<T>(
    typeName: string,
    nodes: readonly FieldNode[],
    input: PlanInput,
    leaf: (field: string, sub: readonly FieldNode[]) => ((item: T) => unknown) | null,
  ) {
    const t = type(typeName);
    if (!isObjectType(t)) return null;
    const parts: [string, (item: T) => unknown][] = [];
    for (const [responseName, sub] of collectSubfields(schema, input.fragments, input.variables, t, nodes)) {
      const field = sub[0].name.value;
      if (sub.some((n) => n.arguments?.length)) return null;
      const get = field === '__typename' ? () => typeName : leaf(field, sub);
      if (!get) return null;
      parts.push([responseName, get]);
    }
    return (item: T) => {
      const out: Record<string, unknown> = {};
      for (const [name, get] of parts) out[name] = get(item);
      return out;
    };
  }

  return {
    tradingProject: {
      roles: RECORD_READERS,
      prepare(nodes, input): Run | null {
        const expr = compiler.plan('TradingProject', nodes, input);
        if (!expr) return null;
        const read = compiler.lookup('TradingProject', 'code', [expr]);
        return async (ctx, args) => {
          // The same normalised code (or none) as the resolver's condition.
          const where = tradingProjectByCode(args.code as string) as { code: string } | null;
          if (!where) return null;
          // No identity map is involved: the ORM's root EntityManager leads to the pool without a fork per request.
          const values = await read(ctx.services.orm.em, where.code);
          return values ? values[0] : null;
        };
      },
    },
    tradingProjects: {
      roles: RECORD_READERS,
      prepare(nodes, input): Run | null {
        interface Page {
          ids: string[];
          cursors: string[];
          hasNextPage: boolean;
          trees: Map<string, unknown[]>;
          totalCount?: number;
        }
        const expressions: string[] = [];
        let counted = false;
        const pageInfo = (sub: readonly FieldNode[]) =>
          shape<Page>('PageInfo', sub, input, (f) =>
            f === 'hasNextPage' ? (p) => p.hasNextPage : f === 'endCursor' ? (p) => p.cursors.at(-1) ?? null : null,
          );
        const edge = (sub: readonly FieldNode[]) =>
          shape<{ page: Page; i: number }>('TradingProjectEdge', sub, input, (f, s) => {
            if (f === 'cursor') return ({ page, i }) => page.cursors[i];
            if (f !== 'node') return null;
            const expr = compiler.plan('TradingProject', s, input);
            if (!expr) return null;
            const k = expressions.push(expr) - 1;
            return ({ page, i }) => page.trees.get(page.ids[i])?.[k] ?? null;
          });
        const connection = shape<Page>('TradingProjectConnection', nodes, input, (f, sub) => {
          if (f === 'totalCount') {
            counted = true;
            return (p) => p.totalCount;
          }
          if (f === 'pageInfo') return pageInfo(sub);
          if (f !== 'edges') return null;
          const one = edge(sub);
          return one && ((page) => page.ids.map((_, i) => one({ page, i })));
        });
        if (!connection) return null;
        return async (ctx, args) => {
          const spec = tradingProjectPage(args, ctx.services.config.maxPage);
          // The page and every project's tree in one statement (the trees of the extra row that tells hasNextPage
          // included).
          const read = async () =>
            spec.first === 0
              ? []
              : compiler.select(
                  // Only the statement's text is built with the query builder, and the rows come from the pool: no
                  // identity map is involved, so no EntityManager fork per request (as for tradingProject).
                  ctx.services.orm.em,
                  'TradingProject',
                  spec.where,
                  { orderBy: spec.orderBy, limit: spec.first + 1, columns: ['code', 'updatedAt'] },
                  expressions,
                );
          const [rows, totalCount] = await Promise.all([
            read(),
            counted ? ctx.em.count(TradingProjectRow, spec.filterWhere()) : undefined,
          ]);
          const nodes = rows.slice(0, spec.first);
          return connection({
            ids: nodes.map((r) => r.key),
            // The driver hands timestamps over as text (as findPlain reads them): the same Date either way.
            cursors: nodes.map((r) =>
              spec.cursorOf({
                code: r.columns.code as string,
                id: r.key,
                updatedAt: new Date(r.columns.updatedAt as string | Date),
              }),
            ),
            hasNextPage: rows.length > spec.first,
            trees: new Map(nodes.map((r) => [r.key, r.values])),
            totalCount,
          });
        };
      },
    },
  };
}
