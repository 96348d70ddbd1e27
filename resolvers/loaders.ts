import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { keysOf } from '../src/auth/admin.service';
import type { ApiKeyRow } from '../src/auth/api-key.entity';
import { readHistory } from '../src/feed/read';
import { ChangeTopic, type ChangeRecord } from '../src/feed/topics';
import type { MarketEntityRow } from '../src/market/market-entity.entity';
import { SourceSystemRow } from '../src/systems/source-system.entity';
import type { TradingCategoryRow, TradingSubItemRow } from '../src/trading/catalog.entity';
import type { SectionRow } from '../src/trading/section.entity';
import type { TradingProjectRow } from '../src/trading/trading-project.entity';
import type { AnnouncementRow } from '../src/trading/announcement.entity';
import type { AwardRow } from '../src/trading/award.entity';
import type { BidOpeningRow } from '../src/trading/bid-opening.entity';
import type { BidRow } from '../src/trading/bid.entity';
import type { ContractRow } from '../src/trading/contract.entity';
import type { EvaluationCandidateRow } from '../src/trading/evaluation-candidate.entity';
import type { EvaluationRow } from '../src/trading/evaluation.entity';
import type { FindingRow } from '../src/trading/finding.entity';
import {
  announcementsOfProjects,
  awardsOfSections,
  bidsOfBidders,
  bidsOfSections,
  categoriesByCodes,
  contractsOfSections,
  evaluationsOfSections,
  candidatesOfEvaluations,
  findingsOfProjects,
  marketEntitiesByIds,
  openingsOfSections,
  projectsByIds,
  projectsOfEntities,
  sectionsByIds,
  sectionsOfProjects,
  subItemsByCodes,
} from '../src/trading/trading-project.queries';

/** A loader of at most one row per key: `fetch` reads all keys in one statement, `keyOf` says which key a row answers. */
function oneEach<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | undefined> {
  return new DataLoader<K, V | undefined>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k));
  });
}

/** A loader of a list per key, keeping the order `fetch` returns the rows in. */
function listEach<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const byKey = new Map<K, V[]>(keys.map((k) => [k, []]));
    for (const r of await fetch(keys)) byKey.get(keyOf(r))?.push(r);
    return keys.map((k) => byKey.get(k)!);
  });
}

/** Loaders that take a page size: one loader per size asked for in the request, each batching its own keys. */
function perLimit<K, V>(make: (limit: number) => DataLoader<K, V>): (limit: number) => DataLoader<K, V> {
  const made = new Map<number, DataLoader<K, V>>();
  return (limit) => {
    let l = made.get(limit);
    if (!l) made.set(limit, (l = make(limit)));
    return l;
  };
}

/**
 * Request-scoped DataLoaders, one per relation: every field resolver of a
 * request goes through them, so the number of SQL statements grows with the
 * depth of the query, never with the number of rows.
 */
export function createLoaders(em: EntityManager) {
  return {
    sourceSystemById: new DataLoader<number, SourceSystemRow | undefined>(async (ids) => {
      const rows = await em.find(SourceSystemRow, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    keysByPrincipal: new DataLoader<number, ApiKeyRow[]>(async (ids) => {
      const keys = await keysOf(em, ids);
      return ids.map((id) => keys.filter((k) => k.principal.id === id));
    }),
    marketEntityHistory: new DataLoader<string, ChangeRecord[]>(async (keys) => {
      const byKey = await readHistory(em, ChangeTopic.MARKET_ENTITY, keys);
      return keys.map((k) => byKey.get(k) ?? []);
    }),

    // Trading records (issue 4). Keys are surrogate ids (bigint text) unless named otherwise.
    marketEntityById: oneEach<string, MarketEntityRow>((ids) => marketEntitiesByIds(em, ids), (r) => r.id),
    tradingCategoryByCode: oneEach<string, TradingCategoryRow>((codes) => categoriesByCodes(em, codes), (r) => r.code),
    tradingSubItemByCode: oneEach<string, TradingSubItemRow>((codes) => subItemsByCodes(em, codes), (r) => r.code),
    tradingProjectById: oneEach<string, TradingProjectRow>((ids) => projectsByIds(em, ids), (r) => r.id),
    sectionById: oneEach<string, SectionRow>((ids) => sectionsByIds(em, ids), (r) => r.id),
    sectionsByProject: listEach<string, SectionRow>((ids) => sectionsOfProjects(em, ids), (r) => r.project.id),
    announcementsByProject: listEach<string, AnnouncementRow>((ids) => announcementsOfProjects(em, ids), (r) => r.project.id),
    findingsByProjectCode: listEach<string, FindingRow>((codes) => findingsOfProjects(em, codes), (r) => r.projectCode),
    bidsBySection: listEach<string, BidRow>((ids) => bidsOfSections(em, ids), (r) => r.section.id),
    bidOpeningBySection: oneEach<string, BidOpeningRow>((ids) => openingsOfSections(em, ids), (r) => r.section.id),
    evaluationBySection: oneEach<string, EvaluationRow>((ids) => evaluationsOfSections(em, ids), (r) => r.section.id),
    candidatesByEvaluation: listEach<string, EvaluationCandidateRow>((ids) => candidatesOfEvaluations(em, ids), (r) => r.evaluation.id),
    awardBySection: oneEach<string, AwardRow>((ids) => awardsOfSections(em, ids), (r) => r.section.id),
    contractsBySection: listEach<string, ContractRow>((ids) => contractsOfSections(em, ids), (r) => r.section.id),
    /** Projects of a market entity as tenderer or agency, the latest `limit` each. */
    projectsByEntity: perLimit((limit) =>
      listEach<string, { entityId: string; project: TradingProjectRow }>((ids) => projectsOfEntities(em, ids, limit), (r) => r.entityId),
    ),
    /** Bids of a market entity as bidder, the latest `limit` each. */
    bidsByBidder: perLimit((limit) => listEach<string, { entityId: string; bid: BidRow }>((ids) => bidsOfBidders(em, ids, limit), (r) => r.entityId)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
