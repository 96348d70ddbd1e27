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
    "\n  subscription FollowPublication($after: String) {\n    changes(topics: [CREDIT_PUBLICATION], after: $after) {\n      cursor\n      seq\n      op\n      key\n      data\n    }\n  }\n": typeof types.FollowPublicationDocument,
    "\n  subscription TradingDashboard($filter: TradingStatisticsFilter) {\n    tradingStatisticsChanged(groupBy: [CATEGORY], filter: $filter) {\n      asOf\n      cursor\n      rows {\n        category {\n          code\n          name\n        }\n        projectCount\n        sectionCount\n        totalBudget\n        totalAwarded\n        savingRate\n        averageBiddersPerSection\n      }\n    }\n  }\n": typeof types.TradingDashboardDocument,
    "\n  subscription FollowChanges($topics: [ChangeTopic!], $after: String) {\n    changes(topics: $topics, after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      occurredAt\n      data\n    }\n  }\n": typeof types.FollowChangesDocument,
    "\n  fragment PushOutcome on PushResult {\n    accepted\n    unchanged\n    rejected\n    results {\n      index\n      key\n      status\n      version\n      errors {\n        field\n        code\n        message\n        rule\n      }\n      warnings {\n        rule\n        message\n      }\n    }\n  }\n": typeof types.PushOutcomeFragmentDoc,
    "\n  query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: CREDIT_CODE) {\n      totalCount @include(if: $withTotal)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          registeredCapital\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n": typeof types.MarketEntitiesPageDocument,
    "\n  mutation PushMarketEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushMarketEntitiesDocument,
    "\n  mutation PushProcurementEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementEntitiesDocument,
    "\n  mutation PushProcurementProjects($records: [TradingProjectInput!]!) {\n    pushTradingProjects(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementProjectsDocument,
    "\n  mutation PushProcurementAnnouncements($records: [AnnouncementInput!]!) {\n    pushAnnouncements(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementAnnouncementsDocument,
    "\n  mutation PushProcurementBids($records: [BidInput!]!) {\n    pushBids(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementBidsDocument,
    "\n  mutation PushProcurementBidOpenings($records: [BidOpeningInput!]!) {\n    pushBidOpenings(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementBidOpeningsDocument,
    "\n  mutation PushProcurementEvaluations($records: [EvaluationInput!]!) {\n    pushEvaluations(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementEvaluationsDocument,
    "\n  mutation PushProcurementAwards($records: [AwardInput!]!) {\n    pushAwards(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementAwardsDocument,
    "\n  mutation PushProcurementContracts($records: [ContractInput!]!) {\n    pushContracts(records: $records) {\n      ...PushOutcome\n    }\n  }\n": typeof types.PushProcurementContractsDocument,
    "\n  query TradingProjectTree($code: String!) {\n    tradingProject(code: $code) {\n      code\n      name\n      version\n      status\n      method\n      budget\n      currency\n      regionCode\n      publishedAt\n      bidDeadline\n      details\n      category {\n        code\n        name\n      }\n      subItem {\n        code\n        name\n      }\n      sourceSystem {\n        code\n        name\n      }\n      tenderer {\n        creditCode\n        name\n      }\n      agency {\n        creditCode\n        name\n      }\n      sections {\n        code\n        name\n        budget\n        status\n        openingAt\n        bids {\n          amount\n          status\n          submittedAt\n          bidder {\n            creditCode\n            name\n          }\n        }\n        bidOpening {\n          openedAt\n          bidderCount\n          location\n        }\n        evaluation {\n          startedAt\n          reportedAt\n          committee {\n            role\n            name\n            organisation\n          }\n          candidates {\n            rank\n            bidderCreditCode\n            score\n            amount\n            bidder {\n              name\n            }\n          }\n        }\n        award {\n          amount\n          awardedOn\n          winner {\n            creditCode\n            name\n          }\n        }\n        contracts {\n          code\n          amount\n          signedOn\n          periodStart\n          periodEnd\n        }\n      }\n      announcements {\n        code\n        type\n        title\n        publishedAt\n        periodStart\n        periodEnd\n      }\n      findings {\n        rule\n        topic\n        recordKey\n        message\n      }\n    }\n  }\n": typeof types.TradingProjectTreeDocument,
    "\n  query VerifyCertificate($pem: String!, $at: DateTime) {\n    verifyCertificate(pem: $pem, at: $at) {\n      status\n      reasons {\n        code\n        message\n      }\n      chain {\n        subject\n        serial\n        fingerprint\n      }\n      caCode\n      creditCode\n      marketEntity {\n        name\n        status\n      }\n    }\n  }\n": typeof types.VerifyCertificateDocument,
    "\n  subscription FollowWarnings($after: String) {\n    changes(topics: [FINDING, FINDING_REVIEW], after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      occurredAt\n      data\n    }\n  }\n": typeof types.FollowWarningsDocument,
};
const documents: Documents = {
    "\n  subscription FollowPublication($after: String) {\n    changes(topics: [CREDIT_PUBLICATION], after: $after) {\n      cursor\n      seq\n      op\n      key\n      data\n    }\n  }\n": types.FollowPublicationDocument,
    "\n  subscription TradingDashboard($filter: TradingStatisticsFilter) {\n    tradingStatisticsChanged(groupBy: [CATEGORY], filter: $filter) {\n      asOf\n      cursor\n      rows {\n        category {\n          code\n          name\n        }\n        projectCount\n        sectionCount\n        totalBudget\n        totalAwarded\n        savingRate\n        averageBiddersPerSection\n      }\n    }\n  }\n": types.TradingDashboardDocument,
    "\n  subscription FollowChanges($topics: [ChangeTopic!], $after: String) {\n    changes(topics: $topics, after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      occurredAt\n      data\n    }\n  }\n": types.FollowChangesDocument,
    "\n  fragment PushOutcome on PushResult {\n    accepted\n    unchanged\n    rejected\n    results {\n      index\n      key\n      status\n      version\n      errors {\n        field\n        code\n        message\n        rule\n      }\n      warnings {\n        rule\n        message\n      }\n    }\n  }\n": types.PushOutcomeFragmentDoc,
    "\n  query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: CREDIT_CODE) {\n      totalCount @include(if: $withTotal)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          registeredCapital\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n": types.MarketEntitiesPageDocument,
    "\n  mutation PushMarketEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushMarketEntitiesDocument,
    "\n  mutation PushProcurementEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementEntitiesDocument,
    "\n  mutation PushProcurementProjects($records: [TradingProjectInput!]!) {\n    pushTradingProjects(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementProjectsDocument,
    "\n  mutation PushProcurementAnnouncements($records: [AnnouncementInput!]!) {\n    pushAnnouncements(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementAnnouncementsDocument,
    "\n  mutation PushProcurementBids($records: [BidInput!]!) {\n    pushBids(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementBidsDocument,
    "\n  mutation PushProcurementBidOpenings($records: [BidOpeningInput!]!) {\n    pushBidOpenings(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementBidOpeningsDocument,
    "\n  mutation PushProcurementEvaluations($records: [EvaluationInput!]!) {\n    pushEvaluations(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementEvaluationsDocument,
    "\n  mutation PushProcurementAwards($records: [AwardInput!]!) {\n    pushAwards(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementAwardsDocument,
    "\n  mutation PushProcurementContracts($records: [ContractInput!]!) {\n    pushContracts(records: $records) {\n      ...PushOutcome\n    }\n  }\n": types.PushProcurementContractsDocument,
    "\n  query TradingProjectTree($code: String!) {\n    tradingProject(code: $code) {\n      code\n      name\n      version\n      status\n      method\n      budget\n      currency\n      regionCode\n      publishedAt\n      bidDeadline\n      details\n      category {\n        code\n        name\n      }\n      subItem {\n        code\n        name\n      }\n      sourceSystem {\n        code\n        name\n      }\n      tenderer {\n        creditCode\n        name\n      }\n      agency {\n        creditCode\n        name\n      }\n      sections {\n        code\n        name\n        budget\n        status\n        openingAt\n        bids {\n          amount\n          status\n          submittedAt\n          bidder {\n            creditCode\n            name\n          }\n        }\n        bidOpening {\n          openedAt\n          bidderCount\n          location\n        }\n        evaluation {\n          startedAt\n          reportedAt\n          committee {\n            role\n            name\n            organisation\n          }\n          candidates {\n            rank\n            bidderCreditCode\n            score\n            amount\n            bidder {\n              name\n            }\n          }\n        }\n        award {\n          amount\n          awardedOn\n          winner {\n            creditCode\n            name\n          }\n        }\n        contracts {\n          code\n          amount\n          signedOn\n          periodStart\n          periodEnd\n        }\n      }\n      announcements {\n        code\n        type\n        title\n        publishedAt\n        periodStart\n        periodEnd\n      }\n      findings {\n        rule\n        topic\n        recordKey\n        message\n      }\n    }\n  }\n": types.TradingProjectTreeDocument,
    "\n  query VerifyCertificate($pem: String!, $at: DateTime) {\n    verifyCertificate(pem: $pem, at: $at) {\n      status\n      reasons {\n        code\n        message\n      }\n      chain {\n        subject\n        serial\n        fingerprint\n      }\n      caCode\n      creditCode\n      marketEntity {\n        name\n        status\n      }\n    }\n  }\n": types.VerifyCertificateDocument,
    "\n  subscription FollowWarnings($after: String) {\n    changes(topics: [FINDING, FINDING_REVIEW], after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      occurredAt\n      data\n    }\n  }\n": types.FollowWarningsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowPublication($after: String) {\n    changes(topics: [CREDIT_PUBLICATION], after: $after) {\n      cursor\n      seq\n      op\n      key\n      data\n    }\n  }\n"): typeof import('./graphql').FollowPublicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TradingDashboard($filter: TradingStatisticsFilter) {\n    tradingStatisticsChanged(groupBy: [CATEGORY], filter: $filter) {\n      asOf\n      cursor\n      rows {\n        category {\n          code\n          name\n        }\n        projectCount\n        sectionCount\n        totalBudget\n        totalAwarded\n        savingRate\n        averageBiddersPerSection\n      }\n    }\n  }\n"): typeof import('./graphql').TradingDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowChanges($topics: [ChangeTopic!], $after: String) {\n    changes(topics: $topics, after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      version\n      sourceSystem\n      occurredAt\n      data\n    }\n  }\n"): typeof import('./graphql').FollowChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PushOutcome on PushResult {\n    accepted\n    unchanged\n    rejected\n    results {\n      index\n      key\n      status\n      version\n      errors {\n        field\n        code\n        message\n        rule\n      }\n      warnings {\n        rule\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').PushOutcomeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {\n    marketEntities(filter: $filter, first: $first, after: $after, orderBy: CREDIT_CODE) {\n      totalCount @include(if: $withTotal)\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          creditCode\n          name\n          regionCode\n          roles\n          status\n          registeredCapital\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MarketEntitiesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushMarketEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushMarketEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementEntities($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementProjects($records: [TradingProjectInput!]!) {\n    pushTradingProjects(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementAnnouncements($records: [AnnouncementInput!]!) {\n    pushAnnouncements(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementAnnouncementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementBids($records: [BidInput!]!) {\n    pushBids(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementBidsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementBidOpenings($records: [BidOpeningInput!]!) {\n    pushBidOpenings(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementBidOpeningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementEvaluations($records: [EvaluationInput!]!) {\n    pushEvaluations(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementEvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementAwards($records: [AwardInput!]!) {\n    pushAwards(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementAwardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PushProcurementContracts($records: [ContractInput!]!) {\n    pushContracts(records: $records) {\n      ...PushOutcome\n    }\n  }\n"): typeof import('./graphql').PushProcurementContractsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TradingProjectTree($code: String!) {\n    tradingProject(code: $code) {\n      code\n      name\n      version\n      status\n      method\n      budget\n      currency\n      regionCode\n      publishedAt\n      bidDeadline\n      details\n      category {\n        code\n        name\n      }\n      subItem {\n        code\n        name\n      }\n      sourceSystem {\n        code\n        name\n      }\n      tenderer {\n        creditCode\n        name\n      }\n      agency {\n        creditCode\n        name\n      }\n      sections {\n        code\n        name\n        budget\n        status\n        openingAt\n        bids {\n          amount\n          status\n          submittedAt\n          bidder {\n            creditCode\n            name\n          }\n        }\n        bidOpening {\n          openedAt\n          bidderCount\n          location\n        }\n        evaluation {\n          startedAt\n          reportedAt\n          committee {\n            role\n            name\n            organisation\n          }\n          candidates {\n            rank\n            bidderCreditCode\n            score\n            amount\n            bidder {\n              name\n            }\n          }\n        }\n        award {\n          amount\n          awardedOn\n          winner {\n            creditCode\n            name\n          }\n        }\n        contracts {\n          code\n          amount\n          signedOn\n          periodStart\n          periodEnd\n        }\n      }\n      announcements {\n        code\n        type\n        title\n        publishedAt\n        periodStart\n        periodEnd\n      }\n      findings {\n        rule\n        topic\n        recordKey\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').TradingProjectTreeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCertificate($pem: String!, $at: DateTime) {\n    verifyCertificate(pem: $pem, at: $at) {\n      status\n      reasons {\n        code\n        message\n      }\n      chain {\n        subject\n        serial\n        fingerprint\n      }\n      caCode\n      creditCode\n      marketEntity {\n        name\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').VerifyCertificateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowWarnings($after: String) {\n    changes(topics: [FINDING, FINDING_REVIEW], after: $after) {\n      cursor\n      seq\n      topic\n      op\n      key\n      occurredAt\n      data\n    }\n  }\n"): typeof import('./graphql').FollowWarningsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
