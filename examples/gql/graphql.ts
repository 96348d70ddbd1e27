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
  | 'CONTRACT'
  | 'EVALUATION'
  | 'MARKET_ENTITY'
  | 'TRADING_PROJECT';

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

/** A market entity as a trading system pushes it. Checked per record by the push pipeline. */
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
  qualifications?: Array<QualificationInput> | null | undefined;
  /** GB/T 2260 code in Hubei; taken from the credit code (positions 3-8) when absent. */
  regionCode?: string | null | undefined;
  /** Decimal string in yuan, at most 2 fraction digits, e.g. "5000000.00". */
  registeredCapital?: string | null | undefined;
  /** MarketRole values. */
  roles?: Array<string> | null | undefined;
  /** EntityStatus; ACTIVE when absent. */
  status?: string | null | undefined;
};

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

export type FollowChangesSubscriptionVariables = Exact<{
  topics?: Array<ChangeTopic> | ChangeTopic | null | undefined;
  after?: string | null | undefined;
}>;


export type FollowChangesSubscription = { changes: { cursor: string, seq: string, topic: ChangeTopic, op: ChangeOp, key: string, version: number, sourceSystem: string | null, occurredAt: string, data: Record<string, unknown> } };

export type MarketEntitiesPageQueryVariables = Exact<{
  filter?: MarketEntityFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  withTotal: boolean;
}>;


export type MarketEntitiesPageQuery = { marketEntities: { totalCount?: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { creditCode: string, name: string, regionCode: string, roles: Array<MarketRole>, status: EntityStatus, registeredCapital: string | null, sourceSystem: { code: string } } }> } };

export type PushMarketEntitiesMutationVariables = Exact<{
  records: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type PushMarketEntitiesMutation = { pushMarketEntities: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string }> }> } };

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

export const FollowChangesDocument = new TypedDocumentString(`
    subscription FollowChanges($topics: [ChangeTopic!], $after: String) {
  changes(topics: $topics, after: $after) {
    cursor
    seq
    topic
    op
    key
    version
    sourceSystem
    occurredAt
    data
  }
}
    `) as unknown as TypedDocumentString<FollowChangesSubscription, FollowChangesSubscriptionVariables>;
export const MarketEntitiesPageDocument = new TypedDocumentString(`
    query MarketEntitiesPage($filter: MarketEntityFilterInput, $first: Int, $after: String, $withTotal: Boolean!) {
  marketEntities(
    filter: $filter
    first: $first
    after: $after
    orderBy: CREDIT_CODE
  ) {
    totalCount @include(if: $withTotal)
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        creditCode
        name
        regionCode
        roles
        status
        registeredCapital
        sourceSystem {
          code
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MarketEntitiesPageQuery, MarketEntitiesPageQueryVariables>;
export const PushMarketEntitiesDocument = new TypedDocumentString(`
    mutation PushMarketEntities($records: [MarketEntityInput!]!) {
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
    `) as unknown as TypedDocumentString<PushMarketEntitiesMutation, PushMarketEntitiesMutationVariables>;