import { withCheckChar } from '../../src/common/credit-code';
import { demoEntities } from '../../src/seed/demo';
import { graphql } from '../gql';
import type { ChangesSubscription, MarketEntityInput, PushMutation } from '../gql/graphql';

/** `count` valid, distinct market entities; `seed` varies the names and values, `offset` the credit codes. */
export function entities(count: number, offset = 0, seed = 7): MarketEntityInput[] {
  return demoEntities(count, seed, offset) as MarketEntityInput[];
}

/** A valid credit code in Wuhan with the given 9-character organisation code. */
export function code(org: string): string {
  return withCheckChar(`91420100${org}`);
}

/** Pushes market entities; its result and variables are typed by codegen (test/gql). */
export const PUSH = graphql(`
  mutation Push($records: [MarketEntityInput!]!) {
    pushMarketEntities(records: $records) {
      accepted
      unchanged
      rejected
      results {
        index
        key
        status
        version
        errors {
          field
          code
          message
        }
      }
    }
  }
`);

/** The change feed from a cursor, for some topics; typed by codegen (test/gql). */
export const CHANGES = graphql(`
  subscription Changes($after: String, $topics: [ChangeTopic!]) {
    changes(after: $after, topics: $topics) {
      cursor
      seq
      topic
      op
      key
      version
      sourceSystem
      data
    }
  }
`);

export type PushResponse = PushMutation;

export type ChangeEventData = ChangesSubscription;
