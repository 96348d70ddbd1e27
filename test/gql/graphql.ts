/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ChangeOp =
  | 'CREATE'
  | 'DELETE'
  | 'UPDATE';

/** Topics of the change feed. */
export type ChangeTopic =
  | 'ADMIN'
  | 'ANNOUNCEMENT'
  | 'AWARD'
  | 'BID'
  | 'BID_OPENING'
  | 'CERTIFICATE'
  | 'CERTIFICATE_AUTHORITY'
  | 'CONTRACT'
  | 'CREDIT_PUBLICATION'
  | 'CREDIT_RECORD'
  | 'EVALUATION'
  | 'EXPERT'
  | 'FINDING'
  | 'FINDING_REVIEW'
  | 'MARKET_ENTITY'
  | 'TRADING_PROJECT';

/** A client: an integrator, a feed consumer (national platform, Credit Hubei) or a dashboard. */
export type CreateClientInput = {
  authoritativeTopics?: Array<ChangeTopic> | null | undefined;
  /** Catalog category codes, or '*' for all. */
  categories?: Array<string> | null | undefined;
  /** When its first key expires; never when absent. */
  expiresAt?: string | null | undefined;
  /** 2-64 letters, digits, dots, dashes or underscores. */
  name: string;
  readTopics?: Array<ChangeTopic> | null | undefined;
  /** GB/T 2260 codes inside which it may write records. Limits pushes only; reads are not scoped by region. */
  regions?: Array<string> | null | undefined;
  reveal?: Array<Sensitivity> | null | undefined;
  roles?: Array<Role> | null | undefined;
  /** Pushes must be signed with a certificate the system registered (x-hub-signature); unsigned ones are refused. */
  signatureRequired?: boolean | null | undefined;
  writeTopics?: Array<ChangeTopic> | null | undefined;
};

/** Kind of market entity (市场主体类型). */
export type EntityKind =
  | 'ENTERPRISE'
  | 'OTHER'
  | 'PUBLIC_INSTITUTION'
  | 'SOCIAL_ORGANISATION';

/** Registration status: 存续, 注销, 吊销. */
export type EntityStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'REVOKED';

/** Stable error codes, also used in extensions.code of GraphQL errors. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'INTERNAL'
  | 'LIMIT_EXCEEDED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED';

/** Grants; every list given replaces the old one, absent lists stay. */
export type GrantsInput = {
  authoritativeTopics?: Array<ChangeTopic> | null | undefined;
  /** Catalog category codes, or '*' for all. */
  categories?: Array<string> | null | undefined;
  readTopics?: Array<ChangeTopic> | null | undefined;
  /** GB/T 2260 codes inside which it may write records. Limits pushes only; reads are not scoped by region. */
  regions?: Array<string> | null | undefined;
  reveal?: Array<Sensitivity> | null | undefined;
  roles?: Array<Role> | null | undefined;
  /** Pushes must be signed with a certificate the system registered (x-hub-signature); unsigned ones are refused. */
  signatureRequired?: boolean | null | undefined;
  writeTopics?: Array<ChangeTopic> | null | undefined;
};

/** Filters of marketEntities; all given conditions must hold. */
export type MarketEntityFilterInput = {
  /** Only these credit codes (at most 1000). */
  creditCodes?: Array<string> | null | undefined;
  /** Case-insensitive substring of the name. */
  nameContains?: string | null | undefined;
  /** GB/T 2260 code; a prefecture includes its counties, 420000 all of Hubei. */
  regionCode?: string | null | undefined;
  role?: MarketRole | null | undefined;
  status?: EntityStatus | null | undefined;
  /** Only entities updated at or after this time. */
  updatedSince?: string | null | undefined;
};

