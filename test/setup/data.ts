import { withCheckChar } from '../../src/common/credit-code';
import { demoEntities } from '../../src/seed/demo';
import type { MarketEntityPush } from '../../src/market/market-entity.rules';

/** `count` valid, distinct market entities; `seed` varies the names and values, `offset` the credit codes. */
export function entities(count: number, offset = 0, seed = 7): MarketEntityPush[] {
  return demoEntities(count, seed, offset);
}

/** A valid credit code in Wuhan with the given 9-character organisation code. */
export function code(org: string): string {
  return withCheckChar(`91420100${org}`);
}

export const PUSH = `mutation Push($records: [MarketEntityInput!]!) {
  pushMarketEntities(records: $records) {
    accepted unchanged rejected
    results { index key status version errors { field code message } }
  }
}`;

export const CHANGES = `subscription Changes($after: String, $topics: [ChangeTopic!]) {
  changes(after: $after, topics: $topics) { cursor seq topic op key version sourceSystem data }
}`;

export interface PushResponse {
  pushMarketEntities: {
    accepted: number;
    unchanged: number;
    rejected: number;
    results: {
      index: number;
      key: string | null;
      status: string;
      version: number | null;
      errors: { field: string; code: string; message: string }[];
    }[];
  };
}

export interface ChangeEventData {
  changes: {
    cursor: string;
    seq: string;
    topic: string;
    op: string;
    key: string;
    version: number;
    sourceSystem: string | null;
    data: Record<string, unknown>;
  };
}
