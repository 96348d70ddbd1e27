import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../common/errors';

/**
 * The HTTP status of an answer carrying INTERNAL, one rule for every path
 * (README, "Results and errors"): 500 when the fault left no answer (`data`
 * absent or null: a failed push, a fault before execution), 200 when part of
 * the answer is there (the fault is at its `path`, the rest is data, as the
 * GraphQL-over-HTTP specification wants a response with data to be 2xx).
 * Without it, Apollo answers 200 for a fault in a resolver and 500 for one
 * in a plugin, and a client or a proxy cannot tell a failed request from an
 * answer.
 */
export function internalErrorStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((e) => e.extensions?.code === ErrorCode.INTERNAL)) return;
          response.http.status = data === null || data === undefined ? 500 : 200;
        },
      };
    },
  };
}