/** A market entity as a trading system pushes it. Checked per record by the push pipeline. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type MarketEntityInput = {
  address?: string | null | undefined;
  /** Digits, dashes, an optional leading +. */
  contactPhone?: string | null | undefined;
  /** Required. 统一社会信用代码, 18 characters with a valid check character. */
  creditCode?: string | null | undefined;
  /** YYYY-MM-DD, not in the future. */
  establishedOn?: string | null | undefined;
  /** The pushing system's own id for the record. */
  externalId?: string | null | undefined;
  /** EntityKind; derived from the credit code (9 enterprise, 1 public institution, 5 social organisation) when absent. */
  kind?: string | null | undefined;
  legalRepresentative?: string | null | undefined;
  /** Resident ID number of the legal representative (GB 11643). */
  legalRepresentativeIdNumber?: string | null | undefined;
  /** Required. */
  name?: string | null | undefined;
  /** At most 200. */
  qualifications?: Array<QualificationInput> | null | undefined;
  /** GB/T 2260 code in Hubei; taken from the credit code (positions 3-8) when absent. */
  regionCode?: string | null | undefined;
  /** Decimal string in yuan, at most 2 fraction digits, e.g. "5000000.00". */
  registeredCapital?: string | null | undefined;
  /** At most 10. Written inline as enum values (`roles: [BIDDER]`); in variables as their names (`"roles": ["BIDDER"]`), as before. */
  roles?: Array<MarketRole> | null | undefined;
  /** EntityStatus; ACTIVE when absent. */
  status?: string | null | undefined;
};

/** Stable orders of the marketEntities connection. */
export type MarketEntityOrder =
  | 'CREDIT_CODE'
  | 'UPDATED_AT';

/** Role in trading: 招标人, 投标人, 代理机构, 供应商, 采购人, 转让方. */
export type MarketRole =
  | 'AGENCY'
  | 'BIDDER'
  | 'PURCHASER'
  | 'SUPPLIER'
  | 'TENDERER'
  | 'TRANSFEROR';

/** A qualification (资质) as pushed. */
export type QualificationInput = {
  code?: string | null | undefined;
  issuer?: string | null | undefined;
  level?: string | null | undefined;
  name?: string | null | undefined;
  /** YYYY-MM-DD */
  validUntil?: string | null | undefined;
};

/** What happened to one pushed record. */
export type RecordStatus =
  /** Stored as a new version; a change event was published. */
  | 'ACCEPTED'
  /** Not stored; see errors. */
  | 'REJECTED'
  /** Identical to the stored version; nothing was written. */
  | 'UNCHANGED';

/** Roles of a principal; a principal can hold several. */
export type Role =
  | 'ADMIN'
  | 'DASHBOARD'
  | 'FEED_CONSUMER'
  | 'INTEGRATOR'
  | 'SOURCE_SYSTEM'
  | 'SUPERVISOR';

/** Classes of personal or confidential data, masked unless granted. */
export type Sensitivity =
  | 'BID_EVIDENCE'
  | 'CERTIFICATE_HOLDER'
  | 'EXPERT_IDENTITY'
  | 'PERSONAL_ID'
  | 'PHONE';

/** Built by the government (政府建设) or the market (市场建设). */
export type SourceSystemKind =
  | 'GOVERNMENT'
  | 'MARKET';

/** What trading statistics may be grouped by. */
export type StatisticsDimension =
  /** Catalog category (交易目录大类). */
  | 'CATEGORY'
  /** Trading method (交易方式). */
  | 'METHOD'
  /** Month of publication in China time (UTC+8), YYYY-MM. */
  | 'MONTH'
  /** Prefecture-level region: a county's projects count for its prefecture 42AA00; units directly under the province (4290xx) stay themselves. */
  | 'REGION'
  /** Catalog sub-item (子项). */
  | 'SUB_ITEM';

