import { withIdCheckChar } from '../../src/common/id-number';
import { regions } from '../../src/common/regions';
import type { MarketEntityInput, MarketRole } from '../gql/graphql';
import { PUSH, code } from '../setup/data';
import { ADMIN_KEY, startTestHub, type GraphQLResponse, type TestHub } from '../setup/hub';
import { countStatements } from '../setup/statements';

/*
 * Reading trading records: a realistic set of projects across the
 * catalog is pushed through the push mutations, then read back through
 * tradingProject, tradingProjects and the trading fields of marketEntity.
 * Expected results are computed from the pushed data, never hard-coded.
 */

// ---------------------------------------------------------------- data

/** A valid resident ID number (GB 11643) born on `birth` (YYYYMMDD), with sequence `seq`. */
function idNumber(region: string, birth: string, seq: number): string {
  return withIdCheckChar(`${region}${birth}${String(seq).padStart(3, '0')}`);
}

const entity = (org: string, name: string, regionCode: string, roles: MarketRole[]): MarketEntityInput => ({
  creditCode: code(org),
  name,
  regionCode,
  roles,
});

const TENDERERS = [
  entity('TRD000001', '武汉市城市建设投资有限公司', '420100', ['TENDERER', 'PURCHASER']),
  entity('TRD000002', '宜昌市水利投资有限公司', '420500', ['TENDERER', 'TRANSFEROR']),
  entity('TRD000003', '仙桃市公共服务中心有限公司', '429004', ['PURCHASER']),
  entity('TRD000004', '襄阳市土地储备有限公司', '420600', ['TRANSFEROR']),
];
const AGENCIES = [
  entity('AGC000001', '湖北省招标代理有限公司', '420106', ['AGENCY']),
  entity('AGC000002', '楚天工程咨询有限公司', '420111', ['AGENCY']),
];
const BIDDERS = Array.from({ length: 8 }, (_, i) =>
  entity(
    `BDR00000${i + 1}`,
    `湖北第${'一二三四五六七八'[i]}建设工程有限公司`,
    ['420102', '420502', '420602', '421002', '422802', '429005', '420302', '420106'][i],
    ['BIDDER', 'SUPPLIER'],
  ),
);
/** Credit codes, short names. */
const T = TENDERERS.map((e) => e.creditCode!);
const A = AGENCIES.map((e) => e.creditCode!);
const B = BIDDERS.map((e) => e.creditCode!);
/** An entity that takes part in nothing. */
const IDLE = entity('KXL000001', '湖北闲置贸易有限公司', '420100', ['SUPPLIER']);

interface SectionIn {
  code: string;
  name: string;
  budget: string | null;
  status: string;
  openingAt: string | null;
}

interface ProjectIn {
  code: string;
  name: string;
  subItemCode: string;
  regionCode: string;
  tendererCreditCode: string;
  agencyCreditCode: string | null;
  budget: string | null;
  currency?: string | null;
  method: string;
  status: string;
  publishedAt: string | null;
  bidDeadline: string | null;
  details: Record<string, unknown> | null;
  externalId: string;
  sections: SectionIn[];
}

interface BidIn {
  sectionCode: string;
  bidderCreditCode: string;
  amount: string;
  submittedAt: string;
  status: string;
  caCertSerial: string;
  deviceFingerprint: string;
  ipAddress: string;
  documentHash: string;
  projectManagerId: string;
  bondAccount: string;
  externalId: string;
}

/** Category of each sub-item used here (from the 2020 catalog). */
const CATEGORY: Record<string, { category: string; categoryName: string; name: string }> = {
  ENG_TRANSPORT: { category: 'ENGINEERING', categoryName: '工程建设项目', name: '交通运输工程' },
  ENG_WATER: { category: 'ENGINEERING', categoryName: '工程建设项目', name: '水利工程' },
  ENG_HOUSING_MUNICIPAL: { category: 'ENGINEERING', categoryName: '工程建设项目', name: '房屋建筑和市政基础设施工程' },
  GP_GOODS: { category: 'GOV_PROCUREMENT', categoryName: '政府采购', name: '政府采购货物类' },
  GP_SERVICES: { category: 'GOV_PROCUREMENT', categoryName: '政府采购', name: '政府采购服务类' },
  GP_WORKS: { category: 'GOV_PROCUREMENT', categoryName: '政府采购', name: '政府采购工程类' },
  LAND_USE_RIGHT: { category: 'LAND_MINING', categoryName: '土地使用权和矿业权出让', name: '国有建设用地使用权出让' },
  SOE_EQUITY_TRANSFER: { category: 'STATE_PROPERTY', categoryName: '国有产（股）权', name: '企业国有产权（股权）转让' },
  CARBON_QUOTA: { category: 'CARBON', categoryName: '碳排放权', name: '碳排放配额交易' },
  FOREST_RIGHT_TRANSFER: { category: 'FOREST_RIGHTS', categoryName: '林权', name: '林权流转' },
  EMISSION_RIGHT: { category: 'EMISSION', categoryName: '排污权', name: '排污权交易' },
  DRUG_PROCUREMENT: { category: 'MEDICAL', categoryName: '药品药械采购', name: '药品集中采购' },
};

const sec = (
  code: string,
  name: string,
  budget: string | null,
  status: string,
  openingAt: string | null,
): SectionIn => ({ code, name, budget, status, openingAt });

/** The hand-written projects: one of each shape the filters must tell apart. */
const E1: ProjectIn = {
  code: 'HB-ENG-2026-001',
  name: '武汉市二环线快速化改造工程施工',
  subItemCode: 'ENG_TRANSPORT',
  regionCode: '420102',
  tendererCreditCode: T[0],
  agencyCreditCode: A[0],
  budget: '12500000.00',
  method: 'OPEN_TENDER',
  status: 'AWARDED',
  publishedAt: '2026-03-02T09:00:00+08:00',
  bidDeadline: '2026-03-25T09:30:00+08:00',
  details: { lengthKm: '12.5', fundingSource: '财政资金' },
  externalId: 'WH-ENG-88001',
  sections: [
    sec('HB-ENG-2026-001-01', '第一标段（土建）', '8000000.00', 'AWARDED', '2026-03-25T09:30:00+08:00'),
    sec('HB-ENG-2026-001-02', '第二标段（机电）', '4500000.00', 'AWARDED', '2026-03-25T09:30:00+08:00'),
  ],
};
const E2: ProjectIn = {
  code: 'HB-ENG-2026-002',
  name: '宜昌市伍家岗区城区防洪排涝工程',
  subItemCode: 'ENG_WATER',
  regionCode: '420503',
  tendererCreditCode: T[1],
  agencyCreditCode: null,
  budget: '800000.00',
  method: 'INVITED_TENDER',
  status: 'TENDERING',
  publishedAt: '2026-05-10T10:00:00+08:00',
  bidDeadline: '2026-06-05T10:00:00+08:00',
  details: null,
  externalId: 'YC-ENG-002',
  sections: [sec('HB-ENG-2026-002-01', '施工标段', '800000.00', 'TENDERING', '2026-06-05T10:00:00+08:00')],
};
const G1: ProjectIn = {
  code: 'HB-GP-2026-001',
  name: '武昌区中小学教学设备采购',
  subItemCode: 'GP_GOODS',
  regionCode: '420106',
  tendererCreditCode: T[0],
  agencyCreditCode: A[1],
  budget: '99999.99',
  method: 'COMPETITIVE_CONSULTATION',
  status: 'EVALUATING',
  publishedAt: '2026-01-15T08:30:00+08:00',
  bidDeadline: '2026-01-26T08:30:00+08:00',
  details: { classificationCode: 'A02010104', centralised: true },
  externalId: 'GP-420106-001',
  sections: [sec('HB-GP-2026-001-01', '教学设备包', '99999.99', 'EVALUATING', '2026-01-26T08:30:00+08:00')],
};
const G2: ProjectIn = {
  code: 'HB-GP-2026-002',
  name: '仙桃市政务服务中心物业服务采购',
  subItemCode: 'gp_services', // the catalog code in any case
  regionCode: '429004',
  tendererCreditCode: T[2],
  agencyCreditCode: A[1],
  budget: '100000.00',
  method: 'REQUEST_FOR_QUOTATION',
  status: 'CONTRACTED',
  // Exactly 2026-01-31T16:00:00Z: the boundary of the published-range filters.
  publishedAt: '2026-02-01T00:00:00+08:00',
  bidDeadline: '2026-02-10T00:00:00+08:00',
  details: { classificationCode: 'C0801' },
  externalId: 'GP-429004-002',
  sections: [sec('HB-GP-2026-002-01', '物业服务包', '100000.00', 'CONTRACTED', '2026-02-10T00:00:00+08:00')],
};
const L1: ProjectIn = {
  code: 'HB-LAND-2026-001',
  name: '襄阳市襄城区XY2026-05号地块国有建设用地使用权挂牌出让',
  subItemCode: 'LAND_USE_RIGHT',
  regionCode: '420600',
  tendererCreditCode: T[3],
  agencyCreditCode: null,
  budget: '350000000.00',
  method: 'LISTING',
  status: 'TENDERING',
  publishedAt: '2026-04-01T09:00:00+08:00',
  bidDeadline: '2026-04-30T17:00:00+08:00',
  details: { parcelCode: 'XY2026-05', area: '12000.50', landUse: '住宅用地', termYears: 70 },
  externalId: 'XY-LAND-05',
  sections: [sec('HB-LAND-2026-001-01', 'XY2026-05号地块', '350000000.00', 'TENDERING', '2026-04-30T17:00:00+08:00')],
};
const S1: ProjectIn = {
  code: 'HB-SOE-2026-001',
  name: '省属企业持有的某水电公司51%股权转让',
  subItemCode: 'SOE_EQUITY_TRANSFER',
  regionCode: '420000',
  tendererCreditCode: T[1],
  agencyCreditCode: null,
  // 18 integer digits: a float cannot tell this from …78.98, numeric can.
  budget: '123456789012345678.99',
  method: 'AUCTION',
  status: 'PLANNED',
  publishedAt: null,
  bidDeadline: null,
  details: null,
  externalId: 'SOE-001',
  sections: [],
};
const C1: ProjectIn = {
  code: 'HB-CARBON-2026-001',
  name: '湖北碳排放配额协议转让',
  subItemCode: 'CARBON_QUOTA',
  regionCode: '420100',
  tendererCreditCode: T[0],
  agencyCreditCode: null,
  budget: null,
  method: 'AGREEMENT',
  status: 'FAILED',
  publishedAt: '2026-06-30T23:59:59.999+08:00',
  bidDeadline: null,
  details: null,
  externalId: 'CARBON-001',
  sections: [],
};

