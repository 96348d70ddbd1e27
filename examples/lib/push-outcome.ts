import { graphql } from '../gql';

/**
 * What every push mutation answers (a PushResult), selected the same way by
 * every example: the counts, and each record's outcome with its errors and
 * data-quality warnings. Spread it into a push: `pushBids(records: $r) { ...PushOutcome }`.
 */
export const PushOutcome = graphql(`
  fragment PushOutcome on PushResult {
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
        rule
      }
      warnings {
        rule
        message
      }
    }
  }
`);
