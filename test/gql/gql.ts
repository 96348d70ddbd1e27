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
    "\n  mutation PushWithOwner($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      results {\n        status\n        errors {\n          code\n          message\n          owner\n        }\n      }\n    }\n  }\n": typeof types.PushWithOwnerDocument,
    "\n  query CliEntitySystem($c: String!) {\n    marketEntity(creditCode: $c) {\n      sourceSystem {\n        code\n      }\n    }\n  }\n": typeof types.CliEntitySystemDocument,
    "\n  query CliSystems {\n    sourceSystems {\n      code\n      kind\n    }\n  }\n": typeof types.CliSystemsDocument,
    "\n  mutation CliGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n": typeof types.CliGrantsDocument,
    "\n  query ProjectHistory($code: String!, $last: Int) {\n    tradingProject(code: $code) {\n      code\n      history(last: $last) {\n        version\n        op\n        sourceSystem\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n": typeof types.ProjectHistoryDocument,
    "\n  query PushedEntity($creditCode: String!) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      kind\n      roles\n      legalRepresentative\n      registeredCapital\n      regionCode\n      address\n      establishedOn\n      status\n      externalId\n      version\n      updatedAt\n      qualifications {\n        code\n        name\n        level\n        validUntil\n        issuer\n      }\n      sourceSystem {\n        code\n      }\n    }\n  }\n": typeof types.PushedEntityDocument,
    "\n  query PushedCodes($codes: [String!]!) {\n    marketEntities(filter: { creditCodes: $codes }, first: 500) {\n      totalCount\n      edges {\n        node {\n          creditCode\n          name\n          version\n        }\n      }\n    }\n  }\n": typeof types.PushedCodesDocument,
    "\n  query SystemsLastPush {\n    sourceSystems {\n      code\n      lastPushAt\n    }\n  }\n": typeof types.SystemsLastPushDocument,
    "\n  query EntityPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $orderBy: MarketEntityOrder) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.EntityPageDocument,
    "\n  query EntityWithHistory($creditCode: String!, $last: Int) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      version\n      sourceSystem {\n        code\n        name\n        kind\n        regionCode\n      }\n      history(last: $last) {\n        version\n        op\n        occurredAt\n        sourceSystem\n        principal\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n": typeof types.EntityWithHistoryDocument,
    "\n  query Stats($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {\n    tradingStatistics(groupBy: $groupBy, filter: $filter) {\n      category {\n        code\n        name\n      }\n      subItem {\n        code\n        name\n      }\n      regionCode\n      regionName\n      month\n      method\n      projectCount\n      sectionCount\n      totalBudget\n      totalAwarded\n      savingRate\n      averageBiddersPerSection\n    }\n  }\n": typeof types.StatsDocument,
    "\n  subscription Live($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {\n    tradingStatisticsChanged(groupBy: $groupBy, filter: $filter) {\n      asOf\n      cursor\n      rows {\n        regionCode\n        projectCount\n        sectionCount\n        totalBudget\n        totalAwarded\n        savingRate\n        averageBiddersPerSection\n      }\n    }\n  }\n": typeof types.LiveDocument,
    "\n  mutation StatisticsClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      apiKey\n    }\n  }\n": typeof types.StatisticsClientDocument,
    "\n  mutation TradingGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n": typeof types.TradingGrantsDocument,
    "\n  mutation Push($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.PushDocument,
    "\n  subscription Changes($after: String, $topics: [ChangeTopic!]) {\n    changes(after: $after, topics: $topics) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      data\n    }\n  }\n": typeof types.ChangesDocument,
};
const documents: Documents = {
    "\n  mutation PushWithOwner($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      results {\n        status\n        errors {\n          code\n          message\n          owner\n        }\n      }\n    }\n  }\n": types.PushWithOwnerDocument,
    "\n  query CliEntitySystem($c: String!) {\n    marketEntity(creditCode: $c) {\n      sourceSystem {\n        code\n      }\n    }\n  }\n": types.CliEntitySystemDocument,
    "\n  query CliSystems {\n    sourceSystems {\n      code\n      kind\n    }\n  }\n": types.CliSystemsDocument,
    "\n  mutation CliGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n": types.CliGrantsDocument,
    "\n  query ProjectHistory($code: String!, $last: Int) {\n    tradingProject(code: $code) {\n      code\n      history(last: $last) {\n        version\n        op\n        sourceSystem\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n": types.ProjectHistoryDocument,
    "\n  query PushedEntity($creditCode: String!) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      kind\n      roles\n      legalRepresentative\n      registeredCapital\n      regionCode\n      address\n      establishedOn\n      status\n      externalId\n      version\n      updatedAt\n      qualifications {\n        code\n        name\n        level\n        validUntil\n        issuer\n      }\n      sourceSystem {\n        code\n      }\n    }\n  }\n": types.PushedEntityDocument,
    "\n  query PushedCodes($codes: [String!]!) {\n    marketEntities(filter: { creditCodes: $codes }, first: 500) {\n      totalCount\n      edges {\n        node {\n          creditCode\n          name\n          version\n        }\n      }\n    }\n  }\n": types.PushedCodesDocument,
    "\n  query SystemsLastPush {\n    sourceSystems {\n      code\n      lastPushAt\n    }\n  }\n": types.SystemsLastPushDocument,
    "\n  query EntityPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $orderBy: MarketEntityOrder) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          updatedAt\n        }\n      }\n    }\n  }\n": types.EntityPageDocument,
    "\n  query EntityWithHistory($creditCode: String!, $last: Int) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      version\n      sourceSystem {\n        code\n        name\n        kind\n        regionCode\n      }\n      history(last: $last) {\n        version\n        op\n        occurredAt\n        sourceSystem\n        principal\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n": types.EntityWithHistoryDocument,
    "\n  query Stats($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {\n    tradingStatistics(groupBy: $groupBy, filter: $filter) {\n      category {\n        code\n        name\n      }\n      subItem {\n        code\n        name\n      }\n      regionCode\n      regionName\n      month\n      method\n      projectCount\n      sectionCount\n      totalBudget\n      totalAwarded\n      savingRate\n      averageBiddersPerSection\n    }\n  }\n": types.StatsDocument,
    "\n  subscription Live($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {\n    tradingStatisticsChanged(groupBy: $groupBy, filter: $filter) {\n      asOf\n      cursor\n      rows {\n        regionCode\n        projectCount\n        sectionCount\n        totalBudget\n        totalAwarded\n        savingRate\n        averageBiddersPerSection\n      }\n    }\n  }\n": types.LiveDocument,
    "\n  mutation StatisticsClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      apiKey\n    }\n  }\n": types.StatisticsClientDocument,
    "\n  mutation TradingGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n": types.TradingGrantsDocument,
    "\n  mutation Push($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n      unchanged\n      rejected\n      results {\n        index\n        key\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.PushDocument,
    "\n  subscription Changes($after: String, $topics: [ChangeTopic!]) {\n    changes(after: $after, topics: $topics) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      data\n    }\n  }\n": types.ChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushWithOwner($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      results {\n        status\n        errors {\n          code\n          message\n          owner\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PushWithOwnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliEntitySystem($c: String!) {\n    marketEntity(creditCode: $c) {\n      sourceSystem {\n        code\n      }\n    }\n  }\n"): typeof import('./graphql').CliEntitySystemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliSystems {\n    sourceSystems {\n      code\n      kind\n    }\n  }\n"): typeof import('./graphql').CliSystemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n"): typeof import('./graphql').CliGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectHistory($code: String!, $last: Int) {\n    tradingProject(code: $code) {\n      code\n      history(last: $last) {\n        version\n        op\n        sourceSystem\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PushedEntity($creditCode: String!) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      kind\n      roles\n      legalRepresentative\n      registeredCapital\n      regionCode\n      address\n      establishedOn\n      status\n      externalId\n      version\n      updatedAt\n      qualifications {\n        code\n        name\n        level\n        validUntil\n        issuer\n      }\n      sourceSystem {\n        code\n      }\n    }\n  }\n"): typeof import('./graphql').PushedEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PushedCodes($codes: [String!]!) {\n    marketEntities(filter: { creditCodes: $codes }, first: 500) {\n      totalCount\n      edges {\n        node {\n          creditCode\n          name\n          version\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PushedCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SystemsLastPush {\n    sourceSystems {\n      code\n      lastPushAt\n    }\n  }\n"): typeof import('./graphql').SystemsLastPushDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntityPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $orderBy: MarketEntityOrder) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          updatedAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').EntityPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntityWithHistory($creditCode: String!, $last: Int) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      version\n      sourceSystem {\n        code\n        name\n        kind\n        regionCode\n      }\n      history(last: $last) {\n        version\n        op\n        occurredAt\n        sourceSystem\n        principal\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n"): typeof import('./graphql').EntityWithHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stats($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {\n    tradingStatistics(groupBy: $groupBy, filter: $filter) {\n      category {\n        code\n        name\n      }\n      subItem {\n        code\n        name\n      }\n      regionCode\n      regionName\n      month\n      method\n      projectCount\n      sectionCount\n      totalBudget\n      totalAwarded\n      savingRate\n      averageBiddersPerSection\n    }\n  }\n"): typeof import('./graphql').StatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Live($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {\n    tradingStatisticsChanged(groupBy: $groupBy, filter: $filter) {\n      asOf\n      cursor\n      rows {\n        regionCode\n        projectCount\n        sectionCount\n        totalBudget\n        totalAwarded\n        savingRate\n        averageBiddersPerSection\n      }\n    }\n  }\n"): typeof import('./graphql').LiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StatisticsClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').StatisticsClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TradingGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n"): typeof import('./graphql').TradingGrantsDocument;
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
