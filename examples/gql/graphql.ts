/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An announcement (公告). Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type AnnouncementInput = {
  code?: string | null | undefined;
  documentHash?: string | null | undefined;
  externalId?: string | null | undefined;
  periodEnd?: string | null | undefined;
  /** Publication period start, YYYY-MM-DD. */
  periodStart?: string | null | undefined;
  projectCode?: string | null | undefined;
  publishedAt?: string | null | undefined;
  /** Sections concerned; all when empty. At most 1000. */
  sectionCodes?: Array<string> | null | undefined;
  title?: string | null | undefined;
  /** AnnouncementType. */
  type?: string | null | undefined;
  url?: string | null | undefined;
};

/** Announcement type (公告类型): 招标公告, 变更公告, 中标候选人公示, 中标结果公告, 成交公告, 终止公告. */
export type AnnouncementType =
  | 'AMENDMENT'
  | 'AWARD_NOTICE'
  | 'CANDIDATE_PUBLICITY'
  | 'DEAL_NOTICE'
  | 'TENDER_NOTICE'
  | 'TERMINATION';

/** The award (中标/成交) of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type AwardInput = {
  amount?: string | null | undefined;
  /** YYYY-MM-DD */
  awardedOn?: string | null | undefined;
  externalId?: string | null | undefined;
  sectionCode?: string | null | undefined;
  /** Must hold a valid bid of the section. */
  winnerCreditCode?: string | null | undefined;
};

/** A bid (投标/竞买) with its evidence. Key: sectionCode/bidderCreditCode. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type BidInput = {
  /** Quoted price, decimal yuan. */
  amount?: string | null | undefined;
  bidderCreditCode?: string | null | undefined;
  /** Account the bid bond was paid from. */
  bondAccount?: string | null | undefined;
  caCertSerial?: string | null | undefined;
  /** 文件制作机器码 */
  deviceFingerprint?: string | null | undefined;
  documentHash?: string | null | undefined;
  externalId?: string | null | undefined;
  ipAddress?: string | null | undefined;
  /** Project manager's resident ID number. */
  projectManagerId?: string | null | undefined;
  sectionCode?: string | null | undefined;
  /** VALID, WITHDRAWN or DISQUALIFIED; VALID when absent. */
  status?: string | null | undefined;
  submittedAt?: string | null | undefined;
};

/** The bid opening record (开标记录) of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type BidOpeningInput = {
  /** A whole number, 0 to 100000. */
  bidderCount?: string | null | undefined;
  externalId?: string | null | undefined;
  location?: string | null | undefined;
  openedAt?: string | null | undefined;
  sectionCode?: string | null | undefined;
};

/** Status of a bid: valid, withdrawn by the bidder, or disqualified (废标/否决). */
export type BidStatus =
  | 'DISQUALIFIED'
  | 'VALID'
  | 'WITHDRAWN';

/** A ranked candidate of an evaluation. */
export type CandidateInput = {
  amount?: string | null | undefined;
  bidderCreditCode?: string | null | undefined;
  /** A whole number, 1 to 1000. */
  rank?: string | null | undefined;
  /** Decimal, up to 4 fraction digits. */
  score?: string | null | undefined;
};

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

/** A member of the evaluation committee (评标委员会成员). */
export type CommitteeMemberInput = {
  /** The expert's code in the province-wide pool (the representative's own id for TENDERER_REPRESENTATIVE). */
  expertCode?: string | null | undefined;
  name?: string | null | undefined;
  /** Where the expert works. */
  organisation?: string | null | undefined;
  /** ExpertRole: CHAIR, MEMBER (default) or TENDERER_REPRESENTATIVE. */
  role?: string | null | undefined;
};

/** A contract (合同) following the award of a section. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type ContractInput = {
  amount?: string | null | undefined;
  code?: string | null | undefined;
  externalId?: string | null | undefined;
  periodEnd?: string | null | undefined;
  periodStart?: string | null | undefined;
  sectionCode?: string | null | undefined;
  /** YYYY-MM-DD */
  signedOn?: string | null | undefined;
};

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

/** The evaluation (评标) of a section. Push it when the committee sits (committee, no report) and again when the report is delivered (reportedAt and candidates). The committee's identities stay masked until reportedAt is set, except for readers granted EXPERT_IDENTITY. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type EvaluationInput = {
  /** Ranked candidates; with the report only. At most 100. */
  candidates?: Array<CandidateInput> | null | undefined;
  /** The evaluation committee (评标委员会); at most 49 members. */
  committee?: Array<CommitteeMemberInput> | null | undefined;
  externalId?: string | null | undefined;
  /** When the evaluation report was delivered; absent while the evaluation runs. */
  reportedAt?: string | null | undefined;
  sectionCode?: string | null | undefined;
  /** When the committee started, ISO 8601 with offset. */
  startedAt?: string | null | undefined;
};

