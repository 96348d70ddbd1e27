import type { SensitiveFields } from '../auth/masking';
import { MARKET_ENTITY_SENSITIVE } from '../market/market-entity.model';
import type { MarketEntitySnapshot } from '../market/market-entity.push';

/**
 * Topics of the change log. A new data family adds its topic here and its
 * payload type to {@link TopicPayloads}; writer and subscribers share both.
 */
export enum ChangeTopic {
  MARKET_ENTITY = 'MARKET_ENTITY',
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
};

/** The PostgreSQL channel whose NOTIFY wakes the feed tail readers of every hub process. */
export const FEED_CHANNEL = 'hub_changes';