const BULK_SUB_ITEMS = [
  'ENG_HOUSING_MUNICIPAL',
  'GP_WORKS',
  'FOREST_RIGHT_TRANSFER',
  'EMISSION_RIGHT',
  'DRUG_PROCUREMENT',
];
const BULK_REGIONS = ['420102', '420111', '420502', '420602', '421002', '422802', '429005', '420302'];
const BULK_METHODS = ['OPEN_TENDER', 'COMPETITIVE_NEGOTIATION', 'LISTING', 'AUCTION', 'REQUEST_FOR_QUOTATION'];
const BULK_STATUSES = ['TENDERING', 'EVALUATING', 'AWARDED', 'CONTRACTED'];
const BULK_DETAILS: Record<string, Record<string, unknown>> = {
  GP_WORKS: { classificationCode: 'B0101' },
  FOREST_RIGHT_TRANSFER: { area: '5300', forestType: '用材林' },
};

/** Bulk projects, each with two sections of three bids: enough rows for paging and for counting statements. */
const BULK: ProjectIn[] = Array.from({ length: 22 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  const sub = BULK_SUB_ITEMS[i % BULK_SUB_ITEMS.length];
  const day = new Date(Date.UTC(2025, 10, 1 + i * 3, 1, 0, 0));
  const opening = new Date(day.getTime() + 25 * 86_400_000).toISOString();
  return {
    code: `HB-BLK-2025-${n}`,
    name: `湖北批量项目${n}`,
    subItemCode: sub,
    regionCode: BULK_REGIONS[i % BULK_REGIONS.length],
    tendererCreditCode: T[i % T.length],
    agencyCreditCode: i % 3 === 0 ? null : A[i % A.length],
    budget: `${(i + 1) * 37_000}.50`,
    method: BULK_METHODS[i % BULK_METHODS.length],
    status: BULK_STATUSES[i % BULK_STATUSES.length],
    publishedAt: day.toISOString(),
    bidDeadline: opening,
    details: BULK_DETAILS[sub] ?? null,
    externalId: `BLK-${n}`,
    sections: [1, 2].map((k) =>
      sec(
        `HB-BLK-2025-${n}-0${k}`,
        `第${k}标段`,
        `${(i + 1) * 18_000}.25`,
        BULK_STATUSES[i % BULK_STATUSES.length],
        opening,
      ),
    ),
  };
});

const PROJECTS: ProjectIn[] = [E1, E2, G1, G2, L1, S1, C1, ...BULK];

let bidSeq = 0;
/** A bid with its full evidence, submitted `hoursBefore` hours before `opening` (negative: after). */
function bid(sectionCode: string, bidder: string, amount: string, opening: string, hoursBefore = 20): BidIn {
  bidSeq += 1;
  const n = bidSeq;
  return {
    sectionCode,
    bidderCreditCode: bidder,
    amount,
    submittedAt: new Date(Date.parse(opening) - hoursBefore * 3_600_000).toISOString(),
    status: 'VALID',
    caCertSerial: `HBCA-${String(n).padStart(8, '0')}`,
    deviceFingerprint: `MAC:00-1B-44-11-3A-${String(n % 100).padStart(2, '0')};CPU:BFEBFBFF000906E${n % 10}`,
    ipAddress: `10.42.${Math.floor(n / 200)}.${(n % 200) + 1}`,
    documentHash: n.toString(16).padStart(64, 'a'),
    projectManagerId: idNumber('420102', '19800101', n % 1000),
    bondAccount: `6222 0202 0000 ${String(n).padStart(4, '0')}`,
    externalId: `BID-${n}`,
  };
}

const E1S = E1.sections.map((s) => s.code);
const OPEN_E1 = E1.sections[0].openingAt!;

const BIDS: BidIn[] = [
  bid(E1S[0], B[0], '7890000.00', OPEN_E1, 30),
  bid(E1S[0], B[1], '7650000.00', OPEN_E1, 26),
  bid(E1S[0], B[2], '7700000.00', OPEN_E1, 22),
  { ...bid(E1S[0], B[3], '7990000.00', OPEN_E1, 18), status: 'DISQUALIFIED' },
  bid(E1S[1], B[1], '4400000.00', OPEN_E1, 25),
  bid(E1S[1], B[4], '4380000.00', OPEN_E1, 24),
  bid(E1S[1], B[5], '4420000.00', OPEN_E1, 23),
  // Two hours after the opening: stored, and reported as a finding.
  bid(E1S[1], B[6], '4300000.00', OPEN_E1, -2),
  bid(E2.sections[0].code, B[2], '790000.00', E2.sections[0].openingAt!, 10),
  bid(E2.sections[0].code, B[3], '785000.00', E2.sections[0].openingAt!, 9),
  bid(E2.sections[0].code, B[7], '770000.00', E2.sections[0].openingAt!, 8),
  bid(G1.sections[0].code, B[5], '98000.00', G1.sections[0].openingAt!, 5),
  bid(G1.sections[0].code, B[7], '97500.00', G1.sections[0].openingAt!, 4),
  bid(G2.sections[0].code, B[0], '96000.00', G2.sections[0].openingAt!, 30),
  bid(G2.sections[0].code, B[6], '95000.00', G2.sections[0].openingAt!, 20),
  bid(L1.sections[0].code, B[4], '351000000.00', L1.sections[0].openingAt!, 48),
  ...BULK.flatMap((p, i) =>
    p.sections.flatMap((s, k) =>
      [0, 1, 2].map((j) =>
        bid(s.code, B[(i + k + j) % B.length], `${(i + 1) * 17_000 + j * 100}.00`, s.openingAt!, 10 - j),
      ),
    ),
  ),
];

