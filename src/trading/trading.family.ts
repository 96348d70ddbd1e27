import type { Snapshot } from '../ingest/snapshot';
import { defineFamily, topic } from '../registry/family';
import { AnnouncementRow } from './announcement.entity';
import { AwardRow } from './award.entity';
import { BidOpeningRow } from './bid-opening.entity';
import { BidRow } from './bid.entity';
import { TradingCategoryRow, TradingSubItemRow } from './catalog.entity';
import { ContractRow } from './contract.entity';
import { EvaluationCandidateRow } from './evaluation-candidate.entity';
import { EvaluationRow } from './evaluation.entity';
import { FindingRow } from './finding.entity';
import type { ProjectData } from './project.rules';
import type {
  AnnouncementData,
  AwardData,
  BidData,
  BidOpeningData,
  ContractData,
  EvaluationData,
} from './records.rules';
import { SectionRow } from './section.entity';
import { TradingProjectRow } from './trading-project.entity';
import { tradingLoaders } from './trading.loaders';
import { BID_EVIDENCE, BID_SENSITIVE, EVALUATION_SENSITIVE, EXPERT_IDENTITY, TradingTopic } from './trading.model';

const records = async () => import('./records.push.js');

/**
 * The trading family: the catalog, trading projects with their sections, and
 * the records of each deal (announcements, bids, openings, evaluations,
 * awards, contracts), with their data-quality findings, statistics and the
 * OCDS view. Registered in resolvers/families.ts.
 */
export const tradingFamily = defineFamily({
  name: 'trading',
  topics: {
    [TradingTopic.TRADING_PROJECT]: topic<Snapshot<ProjectData>>({
      description: 'A trading project (交易项目) with its sections; key: the project code.',
    }),
    [TradingTopic.ANNOUNCEMENT]: topic<Snapshot<AnnouncementData>>({
      description: 'An announcement (公告) of a project; key: its code.',
    }),
    [TradingTopic.BID]: topic<Snapshot<BidData>>({
      description: 'A bid with its evidence; key: `<sectionCode>/<bidderCreditCode>`.',
      sensitive: BID_SENSITIVE,
    }),
    [TradingTopic.BID_OPENING]: topic<Snapshot<BidOpeningData>>({
      description: 'The bid opening record (开标记录) of a section; key: the section code.',
    }),
    [TradingTopic.EVALUATION]: topic<Snapshot<EvaluationData>>({
      description: 'The evaluation result (评标结果) of a section; key: the section code.',
      sensitive: EVALUATION_SENSITIVE,
    }),
    [TradingTopic.AWARD]: topic<Snapshot<AwardData>>({
      description: 'The award (中标 / 成交) of a section; key: the section code.',
    }),
    [TradingTopic.CONTRACT]: topic<Snapshot<ContractData>>({
      description: 'A contract (合同) after the award of a section; key: its code.',
    }),
  },
  sensitivities: [BID_EVIDENCE, EXPERT_IDENTITY],
  entities: [
    TradingCategoryRow,
    TradingSubItemRow,
    TradingProjectRow,
    SectionRow,
    AnnouncementRow,
    BidRow,
    BidOpeningRow,
    EvaluationRow,
    EvaluationCandidateRow,
    AwardRow,
    ContractRow,
    FindingRow,
  ],
  push: {
    [TradingTopic.TRADING_PROJECT]: async () => (await import('./project.push.js')).projectPush,
    [TradingTopic.ANNOUNCEMENT]: async () => (await records()).announcementPush,
    [TradingTopic.BID]: async () => (await records()).bidPush,
    [TradingTopic.BID_OPENING]: async () => (await records()).bidOpeningPush,
    [TradingTopic.EVALUATION]: async () => (await records()).evaluationPush,
    [TradingTopic.AWARD]: async () => (await records()).awardPush,
    [TradingTopic.CONTRACT]: async () => (await records()).contractPush,
  },
  loaders: tradingLoaders,
  grantCategories: async (em) =>
    (
      await em.find(
        TradingCategoryRow,
        { retiredAt: null },
        { orderBy: { sortOrder: 'asc', code: 'asc' }, fields: ['code'] },
      )
    ).map((c) => c.code),
  history: {
    TradingProject: {
      topic: TradingTopic.TRADING_PROJECT,
      key: 'code',
      description:
        'Every version of the project (with its sections) from the change log, oldest first (or the last `last`). Its announcements, bids, openings, evaluations, awards and contracts are records of their own topics and are not included.',
    },
  },
});
