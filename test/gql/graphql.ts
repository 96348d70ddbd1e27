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

/** A ranked candidate of an evaluation. */
export type CandidateInput = {
  amount?: string | null | undefined;
  bidderCreditCode?: string | null | undefined;
  /** A whole number, 1 to 1000. */
  rank?: string | null | undefined;
  /** Decimal, up to 4 fraction digits. */
  score?: string | null | undefined;
};

export type CatalogCategoryInput = {
  /** Upper-case letters, digits, underscores; 2-40 characters. */
  code: string;
  name: string;
  sortOrder?: number | null | undefined;
};

export type CatalogSubItemInput = {
  categoryCode: string;
  code: string;
  /** A JSON Schema for the details of its projects; checked to be valid, and held to the bounds of details (64 KB, 32 levels, no NUL or lone surrogate, exact numbers). */
  detailsSchema?: Record<string, unknown> | null | undefined;
  name: string;
  sortOrder?: number | null | undefined;
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

/** A credit code to excuse from the check-character test. */
export type CreditCodeExceptionInput = {
  /** 18 characters of the credit-code alphabet whose check character is wrong; a code that passes the check is refused. */
  code: string;
  /** Why the code is legally issued (e.g. the registering authority’s confirmation); at most 500 characters. */
  reason: string;
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

export type RegisterSourceSystemInput = {
  /** Catalog categories of trading records it may write; default '*' (all). */
  categories?: Array<string> | null | undefined;
  /** Business key, 2-64 upper-case letters, digits or dashes. */
  code: string;
  /** Who built it: GOVERNMENT or MARKET. */
  kind: SourceSystemKind;
  name: string;
  /** GB/T 2260 code in Hubei; default 420000. */
  regionCode?: string | null | undefined;
  /** GB/T 2260 codes inside which it may write; default its regionCode. */
  regions?: Array<string> | null | undefined;
  /** Its pushes must be signed (x-hub-signature, x-hub-certificate); default false. */
  signatureRequired?: boolean | null | undefined;
  /** Topics it may push; default every data topic. */
  topics?: Array<ChangeTopic> | null | undefined;
};

/** Roles of a principal; a principal can hold several. */
export type Role =
  | 'ADMIN'
  | 'DASHBOARD'
  | 'FEED_CONSUMER'
  | 'INTEGRATOR'
  | 'SOURCE_SYSTEM'
  | 'SUPERVISOR';

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

/** Filters of tradingProjects; all given conditions must hold. */
export type TradingProjectFilterInput = {
  /** Only projects with an award of at most this many yuan on some section. */
  awardAmountMax?: string | null | undefined;
  /** Only projects with an award (中标/成交) of at least this many yuan on some section; with the other award conditions, the same award must meet them all. */
  awardAmountMin?: string | null | undefined;
  /** Only projects with an award dated on or after this day (YYYY-MM-DD) on some section. */
  awardedFrom?: string | null | undefined;
  /** Only projects with an award dated on or before this day on some section. */
  awardedTo?: string | null | undefined;
  /** Only projects whose bid deadline (投标截止时间) is at or after this time. */
  bidDeadlineFrom?: string | null | undefined;
  /** Only projects whose bid deadline is before this time (exclusive). */
  bidDeadlineTo?: string | null | undefined;
  /** Only projects with a budget of at most this many yuan. */
  budgetMax?: string | null | undefined;
  /** Only projects with a budget of at least this many yuan. */
  budgetMin?: string | null | undefined;
  /** Catalog category code, e.g. ENGINEERING. */
  categoryCode?: string | null | undefined;
  method?: TradingMethod | null | undefined;
  /** Credit code of a participant: the tenderer, the agency, or a bidder on any section. */
  participant?: string | null | undefined;
  /** Only projects published at or after this time. */
  publishedFrom?: string | null | undefined;
  /** Only projects published before this time (exclusive). */
  publishedTo?: string | null | undefined;
  /** GB/T 2260 code; a prefecture includes its counties, 420000 all of Hubei. */
  regionCode?: string | null | undefined;
  status?: TradingStatus | null | undefined;
  /** Catalog sub-item code, e.g. ENG_TRANSPORT. */
  subItemCode?: string | null | undefined;
  /** Only projects that changed at or after this time, themselves or any record under them (see TradingProject.updatedAt). */
  updatedSince?: string | null | undefined;
};

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

/** Stable orders of the tradingProjects connection. */
export type TradingProjectOrder =
  | 'CODE'
  | 'UPDATED_AT';

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

export type RaceRegisterMutationVariables = Exact<{
  i: RegisterSourceSystemInput;
}>;


export type RaceRegisterMutation = { registerSourceSystem: { apiKey: string, system: { code: string, name: string } } };

export type RaceClientMutationVariables = Exact<{
  i: CreateClientInput;
}>;


export type RaceClientMutation = { createClient: { apiKey: string, key: { id: number }, principal: { name: string } } };

export type RaceAddExceptionMutationVariables = Exact<{
  i: CreditCodeExceptionInput;
}>;


export type RaceAddExceptionMutation = { addCreditCodeException: { code: string } };

export type RaceRemoveExceptionMutationVariables = Exact<{
  c: string;
}>;


export type RaceRemoveExceptionMutation = { removeCreditCodeException: { code: string } };

export type RaceCategoryMutationVariables = Exact<{
  i: CatalogCategoryInput;
}>;


export type RaceCategoryMutation = { upsertCatalogCategory: boolean };

export type RaceSubItemMutationVariables = Exact<{
  i: CatalogSubItemInput;
}>;


export type RaceSubItemMutation = { upsertCatalogSubItem: boolean };

export type RaceGrantsMutationVariables = Exact<{
  p: string;
  i: GrantsInput;
}>;


export type RaceGrantsMutation = { updateGrants: { name: string } };

export type RaceRevokeMutationVariables = Exact<{
  id: number;
}>;


export type RaceRevokeMutation = { revokeApiKey: { id: number } };

export type RaceRotateMutationVariables = Exact<{
  id: number;
}>;


export type RaceRotateMutation = { rotateApiKey: { apiKey: string } };

export type AuthRegisterMutationVariables = Exact<{
  input: RegisterSourceSystemInput;
}>;


export type AuthRegisterMutation = { registerSourceSystem: { apiKey: string, system: { code: string, name: string, kind: SourceSystemKind, regionCode: string, createdAt: string } } };

export type AuthReadsQueryVariables = Exact<{
  creditCode: string;
}>;


export type AuthReadsQuery = { marketEntity: { creditCode: string, name: string, sourceSystem: { code: string } } | null, marketEntities: { totalCount: number, edges: Array<{ node: { creditCode: string } }> }, sourceSystems: Array<{ code: string }> };

export type AuthRegisterKeyMutationVariables = Exact<{
  input: RegisterSourceSystemInput;
}>;


export type AuthRegisterKeyMutation = { registerSourceSystem: { apiKey: string } };

export type CatalogListingQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogListingQuery = { tradingCatalog: Array<{ code: string, name: string, subItems: Array<{ code: string, name: string, detailsSchema: Record<string, unknown> | null }> }> };

export type CatalogWithRetiredQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogWithRetiredQuery = { tradingCatalog: Array<{ code: string, retiredAt: string | null, subItems: Array<{ code: string }> }> };

export type CatalogAddEcologicalMutationVariables = Exact<{ [key: string]: never; }>;


export type CatalogAddEcologicalMutation = { upsertCatalogCategory: boolean, upsertCatalogSubItem: boolean };

export type CatalogAddDataElementsMutationVariables = Exact<{ [key: string]: never; }>;


export type CatalogAddDataElementsMutation = { upsertCatalogCategory: boolean, a: boolean, b: boolean };

export type CatalogUpsertSubItemMutationVariables = Exact<{
  input: CatalogSubItemInput;
}>;


export type CatalogUpsertSubItemMutation = { upsertCatalogSubItem: boolean };

export type CatalogRetireSubItemMutationVariables = Exact<{
  code: string;
}>;


export type CatalogRetireSubItemMutation = { retireCatalogSubItem: boolean };

export type CatalogRetireCategoryMutationVariables = Exact<{
  code: string;
}>;


export type CatalogRetireCategoryMutation = { retireCatalogCategory: boolean };

export type CatalogProjectCodeQueryVariables = Exact<{
  code: string;
}>;


export type CatalogProjectCodeQuery = { tradingProject: { code: string } | null };

export type CatalogProjectPlaceQueryVariables = Exact<{
  code: string;
}>;


export type CatalogProjectPlaceQuery = { tradingProject: { code: string, category: { code: string }, subItem: { code: string } } | null };

export type CatalogProjectDetailsQueryVariables = Exact<{
  code: string;
}>;


export type CatalogProjectDetailsQuery = { tradingProject: { details: Record<string, unknown> | null, category: { code: string } } | null };

export type CatalogProjectsInQueryVariables = Exact<{
  category: string;
}>;


export type CatalogProjectsInQuery = { tradingProjects: { edges: Array<{ node: { code: string } }> } };

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

export type ExceptionListQueryVariables = Exact<{ [key: string]: never; }>;


export type ExceptionListQuery = { creditCodeExceptions: Array<{ code: string, reason: string | null, createdAt: string }> };

export type ExceptionAddMutationVariables = Exact<{
  input: CreditCodeExceptionInput;
}>;


export type ExceptionAddMutation = { addCreditCodeException: { code: string, reason: string | null, createdAt: string } };

export type ExceptionRemoveMutationVariables = Exact<{
  code: string;
}>;


export type ExceptionRemoveMutation = { removeCreditCodeException: { code: string, reason: string | null } };

export type ExceptionPushMutationVariables = Exact<{
  r: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type ExceptionPushMutation = { pushMarketEntities: { results: Array<{ status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string }> }> } };

export type ExceptionEntityNameQueryVariables = Exact<{
  c: string;
}>;


export type ExceptionEntityNameQuery = { marketEntity: { name: string } | null };

export type ExceptionReaderMutationVariables = Exact<{ [key: string]: never; }>;


export type ExceptionReaderMutation = { createClient: { apiKey: string } };

export type ExamplesStoredEntitiesQueryVariables = Exact<{
  codes?: Array<string> | string | null | undefined;
}>;


export type ExamplesStoredEntitiesQuery = { marketEntities: { totalCount: number, edges: Array<{ node: { creditCode: string, name: string, version: number, sourceSystem: { code: string } } }> } };

export type ExamplesRenameMutationVariables = Exact<{
  records: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type ExamplesRenameMutation = { pushMarketEntities: { accepted: number } };

export type ExamplesClientMutationVariables = Exact<{
  name: string;
  roles: Array<Role> | Role;
}>;


export type ExamplesClientMutation = { createClient: { apiKey: string } };

export type ExamplesProcuredQueryVariables = Exact<{
  code: string;
}>;


export type ExamplesProcuredQuery = { tradingProject: { status: TradingStatus, version: number, details: Record<string, unknown> | null, subItem: { code: string }, sections: Array<{ code: string, status: TradingStatus, bids: Array<{ amount: string | null }>, bidOpening: { bidderCount: number } | null, evaluation: { candidates: Array<{ rank: number }> } | null, award: { winner: { creditCode: string } } | null, contracts: Array<{ code: string, amount: string }> }>, announcements: Array<{ type: AnnouncementType }>, findings: Array<{ rule: string }> } | null };

export type ProjectHistoryQueryVariables = Exact<{
  code: string;
  last?: number | null | undefined;
}>;


export type ProjectHistoryQuery = { tradingProject: { code: string, history: Array<{ version: number, op: ChangeOp, sourceSystem: string | null, changedFields: Array<string>, data: Record<string, unknown>, cursor: string }> } | null };

export type HostileSystemsQueryVariables = Exact<{ [key: string]: never; }>;


export type HostileSystemsQuery = { sourceSystems: Array<{ code: string }> };

export type HostilePushEntitiesMutationVariables = Exact<{
  r: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type HostilePushEntitiesMutation = { pushMarketEntities: { results: Array<{ status: RecordStatus, errors: Array<{ field: string, message: string }> }> } };

export type HostilePushProjectsMutationVariables = Exact<{
  r: Array<TradingProjectInput> | TradingProjectInput;
}>;


export type HostilePushProjectsMutation = { pushTradingProjects: { accepted: number } };

export type HostileEntitiesAfterQueryVariables = Exact<{
  a?: string | null | undefined;
  o?: MarketEntityOrder | null | undefined;
}>;


export type HostileEntitiesAfterQuery = { c: { totalCount: number } };

export type HostileProjectsAfterQueryVariables = Exact<{
  a?: string | null | undefined;
  o?: TradingProjectOrder | null | undefined;
}>;


export type HostileProjectsAfterQuery = { c: { edges: Array<{ cursor: string }> } };

export type HostileOcdsAfterQueryVariables = Exact<{
  a?: string | null | undefined;
}>;


export type HostileOcdsAfterQuery = { c: { pageInfo: { endCursor: string | null } } };

export type HostileUpdatedSinceQueryVariables = Exact<{
  at?: string | null | undefined;
}>;


export type HostileUpdatedSinceQuery = { tradingProjects: { totalCount: number } };

export type HostileAwardedFromQueryVariables = Exact<{
  d?: string | null | undefined;
}>;


export type HostileAwardedFromQuery = { tradingProjects: { totalCount: number } };

export type HostileIssueUntilMutationVariables = Exact<{
  at?: string | null | undefined;
}>;


export type HostileIssueUntilMutation = { issueApiKey: { apiKey: string } };

export type HostileRegisterMutationVariables = Exact<{
  v: RegisterSourceSystemInput;
}>;


export type HostileRegisterMutation = { registerSourceSystem: { apiKey: string } };

export type HostileGrantIntegratorMutationVariables = Exact<{
  n: string;
}>;


export type HostileGrantIntegratorMutation = { updateGrants: { name: string } };

export type HostileIssueMutationVariables = Exact<{
  n: string;
}>;


export type HostileIssueMutation = { issueApiKey: { apiKey: string } };

export type HostileRetireSubItemMutationVariables = Exact<{
  c: string;
}>;


export type HostileRetireSubItemMutation = { retireCatalogSubItem: boolean };

export type HostileRetireCategoryMutationVariables = Exact<{
  c: string;
}>;


export type HostileRetireCategoryMutation = { retireCatalogCategory: boolean };

export type HostileCategoryMutationVariables = Exact<{
  v: CatalogCategoryInput;
}>;


export type HostileCategoryMutation = { upsertCatalogCategory: boolean };

export type HostileSubItemMutationVariables = Exact<{
  v: CatalogSubItemInput;
}>;


export type HostileSubItemMutation = { upsertCatalogSubItem: boolean };

export type HostileAddExceptionMutationVariables = Exact<{
  v: CreditCodeExceptionInput;
}>;


export type HostileAddExceptionMutation = { addCreditCodeException: { code: string } };

export type HostileRemoveExceptionMutationVariables = Exact<{
  c: string;
}>;


export type HostileRemoveExceptionMutation = { removeCreditCodeException: { code: string } };

export type HostilePartialQueryVariables = Exact<{
  c: string;
}>;


export type HostilePartialQuery = { marketEntity: { creditCode: string, sourceSystem: { code: string } } | null, tradingCatalog: Array<{ code: string }> };

export type LimitsSystemsQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsSystemsQuery = { sourceSystems: Array<{ code: string }> };

export type LimitsPageCostQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type LimitsPageCostQuery = { marketEntities: { edges: Array<{ node: { creditCode: string, name: string, roles: Array<MarketRole> } }> } };

export type LimitsEdgeCostQueryVariables = Exact<{
  n?: number | null | undefined;
}>;


export type LimitsEdgeCostQuery = { marketEntities: { edges: Array<{ node: { creditCode: string } }> } };

export type LimitsFirstPageQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsFirstPageQuery = { marketEntities: { pageInfo: { hasNextPage: boolean } } };

export type OcdsReleaseQueryVariables = Exact<{
  code: string;
}>;


export type OcdsReleaseQuery = { ocdsRelease: Record<string, unknown> | null };

export type OcdsPackageQueryVariables = Exact<{
  filter?: TradingProjectFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OcdsPackageQuery = { ocdsReleasePackage: { package: Record<string, unknown> | null, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PropPushEntitiesMutationVariables = Exact<{
  r: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type PropPushEntitiesMutation = { pushMarketEntities: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropPushProjectsMutationVariables = Exact<{
  r: Array<TradingProjectInput> | TradingProjectInput;
}>;


export type PropPushProjectsMutation = { pushTradingProjects: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropPushAnnouncementsMutationVariables = Exact<{
  r: Array<AnnouncementInput> | AnnouncementInput;
}>;


export type PropPushAnnouncementsMutation = { pushAnnouncements: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropPushBidsMutationVariables = Exact<{
  r: Array<BidInput> | BidInput;
}>;


export type PropPushBidsMutation = { pushBids: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropPushBidOpeningsMutationVariables = Exact<{
  r: Array<BidOpeningInput> | BidOpeningInput;
}>;


export type PropPushBidOpeningsMutation = { pushBidOpenings: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropPushEvaluationsMutationVariables = Exact<{
  r: Array<EvaluationInput> | EvaluationInput;
}>;


export type PropPushEvaluationsMutation = { pushEvaluations: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropPushAwardsMutationVariables = Exact<{
  r: Array<AwardInput> | AwardInput;
}>;


export type PropPushAwardsMutation = { pushAwards: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropPushContractsMutationVariables = Exact<{
  r: Array<ContractInput> | ContractInput;
}>;


export type PropPushContractsMutation = { pushContracts: { results: Array<{ status: RecordStatus, errors: Array<{ code: ErrorCode }> }> } };

export type PropRegisterMutationVariables = Exact<{
  v: RegisterSourceSystemInput;
}>;


export type PropRegisterMutation = { registerSourceSystem: { apiKey: string } };

export type PropClientMutationVariables = Exact<{
  v: CreateClientInput;
}>;


export type PropClientMutation = { createClient: { apiKey: string } };

export type PropGrantsMutationVariables = Exact<{
  n: string;
  g: GrantsInput;
}>;


export type PropGrantsMutation = { updateGrants: { name: string } };

export type PropCategoryMutationVariables = Exact<{
  v: CatalogCategoryInput;
}>;


export type PropCategoryMutation = { upsertCatalogCategory: boolean };

export type PropSubItemMutationVariables = Exact<{
  v: CatalogSubItemInput;
}>;


export type PropSubItemMutation = { upsertCatalogSubItem: boolean };

export type PropAddExceptionMutationVariables = Exact<{
  v: CreditCodeExceptionInput;
}>;


export type PropAddExceptionMutation = { addCreditCodeException: { code: string } };

export type PropRetireSubItemMutationVariables = Exact<{
  c: string;
}>;


export type PropRetireSubItemMutation = { retireCatalogSubItem: boolean };

export type PropRemoveExceptionMutationVariables = Exact<{
  c: string;
}>;


export type PropRemoveExceptionMutation = { removeCreditCodeException: { code: string } };

export type RaceOutcomeFragment = { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> };

export type RacePushEntitiesMutationVariables = Exact<{
  r: Array<MarketEntityInput> | MarketEntityInput;
}>;


export type RacePushEntitiesMutation = { pushMarketEntities: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

export type RacePushProjectsMutationVariables = Exact<{
  r: Array<TradingProjectInput> | TradingProjectInput;
}>;


export type RacePushProjectsMutation = { pushTradingProjects: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

export type RacePushAnnouncementsMutationVariables = Exact<{
  r: Array<AnnouncementInput> | AnnouncementInput;
}>;


export type RacePushAnnouncementsMutation = { pushAnnouncements: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

export type RacePushBidsMutationVariables = Exact<{
  r: Array<BidInput> | BidInput;
}>;


export type RacePushBidsMutation = { pushBids: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

export type RacePushBidOpeningsMutationVariables = Exact<{
  r: Array<BidOpeningInput> | BidOpeningInput;
}>;


export type RacePushBidOpeningsMutation = { pushBidOpenings: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

export type RacePushEvaluationsMutationVariables = Exact<{
  r: Array<EvaluationInput> | EvaluationInput;
}>;


export type RacePushEvaluationsMutation = { pushEvaluations: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

export type RacePushAwardsMutationVariables = Exact<{
  r: Array<AwardInput> | AwardInput;
}>;


export type RacePushAwardsMutation = { pushAwards: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

export type RacePushContractsMutationVariables = Exact<{
  r: Array<ContractInput> | ContractInput;
}>;


export type RacePushContractsMutation = { pushContracts: { accepted: number, unchanged: number, rejected: number, results: Array<{ index: number, key: string | null, status: RecordStatus, version: number | null, errors: Array<{ field: string, code: ErrorCode, message: string, rule: string | null, owner: string | null }> }> } };

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
export const RaceOutcomeFragmentDoc = new TypedDocumentString(`
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}
    `, {"fragmentName":"RaceOutcome"}) as unknown as TypedDocumentString<RaceOutcomeFragment, unknown>;
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
export const RaceRegisterDocument = new TypedDocumentString(`
    mutation RaceRegister($i: RegisterSourceSystemInput!) {
  registerSourceSystem(input: $i) {
    apiKey
    system {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RaceRegisterMutation, RaceRegisterMutationVariables>;
export const RaceClientDocument = new TypedDocumentString(`
    mutation RaceClient($i: CreateClientInput!) {
  createClient(input: $i) {
    apiKey
    key {
      id
    }
    principal {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RaceClientMutation, RaceClientMutationVariables>;
export const RaceAddExceptionDocument = new TypedDocumentString(`
    mutation RaceAddException($i: CreditCodeExceptionInput!) {
  addCreditCodeException(input: $i) {
    code
  }
}
    `) as unknown as TypedDocumentString<RaceAddExceptionMutation, RaceAddExceptionMutationVariables>;
export const RaceRemoveExceptionDocument = new TypedDocumentString(`
    mutation RaceRemoveException($c: String!) {
  removeCreditCodeException(code: $c) {
    code
  }
}
    `) as unknown as TypedDocumentString<RaceRemoveExceptionMutation, RaceRemoveExceptionMutationVariables>;
export const RaceCategoryDocument = new TypedDocumentString(`
    mutation RaceCategory($i: CatalogCategoryInput!) {
  upsertCatalogCategory(input: $i)
}
    `) as unknown as TypedDocumentString<RaceCategoryMutation, RaceCategoryMutationVariables>;
export const RaceSubItemDocument = new TypedDocumentString(`
    mutation RaceSubItem($i: CatalogSubItemInput!) {
  upsertCatalogSubItem(input: $i)
}
    `) as unknown as TypedDocumentString<RaceSubItemMutation, RaceSubItemMutationVariables>;
export const RaceGrantsDocument = new TypedDocumentString(`
    mutation RaceGrants($p: String!, $i: GrantsInput!) {
  updateGrants(principal: $p, input: $i) {
    name
  }
}
    `) as unknown as TypedDocumentString<RaceGrantsMutation, RaceGrantsMutationVariables>;
export const RaceRevokeDocument = new TypedDocumentString(`
    mutation RaceRevoke($id: Int!) {
  revokeApiKey(keyId: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RaceRevokeMutation, RaceRevokeMutationVariables>;
export const RaceRotateDocument = new TypedDocumentString(`
    mutation RaceRotate($id: Int!) {
  rotateApiKey(keyId: $id) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<RaceRotateMutation, RaceRotateMutationVariables>;
export const AuthRegisterDocument = new TypedDocumentString(`
    mutation AuthRegister($input: RegisterSourceSystemInput!) {
  registerSourceSystem(input: $input) {
    apiKey
    system {
      code
      name
      kind
      regionCode
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<AuthRegisterMutation, AuthRegisterMutationVariables>;
export const AuthReadsDocument = new TypedDocumentString(`
    query AuthReads($creditCode: String!) {
  marketEntity(creditCode: $creditCode) {
    creditCode
    name
    sourceSystem {
      code
    }
  }
  marketEntities(first: 5) {
    totalCount
    edges {
      node {
        creditCode
      }
    }
  }
  sourceSystems {
    code
  }
}
    `) as unknown as TypedDocumentString<AuthReadsQuery, AuthReadsQueryVariables>;
export const AuthRegisterKeyDocument = new TypedDocumentString(`
    mutation AuthRegisterKey($input: RegisterSourceSystemInput!) {
  registerSourceSystem(input: $input) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<AuthRegisterKeyMutation, AuthRegisterKeyMutationVariables>;
export const CatalogListingDocument = new TypedDocumentString(`
    query CatalogListing {
  tradingCatalog {
    code
    name
    subItems {
      code
      name
      detailsSchema
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogListingQuery, CatalogListingQueryVariables>;
export const CatalogWithRetiredDocument = new TypedDocumentString(`
    query CatalogWithRetired {
  tradingCatalog(includeRetired: true) {
    code
    retiredAt
    subItems {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogWithRetiredQuery, CatalogWithRetiredQueryVariables>;
export const CatalogAddEcologicalDocument = new TypedDocumentString(`
    mutation CatalogAddEcological {
  upsertCatalogCategory(input: {code: "ECOLOGICAL_VALUE", name: "生态价值供应"})
  upsertCatalogSubItem(
    input: {code: "GREENING_INCREMENT", categoryCode: "ECOLOGICAL_VALUE", name: "绿化增量交易", detailsSchema: {type: "object", properties: {area: {type: "string"}}, required: ["area"]}}
  )
}
    `) as unknown as TypedDocumentString<CatalogAddEcologicalMutation, CatalogAddEcologicalMutationVariables>;
export const CatalogAddDataElementsDocument = new TypedDocumentString(`
    mutation CatalogAddDataElements {
  upsertCatalogCategory(input: {code: "DATA_ELEMENTS", name: "数据要素"})
  a: upsertCatalogSubItem(
    input: {code: "DATA_PRODUCT", categoryCode: "DATA_ELEMENTS", name: "数据产品交易"}
  )
  b: upsertCatalogSubItem(
    input: {code: "DATA_SERVICE", categoryCode: "DATA_ELEMENTS", name: "数据服务交易"}
  )
}
    `) as unknown as TypedDocumentString<CatalogAddDataElementsMutation, CatalogAddDataElementsMutationVariables>;
export const CatalogUpsertSubItemDocument = new TypedDocumentString(`
    mutation CatalogUpsertSubItem($input: CatalogSubItemInput!) {
  upsertCatalogSubItem(input: $input)
}
    `) as unknown as TypedDocumentString<CatalogUpsertSubItemMutation, CatalogUpsertSubItemMutationVariables>;
export const CatalogRetireSubItemDocument = new TypedDocumentString(`
    mutation CatalogRetireSubItem($code: String!) {
  retireCatalogSubItem(code: $code)
}
    `) as unknown as TypedDocumentString<CatalogRetireSubItemMutation, CatalogRetireSubItemMutationVariables>;
export const CatalogRetireCategoryDocument = new TypedDocumentString(`
    mutation CatalogRetireCategory($code: String!) {
  retireCatalogCategory(code: $code)
}
    `) as unknown as TypedDocumentString<CatalogRetireCategoryMutation, CatalogRetireCategoryMutationVariables>;
export const CatalogProjectCodeDocument = new TypedDocumentString(`
    query CatalogProjectCode($code: String!) {
  tradingProject(code: $code) {
    code
  }
}
    `) as unknown as TypedDocumentString<CatalogProjectCodeQuery, CatalogProjectCodeQueryVariables>;
export const CatalogProjectPlaceDocument = new TypedDocumentString(`
    query CatalogProjectPlace($code: String!) {
  tradingProject(code: $code) {
    code
    category {
      code
    }
    subItem {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogProjectPlaceQuery, CatalogProjectPlaceQueryVariables>;
export const CatalogProjectDetailsDocument = new TypedDocumentString(`
    query CatalogProjectDetails($code: String!) {
  tradingProject(code: $code) {
    details
    category {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogProjectDetailsQuery, CatalogProjectDetailsQueryVariables>;
export const CatalogProjectsInDocument = new TypedDocumentString(`
    query CatalogProjectsIn($category: String!) {
  tradingProjects(first: 10, filter: {categoryCode: $category}) {
    edges {
      node {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogProjectsInQuery, CatalogProjectsInQueryVariables>;
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
export const ExceptionListDocument = new TypedDocumentString(`
    query ExceptionList {
  creditCodeExceptions {
    code
    reason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ExceptionListQuery, ExceptionListQueryVariables>;
export const ExceptionAddDocument = new TypedDocumentString(`
    mutation ExceptionAdd($input: CreditCodeExceptionInput!) {
  addCreditCodeException(input: $input) {
    code
    reason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ExceptionAddMutation, ExceptionAddMutationVariables>;
export const ExceptionRemoveDocument = new TypedDocumentString(`
    mutation ExceptionRemove($code: String!) {
  removeCreditCodeException(code: $code) {
    code
    reason
  }
}
    `) as unknown as TypedDocumentString<ExceptionRemoveMutation, ExceptionRemoveMutationVariables>;
export const ExceptionPushDocument = new TypedDocumentString(`
    mutation ExceptionPush($r: [MarketEntityInput!]!) {
  pushMarketEntities(records: $r) {
    results {
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
    `) as unknown as TypedDocumentString<ExceptionPushMutation, ExceptionPushMutationVariables>;
export const ExceptionEntityNameDocument = new TypedDocumentString(`
    query ExceptionEntityName($c: String!) {
  marketEntity(creditCode: $c) {
    name
  }
}
    `) as unknown as TypedDocumentString<ExceptionEntityNameQuery, ExceptionEntityNameQueryVariables>;
export const ExceptionReaderDocument = new TypedDocumentString(`
    mutation ExceptionReader {
  createClient(input: {name: "cce-reader", roles: [INTEGRATOR]}) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<ExceptionReaderMutation, ExceptionReaderMutationVariables>;
export const ExamplesStoredEntitiesDocument = new TypedDocumentString(`
    query ExamplesStoredEntities($codes: [String!]) {
  marketEntities(filter: {creditCodes: $codes}, first: 50) {
    totalCount
    edges {
      node {
        creditCode
        name
        version
        sourceSystem {
          code
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExamplesStoredEntitiesQuery, ExamplesStoredEntitiesQueryVariables>;
export const ExamplesRenameDocument = new TypedDocumentString(`
    mutation ExamplesRename($records: [MarketEntityInput!]!) {
  pushMarketEntities(records: $records) {
    accepted
  }
}
    `) as unknown as TypedDocumentString<ExamplesRenameMutation, ExamplesRenameMutationVariables>;
export const ExamplesClientDocument = new TypedDocumentString(`
    mutation ExamplesClient($name: String!, $roles: [Role!]!) {
  createClient(input: {name: $name, roles: $roles}) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<ExamplesClientMutation, ExamplesClientMutationVariables>;
export const ExamplesProcuredDocument = new TypedDocumentString(`
    query ExamplesProcured($code: String!) {
  tradingProject(code: $code) {
    status
    version
    subItem {
      code
    }
    details
    sections {
      code
      status
      bids {
        amount
      }
      bidOpening {
        bidderCount
      }
      evaluation {
        candidates {
          rank
        }
      }
      award {
        winner {
          creditCode
        }
      }
      contracts {
        code
        amount
      }
    }
    announcements {
      type
    }
    findings {
      rule
    }
  }
}
    `) as unknown as TypedDocumentString<ExamplesProcuredQuery, ExamplesProcuredQueryVariables>;
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
export const HostileSystemsDocument = new TypedDocumentString(`
    query HostileSystems {
  sourceSystems {
    code
  }
}
    `) as unknown as TypedDocumentString<HostileSystemsQuery, HostileSystemsQueryVariables>;
export const HostilePushEntitiesDocument = new TypedDocumentString(`
    mutation HostilePushEntities($r: [MarketEntityInput!]!) {
  pushMarketEntities(records: $r) {
    results {
      status
      errors {
        field
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HostilePushEntitiesMutation, HostilePushEntitiesMutationVariables>;
export const HostilePushProjectsDocument = new TypedDocumentString(`
    mutation HostilePushProjects($r: [TradingProjectInput!]!) {
  pushTradingProjects(records: $r) {
    accepted
  }
}
    `) as unknown as TypedDocumentString<HostilePushProjectsMutation, HostilePushProjectsMutationVariables>;
export const HostileEntitiesAfterDocument = new TypedDocumentString(`
    query HostileEntitiesAfter($a: String, $o: MarketEntityOrder) {
  c: marketEntities(after: $a, orderBy: $o) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HostileEntitiesAfterQuery, HostileEntitiesAfterQueryVariables>;
export const HostileProjectsAfterDocument = new TypedDocumentString(`
    query HostileProjectsAfter($a: String, $o: TradingProjectOrder) {
  c: tradingProjects(after: $a, orderBy: $o) {
    edges {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<HostileProjectsAfterQuery, HostileProjectsAfterQueryVariables>;
export const HostileOcdsAfterDocument = new TypedDocumentString(`
    query HostileOcdsAfter($a: String) {
  c: ocdsReleasePackage(after: $a) {
    pageInfo {
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<HostileOcdsAfterQuery, HostileOcdsAfterQueryVariables>;
export const HostileUpdatedSinceDocument = new TypedDocumentString(`
    query HostileUpdatedSince($at: DateTime) {
  tradingProjects(filter: {updatedSince: $at}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HostileUpdatedSinceQuery, HostileUpdatedSinceQueryVariables>;
export const HostileAwardedFromDocument = new TypedDocumentString(`
    query HostileAwardedFrom($d: Date) {
  tradingProjects(filter: {awardedFrom: $d}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<HostileAwardedFromQuery, HostileAwardedFromQueryVariables>;
export const HostileIssueUntilDocument = new TypedDocumentString(`
    mutation HostileIssueUntil($at: DateTime) {
  issueApiKey(principal: "HOSTILE-SYS", expiresAt: $at) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<HostileIssueUntilMutation, HostileIssueUntilMutationVariables>;
export const HostileRegisterDocument = new TypedDocumentString(`
    mutation HostileRegister($v: RegisterSourceSystemInput!) {
  registerSourceSystem(input: $v) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<HostileRegisterMutation, HostileRegisterMutationVariables>;
export const HostileGrantIntegratorDocument = new TypedDocumentString(`
    mutation HostileGrantIntegrator($n: String!) {
  updateGrants(principal: $n, input: {roles: [INTEGRATOR]}) {
    name
  }
}
    `) as unknown as TypedDocumentString<HostileGrantIntegratorMutation, HostileGrantIntegratorMutationVariables>;
export const HostileIssueDocument = new TypedDocumentString(`
    mutation HostileIssue($n: String!) {
  issueApiKey(principal: $n) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<HostileIssueMutation, HostileIssueMutationVariables>;
export const HostileRetireSubItemDocument = new TypedDocumentString(`
    mutation HostileRetireSubItem($c: String!) {
  retireCatalogSubItem(code: $c)
}
    `) as unknown as TypedDocumentString<HostileRetireSubItemMutation, HostileRetireSubItemMutationVariables>;
export const HostileRetireCategoryDocument = new TypedDocumentString(`
    mutation HostileRetireCategory($c: String!) {
  retireCatalogCategory(code: $c)
}
    `) as unknown as TypedDocumentString<HostileRetireCategoryMutation, HostileRetireCategoryMutationVariables>;
export const HostileCategoryDocument = new TypedDocumentString(`
    mutation HostileCategory($v: CatalogCategoryInput!) {
  upsertCatalogCategory(input: $v)
}
    `) as unknown as TypedDocumentString<HostileCategoryMutation, HostileCategoryMutationVariables>;
export const HostileSubItemDocument = new TypedDocumentString(`
    mutation HostileSubItem($v: CatalogSubItemInput!) {
  upsertCatalogSubItem(input: $v)
}
    `) as unknown as TypedDocumentString<HostileSubItemMutation, HostileSubItemMutationVariables>;
export const HostileAddExceptionDocument = new TypedDocumentString(`
    mutation HostileAddException($v: CreditCodeExceptionInput!) {
  addCreditCodeException(input: $v) {
    code
  }
}
    `) as unknown as TypedDocumentString<HostileAddExceptionMutation, HostileAddExceptionMutationVariables>;
export const HostileRemoveExceptionDocument = new TypedDocumentString(`
    mutation HostileRemoveException($c: String!) {
  removeCreditCodeException(code: $c) {
    code
  }
}
    `) as unknown as TypedDocumentString<HostileRemoveExceptionMutation, HostileRemoveExceptionMutationVariables>;
export const HostilePartialDocument = new TypedDocumentString(`
    query HostilePartial($c: String!) {
  marketEntity(creditCode: $c) {
    creditCode
    sourceSystem {
      code
    }
  }
  tradingCatalog {
    code
  }
}
    `) as unknown as TypedDocumentString<HostilePartialQuery, HostilePartialQueryVariables>;
export const LimitsSystemsDocument = new TypedDocumentString(`
    query LimitsSystems {
  sourceSystems {
    code
  }
}
    `) as unknown as TypedDocumentString<LimitsSystemsQuery, LimitsSystemsQueryVariables>;
export const LimitsPageCostDocument = new TypedDocumentString(`
    query LimitsPageCost($n: Int) {
  marketEntities(first: $n) {
    edges {
      node {
        creditCode
        name
        roles
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsPageCostQuery, LimitsPageCostQueryVariables>;
export const LimitsEdgeCostDocument = new TypedDocumentString(`
    query LimitsEdgeCost($n: Int) {
  marketEntities(first: $n) {
    edges {
      node {
        creditCode
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsEdgeCostQuery, LimitsEdgeCostQueryVariables>;
export const LimitsFirstPageDocument = new TypedDocumentString(`
    query LimitsFirstPage {
  marketEntities(first: 1) {
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsFirstPageQuery, LimitsFirstPageQueryVariables>;
export const OcdsReleaseDocument = new TypedDocumentString(`
    query OcdsRelease($code: String!) {
  ocdsRelease(projectCode: $code)
}
    `) as unknown as TypedDocumentString<OcdsReleaseQuery, OcdsReleaseQueryVariables>;
export const OcdsPackageDocument = new TypedDocumentString(`
    query OcdsPackage($filter: TradingProjectFilterInput, $first: Int, $after: String) {
  ocdsReleasePackage(filter: $filter, first: $first, after: $after) {
    package
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OcdsPackageQuery, OcdsPackageQueryVariables>;
export const PropPushEntitiesDocument = new TypedDocumentString(`
    mutation PropPushEntities($r: [MarketEntityInput!]!) {
  pushMarketEntities(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushEntitiesMutation, PropPushEntitiesMutationVariables>;
export const PropPushProjectsDocument = new TypedDocumentString(`
    mutation PropPushProjects($r: [TradingProjectInput!]!) {
  pushTradingProjects(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushProjectsMutation, PropPushProjectsMutationVariables>;
export const PropPushAnnouncementsDocument = new TypedDocumentString(`
    mutation PropPushAnnouncements($r: [AnnouncementInput!]!) {
  pushAnnouncements(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushAnnouncementsMutation, PropPushAnnouncementsMutationVariables>;
export const PropPushBidsDocument = new TypedDocumentString(`
    mutation PropPushBids($r: [BidInput!]!) {
  pushBids(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushBidsMutation, PropPushBidsMutationVariables>;
export const PropPushBidOpeningsDocument = new TypedDocumentString(`
    mutation PropPushBidOpenings($r: [BidOpeningInput!]!) {
  pushBidOpenings(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushBidOpeningsMutation, PropPushBidOpeningsMutationVariables>;
export const PropPushEvaluationsDocument = new TypedDocumentString(`
    mutation PropPushEvaluations($r: [EvaluationInput!]!) {
  pushEvaluations(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushEvaluationsMutation, PropPushEvaluationsMutationVariables>;
export const PropPushAwardsDocument = new TypedDocumentString(`
    mutation PropPushAwards($r: [AwardInput!]!) {
  pushAwards(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushAwardsMutation, PropPushAwardsMutationVariables>;
export const PropPushContractsDocument = new TypedDocumentString(`
    mutation PropPushContracts($r: [ContractInput!]!) {
  pushContracts(records: $r) {
    results {
      status
      errors {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PropPushContractsMutation, PropPushContractsMutationVariables>;
export const PropRegisterDocument = new TypedDocumentString(`
    mutation PropRegister($v: RegisterSourceSystemInput!) {
  registerSourceSystem(input: $v) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<PropRegisterMutation, PropRegisterMutationVariables>;
export const PropClientDocument = new TypedDocumentString(`
    mutation PropClient($v: CreateClientInput!) {
  createClient(input: $v) {
    apiKey
  }
}
    `) as unknown as TypedDocumentString<PropClientMutation, PropClientMutationVariables>;
export const PropGrantsDocument = new TypedDocumentString(`
    mutation PropGrants($n: String!, $g: GrantsInput!) {
  updateGrants(principal: $n, input: $g) {
    name
  }
}
    `) as unknown as TypedDocumentString<PropGrantsMutation, PropGrantsMutationVariables>;
export const PropCategoryDocument = new TypedDocumentString(`
    mutation PropCategory($v: CatalogCategoryInput!) {
  upsertCatalogCategory(input: $v)
}
    `) as unknown as TypedDocumentString<PropCategoryMutation, PropCategoryMutationVariables>;
export const PropSubItemDocument = new TypedDocumentString(`
    mutation PropSubItem($v: CatalogSubItemInput!) {
  upsertCatalogSubItem(input: $v)
}
    `) as unknown as TypedDocumentString<PropSubItemMutation, PropSubItemMutationVariables>;
export const PropAddExceptionDocument = new TypedDocumentString(`
    mutation PropAddException($v: CreditCodeExceptionInput!) {
  addCreditCodeException(input: $v) {
    code
  }
}
    `) as unknown as TypedDocumentString<PropAddExceptionMutation, PropAddExceptionMutationVariables>;
export const PropRetireSubItemDocument = new TypedDocumentString(`
    mutation PropRetireSubItem($c: String!) {
  retireCatalogSubItem(code: $c)
}
    `) as unknown as TypedDocumentString<PropRetireSubItemMutation, PropRetireSubItemMutationVariables>;
export const PropRemoveExceptionDocument = new TypedDocumentString(`
    mutation PropRemoveException($c: String!) {
  removeCreditCodeException(code: $c) {
    code
  }
}
    `) as unknown as TypedDocumentString<PropRemoveExceptionMutation, PropRemoveExceptionMutationVariables>;
export const RacePushEntitiesDocument = new TypedDocumentString(`
    mutation RacePushEntities($r: [MarketEntityInput!]!) {
  pushMarketEntities(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushEntitiesMutation, RacePushEntitiesMutationVariables>;
export const RacePushProjectsDocument = new TypedDocumentString(`
    mutation RacePushProjects($r: [TradingProjectInput!]!) {
  pushTradingProjects(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushProjectsMutation, RacePushProjectsMutationVariables>;
export const RacePushAnnouncementsDocument = new TypedDocumentString(`
    mutation RacePushAnnouncements($r: [AnnouncementInput!]!) {
  pushAnnouncements(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushAnnouncementsMutation, RacePushAnnouncementsMutationVariables>;
export const RacePushBidsDocument = new TypedDocumentString(`
    mutation RacePushBids($r: [BidInput!]!) {
  pushBids(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushBidsMutation, RacePushBidsMutationVariables>;
export const RacePushBidOpeningsDocument = new TypedDocumentString(`
    mutation RacePushBidOpenings($r: [BidOpeningInput!]!) {
  pushBidOpenings(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushBidOpeningsMutation, RacePushBidOpeningsMutationVariables>;
export const RacePushEvaluationsDocument = new TypedDocumentString(`
    mutation RacePushEvaluations($r: [EvaluationInput!]!) {
  pushEvaluations(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushEvaluationsMutation, RacePushEvaluationsMutationVariables>;
export const RacePushAwardsDocument = new TypedDocumentString(`
    mutation RacePushAwards($r: [AwardInput!]!) {
  pushAwards(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushAwardsMutation, RacePushAwardsMutationVariables>;
export const RacePushContractsDocument = new TypedDocumentString(`
    mutation RacePushContracts($r: [ContractInput!]!) {
  pushContracts(records: $r) {
    ...RaceOutcome
  }
}
    fragment RaceOutcome on PushResult {
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
      owner
    }
  }
}`) as unknown as TypedDocumentString<RacePushContractsMutation, RacePushContractsMutationVariables>;
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