const OPENINGS = [
  ...E1.sections.map((s) => ({
    sectionCode: s.code,
    openedAt: s.openingAt,
    bidderCount: String(BIDS.filter((b) => b.sectionCode === s.code).length - (s.code === E1S[1] ? 1 : 0)),
    location: '武汉市公共资源交易中心第3开标室',
    externalId: `OPEN-${s.code}`,
  })),
  {
    sectionCode: G1.sections[0].code,
    openedAt: G1.sections[0].openingAt,
    bidderCount: '2',
    location: '线上开标',
    externalId: 'OPEN-G1',
  },
];

const EVALUATIONS = [
  {
    sectionCode: E1S[0],
    reportedAt: '2026-03-27T17:00:00+08:00',
    candidates: [
      { rank: 1, bidderCreditCode: B[1], score: '93.5000', amount: '7650000.00' },
      { rank: 2, bidderCreditCode: B[2], score: '91.2500', amount: '7700000.00' },
      { rank: 3, bidderCreditCode: B[0], score: '88.0000', amount: '7890000.00' },
    ],
    externalId: 'EVAL-E1-01',
  },
  {
    sectionCode: E1S[1],
    reportedAt: '2026-03-27T17:30:00+08:00',
    candidates: [
      { rank: 1, bidderCreditCode: B[4], score: '95.0000', amount: '4380000.00' },
      { rank: 2, bidderCreditCode: B[5], score: '90.0000', amount: '4420000.00' },
    ],
    externalId: 'EVAL-E1-02',
  },
  {
    sectionCode: G1.sections[0].code,
    reportedAt: '2026-01-27T12:00:00+08:00',
    candidates: [{ rank: 1, bidderCreditCode: B[7], score: '89.5', amount: '97500.00' }],
    externalId: 'EVAL-G1',
  },
];

const AWARDS = [
  {
    sectionCode: E1S[0],
    winnerCreditCode: B[1],
    amount: '7650000.00',
    awardedOn: '2026-04-03',
    externalId: 'AWD-E1-01',
  },
  {
    sectionCode: E1S[1],
    winnerCreditCode: B[4],
    amount: '4380000.00',
    awardedOn: '2026-04-03',
    externalId: 'AWD-E1-02',
  },
  {
    sectionCode: G2.sections[0].code,
    winnerCreditCode: B[6],
    amount: '95000.00',
    awardedOn: '2026-02-15',
    externalId: 'AWD-G2',
  },
  ...BULK.filter((_, i) => i % 2 === 0).map((p, j) => ({
    sectionCode: p.sections[0].code,
    winnerCreditCode: BIDS.find((b) => b.sectionCode === p.sections[0].code)!.bidderCreditCode,
    amount: `${j + 1}0000.00`,
    awardedOn: '2026-01-05',
    externalId: `AWD-${p.code}`,
  })),
];

const CONTRACTS = [
  {
    code: 'HT-ENG-2026-001-01',
    sectionCode: E1S[0],
    amount: '7650000.00',
    signedOn: '2026-04-20',
    periodStart: '2026-05-01',
    periodEnd: '2027-10-31',
    externalId: 'HT-1',
  },
  {
    code: 'HT-ENG-2026-001-02',
    sectionCode: E1S[1],
    amount: '4380000.00',
    signedOn: '2026-04-22',
    periodStart: '2026-05-01',
    periodEnd: '2027-04-30',
    externalId: 'HT-2',
  },
  {
    code: 'HT-ENG-2026-001-02-BC',
    sectionCode: E1S[1],
    amount: '120000.00',
    signedOn: '2026-09-01',
    periodStart: null,
    periodEnd: null,
    externalId: 'HT-2-BC',
  },
  {
    code: 'HT-GP-2026-002',
    sectionCode: G2.sections[0].code,
    amount: '95000.00',
    signedOn: '2026-02-20',
    periodStart: '2026-03-01',
    periodEnd: '2027-02-28',
    externalId: 'HT-3',
  },
  ...AWARDS.filter((a) => a.sectionCode.startsWith('HB-BLK')).map((a) => ({
    code: `HT-${a.sectionCode}`,
    sectionCode: a.sectionCode,
    amount: a.amount,
    signedOn: '2026-01-20',
    periodStart: null,
    periodEnd: null,
    externalId: `HT-${a.sectionCode}`,
  })),
];

const ANNOUNCEMENTS = [
  {
    code: 'GG-ENG-2026-001-ZB',
    projectCode: E1.code,
    type: 'TENDER_NOTICE',
    title: `${E1.name}招标公告`,
    publishedAt: E1.publishedAt,
    periodStart: null,
    periodEnd: null,
    documentHash: 'f'.repeat(64),
    url: 'https://www.hbggzyfwpt.cn/jyxx/zbgg/001.html',
    sectionCodes: [],
    externalId: 'GG-1',
  },
  {
    code: 'GG-ENG-2026-001-GS',
    projectCode: E1.code,
    type: 'CANDIDATE_PUBLICITY',
    title: `${E1.name}中标候选人公示`,
    publishedAt: '2026-03-28T09:00:00+08:00',
    periodStart: '2026-03-28',
    periodEnd: '2026-03-31',
    documentHash: null,
    url: 'https://www.hbggzyfwpt.cn/jyxx/zbhxrgs/001.html',
    sectionCodes: E1S,
    externalId: 'GG-2',
  },
  {
    code: 'GG-ENG-2026-001-JG',
    projectCode: E1.code,
    type: 'AWARD_NOTICE',
    title: `${E1.name}中标结果公告`,
    publishedAt: '2026-04-03T09:00:00+08:00',
    periodStart: null,
    periodEnd: null,
    documentHash: null,
    url: null,
    sectionCodes: [E1S[0]],
    externalId: 'GG-3',
  },
  {
    code: 'GG-GP-2026-002-CJ',
    projectCode: G2.code,
    type: 'DEAL_NOTICE',
    title: `${G2.name}成交公告`,
    publishedAt: '2026-02-15T10:00:00+08:00',
    periodStart: null,
    periodEnd: null,
    documentHash: null,
    url: null,
    sectionCodes: [],
    externalId: 'GG-4',
  },
];

// ---------------------------------------------------------------- helpers

const RESULT = 'accepted unchanged rejected results { index key status errors { field code message } }';

interface PushResultData {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: {
    index: number;
    key: string | null;
    status: string;
    errors: { field: string; code: string; message: string }[];
  }[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Exact comparison of decimal strings (at most two fraction digits): as integers of cents, never as floats. */
function cents(s: string): bigint {
  const [i, f = ''] = s.split('.');
  return BigInt(i + f.padEnd(2, '0'));
}

/** True when `code` lies in region `filter`, by the parent links of GB/T 2260. */
function inRegion(code: string, filter: string): boolean {
  if (filter === '420000') return true;
  for (let c: string | undefined = code; c; c = regions().get(c)?.parent) if (c === filter) return true;
  return false;
}

const NODE = 'code name regionCode budget method status publishedAt updatedAt';

const PAGE = `query Page($filter: TradingProjectFilterInput, $first: Int, $after: String, $orderBy: TradingProjectOrder) {
  tradingProjects(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${NODE} } }
  }
}`;

interface Node {
  code: string;
  name: string;
  regionCode: string;
  budget: string | null;
  method: string;
  status: string;
  publishedAt: string | null;
  updatedAt: string;
}

interface PageData {
  tradingProjects: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Node }[];
  };
}

