import type { MarketEntitySnapshot } from '../market/market-entity.push';

/**
 * Topics of the change log. A new data family adds its topic here and its
 * payload type to {@link TopicPayloads}; writer and subscribers share both.
 */
export enum ChangeTopic {
  MARKET_ENTITY = 'MARKET_ENTITY',
}

export enum ChangeOp {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

/** The snapshot carried in `data` for each topic. */
export interface TopicPayloads {
  [ChangeTopic.MARKET_ENTITY]: MarketEntitySnapshot;
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

/** The PostgreSQL channel whose NOTIFY wakes the feed tail readers of every hub process. */
export const FEED_CHANNEL = 'hub_changes';
