import type { SensitiveFields } from '../auth/masking';
import { MARKET_ENTITY_SENSITIVE } from '../market/market-entity.model';
import type { MarketEntitySnapshot } from '../market/market-entity.push';
import type { Snapshot } from '../ingest/snapshot';
import type { ProjectData } from '../trading/project.rules';
import type { AnnouncementData, AwardData, BidData, BidOpeningData, ContractData, EvaluationData } from '../trading/records.rules';
import { BID_SENSITIVE, EVALUATION_SENSITIVE } from '../trading/trading.model';

/**
 * Topics of the change log. A new data family adds its topic here and its
 * payload type to {@link TopicPayloads}; writer and subscribers share both.
 */
export enum ChangeTopic {
  MARKET_ENTITY = 'MARKET_ENTITY',
  TRADING_PROJECT = 'TRADING_PROJECT',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  BID = 'BID',
  BID_OPENING = 'BID_OPENING',
  EVALUATION = 'EVALUATION',
  AWARD = 'AWARD',
  CONTRACT = 'CONTRACT',
  /** Operator actions (keys, grants, systems): only ADMIN may follow it. */
  ADMIN = 'ADMIN',
}

export enum ChangeOp {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

/** The snapshot carried in `data` for each topic. */
export interface TopicPayloads {
  [ChangeTopic.MARKET_ENTITY]: MarketEntitySnapshot;
  [ChangeTopic.TRADING_PROJECT]: Snapshot<ProjectData>;
  [ChangeTopic.ANNOUNCEMENT]: Snapshot<AnnouncementData>;
  [ChangeTopic.BID]: Snapshot<BidData>;
  [ChangeTopic.BID_OPENING]: Snapshot<BidOpeningData>;
  [ChangeTopic.EVALUATION]: Snapshot<EvaluationData>;
  [ChangeTopic.AWARD]: Snapshot<AwardData>;
  [ChangeTopic.CONTRACT]: Snapshot<ContractData>;
  [ChangeTopic.ADMIN]: { action: string; target: string; [detail: string]: unknown };
}

/** A change to append: the writer's side. */
export interface NewChange<T extends ChangeTopic = ChangeTopic> {
  topic: T;
  op: ChangeOp;
  key: string;
  version: number;
  data: TopicPayloads[T];
}

/** A change as stored and streamed: the subscribers' side. */
export interface ChangeRecord {
  seq: number;
  topic: ChangeTopic;
  op: ChangeOp;
  key: string;
  version: number;
  data: Record<string, unknown>;
  sourceSystem: string | null;
  principal: string;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

/** The sensitive fields of each topic's payload, declared by its data family; masked in feeds and exports. */
export const TOPIC_SENSITIVE: Partial<Record<ChangeTopic, SensitiveFields>> = {
  [ChangeTopic.MARKET_ENTITY]: MARKET_ENTITY_SENSITIVE,
  [ChangeTopic.BID]: BID_SENSITIVE,
  [ChangeTopic.EVALUATION]: EVALUATION_SENSITIVE,
};

/** Topics of trading records, for consumers that follow trading as a whole (statistics, the national platform). */
export const TRADING_TOPICS: readonly ChangeTopic[] = [
  ChangeTopic.TRADING_PROJECT,
  ChangeTopic.ANNOUNCEMENT,
  ChangeTopic.BID,
  ChangeTopic.BID_OPENING,
  ChangeTopic.EVALUATION,
  ChangeTopic.AWARD,
  ChangeTopic.CONTRACT,
];

/** The PostgreSQL channel whose NOTIFY wakes the feed tail readers of every hub process. */
export const FEED_CHANNEL = 'hub_changes';
