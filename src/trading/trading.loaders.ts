import type { EntityManager } from '@mikro-orm/postgresql';
import { listEach, oneEach, perLimit } from '../read/loaders';
import type { AnnouncementRow } from './announcement.entity';
import type { AwardRow } from './award.entity';
import type { BidOpeningRow } from './bid-opening.entity';
import type { BidRow } from './bid.entity';
import type { TradingCategoryRow, TradingSubItemRow } from './catalog.entity';
import type { ContractRow } from './contract.entity';
import type { EvaluationCandidateRow } from './evaluation-candidate.entity';
import type { EvaluationRow } from './evaluation.entity';
import type { FindingRow } from './finding.entity';
import type { SectionRow } from './section.entity';
import type { TradingProjectRow } from './trading-project.entity';
import {
  announcementsOfProjects,
  awardsOfSections,
  bidsOfBidders,
  bidsOfSections,
  candidatesOfEvaluations,
  categoriesByCodes,
  contractsOfSections,
  evaluationsOfSections,
  findingsOfProjects,
  openingsOfSections,
  projectsByIds,
  projectsOfEntities,
  sectionsByIds,
  sectionsOfProjects,
  subItemsByCodes,
} from './trading-project.queries';

/**
 * The trading family's request-scoped loaders, one per relation. Keys are
 * surrogate ids (bigint text) unless named otherwise.
 */
export function tradingLoaders(em: EntityManager) {
  return {
    tradingCategoryByCode: oneEach<string, TradingCategoryRow>(
      (codes) => categoriesByCodes(em, codes),
      (r) => r.code,
    ),
    tradingSubItemByCode: oneEach<string, TradingSubItemRow>(
      (codes) => subItemsByCodes(em, codes),
      (r) => r.code,
    ),
    tradingProjectById: oneEach<string, TradingProjectRow>(
      (ids) => projectsByIds(em, ids),
      (r) => r.id,
    ),
    sectionById: oneEach<string, SectionRow>(
      (ids) => sectionsByIds(em, ids),
      (r) => r.id,
    ),
    sectionsByProject: listEach<string, SectionRow>(
      (ids) => sectionsOfProjects(em, ids),
      (r) => r.project.id,
    ),
    announcementsByProject: listEach<string, AnnouncementRow>(
      (ids) => announcementsOfProjects(em, ids),
      (r) => r.project.id,
    ),
    findingsByProjectCode: listEach<string, FindingRow>(
      (codes) => findingsOfProjects(em, codes),
      (r) => r.projectCode,
    ),
    bidsBySection: listEach<string, BidRow>(
      (ids) => bidsOfSections(em, ids),
      (r) => r.section.id,
    ),
    bidOpeningBySection: oneEach<string, BidOpeningRow>(
      (ids) => openingsOfSections(em, ids),
      (r) => r.section.id,
    ),
    evaluationBySection: oneEach<string, EvaluationRow>(
      (ids) => evaluationsOfSections(em, ids),
      (r) => r.section.id,
    ),
    candidatesByEvaluation: listEach<string, EvaluationCandidateRow>(
      (ids) => candidatesOfEvaluations(em, ids),
      (r) => r.evaluation.id,
    ),
    awardBySection: oneEach<string, AwardRow>(
      (ids) => awardsOfSections(em, ids),
      (r) => r.section.id,
    ),
    contractsBySection: listEach<string, ContractRow>(
      (ids) => contractsOfSections(em, ids),
      (r) => r.section.id,
    ),
    /** Projects of a market entity as tenderer or agency, the latest `limit` each. */
    projectsByEntity: perLimit((limit) =>
      listEach<string, { entityId: string; project: TradingProjectRow }>(
        (ids) => projectsOfEntities(em, ids, limit),
        (r) => r.entityId,
      ),
    ),
    /** Bids of a market entity as bidder, the latest `limit` each. */
    bidsByBidder: perLimit((limit) =>
      listEach<string, { entityId: string; bid: BidRow }>(
        (ids) => bidsOfBidders(em, ids, limit),
        (r) => r.entityId,
      ),
    ),
  };
}