/** Trading method (交易方式): 公开招标, 邀请招标, 竞争性谈判, 竞争性磋商, 询价, 单一来源, 拍卖, 挂牌, 协议, other. */
export type TradingMethod =
  | 'AGREEMENT'
  | 'AUCTION'
  | 'COMPETITIVE_CONSULTATION'
  | 'COMPETITIVE_NEGOTIATION'
  | 'INVITED_TENDER'
  | 'LISTING'
  | 'OPEN_TENDER'
  | 'OTHER'
  | 'REQUEST_FOR_QUOTATION'
  | 'SINGLE_SOURCE';

/** Which trading projects the statistics count; all given conditions must hold. The same conditions as the filter of tradingProjects. */
export type TradingStatisticsFilter = {
  /** Projects with an award of at most this many yuan on some section. */
  awardAmountMax?: string | null | undefined;
  /** Projects with an award of at least this many yuan on some section (one award meets all award conditions). */
  awardAmountMin?: string | null | undefined;
  /** Projects with an award dated on or after this day. */
  awardedFrom?: string | null | undefined;
  /** Projects with an award dated on or before this day. */
  awardedTo?: string | null | undefined;
  /** Bid deadline at or after this time. */
  bidDeadlineFrom?: string | null | undefined;
  /** Bid deadline before this time (exclusive). */
  bidDeadlineTo?: string | null | undefined;
  /** Budget at most this many yuan. */
  budgetMax?: string | null | undefined;
  /** Budget at least this many yuan. */
  budgetMin?: string | null | undefined;
  categoryCode?: string | null | undefined;
  method?: TradingMethod | null | undefined;
  /** Credit code of a participant: the tenderer, the agency, or a bidder on any section. */
  participant?: string | null | undefined;
  /** Published at or after this time. */
  publishedFrom?: string | null | undefined;
  /** Published before this time (exclusive). */
  publishedTo?: string | null | undefined;
  /** GB/T 2260 code; a prefecture includes its counties, 420000 all of Hubei, 429000 the units directly under the province. */
  regionCode?: string | null | undefined;
  status?: TradingStatus | null | undefined;
  subItemCode?: string | null | undefined;
};

/** Status of a project or section. */
export type TradingStatus =
  | 'AWARDED'
  | 'CONTRACTED'
  | 'EVALUATING'
  | 'FAILED'
  | 'PLANNED'
  | 'TENDERING'
  | 'TERMINATED';

export type PushWithOwnerMutationVariables = Exact<{
  records: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type PushWithOwnerMutation = { pushMarketEntities: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode, message: string, owner: string | null }> }> } };

export type CliEntitySystemQueryVariables = Exact<{
  c: string;
}>;


export type CliEntitySystemQuery = { marketEntity: { sourceSystem: { code: string } } | null };

export type CliSystemsQueryVariables = Exact<{ [key: string]: never; }>;


export type CliSystemsQuery = { sourceSystems: Array<{ code: string, kind: SourceSystemKind }> };

export type CliGrantsMutationVariables = Exact<{
  principal: string;
  input: GrantsInput;
}>;


export type CliGrantsMutation = { updateGrants: { name: string } };

export type ProjectHistoryQueryVariables = Exact<{
  code: string;
  last?: number | null | undefined;
}>;


export type ProjectHistoryQuery = { tradingProject: { code: string, history: Array<{ version: number, op: ChangeOp, sourceSystem: string | null, changedFields: Array<string>, data: Record<string, unknown>, cursor: string }> } | null };

export type PushedEntityQueryVariables = Exact<{
  creditCode: string;
}>;


export type PushedEntityQuery = { marketEntity: { creditCode: string, name: string, kind: EntityKind, roles: Array<MarketRole>, legalRepresentative: string | null, registeredCapital: string | null, regionCode: string, address: string | null, establishedOn: string | null, status: EntityStatus, externalId: string | null, version: number, updatedAt: string, qualifications: Array<{ code: string, name: string, level: string | null, validUntil: string | null, issuer: string | null }>, sourceSystem: { code: string } } | null };

export type PushedCodesQueryVariables = Exact<{
  codes: Array<string> | string;
}>;


