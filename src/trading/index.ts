/*
 * The trading family's public surface: what other families (and the seed
 * tool) may import. Everything else under src/trading/ is the family's own
 * (.dependency-cruiser.cjs enforces it).
 */
export { tradingFamily } from './trading.family';
export {
  BID_EVIDENCE,
  BID_SENSITIVE,
  EXPERT_IDENTITY,
  MAX_PROJECT_CODE,
  TRADING_TOPICS,
  TradingTopic,
  type TradingTopicName,
} from './trading.model';
export { TradingProjectRow } from './trading-project.entity';
export { toOcdsReleasePackage } from './ocds';
export type { OcdsRelease } from './ocds.types';
export { SectionRow } from './section.entity';
export { BidRow } from './bid.entity';
export { unifiedTransactionCode } from './project.rules';
export type { ProjectPush, SectionPush } from './project.rules';
export type {
  AnnouncementPush,
  AwardPush,
  BidOpeningPush,
  BidPush,
  ContractPush,
  EvaluationPush,
} from './records.rules';