const ONE = `query One($code: String!) {
  tradingProject(code: $code) {
    code name regionCode budget currency method status publishedAt bidDeadline details externalId version updatedAt createdAt
    category { code name }
    subItem { code name }
    tenderer { creditCode name }
    agency { creditCode name }
    sourceSystem { code }
    announcements { code type title publishedAt periodStart periodEnd documentHash url sectionCodes externalId version sourceSystem { code } }
    findings { topic recordKey rule message detectedAt }
    sections {
      code name budget status openingAt
      project { code }
      bids {
        amount submittedAt status externalId version
        caCertSerial deviceFingerprint ipAddress documentHash projectManagerId bondAccount
        bidder { creditCode name }
        section { code }
        sourceSystem { code }
      }
      bidOpening { openedAt bidderCount location externalId version }
      evaluation { reportedAt externalId version candidates { rank bidderCreditCode score amount bidder { creditCode name } } }
      award { amount awardedOn externalId version winner { creditCode name } }
      contracts { code amount signedOn periodStart periodEnd externalId version }
    }
  }
}`;

/** Response shapes that the assertions spell out in full. */
type Any = any;

describe('reading trading records', () => {
  let t: TestHub;
  let key: string;
  /** When the hand-written projects had been stored, before the updates. */
  let updatedProject: ProjectIn;
  const all = new Map<string, ProjectIn>();

  /** Input type of each push mutation's `records`, read from the schema so the test names only the mutations. */
  const inputTypes = new Map<string, string>();

  async function push(mutation: string, records: unknown[], who = key): Promise<PushResultData> {
    const r = await t.gql<Record<string, PushResultData>>(
      `mutation Push($records: [${inputTypes.get(mutation)}!]!) { ${mutation}(records: $records) { ${RESULT} } }`,
      { records },
      who,
    );
    expect(r.errors).toBeUndefined();
    const out = r.data![mutation];
    const rejected = out.results.filter((x) => x.status === 'REJECTED');
    expect(rejected).toEqual([]);
    return out;
  }

  async function page(variables: Record<string, unknown>, who = key): Promise<GraphQLResponse<PageData>> {
    return t.gql<PageData>(PAGE, variables, who);
  }

  /** Follows `after` from the first page to the last; checks the page info on the way. */
  async function walk(variables: Record<string, unknown>, first: number): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const r = await page({ ...variables, first, after });
      expect(r.errors).toBeUndefined();
      const conn = r.data!.tradingProjects;
      expect(conn.edges.length).toBeLessThanOrEqual(first);
      nodes.push(...conn.edges.map((e) => e.node));
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      if (!conn.pageInfo.hasNextPage) {
        expect(conn.totalCount).toBe(nodes.length);
        return nodes;
      }
      expect(conn.edges).toHaveLength(first);
      after = conn.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  /** The codes a filter returns (one big page), checking totalCount against it. */
  async function filtered(filter: Record<string, unknown>): Promise<string[]> {
    const r = await page({ filter, first: 500 });
    expect(r.errors).toBeUndefined();
    const conn = r.data!.tradingProjects;
    expect(conn.pageInfo.hasNextPage).toBe(false);
    expect(conn.totalCount).toBe(conn.edges.length);
    return conn.edges.map((e) => e.node.code);
  }

  function expected(pred: (p: ProjectIn) => boolean): string[] {
    return [...all.values()]
      .filter(pred)
      .map((p) => p.code)
      .sort(byText);
  }

  /** Credit codes taking part in a project: tenderer, agency, bidders of its sections. */
  function participants(p: ProjectIn): Set<string> {
    const sections = new Set(p.sections.map((s) => s.code));
    return new Set([
      p.tendererCreditCode,
      ...(p.agencyCreditCode ? [p.agencyCreditCode] : []),
      ...BIDS.filter((b) => sections.has(b.sectionCode)).map((b) => b.bidderCreditCode),
    ]);
  }

  const statements = (run: () => Promise<unknown>) => countStatements(t.hub, run);

  beforeAll(async () => {
    // The feed's periodic tail read would otherwise show up in the statement counts.
    t = await startTestHub({ feedPollMs: 600_000, rateLimit: 1_000_000, rateBurst: 1_000_000 });
    key = await t.system('TRD-READ');
    const schema = await t.gql<{ __type: { fields: { name: string; args: { name: string; type: Any }[] }[] } }>(
      '{ __type(name: "Mutation") { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }',
    );
    for (const f of schema.data!.__type.fields) {
      const records = f.args.find((a) => a.name === 'records');
      if (!records) continue;
      let ty = records.type;
      while (ty.ofType) ty = ty.ofType;
      inputTypes.set(f.name, ty.name);
    }

    const entities = await t.gql(PUSH, { records: [...TENDERERS, ...AGENCIES, ...BIDDERS, IDLE] }, key);
    expect(entities.data?.pushMarketEntities.rejected).toBe(0);
    await push('pushTradingProjects', PROJECTS);
    for (const p of PROJECTS) all.set(p.code, p);
    await push('pushAnnouncements', ANNOUNCEMENTS);
    await push('pushBids', BIDS);
    await push('pushBidOpenings', OPENINGS);
    await push(
      'pushEvaluations',
      EVALUATIONS.map((e) => ({ ...e, candidates: e.candidates.map((c) => ({ ...c, rank: String(c.rank) })) })),
    );
    await push('pushAwards', AWARDS);
    await push('pushContracts', CONTRACTS);
    // One project changes later, for updatedSince and the update order.
    await new Promise((r) => setTimeout(r, 20));
    updatedProject = { ...E2, name: `${E2.name}（变更）`, status: 'EVALUATING' };
    await push('pushTradingProjects', [updatedProject]);
    all.set(updatedProject.code, updatedProject);
  });
  afterAll(() => t.stop());

  describe('tradingProject', () => {
    it('gives a project with its catalog entry, parties, sections, bids, opening, evaluation, award, contracts, announcements and findings', async () => {
      const r = await t.gql<{ tradingProject: Any }>(ONE, { code: E1.code }, ADMIN_KEY);
      expect(r.errors).toBeUndefined();
      const p = r.data!.tradingProject;
      expect(p).toMatchObject({
        code: E1.code,
        name: E1.name,
        regionCode: E1.regionCode,
        budget: E1.budget,
        currency: 'CNY',
        method: E1.method,
        status: E1.status,
        publishedAt: new Date(E1.publishedAt!).toISOString(),
        bidDeadline: new Date(E1.bidDeadline!).toISOString(),
        details: E1.details,
        externalId: E1.externalId,
        version: 1,
        category: { code: 'ENGINEERING', name: '工程建设项目' },
        subItem: { code: 'ENG_TRANSPORT', name: '交通运输工程' },
        tenderer: { creditCode: T[0], name: TENDERERS[0].name },
        agency: { creditCode: A[0], name: AGENCIES[0].name },
        sourceSystem: { code: 'TRD-READ' },
      });

      expect(p.announcements.map((a: Any) => a.code)).toEqual([
        'GG-ENG-2026-001-ZB',
        'GG-ENG-2026-001-GS',
        'GG-ENG-2026-001-JG',
      ]);
      expect(p.announcements[1]).toMatchObject({
        type: 'CANDIDATE_PUBLICITY',
        periodStart: '2026-03-28',
        periodEnd: '2026-03-31',
        sectionCodes: [...E1S].sort(byText),
        publishedAt: '2026-03-28T01:00:00.000Z',
        externalId: 'GG-2',
        version: 1,
        sourceSystem: { code: 'TRD-READ' },
      });

      expect(p.sections.map((s: Any) => s.code)).toEqual(E1S);
      const [s1, s2] = p.sections;
      expect(s1).toMatchObject({
        name: E1.sections[0].name,
        budget: '8000000.00',
        status: 'AWARDED',
        openingAt: new Date(OPEN_E1).toISOString(),
        project: { code: E1.code },
      });

      // Bids in order of submission, each with its bidder and whole evidence (the admin sees everything).
      const want = (section: string) =>
        BIDS.filter((b) => b.sectionCode === section).sort(
          (a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt),
        );
      for (const [s, code] of [
        [s1, E1S[0]],
        [s2, E1S[1]],
      ] as const) {
        expect(s.bids).toEqual(
          want(code).map((b) => ({
            amount: b.amount,
            submittedAt: b.submittedAt,
            status: b.status,
            externalId: b.externalId,
            version: 1,
            caCertSerial: b.caCertSerial,
            deviceFingerprint: b.deviceFingerprint,
            ipAddress: b.ipAddress,
            documentHash: b.documentHash,
            projectManagerId: b.projectManagerId,
            bondAccount: b.bondAccount,
            bidder: {
              creditCode: b.bidderCreditCode,
              name: BIDDERS.find((e) => e.creditCode === b.bidderCreditCode)!.name,
            },
            section: { code },
            sourceSystem: { code: 'TRD-READ' },
          })),
        );
      }
      expect(new Set(s1.bids.map((b: Any) => b.bidder.creditCode)).size).toBe(4);

      expect(s1.bidOpening).toMatchObject({
        openedAt: new Date(OPEN_E1).toISOString(),
        bidderCount: 4,
        location: OPENINGS[0].location,
        version: 1,
      });
      expect(s1.evaluation).toMatchObject({
        reportedAt: '2026-03-27T09:00:00.000Z',
        externalId: 'EVAL-E1-01',
        version: 1,
      });
      expect(s1.evaluation.candidates).toEqual(
        EVALUATIONS[0].candidates.map((c) => ({
          ...c,
          bidder: {
            creditCode: c.bidderCreditCode,
            name: BIDDERS.find((e) => e.creditCode === c.bidderCreditCode)!.name,
          },
        })),
      );
      expect(s1.award).toEqual({
        amount: '7650000.00',
        awardedOn: '2026-04-03',
        externalId: 'AWD-E1-01',
        version: 1,
        winner: { creditCode: B[1], name: BIDDERS[1].name },
      });
      expect(s1.contracts).toEqual([
        {
          code: 'HT-ENG-2026-001-01',
          amount: '7650000.00',
          signedOn: '2026-04-20',
          periodStart: '2026-05-01',
          periodEnd: '2027-10-31',
          externalId: 'HT-1',
          version: 1,
        },
      ]);
      // Contracts in order of signing: the main one, then the supplementary one.
      expect(s2.contracts.map((c: Any) => c.code)).toEqual(['HT-ENG-2026-001-02', 'HT-ENG-2026-001-02-BC']);
      expect(s2.award.winner.creditCode).toBe(B[4]);

      // The bid after the opening is stored and reported.
      const late = BIDS.find((b) => b.sectionCode === E1S[1] && b.bidderCreditCode === B[6])!;
      expect(s2.bids.map((b: Any) => b.bidder.creditCode)).toContain(B[6]);
      expect(p.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            topic: 'BID',
            rule: 'BID_AFTER_OPENING',
            recordKey: `${late.sectionCode}/${late.bidderCreditCode}`,
          }),
        ]),
      );
      for (const f of p.findings) expect(f.detectedAt).toMatch(/Z$/);
    });

    it('gives a project without sections, agency or publication with empty lists and nulls', async () => {
      const r = await t.gql<{ tradingProject: Any }>(ONE, { code: S1.code }, key);
      expect(r.errors).toBeUndefined();
      expect(r.data!.tradingProject).toMatchObject({
        code: S1.code,
        budget: S1.budget,
        agency: null,
        publishedAt: null,
        bidDeadline: null,
        details: null,
        sections: [],
        announcements: [],
        findings: [],
        category: { code: 'STATE_PROPERTY' },
      });
    });

    it('shows the latest version of an updated project', async () => {
      const r = await t.gql<{ tradingProject: Any }>(ONE, { code: E2.code }, key);
      expect(r.data!.tradingProject).toMatchObject({ name: updatedProject.name, status: 'EVALUATING', version: 2 });
    });

    it('finds a project by its code with spaces around, and answers null for codes it does not hold', async () => {
      const found = await t.gql<{ tradingProject: Any }>(ONE, { code: `  ${G1.code} ` }, key);
      expect(found.data!.tradingProject.code).toBe(G1.code);
      for (const code of ['HB-NONE-0001', '', '\u0000', 'a\ud800b', 'x'.repeat(200)]) {
        const r = await t.gql<{ tradingProject: Any }>(ONE, { code }, key);
        expect(r.errors).toBeUndefined();
        expect(r.data!.tradingProject).toBeNull();
      }
    });

    it('refuses anonymous callers and callers without a reading role', async () => {
      const anon = await t.gql(`{ tradingProject(code: "${E1.code}") { code } }`);
      expect(anon.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      const dash = await t.gql<{ createClient: { apiKey: string } }>(
        `mutation { createClient(input: { name: "trading-dashboard", roles: [DASHBOARD] }) { apiKey } }`,
        undefined,
        ADMIN_KEY,
      );
      const r = await t.gql(
        `{ tradingProjects(first: 1) { edges { node { code } } } }`,
        undefined,
        dash.data!.createClient.apiKey,
      );
      expect(r.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('filters', () => {
    it('without a filter lists every project in code order', async () => {
      expect(await filtered({})).toEqual([...all.keys()].sort(byText));
    });

    it.each(['ENGINEERING', 'GOV_PROCUREMENT', 'LAND_MINING', 'STATE_PROPERTY', 'CARBON', 'MEDICAL', 'WATER_RIGHTS'])(
      'categoryCode %s selects the projects of that category',
      async (categoryCode) => {
        expect(await filtered({ categoryCode })).toEqual(
          expected((p) => CATEGORY[p.subItemCode.toUpperCase()].category === categoryCode),
        );
      },
    );

    it.each(['ENG_TRANSPORT', 'GP_SERVICES', 'gp_goods', 'FOREST_RIGHT_TRANSFER', 'WATER_RIGHT'])(
      'subItemCode %s selects the projects of that sub-item, in any case',
      async (subItemCode) => {
        expect(await filtered({ subItemCode })).toEqual(
          expected((p) => p.subItemCode.toUpperCase() === subItemCode.toUpperCase()),
        );
      },
    );

    it.each(['420000', '420100', '420102', '420500', '420600', '429000', '429004', '422800'])(
      'regionCode %s selects the region and every region inside it',
      async (regionCode) => {
        const want = expected((p) => inRegion(p.regionCode, regionCode));
        expect(await filtered({ regionCode })).toEqual(want);
      },
    );

    it('includes the districts of a prefecture (Wuhan includes Jiang’an, Wuchang and Hongshan) and the province includes everything', async () => {
      const wuhan = await filtered({ regionCode: '420100' });
      expect(wuhan).toEqual(expect.arrayContaining([E1.code, G1.code, C1.code]));
      expect(wuhan).not.toContain(G2.code);
      expect(await filtered({ regionCode: '420000' })).toHaveLength(all.size);
    });

    it('refuses a region code it does not know', async () => {
      const r = await page({ filter: { regionCode: '110000' } });
      expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    });

    it.each(['PLANNED', 'TENDERING', 'EVALUATING', 'AWARDED', 'CONTRACTED', 'TERMINATED', 'FAILED'])(
      'status %s selects the projects in it',
      async (status) => {
        expect(await filtered({ status })).toEqual(expected((p) => p.status === status));
      },
    );

    it.each([
      'OPEN_TENDER',
      'INVITED_TENDER',
      'COMPETITIVE_CONSULTATION',
      'REQUEST_FOR_QUOTATION',
      'LISTING',
      'AUCTION',
      'AGREEMENT',
      'SINGLE_SOURCE',
    ])('method %s selects the projects traded so', async (method) => {
      expect(await filtered({ method })).toEqual(expected((p) => p.method === method));
    });

    it.each([
      ['from a time on', { publishedFrom: '2026-01-01T00:00:00Z' }],
      ['before a time', { publishedTo: '2026-01-01T00:00:00Z' }],
      ['within a range', { publishedFrom: '2026-01-15T00:00:00+08:00', publishedTo: '2026-04-01T09:00:00+08:00' }],
      ['from the exact publication time (inclusive)', { publishedFrom: '2026-01-31T16:00:00Z' }],
      ['up to the exact publication time (exclusive)', { publishedTo: '2026-01-31T16:00:00Z' }],
      ['with an end before the start', { publishedFrom: '2026-05-01T00:00:00Z', publishedTo: '2026-04-01T00:00:00Z' }],
    ])('published range %s', async (_what, range: { publishedFrom?: string; publishedTo?: string }) => {
      const from = range.publishedFrom ? Date.parse(range.publishedFrom) : -Infinity;
      const to = range.publishedTo ? Date.parse(range.publishedTo) : Infinity;
      const want = expected(
        (p) => p.publishedAt !== null && Date.parse(p.publishedAt) >= from && Date.parse(p.publishedAt) < to,
      );
      expect(await filtered(range)).toEqual(want);
    });

    it('puts a project published exactly at the boundary on one side only', async () => {
      const at = new Date(G2.publishedAt!).toISOString();
      expect(await filtered({ publishedFrom: at, publishedTo: new Date(Date.parse(at) + 1).toISOString() })).toEqual([
        G2.code,
      ]);
      expect(await filtered({ publishedTo: at })).not.toContain(G2.code);
    });

    it.each([
      ['at least 100000 (numeric, not text: 99999.99 is below, 800000.00 above)', { budgetMin: '100000' }],
      ['at most 100000.00', { budgetMax: '100000.00' }],
      ['between 99999.99 and 100000', { budgetMin: '99999.99', budgetMax: '100000' }],
      ['at least 1000000', { budgetMin: '1000000' }],
      ['from zero', { budgetMin: '0' }],
      ['at most a fraction of a fen below the largest', { budgetMax: '123456789012345678.98' }],
      ['at least the largest, to the fen', { budgetMin: '123456789012345678.99' }],
      ['above the largest by a fen', { budgetMin: '123456789012345679.00' }],
    ])('budget %s', async (_what, range: { budgetMin?: string; budgetMax?: string }) => {
      const want = expected(
        (p) =>
          p.budget !== null &&
          (!range.budgetMin || cents(p.budget) >= cents(range.budgetMin)) &&
          (!range.budgetMax || cents(p.budget) <= cents(range.budgetMax)),
      );
      expect(await filtered(range)).toEqual(want);
    });

    it.each([
      ['from a time on', { bidDeadlineFrom: '2026-03-01T00:00:00Z' }],
      ['before a time', { bidDeadlineTo: '2026-03-25T01:30:00Z' }],
      [
        'within a range, the exact deadline inclusive at the start',
        { bidDeadlineFrom: '2026-03-25T01:30:00Z', bidDeadlineTo: '2026-06-01T00:00:00Z' },
      ],
    ])('bid deadline %s', async (_what, range: { bidDeadlineFrom?: string; bidDeadlineTo?: string }) => {
      const from = range.bidDeadlineFrom ? Date.parse(range.bidDeadlineFrom) : -Infinity;
      const to = range.bidDeadlineTo ? Date.parse(range.bidDeadlineTo) : Infinity;
      const want = expected(
        (p) => !!p.bidDeadline && Date.parse(p.bidDeadline) >= from && Date.parse(p.bidDeadline) < to,
      );
      expect(want.length).toBeGreaterThan(0);
      expect(await filtered(range)).toEqual(want);
    });

    it.each([
      ['amount at least 4380000', { awardAmountMin: '4380000' }],
      ['amount at most 95000.00', { awardAmountMax: '95000.00' }],
      ['amount between 20000 and 100000', { awardAmountMin: '20000', awardAmountMax: '100000' }],
      ['dated from 2026-02-15', { awardedFrom: '2026-02-15' }],
      ['dated up to 2026-01-05, inclusive', { awardedTo: '2026-01-05' }],
      [
        'on one and the same award: at least 7000000 and dated in February (none is)',
        { awardAmountMin: '7000000', awardedFrom: '2026-02-01', awardedTo: '2026-02-28' },
      ],
    ])(
      'award %s',
      async (
        _what,
        range: { awardAmountMin?: string; awardAmountMax?: string; awardedFrom?: string; awardedTo?: string },
      ) => {
        const meets = (a: { amount: string; awardedOn: string }) =>
          (!range.awardAmountMin || cents(a.amount) >= cents(range.awardAmountMin)) &&
          (!range.awardAmountMax || cents(a.amount) <= cents(range.awardAmountMax)) &&
          (!range.awardedFrom || a.awardedOn >= range.awardedFrom) &&
          (!range.awardedTo || a.awardedOn <= range.awardedTo);
        const want = expected((p) =>
          AWARDS.some((a) => (p.sections ?? []).some((sec) => sec.code === a.sectionCode) && meets(a)),
        );
        expect(await filtered(range)).toEqual(want);
      },
    );

    it('compares budgets exactly where a float could not', async () => {
      // As doubles both are 123456789012345680: a float comparison would keep S1 on both sides.
      expect(await filtered({ budgetMin: '123456789012345678.99' })).toEqual([S1.code]);
      expect(await filtered({ budgetMax: '123456789012345678.98' })).not.toContain(S1.code);
      expect(await filtered({ budgetMin: '100000', budgetMax: '100000' })).toEqual([G2.code]);
    });

    it('refuses a budget that is not a decimal string', async () => {
      for (const budgetMin of ['1e6', 'abc', 100000]) {
        const r = await page({ filter: { budgetMin } });
        expect(r.errors?.[0]).toBeDefined();
        expect(r.data ?? null).toBeNull();
      }
    });

    it('updatedSince selects the projects updated at or after that time', async () => {
      const one = await t.gql<{ tradingProject: { updatedAt: string } }>(
        `{ tradingProject(code: "${E2.code}") { updatedAt } }`,
        undefined,
        key,
      );
      const at = one.data!.tradingProject.updatedAt;
      expect(await filtered({ updatedSince: at })).toEqual([E2.code]);
      expect(await filtered({ updatedSince: new Date(Date.parse(at) + 1).toISOString() })).toEqual([]);
      expect(await filtered({ updatedSince: '2000-01-01T00:00:00Z' })).toHaveLength(all.size);
    });

    it('refuses times before the year 1 as BAD_USER_INPUT rather than failing in the database', async () => {
      for (const field of ['updatedSince', 'publishedFrom', 'publishedTo', 'bidDeadlineFrom', 'bidDeadlineTo']) {
        const r = await page({ filter: { [field]: '0000-06-01T00:00:00Z' } });
        expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `filter.${field}` });
      }
      for (const field of ['awardedFrom', 'awardedTo']) {
        const r = await page({ filter: { [field]: '0000-06-01' } });
        expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `filter.${field}` });
      }
    });

    it.each([
      ['a bidder on one section only', () => B[6]],
      ['a bidder on many projects', () => B[1]],
      ['a tenderer', () => T[0]],
      ['a tenderer that never bids', () => T[3]],
      ['an agency', () => A[1]],
    ])('participant: %s selects the projects it takes part in', async (_what, who) => {
      const codeOf = who();
      const want = expected((p) => participants(p).has(codeOf));
      expect(want.length).toBeGreaterThan(0);
      expect(await filtered({ participant: codeOf })).toEqual(want);
    });

    it('participant finds a bidder of a later section, written in lower case with spaces', async () => {
      const got = await filtered({ participant: ` ${B[6].toLowerCase()} ` });
      expect(got).toEqual(expect.arrayContaining([E1.code, G2.code]));
      expect(got).not.toContain(E2.code);
    });

    it('participant selects nothing for an entity taking part in nothing, an unknown code or garbage', async () => {
      for (const participant of [IDLE.creditCode, code('NQP000001'), 'not a code', '\u0000'])
        expect(await filtered({ participant })).toEqual([]);
    });

    it('combines conditions, all of which must hold', async () => {
      const filter = { categoryCode: 'ENGINEERING', regionCode: '420100', participant: B[1], budgetMin: '1000000' };
      const want = expected(
        (p) =>
          CATEGORY[p.subItemCode.toUpperCase()].category === 'ENGINEERING' &&
          inRegion(p.regionCode, '420100') &&
          participants(p).has(B[1]) &&
          p.budget !== null &&
          cents(p.budget) >= cents('1000000'),
      );
      expect(want).toEqual([E1.code]);
      expect(await filtered(filter)).toEqual(want);
      expect(await filtered({ ...filter, status: 'TENDERING' })).toEqual([]);
    });

    it('reports unknown catalog codes as selecting nothing, and text PostgreSQL cannot hold as BAD_USER_INPUT', async () => {
      expect(await filtered({ categoryCode: 'NO_SUCH_CATEGORY' })).toEqual([]);
      const r = await page({ filter: { subItemCode: 'a\u0000' } });
      expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.subItemCode' });
    });
  });

  describe('pagination', () => {
    it('walks every page in code order with no duplicate or omission', async () => {
      const nodes = await walk({}, 4);
      const codes = nodes.map((n) => n.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toEqual([...all.keys()].sort(byText));
    });

    it('walks every page in update order, ties broken stably, with no duplicate or omission', async () => {
      const nodes = await walk({ orderBy: 'UPDATED_AT' }, 5);
      const codes = nodes.map((n) => n.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect([...codes].sort(byText)).toEqual([...all.keys()].sort(byText));
      const times = nodes.map((n) => Date.parse(n.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(codes.at(-1)).toBe(E2.code);
      const rows = await t.hub.services.orm.em
        .fork()
        .execute<{ code: string }[]>('select code from trading_project order by updated_at, id');
      expect(codes).toEqual(rows.map((r) => r.code));
    });

    it('pages through a filtered list too', async () => {
      const nodes = await walk({ filter: { categoryCode: 'ENGINEERING' } }, 2);
      expect(nodes.map((n) => n.code)).toEqual(
        expected((p) => CATEGORY[p.subItemCode.toUpperCase()].category === 'ENGINEERING'),
      );
    });

    it('gives a page of 50 when first is not given, and an empty page for first: 0', async () => {
      const r = await page({});
      expect(r.data!.tradingProjects.edges).toHaveLength(all.size);
      const zero = await page({ first: 0 });
      expect(zero.data!.tradingProjects).toMatchObject({
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: all.size,
      });
    });

    it('refuses a page larger than the maximum with LIMIT_EXCEEDED on first', async () => {
      expect((await page({ first: 500 })).errors).toBeUndefined();
      const r = await page({ first: 501 });
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        field: 'first',
        limit: 500,
        actual: 501,
      });
    });

    it.each([
      ['garbage', 'not a cursor at all'],
      ['a cursor of the wrong shape', Buffer.from(JSON.stringify(['a', 'b', 'c'])).toString('base64url')],
      ['a cursor holding a number', Buffer.from(JSON.stringify([42])).toString('base64url')],
      ['a cursor holding NUL', Buffer.from(JSON.stringify(['\u0000'])).toString('base64url')],
      ['a tampered update-order cursor', Buffer.from(JSON.stringify(['yesterday', '1'])).toString('base64url')],
    ])('refuses %s as after with BAD_USER_INPUT', async (_what, after) => {
      for (const orderBy of ['CODE', 'UPDATED_AT']) {
        const r = await page({ first: 5, after, orderBy });
        expect(r.data ?? null).toBeNull();
        expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    });
  });

  describe('market entities in trading', () => {
    const ENTITY = `query E($creditCode: String!, $first: Int) {
      marketEntity(creditCode: $creditCode) { creditCode projects(first: $first) { code publishedAt } bids(first: $first) { amount submittedAt section { code project { code } } } }
    }`;

    it('lists the projects an entity takes part in as tenderer or agency, latest publication first', async () => {
      for (const who of [T[0], A[1], T[1]]) {
        const r = await t.gql<{ marketEntity: Any }>(ENTITY, { creditCode: who, first: 100 }, key);
        expect(r.errors).toBeUndefined();
        const want = [...all.values()]
          .filter((p) => p.tendererCreditCode === who || p.agencyCreditCode === who)
          .sort(
            (a, b) =>
              (a.publishedAt === null ? 1 : 0) - (b.publishedAt === null ? 1 : 0) ||
              Date.parse(b.publishedAt ?? '0') - Date.parse(a.publishedAt ?? '0') ||
              byText(a.code, b.code),
          )
          .map((p) => p.code);
        expect(r.data!.marketEntity.projects.map((p: Any) => p.code)).toEqual(want);
        expect(r.data!.marketEntity.bids).toEqual([]);
      }
    });

    it('lists the bids of a bidder, latest first, each with its section and project, and honours first', async () => {
      const r = await t.gql<{ marketEntity: Any }>(ENTITY, { creditCode: B[1], first: 3 }, key);
      expect(r.errors).toBeUndefined();
      const mine = BIDS.filter((b) => b.bidderCreditCode === B[1]).sort(
        (a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt),
      );
      expect(mine.length).toBeGreaterThan(3);
      const sectionProject = new Map(PROJECTS.flatMap((p) => p.sections.map((s) => [s.code, p.code] as const)));
      expect(r.data!.marketEntity.bids).toEqual(
        mine.slice(0, 3).map((b) => ({
          amount: b.amount,
          submittedAt: b.submittedAt,
          section: { code: b.sectionCode, project: { code: sectionProject.get(b.sectionCode) } },
        })),
      );
      expect(r.data!.marketEntity.projects).toEqual([]);
    });

    it('batches the trading fields of a page of entities: one statement for the projects and one for the bids of them all', async () => {
      const Q = `{ marketEntities(first: 50, filter: { creditCodes: ${JSON.stringify([...T, ...A, ...B])} }) { edges { node { creditCode projects(first: 2) { code } bids(first: 1) { amount } } } } }`;
      let r: GraphQLResponse<{ marketEntities: { edges: { node: Any }[] } }> | undefined;
      const sql = await statements(async () => {
        r = await t.gql<{ marketEntities: { edges: { node: Any }[] } }>(Q, undefined, ADMIN_KEY);
      });
      expect(r!.errors).toBeUndefined();
      // The page of entities, then one lateral join per relation.
      expect(sql.queries).toHaveLength(3);
      expect(sql.queries.filter((q) => /cross join lateral/.test(q))).toHaveLength(2);
      const nodes = r!.data!.marketEntities.edges.map((e) => e.node);
      expect(nodes).toHaveLength(T.length + A.length + B.length);
      for (const n of nodes) {
        expect(n.projects.length).toBeLessThanOrEqual(2);
        expect(n.bids.length).toBeLessThanOrEqual(1);
      }
      expect(nodes.find((n) => n.creditCode === T[0]).projects).toHaveLength(2);
      expect(nodes.find((n) => n.creditCode === B[0]).bids).toHaveLength(1);
    });

    it('refuses a nested first above 100 with LIMIT_EXCEEDED, and below 1 with BAD_USER_INPUT', async () => {
      const big = await t.gql(ENTITY, { creditCode: T[0], first: 101 }, key);
      expect(big.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'first' });
      const zero = await t.gql(ENTITY, { creditCode: T[0], first: 0 }, key);
      expect(zero.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('keeps trading fields from anonymous callers even when marketEntity is public', async () => {
      const r = await t.gql<{ marketEntity: Any }>(
        `{ marketEntity(creditCode: "${T[0]}") { creditCode projects { code } } }`,
      );
      expect(r.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('masking of bid evidence', () => {
    const Q = `query Q($code: String!) { tradingProject(code: $code) { sections { code bids { bidder { creditCode } amount caCertSerial deviceFingerprint ipAddress documentHash projectManagerId bondAccount } } } }`;
    const EVIDENCE = ['caCertSerial', 'deviceFingerprint', 'ipAddress', 'documentHash', 'bondAccount'] as const;

    async function client(name: string, reveal: string): Promise<string> {
      const r = await t.gql<{ createClient: { apiKey: string } }>(
        `mutation { createClient(input: { name: "${name}", roles: [INTEGRATOR]${reveal ? `, reveal: [${reveal}]` : ''} }) { apiKey } }`,
        undefined,
        ADMIN_KEY,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.createClient.apiKey;
    }

    async function bidsAs(who: string): Promise<Any[]> {
      const r = await t.gql<{ tradingProject: { sections: { code: string; bids: Any[] }[] } }>(
        Q,
        { code: E1.code },
        who,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.tradingProject.sections.flatMap((s) => s.bids.map((b) => ({ ...b, sectionCode: s.code })));
    }

    const pushed = (b: Any) =>
      BIDS.find((x) => x.sectionCode === b.sectionCode && x.bidderCreditCode === b.bidder.creditCode)!;

    it('masks the evidence and the project manager ID number for an integrator without reveal grants', async () => {
      const bids = await bidsAs(await client('trading-integrator', ''));
      expect(bids.length).toBe(8);
      for (const b of bids) {
        const p = pushed(b);
        for (const f of EVIDENCE) expect(b[f]).toBe('******');
        expect(b.projectManagerId).toBe(
          `${p.projectManagerId.slice(0, 6)}${'*'.repeat(10)}${p.projectManagerId.slice(-2)}`,
        );
        // What is not evidence stays readable.
        expect(b.amount).toBe(p.amount);
      }
    });

    it('shows the evidence and the ID number to a reader granted BID_EVIDENCE and PERSONAL_ID', async () => {
      const bids = await bidsAs(await client('anti-collusion-analytics', 'BID_EVIDENCE, PERSONAL_ID'));
      for (const b of bids) {
        const p = pushed(b);
        for (const f of EVIDENCE) expect(b[f]).toBe(p[f]);
        expect(b.projectManagerId).toBe(p.projectManagerId);
      }
    });

    it('reveals each class on its own: BID_EVIDENCE alone leaves the ID number masked', async () => {
      const bids = await bidsAs(await client('evidence-only', 'BID_EVIDENCE'));
      for (const b of bids) {
        const p = pushed(b);
        for (const f of EVIDENCE) expect(b[f]).toBe(p[f]);
        expect(b.projectManagerId).not.toBe(p.projectManagerId);
        expect(b.projectManagerId).toContain('*');
      }
    });

    it('masks the evidence for the pushing system itself unless it is granted the class', async () => {
      const bids = await bidsAs(key);
      for (const b of bids) for (const f of EVIDENCE) expect(b[f]).toBe('******');
    });
  });

  describe('cost', () => {
    const NESTED = `query Nested($first: Int) {
      tradingProjects(first: $first) {
        edges { node {
          code
          tenderer { creditCode }
          sections {
            code
            bids { amount bidder { creditCode qualifications { name } } }
            award { amount awardedOn }
            contracts { code amount }
          }
        } }
      }
    }`;

    it.each([
      // Through the resolvers: one page, then one batch each of tenderers, sections, bids, awards, contracts and
      // bidders.
      ['the resolvers and their loaders', false, 7],
      // Compiled (src/read/sql-tree.ts): the page and every project's tree in one statement.
      ['the compiled read path', true, 1],
    ] as const)(
      'runs the same number of SQL statements for 20 projects with sections, bids, bidders, awards and contracts as for 2, through %s',
      async (_path, compiledReads, expected) => {
        const reader = compiledReads
          ? t
          : await startTestHub(
              { feedPollMs: 600_000, rateLimit: 1_000_000, rateBurst: 1_000_000, compiledReads },
              t.db,
            );
        try {
          let rows = 0;
          const run = (first: number) => async () => {
            const r = await reader.gql<{ tradingProjects: { edges: { node: Any }[] } }>(NESTED, { first }, ADMIN_KEY);
            expect(r.errors).toBeUndefined();
            const nodes = r.data!.tradingProjects.edges.map((e) => e.node);
            expect(nodes).toHaveLength(first);
            expect(
              nodes.every(
                (n) =>
                  n.tenderer.creditCode && n.sections.length > 0 && n.sections.every((s: Any) => s.bids.length > 0),
              ),
            ).toBe(true);
            rows = nodes.reduce((s, n) => s + n.sections.reduce((x: number, sec: Any) => x + sec.bids.length, 0), 0);
          };
          // Let the feed finish waking up for the pushes of beforeAll.
          await new Promise((r) => setTimeout(r, 100));
          const two = await countStatements(reader.hub, run(2));
          const twoBids = rows;
          const twenty = await countStatements(reader.hub, run(20));
          expect(rows).toBeGreaterThan(5 * twoBids);
          expect(twenty.queries.length).toBe(two.queries.length);
          expect(twenty.executes.length).toBe(two.executes.length);
          expect(twenty.queries.length).toBe(expected);
        } finally {
          if (reader !== t) await reader.stop();
        }
      },
    );

    it('adds one statement per nesting level through the resolvers, whatever the number of projects', async () => {
      // One relation more at each level: sections, their bids, the bidders, the bidders' own projects.
      const LEVELS = [
        'code',
        'code sections { code }',
        'code sections { code bids { amount } }',
        'code sections { code bids { amount bidder { creditCode } } }',
        'code sections { code bids { amount bidder { creditCode projects(first: 1) { code } } } }',
      ];
      const reader = await startTestHub(
        { feedPollMs: 600_000, rateLimit: 1_000_000, rateBurst: 1_000_000, compiledReads: false },
        t.db,
      );
      try {
        const count = async (level: string, first: number) => {
          const sql = await countStatements(reader.hub, async () => {
            const r = await reader.gql<{ tradingProjects: { edges: { node: Any }[] } }>(
              `query Q($first: Int) { tradingProjects(first: $first) { edges { node { ${level} } } } }`,
              { first },
              ADMIN_KEY,
            );
            expect(r.errors).toBeUndefined();
            const nodes = r.data!.tradingProjects.edges.map((e) => e.node);
            expect(nodes).toHaveLength(first);
            // Every level has rows to load, so no loader is skipped for want of parents.
            if (level.includes('bids'))
              expect(nodes.every((n) => n.sections.every((sec: Any) => sec.bids.length > 0))).toBe(true);
          });
          return sql.queries.length;
        };
        await count(LEVELS[0], 1);
        const two = [];
        const twenty = [];
        for (const level of LEVELS) {
          two.push(await count(level, 2));
          twenty.push(await count(level, 20));
        }
        expect(twenty).toEqual(two);
        // The page alone is one statement; each level adds exactly one batch.
        expect(two).toEqual([1, 2, 3, 4, 5]);
      } finally {
        await reader.stop();
      }
    });
  });

  describe('changes under a project', () => {
    // Runs last: it changes a bid and an announcement that earlier tests count.
    it('move the project in updatedSince and in the update order, as a change of the project would', async () => {
      const latest = async () => {
        const r = await page({ orderBy: 'UPDATED_AT', first: 500 });
        return r.data!.tradingProjects.edges.at(-1)!.node.code;
      };
      const [{ now }] = await t.hub.services.orm.em
        .fork()
        .execute<{ now: Date }[]>(
          'select to_char(now() at time zone \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\') as now',
        );
      await new Promise((r) => setTimeout(r, 5));
      expect(await filtered({ updatedSince: now })).toEqual([]);

      // A bid of a section of E1 changes: E1 is what changed since, and comes last in update order.
      const result = await push('pushBids', [{ ...BIDS[0], amount: '7880000.00' }]);
      expect(result.accepted).toBe(1);
      expect(await filtered({ updatedSince: now })).toEqual([E1.code]);
      expect(await latest()).toBe(E1.code);

      // Then an announcement of G2.
      expect(
        (await push('pushAnnouncements', [{ ...ANNOUNCEMENTS[3], title: `${ANNOUNCEMENTS[3].title}（更正）` }]))
          .accepted,
      ).toBe(1);
      expect((await filtered({ updatedSince: now })).sort(byText)).toEqual([E1.code, G2.code].sort(byText));
      expect(await latest()).toBe(G2.code);

      // Re-pushing the same content changes nothing, and moves nothing.
      const at = await t.gql<{ tradingProject: { updatedAt: string } }>(
        `{ tradingProject(code: "${G2.code}") { updatedAt } }`,
        undefined,
        key,
      );
      expect(
        (await push('pushAnnouncements', [{ ...ANNOUNCEMENTS[3], title: `${ANNOUNCEMENTS[3].title}（更正）` }]))
          .unchanged,
      ).toBe(1);
      const again = await t.gql<{ tradingProject: { updatedAt: string } }>(
        `{ tradingProject(code: "${G2.code}") { updatedAt } }`,
        undefined,
        key,
      );
      expect(again.data!.tradingProject.updatedAt).toBe(at.data!.tradingProject.updatedAt);
    });
  });
});