export type PushedCodesQuery = { marketEntities: { totalCount: number, edges: Array<{ node: { creditCode: string, name: string, version: number } }> } };

export type SystemsLastPushQueryVariables = Exact<{ [key: string]: never; }>;


export type SystemsLastPushQuery = { sourceSystems: Array<{ code: string, lastPushAt: string | null }> };

export type EntityPageQueryVariables = Exact<{
  filter?: MarketEntityFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: MarketEntityOrder | null | undefined;
}>;


export type EntityPageQuery = { marketEntities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { creditCode: string, name: string, regionCode: string, roles: Array<MarketRole>, status: EntityStatus, updatedAt: string } }> } };

export type EntityWithHistoryQueryVariables = Exact<{
  creditCode: string;
  last?: number | null | undefined;
}>;


export type EntityWithHistoryQuery = { marketEntity: { creditCode: string, name: string, version: number, sourceSystem: { code: string, name: string, kind: SourceSystemKind, regionCode: string }, history: Array<{ version: number, op: ChangeOp, occurredAt: string, sourceSystem: string | null, principal: string, changedFields: Array<string>, data: Record<string, unknown>, cursor: string }> } | null };

export type StatsQueryVariables = Exact<{
  groupBy: Array<StatisticsDimension> | StatisticsDimension;
  filter?: TradingStatisticsFilter | null | undefined;
}>;


export type StatsQuery = { tradingStatistics: Array<{ regionCode: string | null, regionName: string | null, month: string | null, method: TradingMethod | null, projectCount: number, sectionCount: number, totalBudget: string, totalAwarded: string, savingRate: string | null, averageBiddersPerSection: string | null, category: { code: string, name: string } | null, subItem: { code: string, name: string } | null }> };

export type LiveSubscriptionVariables = Exact<{
  groupBy: Array<StatisticsDimension> | StatisticsDimension;
  filter?: TradingStatisticsFilter | null | undefined;
}>;


export type LiveSubscription = { tradingStatisticsChanged: { asOf: string, cursor: string, rows: Array<{ regionCode: string | null, projectCount: number, sectionCount: number, totalBudget: string, totalAwarded: string, savingRate: string | null, averageBiddersPerSection: string | null }> } };

export type StatisticsClientMutationVariables = Exact<{
  input: CreateClientInput;
}>;


export type StatisticsClientMutation = { createClient: { apiKey: string } };

export type TradingGrantsMutationVariables = Exact<{
  principal: string;
  input: GrantsInput;
}>;


export type TradingGrantsMutation = { updateGrants: { name: string } };

export type PushMutationVariables = Exact<{
  records: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type PushMutation = { pushMarketEntities: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string }> }> } };

export type ChangesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
  topics?: Array<ChangeTopic> | ChangeTopic | null | undefined;
}>;


