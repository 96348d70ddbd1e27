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
    "\n  mutation RaceRegister($i: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $i) {\n      apiKey\n      system {\n        code\n        name\n      }\n    }\n  }\n": typeof types.RaceRegisterDocument,
    "\n  mutation RaceClient($i: CreateClientInput!) {\n    createClient(input: $i) {\n      apiKey\n      key {\n        id\n      }\n      principal {\n        name\n      }\n    }\n  }\n": typeof types.RaceClientDocument,
    "\n  mutation RaceAddException($i: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $i) {\n      code\n    }\n  }\n": typeof types.RaceAddExceptionDocument,
    "\n  mutation RaceRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n": typeof types.RaceRemoveExceptionDocument,
    "\n  mutation RaceCategory($i: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $i)\n  }\n": typeof types.RaceCategoryDocument,
    "\n  mutation RaceSubItem($i: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $i)\n  }\n": typeof types.RaceSubItemDocument,
    "\n  mutation RaceGrants($p: String!, $i: GrantsInput!) {\n    updateGrants(principal: $p, input: $i) {\n      name\n    }\n  }\n": typeof types.RaceGrantsDocument,
    "\n  mutation RaceRevoke($id: Int!) {\n    revokeApiKey(keyId: $id) {\n      id\n    }\n  }\n": typeof types.RaceRevokeDocument,
    "\n  mutation RaceRotate($id: Int!) {\n    rotateApiKey(keyId: $id) {\n      apiKey\n    }\n  }\n": typeof types.RaceRotateDocument,
    "\n  mutation AuthRegister($input: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $input) {\n      apiKey\n      system {\n        code\n        name\n        kind\n        regionCode\n        createdAt\n      }\n    }\n  }\n": typeof types.AuthRegisterDocument,
    "\n  query AuthReads($creditCode: String!) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      sourceSystem {\n        code\n      }\n    }\n    marketEntities(first: 5) {\n      totalCount\n      edges {\n        node {\n          creditCode\n        }\n      }\n    }\n    sourceSystems {\n      code\n    }\n  }\n": typeof types.AuthReadsDocument,
    "\n  mutation AuthRegisterKey($input: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $input) {\n      apiKey\n    }\n  }\n": typeof types.AuthRegisterKeyDocument,
    "\n  query CatalogListing {\n    tradingCatalog {\n      code\n      name\n      subItems {\n        code\n        name\n        detailsSchema\n      }\n    }\n  }\n": typeof types.CatalogListingDocument,
    "\n  query CatalogWithRetired {\n    tradingCatalog(includeRetired: true) {\n      code\n      retiredAt\n      subItems {\n        code\n      }\n    }\n  }\n": typeof types.CatalogWithRetiredDocument,
    "\n  mutation CatalogAddEcological {\n    upsertCatalogCategory(input: { code: \"ECOLOGICAL_VALUE\", name: \"生态价值供应\" })\n    upsertCatalogSubItem(\n      input: {\n        code: \"GREENING_INCREMENT\"\n        categoryCode: \"ECOLOGICAL_VALUE\"\n        name: \"绿化增量交易\"\n        detailsSchema: { type: \"object\", properties: { area: { type: \"string\" } }, required: [\"area\"] }\n      }\n    )\n  }\n": typeof types.CatalogAddEcologicalDocument,
    "\n  mutation CatalogAddDataElements {\n    upsertCatalogCategory(input: { code: \"DATA_ELEMENTS\", name: \"数据要素\" })\n    a: upsertCatalogSubItem(input: { code: \"DATA_PRODUCT\", categoryCode: \"DATA_ELEMENTS\", name: \"数据产品交易\" })\n    b: upsertCatalogSubItem(input: { code: \"DATA_SERVICE\", categoryCode: \"DATA_ELEMENTS\", name: \"数据服务交易\" })\n  }\n": typeof types.CatalogAddDataElementsDocument,
    "\n  mutation CatalogUpsertSubItem($input: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $input)\n  }\n": typeof types.CatalogUpsertSubItemDocument,
    "\n  mutation CatalogRetireSubItem($code: String!) {\n    retireCatalogSubItem(code: $code)\n  }\n": typeof types.CatalogRetireSubItemDocument,
    "\n  mutation CatalogRetireCategory($code: String!) {\n    retireCatalogCategory(code: $code)\n  }\n": typeof types.CatalogRetireCategoryDocument,
    "\n  query CatalogProjectCode($code: String!) {\n    tradingProject(code: $code) {\n      code\n    }\n  }\n": typeof types.CatalogProjectCodeDocument,
    "\n  query CatalogProjectPlace($code: String!) {\n    tradingProject(code: $code) {\n      code\n      category {\n        code\n      }\n      subItem {\n        code\n      }\n    }\n  }\n": typeof types.CatalogProjectPlaceDocument,
    "\n  query CatalogProjectDetails($code: String!) {\n    tradingProject(code: $code) {\n      details\n      category {\n        code\n      }\n    }\n  }\n": typeof types.CatalogProjectDetailsDocument,
    "\n  query CatalogProjectsIn($category: String!) {\n    tradingProjects(first: 10, filter: { categoryCode: $category }) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n": typeof types.CatalogProjectsInDocument,
    "\n  query CliEntitySystem($c: String!) {\n    marketEntity(creditCode: $c) {\n      sourceSystem {\n        code\n      }\n    }\n  }\n": typeof types.CliEntitySystemDocument,
    "\n  query CliSystems {\n    sourceSystems {\n      code\n      kind\n    }\n  }\n": typeof types.CliSystemsDocument,
    "\n  mutation CliGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n": typeof types.CliGrantsDocument,
    "\n  query ExceptionList {\n    creditCodeExceptions {\n      code\n      reason\n      createdAt\n    }\n  }\n": typeof types.ExceptionListDocument,
    "\n  mutation ExceptionAdd($input: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $input) {\n      code\n      reason\n      createdAt\n    }\n  }\n": typeof types.ExceptionAddDocument,
    "\n  mutation ExceptionRemove($code: String!) {\n    removeCreditCodeException(code: $code) {\n      code\n      reason\n    }\n  }\n": typeof types.ExceptionRemoveDocument,
    "\n  mutation ExceptionPush($r: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $r) {\n      results {\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.ExceptionPushDocument,
    "\n  query ExceptionEntityName($c: String!) {\n    marketEntity(creditCode: $c) {\n      name\n    }\n  }\n": typeof types.ExceptionEntityNameDocument,
    "\n  mutation ExceptionReader {\n    createClient(input: { name: \"cce-reader\", roles: [INTEGRATOR] }) {\n      apiKey\n    }\n  }\n": typeof types.ExceptionReaderDocument,
    "\n  query ExamplesStoredEntities($codes: [String!]) {\n    marketEntities(filter: { creditCodes: $codes }, first: 50) {\n      totalCount\n      edges {\n        node {\n          creditCode\n          name\n          version\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExamplesStoredEntitiesDocument,
    "\n  mutation ExamplesRename($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n    }\n  }\n": typeof types.ExamplesRenameDocument,
    "\n  mutation ExamplesClient($name: String!, $roles: [Role!]!) {\n    createClient(input: { name: $name, roles: $roles }) {\n      apiKey\n    }\n  }\n": typeof types.ExamplesClientDocument,
    "\n  query ExamplesProcured($code: String!) {\n    tradingProject(code: $code) {\n      status\n      version\n      subItem {\n        code\n      }\n      details\n      sections {\n        code\n        status\n        bids {\n          amount\n        }\n        bidOpening {\n          bidderCount\n        }\n        evaluation {\n          candidates {\n            rank\n          }\n        }\n        award {\n          winner {\n            creditCode\n          }\n        }\n        contracts {\n          code\n          amount\n        }\n      }\n      announcements {\n        type\n      }\n      findings {\n        rule\n      }\n    }\n  }\n": typeof types.ExamplesProcuredDocument,
    "\n  query ProjectHistory($code: String!, $last: Int) {\n    tradingProject(code: $code) {\n      code\n      history(last: $last) {\n        version\n        op\n        sourceSystem\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n": typeof types.ProjectHistoryDocument,
    "\n  query HostileSystems {\n    sourceSystems {\n      code\n    }\n  }\n": typeof types.HostileSystemsDocument,
    "\n  mutation HostilePushEntities($r: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $r) {\n      results {\n        status\n        errors {\n          field\n          message\n        }\n      }\n    }\n  }\n": typeof types.HostilePushEntitiesDocument,
    "\n  mutation HostilePushProjects($r: [TradingProjectInput!]!) {\n    pushTradingProjects(records: $r) {\n      accepted\n    }\n  }\n": typeof types.HostilePushProjectsDocument,
    "\n  query HostileEntitiesAfter($a: String, $o: MarketEntityOrder) {\n    c: marketEntities(after: $a, orderBy: $o) {\n      totalCount\n    }\n  }\n": typeof types.HostileEntitiesAfterDocument,
    "\n  query HostileProjectsAfter($a: String, $o: TradingProjectOrder) {\n    c: tradingProjects(after: $a, orderBy: $o) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.HostileProjectsAfterDocument,
    "\n  query HostileOcdsAfter($a: String) {\n    c: ocdsReleasePackage(after: $a) {\n      pageInfo {\n        endCursor\n      }\n    }\n  }\n": typeof types.HostileOcdsAfterDocument,
    "\n  query HostileUpdatedSince($at: DateTime) {\n    tradingProjects(filter: { updatedSince: $at }) {\n      totalCount\n    }\n  }\n": typeof types.HostileUpdatedSinceDocument,
    "\n  query HostileAwardedFrom($d: Date) {\n    tradingProjects(filter: { awardedFrom: $d }) {\n      totalCount\n    }\n  }\n": typeof types.HostileAwardedFromDocument,
    "\n  mutation HostileIssueUntil($at: DateTime) {\n    issueApiKey(principal: \"HOSTILE-SYS\", expiresAt: $at) {\n      apiKey\n    }\n  }\n": typeof types.HostileIssueUntilDocument,
    "\n  mutation HostileRegister($v: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $v) {\n      apiKey\n    }\n  }\n": typeof types.HostileRegisterDocument,
    "\n  mutation HostileGrantIntegrator($n: String!) {\n    updateGrants(principal: $n, input: { roles: [INTEGRATOR] }) {\n      name\n    }\n  }\n": typeof types.HostileGrantIntegratorDocument,
    "\n  mutation HostileIssue($n: String!) {\n    issueApiKey(principal: $n) {\n      apiKey\n    }\n  }\n": typeof types.HostileIssueDocument,
    "\n  mutation HostileRetireSubItem($c: String!) {\n    retireCatalogSubItem(code: $c)\n  }\n": typeof types.HostileRetireSubItemDocument,
    "\n  mutation HostileRetireCategory($c: String!) {\n    retireCatalogCategory(code: $c)\n  }\n": typeof types.HostileRetireCategoryDocument,
    "\n  mutation HostileCategory($v: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $v)\n  }\n": typeof types.HostileCategoryDocument,
    "\n  mutation HostileSubItem($v: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $v)\n  }\n": typeof types.HostileSubItemDocument,
    "\n  mutation HostileAddException($v: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $v) {\n      code\n    }\n  }\n": typeof types.HostileAddExceptionDocument,
    "\n  mutation HostileRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n": typeof types.HostileRemoveExceptionDocument,
    "\n  query HostilePartial($c: String!) {\n    marketEntity(creditCode: $c) {\n      creditCode\n      sourceSystem {\n        code\n      }\n    }\n    tradingCatalog {\n      code\n    }\n  }\n": typeof types.HostilePartialDocument,
    "\n  query LimitsSystems {\n    sourceSystems {\n      code\n    }\n  }\n": typeof types.LimitsSystemsDocument,
    "\n  query LimitsPageCost($n: Int) {\n    marketEntities(first: $n) {\n      edges {\n        node {\n          creditCode\n          name\n          roles\n        }\n      }\n    }\n  }\n": typeof types.LimitsPageCostDocument,
    "\n  query LimitsEdgeCost($n: Int) {\n    marketEntities(first: $n) {\n      edges {\n        node {\n          creditCode\n        }\n      }\n    }\n  }\n": typeof types.LimitsEdgeCostDocument,
    "\n  query LimitsFirstPage {\n    marketEntities(first: 1) {\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.LimitsFirstPageDocument,
    "\n  query OcdsRelease($code: String!) {\n    ocdsRelease(projectCode: $code)\n  }\n": typeof types.OcdsReleaseDocument,
    "\n  query OcdsPackage($filter: TradingProjectFilterInput, $first: Int, $after: String) {\n    ocdsReleasePackage(filter: $filter, first: $first, after: $after) {\n      package\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OcdsPackageDocument,
    "\n    mutation PropPushEntities($r: [MarketEntityInput!]!) {\n      pushMarketEntities(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushEntitiesDocument,
    "\n    mutation PropPushProjects($r: [TradingProjectInput!]!) {\n      pushTradingProjects(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushProjectsDocument,
    "\n    mutation PropPushAnnouncements($r: [AnnouncementInput!]!) {\n      pushAnnouncements(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushAnnouncementsDocument,
    "\n    mutation PropPushBids($r: [BidInput!]!) {\n      pushBids(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushBidsDocument,
    "\n    mutation PropPushBidOpenings($r: [BidOpeningInput!]!) {\n      pushBidOpenings(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushBidOpeningsDocument,
    "\n    mutation PropPushEvaluations($r: [EvaluationInput!]!) {\n      pushEvaluations(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushEvaluationsDocument,
    "\n    mutation PropPushAwards($r: [AwardInput!]!) {\n      pushAwards(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushAwardsDocument,
    "\n    mutation PropPushContracts($r: [ContractInput!]!) {\n      pushContracts(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": typeof types.PropPushContractsDocument,
    "\n  mutation PropRegister($v: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $v) {\n      apiKey\n    }\n  }\n": typeof types.PropRegisterDocument,
    "\n  mutation PropClient($v: CreateClientInput!) {\n    createClient(input: $v) {\n      apiKey\n    }\n  }\n": typeof types.PropClientDocument,
    "\n  mutation PropGrants($n: String!, $g: GrantsInput!) {\n    updateGrants(principal: $n, input: $g) {\n      name\n    }\n  }\n": typeof types.PropGrantsDocument,
    "\n  mutation PropCategory($v: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $v)\n  }\n": typeof types.PropCategoryDocument,
    "\n  mutation PropSubItem($v: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $v)\n  }\n": typeof types.PropSubItemDocument,
    "\n  mutation PropAddException($v: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $v) {\n      code\n    }\n  }\n": typeof types.PropAddExceptionDocument,
    "\n  mutation PropRetireSubItem($c: String!) {\n    retireCatalogSubItem(code: $c)\n  }\n": typeof types.PropRetireSubItemDocument,
    "\n  mutation PropRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n": typeof types.PropRemoveExceptionDocument,
    "\n  fragment RaceOutcome on PushResult {\n    accepted\n    unchanged\n    rejected\n    results {\n      index\n      key\n      status\n      version\n      errors {\n        field\n        code\n        message\n        rule\n        owner\n      }\n    }\n  }\n": typeof types.RaceOutcomeFragmentDoc,
    "\n    mutation RacePushEntities($r: [MarketEntityInput!]!) {\n      pushMarketEntities(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushEntitiesDocument,
    "\n    mutation RacePushProjects($r: [TradingProjectInput!]!) {\n      pushTradingProjects(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushProjectsDocument,
    "\n    mutation RacePushAnnouncements($r: [AnnouncementInput!]!) {\n      pushAnnouncements(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushAnnouncementsDocument,
    "\n    mutation RacePushBids($r: [BidInput!]!) {\n      pushBids(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushBidsDocument,
    "\n    mutation RacePushBidOpenings($r: [BidOpeningInput!]!) {\n      pushBidOpenings(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushBidOpeningsDocument,
    "\n    mutation RacePushEvaluations($r: [EvaluationInput!]!) {\n      pushEvaluations(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushEvaluationsDocument,
    "\n    mutation RacePushAwards($r: [AwardInput!]!) {\n      pushAwards(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushAwardsDocument,
    "\n    mutation RacePushContracts($r: [ContractInput!]!) {\n      pushContracts(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": typeof types.RacePushContractsDocument,
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
    "\n  mutation RaceRegister($i: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $i) {\n      apiKey\n      system {\n        code\n        name\n      }\n    }\n  }\n": types.RaceRegisterDocument,
    "\n  mutation RaceClient($i: CreateClientInput!) {\n    createClient(input: $i) {\n      apiKey\n      key {\n        id\n      }\n      principal {\n        name\n      }\n    }\n  }\n": types.RaceClientDocument,
    "\n  mutation RaceAddException($i: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $i) {\n      code\n    }\n  }\n": types.RaceAddExceptionDocument,
    "\n  mutation RaceRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n": types.RaceRemoveExceptionDocument,
    "\n  mutation RaceCategory($i: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $i)\n  }\n": types.RaceCategoryDocument,
    "\n  mutation RaceSubItem($i: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $i)\n  }\n": types.RaceSubItemDocument,
    "\n  mutation RaceGrants($p: String!, $i: GrantsInput!) {\n    updateGrants(principal: $p, input: $i) {\n      name\n    }\n  }\n": types.RaceGrantsDocument,
    "\n  mutation RaceRevoke($id: Int!) {\n    revokeApiKey(keyId: $id) {\n      id\n    }\n  }\n": types.RaceRevokeDocument,
    "\n  mutation RaceRotate($id: Int!) {\n    rotateApiKey(keyId: $id) {\n      apiKey\n    }\n  }\n": types.RaceRotateDocument,
    "\n  mutation AuthRegister($input: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $input) {\n      apiKey\n      system {\n        code\n        name\n        kind\n        regionCode\n        createdAt\n      }\n    }\n  }\n": types.AuthRegisterDocument,
    "\n  query AuthReads($creditCode: String!) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      sourceSystem {\n        code\n      }\n    }\n    marketEntities(first: 5) {\n      totalCount\n      edges {\n        node {\n          creditCode\n        }\n      }\n    }\n    sourceSystems {\n      code\n    }\n  }\n": types.AuthReadsDocument,
    "\n  mutation AuthRegisterKey($input: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $input) {\n      apiKey\n    }\n  }\n": types.AuthRegisterKeyDocument,
    "\n  query CatalogListing {\n    tradingCatalog {\n      code\n      name\n      subItems {\n        code\n        name\n        detailsSchema\n      }\n    }\n  }\n": types.CatalogListingDocument,
    "\n  query CatalogWithRetired {\n    tradingCatalog(includeRetired: true) {\n      code\n      retiredAt\n      subItems {\n        code\n      }\n    }\n  }\n": types.CatalogWithRetiredDocument,
    "\n  mutation CatalogAddEcological {\n    upsertCatalogCategory(input: { code: \"ECOLOGICAL_VALUE\", name: \"生态价值供应\" })\n    upsertCatalogSubItem(\n      input: {\n        code: \"GREENING_INCREMENT\"\n        categoryCode: \"ECOLOGICAL_VALUE\"\n        name: \"绿化增量交易\"\n        detailsSchema: { type: \"object\", properties: { area: { type: \"string\" } }, required: [\"area\"] }\n      }\n    )\n  }\n": types.CatalogAddEcologicalDocument,
    "\n  mutation CatalogAddDataElements {\n    upsertCatalogCategory(input: { code: \"DATA_ELEMENTS\", name: \"数据要素\" })\n    a: upsertCatalogSubItem(input: { code: \"DATA_PRODUCT\", categoryCode: \"DATA_ELEMENTS\", name: \"数据产品交易\" })\n    b: upsertCatalogSubItem(input: { code: \"DATA_SERVICE\", categoryCode: \"DATA_ELEMENTS\", name: \"数据服务交易\" })\n  }\n": types.CatalogAddDataElementsDocument,
    "\n  mutation CatalogUpsertSubItem($input: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $input)\n  }\n": types.CatalogUpsertSubItemDocument,
    "\n  mutation CatalogRetireSubItem($code: String!) {\n    retireCatalogSubItem(code: $code)\n  }\n": types.CatalogRetireSubItemDocument,
    "\n  mutation CatalogRetireCategory($code: String!) {\n    retireCatalogCategory(code: $code)\n  }\n": types.CatalogRetireCategoryDocument,
    "\n  query CatalogProjectCode($code: String!) {\n    tradingProject(code: $code) {\n      code\n    }\n  }\n": types.CatalogProjectCodeDocument,
    "\n  query CatalogProjectPlace($code: String!) {\n    tradingProject(code: $code) {\n      code\n      category {\n        code\n      }\n      subItem {\n        code\n      }\n    }\n  }\n": types.CatalogProjectPlaceDocument,
    "\n  query CatalogProjectDetails($code: String!) {\n    tradingProject(code: $code) {\n      details\n      category {\n        code\n      }\n    }\n  }\n": types.CatalogProjectDetailsDocument,
    "\n  query CatalogProjectsIn($category: String!) {\n    tradingProjects(first: 10, filter: { categoryCode: $category }) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n": types.CatalogProjectsInDocument,
    "\n  query CliEntitySystem($c: String!) {\n    marketEntity(creditCode: $c) {\n      sourceSystem {\n        code\n      }\n    }\n  }\n": types.CliEntitySystemDocument,
    "\n  query CliSystems {\n    sourceSystems {\n      code\n      kind\n    }\n  }\n": types.CliSystemsDocument,
    "\n  mutation CliGrants($principal: String!, $input: GrantsInput!) {\n    updateGrants(principal: $principal, input: $input) {\n      name\n    }\n  }\n": types.CliGrantsDocument,
    "\n  query ExceptionList {\n    creditCodeExceptions {\n      code\n      reason\n      createdAt\n    }\n  }\n": types.ExceptionListDocument,
    "\n  mutation ExceptionAdd($input: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $input) {\n      code\n      reason\n      createdAt\n    }\n  }\n": types.ExceptionAddDocument,
    "\n  mutation ExceptionRemove($code: String!) {\n    removeCreditCodeException(code: $code) {\n      code\n      reason\n    }\n  }\n": types.ExceptionRemoveDocument,
    "\n  mutation ExceptionPush($r: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $r) {\n      results {\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n": types.ExceptionPushDocument,
    "\n  query ExceptionEntityName($c: String!) {\n    marketEntity(creditCode: $c) {\n      name\n    }\n  }\n": types.ExceptionEntityNameDocument,
    "\n  mutation ExceptionReader {\n    createClient(input: { name: \"cce-reader\", roles: [INTEGRATOR] }) {\n      apiKey\n    }\n  }\n": types.ExceptionReaderDocument,
    "\n  query ExamplesStoredEntities($codes: [String!]) {\n    marketEntities(filter: { creditCodes: $codes }, first: 50) {\n      totalCount\n      edges {\n        node {\n          creditCode\n          name\n          version\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n": types.ExamplesStoredEntitiesDocument,
    "\n  mutation ExamplesRename($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n    }\n  }\n": types.ExamplesRenameDocument,
    "\n  mutation ExamplesClient($name: String!, $roles: [Role!]!) {\n    createClient(input: { name: $name, roles: $roles }) {\n      apiKey\n    }\n  }\n": types.ExamplesClientDocument,
    "\n  query ExamplesProcured($code: String!) {\n    tradingProject(code: $code) {\n      status\n      version\n      subItem {\n        code\n      }\n      details\n      sections {\n        code\n        status\n        bids {\n          amount\n        }\n        bidOpening {\n          bidderCount\n        }\n        evaluation {\n          candidates {\n            rank\n          }\n        }\n        award {\n          winner {\n            creditCode\n          }\n        }\n        contracts {\n          code\n          amount\n        }\n      }\n      announcements {\n        type\n      }\n      findings {\n        rule\n      }\n    }\n  }\n": types.ExamplesProcuredDocument,
    "\n  query ProjectHistory($code: String!, $last: Int) {\n    tradingProject(code: $code) {\n      code\n      history(last: $last) {\n        version\n        op\n        sourceSystem\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n": types.ProjectHistoryDocument,
    "\n  query HostileSystems {\n    sourceSystems {\n      code\n    }\n  }\n": types.HostileSystemsDocument,
    "\n  mutation HostilePushEntities($r: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $r) {\n      results {\n        status\n        errors {\n          field\n          message\n        }\n      }\n    }\n  }\n": types.HostilePushEntitiesDocument,
    "\n  mutation HostilePushProjects($r: [TradingProjectInput!]!) {\n    pushTradingProjects(records: $r) {\n      accepted\n    }\n  }\n": types.HostilePushProjectsDocument,
    "\n  query HostileEntitiesAfter($a: String, $o: MarketEntityOrder) {\n    c: marketEntities(after: $a, orderBy: $o) {\n      totalCount\n    }\n  }\n": types.HostileEntitiesAfterDocument,
    "\n  query HostileProjectsAfter($a: String, $o: TradingProjectOrder) {\n    c: tradingProjects(after: $a, orderBy: $o) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.HostileProjectsAfterDocument,
    "\n  query HostileOcdsAfter($a: String) {\n    c: ocdsReleasePackage(after: $a) {\n      pageInfo {\n        endCursor\n      }\n    }\n  }\n": types.HostileOcdsAfterDocument,
    "\n  query HostileUpdatedSince($at: DateTime) {\n    tradingProjects(filter: { updatedSince: $at }) {\n      totalCount\n    }\n  }\n": types.HostileUpdatedSinceDocument,
    "\n  query HostileAwardedFrom($d: Date) {\n    tradingProjects(filter: { awardedFrom: $d }) {\n      totalCount\n    }\n  }\n": types.HostileAwardedFromDocument,
    "\n  mutation HostileIssueUntil($at: DateTime) {\n    issueApiKey(principal: \"HOSTILE-SYS\", expiresAt: $at) {\n      apiKey\n    }\n  }\n": types.HostileIssueUntilDocument,
    "\n  mutation HostileRegister($v: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $v) {\n      apiKey\n    }\n  }\n": types.HostileRegisterDocument,
    "\n  mutation HostileGrantIntegrator($n: String!) {\n    updateGrants(principal: $n, input: { roles: [INTEGRATOR] }) {\n      name\n    }\n  }\n": types.HostileGrantIntegratorDocument,
    "\n  mutation HostileIssue($n: String!) {\n    issueApiKey(principal: $n) {\n      apiKey\n    }\n  }\n": types.HostileIssueDocument,
    "\n  mutation HostileRetireSubItem($c: String!) {\n    retireCatalogSubItem(code: $c)\n  }\n": types.HostileRetireSubItemDocument,
    "\n  mutation HostileRetireCategory($c: String!) {\n    retireCatalogCategory(code: $c)\n  }\n": types.HostileRetireCategoryDocument,
    "\n  mutation HostileCategory($v: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $v)\n  }\n": types.HostileCategoryDocument,
    "\n  mutation HostileSubItem($v: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $v)\n  }\n": types.HostileSubItemDocument,
    "\n  mutation HostileAddException($v: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $v) {\n      code\n    }\n  }\n": types.HostileAddExceptionDocument,
    "\n  mutation HostileRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n": types.HostileRemoveExceptionDocument,
    "\n  query HostilePartial($c: String!) {\n    marketEntity(creditCode: $c) {\n      creditCode\n      sourceSystem {\n        code\n      }\n    }\n    tradingCatalog {\n      code\n    }\n  }\n": types.HostilePartialDocument,
    "\n  query LimitsSystems {\n    sourceSystems {\n      code\n    }\n  }\n": types.LimitsSystemsDocument,
    "\n  query LimitsPageCost($n: Int) {\n    marketEntities(first: $n) {\n      edges {\n        node {\n          creditCode\n          name\n          roles\n        }\n      }\n    }\n  }\n": types.LimitsPageCostDocument,
    "\n  query LimitsEdgeCost($n: Int) {\n    marketEntities(first: $n) {\n      edges {\n        node {\n          creditCode\n        }\n      }\n    }\n  }\n": types.LimitsEdgeCostDocument,
    "\n  query LimitsFirstPage {\n    marketEntities(first: 1) {\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.LimitsFirstPageDocument,
    "\n  query OcdsRelease($code: String!) {\n    ocdsRelease(projectCode: $code)\n  }\n": types.OcdsReleaseDocument,
    "\n  query OcdsPackage($filter: TradingProjectFilterInput, $first: Int, $after: String) {\n    ocdsReleasePackage(filter: $filter, first: $first, after: $after) {\n      package\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OcdsPackageDocument,
    "\n    mutation PropPushEntities($r: [MarketEntityInput!]!) {\n      pushMarketEntities(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushEntitiesDocument,
    "\n    mutation PropPushProjects($r: [TradingProjectInput!]!) {\n      pushTradingProjects(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushProjectsDocument,
    "\n    mutation PropPushAnnouncements($r: [AnnouncementInput!]!) {\n      pushAnnouncements(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushAnnouncementsDocument,
    "\n    mutation PropPushBids($r: [BidInput!]!) {\n      pushBids(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushBidsDocument,
    "\n    mutation PropPushBidOpenings($r: [BidOpeningInput!]!) {\n      pushBidOpenings(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushBidOpeningsDocument,
    "\n    mutation PropPushEvaluations($r: [EvaluationInput!]!) {\n      pushEvaluations(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushEvaluationsDocument,
    "\n    mutation PropPushAwards($r: [AwardInput!]!) {\n      pushAwards(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushAwardsDocument,
    "\n    mutation PropPushContracts($r: [ContractInput!]!) {\n      pushContracts(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  ": types.PropPushContractsDocument,
    "\n  mutation PropRegister($v: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $v) {\n      apiKey\n    }\n  }\n": types.PropRegisterDocument,
    "\n  mutation PropClient($v: CreateClientInput!) {\n    createClient(input: $v) {\n      apiKey\n    }\n  }\n": types.PropClientDocument,
    "\n  mutation PropGrants($n: String!, $g: GrantsInput!) {\n    updateGrants(principal: $n, input: $g) {\n      name\n    }\n  }\n": types.PropGrantsDocument,
    "\n  mutation PropCategory($v: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $v)\n  }\n": types.PropCategoryDocument,
    "\n  mutation PropSubItem($v: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $v)\n  }\n": types.PropSubItemDocument,
    "\n  mutation PropAddException($v: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $v) {\n      code\n    }\n  }\n": types.PropAddExceptionDocument,
    "\n  mutation PropRetireSubItem($c: String!) {\n    retireCatalogSubItem(code: $c)\n  }\n": types.PropRetireSubItemDocument,
    "\n  mutation PropRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n": types.PropRemoveExceptionDocument,
    "\n  fragment RaceOutcome on PushResult {\n    accepted\n    unchanged\n    rejected\n    results {\n      index\n      key\n      status\n      version\n      errors {\n        field\n        code\n        message\n        rule\n        owner\n      }\n    }\n  }\n": types.RaceOutcomeFragmentDoc,
    "\n    mutation RacePushEntities($r: [MarketEntityInput!]!) {\n      pushMarketEntities(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushEntitiesDocument,
    "\n    mutation RacePushProjects($r: [TradingProjectInput!]!) {\n      pushTradingProjects(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushProjectsDocument,
    "\n    mutation RacePushAnnouncements($r: [AnnouncementInput!]!) {\n      pushAnnouncements(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushAnnouncementsDocument,
    "\n    mutation RacePushBids($r: [BidInput!]!) {\n      pushBids(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushBidsDocument,
    "\n    mutation RacePushBidOpenings($r: [BidOpeningInput!]!) {\n      pushBidOpenings(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushBidOpeningsDocument,
    "\n    mutation RacePushEvaluations($r: [EvaluationInput!]!) {\n      pushEvaluations(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushEvaluationsDocument,
    "\n    mutation RacePushAwards($r: [AwardInput!]!) {\n      pushAwards(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushAwardsDocument,
    "\n    mutation RacePushContracts($r: [ContractInput!]!) {\n      pushContracts(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  ": types.RacePushContractsDocument,
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
export function graphql(source: "\n  mutation RaceRegister($i: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $i) {\n      apiKey\n      system {\n        code\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').RaceRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceClient($i: CreateClientInput!) {\n    createClient(input: $i) {\n      apiKey\n      key {\n        id\n      }\n      principal {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').RaceClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceAddException($i: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $i) {\n      code\n    }\n  }\n"): typeof import('./graphql').RaceAddExceptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n"): typeof import('./graphql').RaceRemoveExceptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceCategory($i: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $i)\n  }\n"): typeof import('./graphql').RaceCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceSubItem($i: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $i)\n  }\n"): typeof import('./graphql').RaceSubItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceGrants($p: String!, $i: GrantsInput!) {\n    updateGrants(principal: $p, input: $i) {\n      name\n    }\n  }\n"): typeof import('./graphql').RaceGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceRevoke($id: Int!) {\n    revokeApiKey(keyId: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').RaceRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaceRotate($id: Int!) {\n    rotateApiKey(keyId: $id) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').RaceRotateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRegister($input: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $input) {\n      apiKey\n      system {\n        code\n        name\n        kind\n        regionCode\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').AuthRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthReads($creditCode: String!) {\n    marketEntity(creditCode: $creditCode) {\n      creditCode\n      name\n      sourceSystem {\n        code\n      }\n    }\n    marketEntities(first: 5) {\n      totalCount\n      edges {\n        node {\n          creditCode\n        }\n      }\n    }\n    sourceSystems {\n      code\n    }\n  }\n"): typeof import('./graphql').AuthReadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRegisterKey($input: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $input) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').AuthRegisterKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogListing {\n    tradingCatalog {\n      code\n      name\n      subItems {\n        code\n        name\n        detailsSchema\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogListingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogWithRetired {\n    tradingCatalog(includeRetired: true) {\n      code\n      retiredAt\n      subItems {\n        code\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogWithRetiredDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogAddEcological {\n    upsertCatalogCategory(input: { code: \"ECOLOGICAL_VALUE\", name: \"生态价值供应\" })\n    upsertCatalogSubItem(\n      input: {\n        code: \"GREENING_INCREMENT\"\n        categoryCode: \"ECOLOGICAL_VALUE\"\n        name: \"绿化增量交易\"\n        detailsSchema: { type: \"object\", properties: { area: { type: \"string\" } }, required: [\"area\"] }\n      }\n    )\n  }\n"): typeof import('./graphql').CatalogAddEcologicalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogAddDataElements {\n    upsertCatalogCategory(input: { code: \"DATA_ELEMENTS\", name: \"数据要素\" })\n    a: upsertCatalogSubItem(input: { code: \"DATA_PRODUCT\", categoryCode: \"DATA_ELEMENTS\", name: \"数据产品交易\" })\n    b: upsertCatalogSubItem(input: { code: \"DATA_SERVICE\", categoryCode: \"DATA_ELEMENTS\", name: \"数据服务交易\" })\n  }\n"): typeof import('./graphql').CatalogAddDataElementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogUpsertSubItem($input: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $input)\n  }\n"): typeof import('./graphql').CatalogUpsertSubItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogRetireSubItem($code: String!) {\n    retireCatalogSubItem(code: $code)\n  }\n"): typeof import('./graphql').CatalogRetireSubItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogRetireCategory($code: String!) {\n    retireCatalogCategory(code: $code)\n  }\n"): typeof import('./graphql').CatalogRetireCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogProjectCode($code: String!) {\n    tradingProject(code: $code) {\n      code\n    }\n  }\n"): typeof import('./graphql').CatalogProjectCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogProjectPlace($code: String!) {\n    tradingProject(code: $code) {\n      code\n      category {\n        code\n      }\n      subItem {\n        code\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogProjectPlaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogProjectDetails($code: String!) {\n    tradingProject(code: $code) {\n      details\n      category {\n        code\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogProjectDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogProjectsIn($category: String!) {\n    tradingProjects(first: 10, filter: { categoryCode: $category }) {\n      edges {\n        node {\n          code\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogProjectsInDocument;
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
export function graphql(source: "\n  query ExceptionList {\n    creditCodeExceptions {\n      code\n      reason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ExceptionListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExceptionAdd($input: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $input) {\n      code\n      reason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ExceptionAddDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExceptionRemove($code: String!) {\n    removeCreditCodeException(code: $code) {\n      code\n      reason\n    }\n  }\n"): typeof import('./graphql').ExceptionRemoveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExceptionPush($r: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $r) {\n      results {\n        status\n        version\n        errors {\n          field\n          code\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExceptionPushDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExceptionEntityName($c: String!) {\n    marketEntity(creditCode: $c) {\n      name\n    }\n  }\n"): typeof import('./graphql').ExceptionEntityNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExceptionReader {\n    createClient(input: { name: \"cce-reader\", roles: [INTEGRATOR] }) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').ExceptionReaderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExamplesStoredEntities($codes: [String!]) {\n    marketEntities(filter: { creditCodes: $codes }, first: 50) {\n      totalCount\n      edges {\n        node {\n          creditCode\n          name\n          version\n          sourceSystem {\n            code\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ExamplesStoredEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExamplesRename($records: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $records) {\n      accepted\n    }\n  }\n"): typeof import('./graphql').ExamplesRenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExamplesClient($name: String!, $roles: [Role!]!) {\n    createClient(input: { name: $name, roles: $roles }) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').ExamplesClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExamplesProcured($code: String!) {\n    tradingProject(code: $code) {\n      status\n      version\n      subItem {\n        code\n      }\n      details\n      sections {\n        code\n        status\n        bids {\n          amount\n        }\n        bidOpening {\n          bidderCount\n        }\n        evaluation {\n          candidates {\n            rank\n          }\n        }\n        award {\n          winner {\n            creditCode\n          }\n        }\n        contracts {\n          code\n          amount\n        }\n      }\n      announcements {\n        type\n      }\n      findings {\n        rule\n      }\n    }\n  }\n"): typeof import('./graphql').ExamplesProcuredDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectHistory($code: String!, $last: Int) {\n    tradingProject(code: $code) {\n      code\n      history(last: $last) {\n        version\n        op\n        sourceSystem\n        changedFields\n        data\n        cursor\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileSystems {\n    sourceSystems {\n      code\n    }\n  }\n"): typeof import('./graphql').HostileSystemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostilePushEntities($r: [MarketEntityInput!]!) {\n    pushMarketEntities(records: $r) {\n      results {\n        status\n        errors {\n          field\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').HostilePushEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostilePushProjects($r: [TradingProjectInput!]!) {\n    pushTradingProjects(records: $r) {\n      accepted\n    }\n  }\n"): typeof import('./graphql').HostilePushProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileEntitiesAfter($a: String, $o: MarketEntityOrder) {\n    c: marketEntities(after: $a, orderBy: $o) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').HostileEntitiesAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileProjectsAfter($a: String, $o: TradingProjectOrder) {\n    c: tradingProjects(after: $a, orderBy: $o) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): typeof import('./graphql').HostileProjectsAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileOcdsAfter($a: String) {\n    c: ocdsReleasePackage(after: $a) {\n      pageInfo {\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').HostileOcdsAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileUpdatedSince($at: DateTime) {\n    tradingProjects(filter: { updatedSince: $at }) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').HostileUpdatedSinceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileAwardedFrom($d: Date) {\n    tradingProjects(filter: { awardedFrom: $d }) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').HostileAwardedFromDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileIssueUntil($at: DateTime) {\n    issueApiKey(principal: \"HOSTILE-SYS\", expiresAt: $at) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').HostileIssueUntilDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileRegister($v: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $v) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').HostileRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileGrantIntegrator($n: String!) {\n    updateGrants(principal: $n, input: { roles: [INTEGRATOR] }) {\n      name\n    }\n  }\n"): typeof import('./graphql').HostileGrantIntegratorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileIssue($n: String!) {\n    issueApiKey(principal: $n) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').HostileIssueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileRetireSubItem($c: String!) {\n    retireCatalogSubItem(code: $c)\n  }\n"): typeof import('./graphql').HostileRetireSubItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileRetireCategory($c: String!) {\n    retireCatalogCategory(code: $c)\n  }\n"): typeof import('./graphql').HostileRetireCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileCategory($v: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $v)\n  }\n"): typeof import('./graphql').HostileCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileSubItem($v: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $v)\n  }\n"): typeof import('./graphql').HostileSubItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileAddException($v: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $v) {\n      code\n    }\n  }\n"): typeof import('./graphql').HostileAddExceptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostileRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n"): typeof import('./graphql').HostileRemoveExceptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostilePartial($c: String!) {\n    marketEntity(creditCode: $c) {\n      creditCode\n      sourceSystem {\n        code\n      }\n    }\n    tradingCatalog {\n      code\n    }\n  }\n"): typeof import('./graphql').HostilePartialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsSystems {\n    sourceSystems {\n      code\n    }\n  }\n"): typeof import('./graphql').LimitsSystemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsPageCost($n: Int) {\n    marketEntities(first: $n) {\n      edges {\n        node {\n          creditCode\n          name\n          roles\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LimitsPageCostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsEdgeCost($n: Int) {\n    marketEntities(first: $n) {\n      edges {\n        node {\n          creditCode\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LimitsEdgeCostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsFirstPage {\n    marketEntities(first: 1) {\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').LimitsFirstPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OcdsRelease($code: String!) {\n    ocdsRelease(projectCode: $code)\n  }\n"): typeof import('./graphql').OcdsReleaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OcdsPackage($filter: TradingProjectFilterInput, $first: Int, $after: String) {\n    ocdsReleasePackage(filter: $filter, first: $first, after: $after) {\n      package\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').OcdsPackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushEntities($r: [MarketEntityInput!]!) {\n      pushMarketEntities(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushProjects($r: [TradingProjectInput!]!) {\n      pushTradingProjects(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushAnnouncements($r: [AnnouncementInput!]!) {\n      pushAnnouncements(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushAnnouncementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushBids($r: [BidInput!]!) {\n      pushBids(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushBidsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushBidOpenings($r: [BidOpeningInput!]!) {\n      pushBidOpenings(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushBidOpeningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushEvaluations($r: [EvaluationInput!]!) {\n      pushEvaluations(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushEvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushAwards($r: [AwardInput!]!) {\n      pushAwards(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushAwardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PropPushContracts($r: [ContractInput!]!) {\n      pushContracts(records: $r) {\n        results {\n          status\n          errors {\n            code\n          }\n        }\n      }\n    }\n  "): typeof import('./graphql').PropPushContractsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropRegister($v: RegisterSourceSystemInput!) {\n    registerSourceSystem(input: $v) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').PropRegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropClient($v: CreateClientInput!) {\n    createClient(input: $v) {\n      apiKey\n    }\n  }\n"): typeof import('./graphql').PropClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropGrants($n: String!, $g: GrantsInput!) {\n    updateGrants(principal: $n, input: $g) {\n      name\n    }\n  }\n"): typeof import('./graphql').PropGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropCategory($v: CatalogCategoryInput!) {\n    upsertCatalogCategory(input: $v)\n  }\n"): typeof import('./graphql').PropCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropSubItem($v: CatalogSubItemInput!) {\n    upsertCatalogSubItem(input: $v)\n  }\n"): typeof import('./graphql').PropSubItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropAddException($v: CreditCodeExceptionInput!) {\n    addCreditCodeException(input: $v) {\n      code\n    }\n  }\n"): typeof import('./graphql').PropAddExceptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropRetireSubItem($c: String!) {\n    retireCatalogSubItem(code: $c)\n  }\n"): typeof import('./graphql').PropRetireSubItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropRemoveException($c: String!) {\n    removeCreditCodeException(code: $c) {\n      code\n    }\n  }\n"): typeof import('./graphql').PropRemoveExceptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RaceOutcome on PushResult {\n    accepted\n    unchanged\n    rejected\n    results {\n      index\n      key\n      status\n      version\n      errors {\n        field\n        code\n        message\n        rule\n        owner\n      }\n    }\n  }\n"): typeof import('./graphql').RaceOutcomeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushEntities($r: [MarketEntityInput!]!) {\n      pushMarketEntities(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushEntitiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushProjects($r: [TradingProjectInput!]!) {\n      pushTradingProjects(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushAnnouncements($r: [AnnouncementInput!]!) {\n      pushAnnouncements(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushAnnouncementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushBids($r: [BidInput!]!) {\n      pushBids(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushBidsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushBidOpenings($r: [BidOpeningInput!]!) {\n      pushBidOpenings(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushBidOpeningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushEvaluations($r: [EvaluationInput!]!) {\n      pushEvaluations(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushEvaluationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushAwards($r: [AwardInput!]!) {\n      pushAwards(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushAwardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RacePushContracts($r: [ContractInput!]!) {\n      pushContracts(records: $r) {\n        ...RaceOutcome\n      }\n    }\n  "): typeof import('./graphql').RacePushContractsDocument;
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
