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
    "\n  subscription FollowChanges($topics: [ChangeTopic!], $after: String) {\n    changes(topics: $topics, after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      occurredAt\n      data\n    }\n  }\n": typeof types.FollowChangesDocument,
    "\n  query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: CREDIT_CODE) {\n      totalCount @include(if: $withTotal)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          registeredCapital\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n": typeof types.MarketEntitiesPageDocument,
    "\n  mutation PushMarketEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.PushMarketEntitiesDocument,
};
const documents: Documents = {
    "\n  subscription FollowChanges($topics: [ChangeTopic!], $after: String) {\n    changes(topics: $topics, after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      occurredAt\n      data\n    }\n  }\n": types.FollowChangesDocument,
    "\n  query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: CREDIT_CODE) {\n      totalCount @include(if: $withTotal)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          registeredCapital\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n": types.MarketEntitiesPageDocument,
    "\n  mutation PushMarketEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.PushMarketEntitiesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowChanges($topics: [ChangeTopic!], $after: String) {\n    changes(topics: $topics, after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      occurredAt\n      data\n    }\n  }\n"): typeof import('./graphql').FollowChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: CREDIT_CODE) {\n      totalCount @include(if: $withTotal)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          registeredCapital\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MarketEntitiesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushMarketEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PushMarketEntitiesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
