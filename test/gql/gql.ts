/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Push($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.PushDocument,
    "\n  subscription Changes($after: String, $topics: [ChangeTopic!]) {\n    changes(after: $after, topics: $topics) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      data\n    }\n  }\n": typeof types.ChangesDocument,
};
const documents: Documents = {
    "\n  mutation Push($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.PushDocument,
    "\n  subscription Changes($after: String, $topics: [ChangeTopic!]) {\n    changes(after: $after, topics: $topics) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      data\n    }\n  }\n": types.ChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Push($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PushDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Changes($after: String, $topics: [ChangeTopic!]) {\n    changes(after: $after, topics: $topics) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      data\n    }\n  }\n"): typeof import('./graphql').ChangesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