/** Roles in an evaluation committee (评标委员会). */
export type ExpertRole =
  | 'CHAIR'
  | 'MEMBER'
  | 'TENDERER_REPRESENTATIVE';

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

/** A section or lot (标段/包) pushed inside its project. */
export type SectionInput = {
  /** Decimal, yuan. */
  budget?: string | null | undefined;
  /** Required; unique across the province. */
  code?: string | null | undefined;
  name?: string | null | undefined;
  /** Bid opening time (开标时间), ISO 8601 with offset. */
  openingAt?: string | null | undefined;
  /** TradingStatus; the project's when absent. */
  status?: string | null | undefined;
};

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

/** A trading project (交易项目) with its sections. Text fields refuse NUL, lone surrogates, control characters (C0, C1), bidi overrides and isolates and noncharacters; times need an offset and are checked field by field. */
export type TradingProjectInput = {
  /** Credit code of the agency, if any; must be registered. */
  agencyCreditCode?: string | null | undefined;
  bidDeadline?: string | null | undefined;
  /** Budget or reserve price, decimal yuan. */
  budget?: string | null | undefined;
  /** Required; the project code (项目编号). */
  code?: string | null | undefined;
  /** ISO 4217; CNY when absent. */
  currency?: string | null | undefined;
  /** Category-specific details, checked against the sub-item's JSON Schema. At most 64 KB as canonical JSON and 32 levels deep; no NUL or lone surrogate in keys or strings; numbers exact (finite, integers within ±(2^53 − 1); send others as strings). Stored as given, never altered. */
  details?: Record<string, unknown> | null | undefined;
  externalId?: string | null | undefined;
  /** TradingMethod. */
  method?: string | null | undefined;
  name?: string | null | undefined;
  /** When the tender notice was published. */
  publishedAt?: string | null | undefined;
  /** GB/T 2260 code in Hubei. */
  regionCode?: string | null | undefined;
  /** At most 1000. */
  sections?: Array<SectionInput> | null | undefined;
  /** TradingStatus; TENDERING when absent. */
  status?: string | null | undefined;
  /** Code of an active sub-item of the trading catalog. */
  subItemCode?: string | null | undefined;
  /** Credit code of the tenderer, purchaser or transferor; must be registered. */
  tendererCreditCode?: string | null | undefined;
  /** The unified transaction identifier (统一交易标识码) that follows the deal through its life, when the system has one (letters, digits and . _ - /, 2-80 characters); when absent the hub forms `HB<regionCode>-<code>`. */
  unifiedTransactionCode?: string | null | undefined;
};

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

/** Stable codes of the reasons of a verdict. */
export type VerdictReason =
  | 'BAD_SIGNATURE'
  | 'CA_WITHDRAWN'
  | 'EXPIRED'
  | 'MALFORMED'
  | 'NOT_A_CA'
  | 'NOT_YET_VALID'
  | 'NO_CRL'
  | 'NO_PATH'
  | 'NO_SIGNING_USAGE'
  | 'REVOKED'
  | 'STALE_CRL'
  | 'UNSUPPORTED_ALGORITHM';

/** The outcome of verifying a certificate (the gravest problem found). */
export type VerdictStatus =
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'MALFORMED'
  | 'NOT_YET_VALID'
  | 'REVOKED'
  | 'UNTRUSTED'
  | 'VALID'
  | 'WRONG_USAGE';

export type FollowPublicationSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FollowPublicationSubscription = { changes: { cursor: string, seq: string, op: ChangeOp, key: string, data: Record<string, unknown> } };

export type TradingDashboardSubscriptionVariables = Exact<{
  filter?: TradingStatisticsFilter | null | undefined;
}>;


export type TradingDashboardSubscription = { tradingStatisticsChanged: { asOf: string, cursor: string, rows: Array<{ projectCount: number, sectionCount: number, totalBudget: string, totalAwarded: string, savingRate: string | null, averageBiddersPerSection: string | null, category: { code: string, name: string } | null }> } };

export type FollowChangesSubscriptionVariables = Exact<{
  topics?: Array<ChangeTopic> | ChangeTopic | null | undefined;
  after?: string | null | undefined;
}>;


export type FollowChangesSubscription = { changes: { cursor: string, seq: string, topic: ChangeTopic, op: ChangeOp, key: string, version: number, sourceSystem: string | null, occurredAt: string, data: Record<string, unknown> } };