export type ChangesSubscription = { changes: { cursor: string, seq: string, topic: ChangeTopic, op: ChangeOp, key: string, version: number, sourceSystem: string | null, data: Record<string, unknown> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PushWithOwnerDocument = new TypedDocumentString(`
    mutation PushWithOwner($records: [MarketEntityInput!]!) {
  pushMarketEntities(records: $records) {
    results {
      status
      errors {
        code
        message
        owner
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PushWithOwnerMutation, PushWithOwnerMutationVariables>;
export const CliEntitySystemDocument = new TypedDocumentString(`
    query CliEntitySystem($c: String!) {
  marketEntity(creditCode: $c) {
    sourceSystem {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CliEntitySystemQuery, CliEntitySystemQueryVariables>;
export const CliSystemsDocument = new TypedDocumentString(`
    query CliSystems {
  sourceSystems {
    code
    kind
  }
}
    `) as unknown as TypedDocumentString<CliSystemsQuery, CliSystemsQueryVariables>;
export const CliGrantsDocument = new TypedDocumentString(`
    mutation CliGrants($principal: String!, $input: GrantsInput!) {
  updateGrants(principal: $principal, input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<CliGrantsMutation, CliGrantsMutationVariables>;
export const ProjectHistoryDocument = new TypedDocumentString(`
    query ProjectHistory($code: String!, $last: Int) {
  tradingProject(code: $code) {
    code
    history(last: $last) {
      version
      op
      sourceSystem
      changedFields
      data
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectHistoryQuery, ProjectHistoryQueryVariables>;
export const PushedEntityDocument = new TypedDocumentString(`
    query PushedEntity($creditCode: String!) {
  marketEntity(creditCode: $creditCode) {
    creditCode
    name
    kind
    roles
    legalRepresentative
    registeredCapital
    regionCode
    address
    establishedOn
    status
    externalId
    version
    updatedAt
    qualifications {
      code
      name
      level
      validUntil
      issuer
    }
    sourceSystem {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PushedEntityQuery, PushedEntityQueryVariables>;
export const PushedCodesDocument = new TypedDocumentString(`
    query PushedCodes($codes: [String!]!) {
  marketEntities(filter: {creditCodes: $codes}, first: 500) {
    totalCount
    edges {
      node {
        creditCode
        name
        version
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PushedCodesQuery, PushedCodesQueryVariables>;
export const SystemsLastPushDocument = new TypedDocumentString(`
    query SystemsLastPush {
  sourceSystems {
    code
    lastPushAt
  }
}
    `) as unknown as TypedDocumentString<SystemsLastPushQuery, SystemsLastPushQueryVariables>;
export const EntityPageDocument = new TypedDocumentString(`
    query EntityPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $orderBy: MarketEntityOrder) {
  marketEntities(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        creditCode
        name
        regionCode
        roles
        status
        updatedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EntityPageQuery, EntityPageQueryVariables>;
export const EntityWithHistoryDocument = new TypedDocumentString(`
    query EntityWithHistory($creditCode: String!, $last: Int) {
  marketEntity(creditCode: $creditCode) {
    creditCode
    name
    version
    sourceSystem {
      code
      name
      kind
      regionCode
    }
    history(last: $last) {
      version
      op
      occurredAt
      sourceSystem
      principal
      changedFields
      data
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<EntityWithHistoryQuery, EntityWithHistoryQueryVariables>;
export const StatsDocument = new TypedDocumentString(`
    query Stats($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {
  tradingStatistics(groupBy: $groupBy, filter: $filter) {
    category {
      code
      name
    }
    subItem {
      code
      name
    }
    regionCode
    regionName
    month
    method
    projectCount
    sectionCount
    totalBudget
    totalAwarded
    savingRate
    averageBiddersPerSection
  }
}
    `) as unknown as TypedDocumentString<StatsQuery, StatsQueryVariables>;
export const LiveDocument = new TypedDocumentString(`
    subscription Live($groupBy: [StatisticsDimension!]!, $filter: TradingStatisticsFilter) {
  tradingStatisticsChanged(groupBy: $groupBy, filter: $filter) {
    asOf
    cursor
    rows {
      regionCode
      projectCount
      sectionCount
      totalBudget
      totalAwarded
      savingRate
      averageBiddersPerSection
    }
  }
}
    `) as unknown as TypedDocumentString<LiveSubscription, LiveSubscriptionVariables>;
export const StatisticsClientDocument = new TypedDocumentString(`
    mutation StatisticsClient($input: CreateClientInput!) {
  createClient(input: $input) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<StatisticsClientMutation, StatisticsClientMutationVariables>;
export const TradingGrantsDocument = new TypedDocumentString(`
    mutation TradingGrants($principal: String!, $input: GrantsInput!) {
  updateGrants(principal: $principal, input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<TradingGrantsMutation, TradingGrantsMutationVariables>;
export const PushDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PushMutation, PushMutationVariables>;
export const ChangesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ChangesSubscription, ChangesSubscriptionVariables>;