export type PushOutcomeFragment = { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> };

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


export type PushMarketEntitiesMutation = { pushMarketEntities: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementEntitiesMutationVariables = Exact<{
  records: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type PushProcurementEntitiesMutation = { pushMarketEntities: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementProjectsMutationVariables = Exact<{
  records: Array<TradingProjectInput> | TradingProjectInput;
}>;


export type PushProcurementProjectsMutation = { pushTradingProjects: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementAnnouncementsMutationVariables = Exact<{
  records: Array<AnnouncementInput> | AnnouncementInput;
}>;


export type PushProcurementAnnouncementsMutation = { pushAnnouncements: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementBidsMutationVariables = Exact<{
  records: Array<BidInput> | BidInput;
}>;


export type PushProcurementBidsMutation = { pushBids: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementBidOpeningsMutationVariables = Exact<{
  records: Array<BidOpeningInput> | BidOpeningInput;
}>;


export type PushProcurementBidOpeningsMutation = { pushBidOpenings: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementEvaluationsMutationVariables = Exact<{
  records: Array<EvaluationInput> | EvaluationInput;
}>;


export type PushProcurementEvaluationsMutation = { pushEvaluations: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementAwardsMutationVariables = Exact<{
  records: Array<AwardInput> | AwardInput;
}>;


export type PushProcurementAwardsMutation = { pushAwards: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type PushProcurementContractsMutationVariables = Exact<{
  records: Array<ContractInput> | ContractInput;
}>;


export type PushProcurementContractsMutation = { pushContracts: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null }>, warnings: Array<{ rule: string, message: string }> }> } };

export type TradingProjectTreeQueryVariables = Exact<{
  code: string;
}>;


export type TradingProjectTreeQuery = { tradingProject: { code: string, name: string, version: number, status: TradingStatus, method: TradingMethod, budget: string | null, currency: string, regionCode: string, publishedAt: string | null, bidDeadline: string | null, details: Record<string, unknown> | null, category: { code: string, name: string }, subItem: { code: string, name: string }, sourceSystem: { code: string, name: string }, tenderer: { creditCode: string, name: string }, agency: { creditCode: string, name: string } | null, sections: Array<{ code: string, name: string, budget: string | null, status: TradingStatus, openingAt: string | null, bids: Array<{ amount: string | null, status: BidStatus, submittedAt: string, bidder: { creditCode: string, name: string } }>, bidOpening: { openedAt: string, bidderCount: number, location: string | null } | null, evaluation: { startedAt: string | null, reportedAt: string | null, committee: Array<{ role: ExpertRole, name: string, organisation: string | null }>, candidates: Array<{ rank: number, bidderCreditCode: string, score: string | null, amount: string | null, bidder: { name: string } }> } | null, award: { amount: string, awardedOn: string, winner: { creditCode: string, name: string } } | null, contracts: Array<{ code: string, amount: string, signedOn: string, periodStart: string | null, periodEnd: string | null }> }>, announcements: Array<{ code: string, type: AnnouncementType, title: string, publishedAt: string, periodStart: string | null, periodEnd: string | null }>, findings: Array<{ rule: string, topic: string, recordKey: string, message: string }> } | null };

export type VerifyCertificateQueryVariables = Exact<{
  pem: string;
  at?: string | null | undefined;
}>;


export type VerifyCertificateQuery = { verifyCertificate: { status: VerdictStatus, caCode: string | null, creditCode: string | null, reasons: Array<{ code: VerdictReason, message: string }>, chain: Array<{ subject: string, serial: string, fingerprint: string }>, marketEntity: { name: string, status: EntityStatus } | null } };

export type FollowWarningsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FollowWarningsSubscription = { changes: { cursor: string, seq: string, topic: ChangeTopic, op: ChangeOp, key: string, occurredAt: string, data: Record<string, unknown> } };

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
export const PushOutcomeFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"PushOutcome"}) as unknown as TypedDocumentString<PushOutcomeFragment, unknown>;
export const FollowPublicationDocument = new TypedDocumentString(`
    subscription FollowPublication($after: String) {
  changes(topics: [CREDIT_PUBLICATION], after: $after) {
    cursor
    seq
    op
    key
    data
  }
}
    `) as unknown as TypedDocumentString<FollowPublicationSubscription, FollowPublicationSubscriptionVariables>;
export const TradingDashboardDocument = new TypedDocumentString(`
    subscription TradingDashboard($filter: TradingStatisticsFilter) {
  tradingStatisticsChanged(groupBy: [CATEGORY], filter: $filter) {
    asOf
    cursor
    rows {
      category {
        code
        name
      }
      projectCount
      sectionCount
      totalBudget
      totalAwarded
      savingRate
      averageBiddersPerSection
    }
  }
}
    `) as unknown as TypedDocumentString<TradingDashboardSubscription, TradingDashboardSubscriptionVariables>;
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
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushMarketEntitiesMutation, PushMarketEntitiesMutationVariables>;
export const PushProcurementEntitiesDocument = new TypedDocumentString(`
    mutation PushProcurementEntities($records: [MarketEntityInput!]!) {
  pushMarketEntities(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementEntitiesMutation, PushProcurementEntitiesMutationVariables>;
export const PushProcurementProjectsDocument = new TypedDocumentString(`
    mutation PushProcurementProjects($records: [TradingProjectInput!]!) {
  pushTradingProjects(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementProjectsMutation, PushProcurementProjectsMutationVariables>;
export const PushProcurementAnnouncementsDocument = new TypedDocumentString(`
    mutation PushProcurementAnnouncements($records: [AnnouncementInput!]!) {
  pushAnnouncements(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementAnnouncementsMutation, PushProcurementAnnouncementsMutationVariables>;
export const PushProcurementBidsDocument = new TypedDocumentString(`
    mutation PushProcurementBids($records: [BidInput!]!) {
  pushBids(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementBidsMutation, PushProcurementBidsMutationVariables>;
export const PushProcurementBidOpeningsDocument = new TypedDocumentString(`
    mutation PushProcurementBidOpenings($records: [BidOpeningInput!]!) {
  pushBidOpenings(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementBidOpeningsMutation, PushProcurementBidOpeningsMutationVariables>;
export const PushProcurementEvaluationsDocument = new TypedDocumentString(`
    mutation PushProcurementEvaluations($records: [EvaluationInput!]!) {
  pushEvaluations(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementEvaluationsMutation, PushProcurementEvaluationsMutationVariables>;
export const PushProcurementAwardsDocument = new TypedDocumentString(`
    mutation PushProcurementAwards($records: [AwardInput!]!) {
  pushAwards(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementAwardsMutation, PushProcurementAwardsMutationVariables>;
export const PushProcurementContractsDocument = new TypedDocumentString(`
    mutation PushProcurementContracts($records: [ContractInput!]!) {
  pushContracts(records: $records) {
    ...PushOutcome
  }
}
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
}`) as unknown as TypedDocumentString<PushProcurementContractsMutation, PushProcurementContractsMutationVariables>;
export const TradingProjectTreeDocument = new TypedDocumentString(`
    query TradingProjectTree($code: String!) {
  tradingProject(code: $code) {
    code
    name
    version
    status
    method
    budget
    currency
    regionCode
    publishedAt
    bidDeadline
    details
    category {
      code
      name
    }
    subItem {
      code
      name
    }
    sourceSystem {
      code
      name
    }
    tenderer {
      creditCode
      name
    }
    agency {
      creditCode
      name
    }
    sections {
      code
      name
      budget
      status
      openingAt
      bids {
        amount
        status
        submittedAt
        bidder {
          creditCode
          name
        }
      }
      bidOpening {
        openedAt
        bidderCount
        location
      }
      evaluation {
        startedAt
        reportedAt
        committee {
          role
          name
          organisation
        }
        candidates {
          rank
          bidderCreditCode
          score
          amount
          bidder {
            name
          }
        }
      }
      award {
        amount
        awardedOn
        winner {
          creditCode
          name
        }
      }
      contracts {
        code
        amount
        signedOn
        periodStart
        periodEnd
      }
    }
    announcements {
      code
      type
      title
      publishedAt
      periodStart
      periodEnd
    }
    findings {
      rule
      topic
      recordKey
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TradingProjectTreeQuery, TradingProjectTreeQueryVariables>;
export const VerifyCertificateDocument = new TypedDocumentString(`
    query VerifyCertificate($pem: String!, $at: DateTime) {
  verifyCertificate(pem: $pem, at: $at) {
    status
    reasons {
      code
      message
    }
    chain {
      subject
      serial
      fingerprint
    }
    caCode
    creditCode
    marketEntity {
      name
      status
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyCertificateQuery, VerifyCertificateQueryVariables>;
export const FollowWarningsDocument = new TypedDocumentString(`
    subscription FollowWarnings($after: String) {
  changes(topics: [FINDING, FINDING_REVIEW], after: $after) {
    cursor
    seq
    topic
    op
    key
    occurredAt
    data
  }
}
    `) as unknown as TypedDocumentString<FollowWarningsSubscription, FollowWarningsSubscriptionVariables>;