import type { EntityManager } from '@mikro-orm/postgresql';
import { USCC_ALPHABET, withCheckChar } from '../common/credit-code';
import { chinaDateTime } from '../common/datetime';
import { withIdCheckChar } from '../common/id-number';
import { regions } from '../common/regions';
import type { ExpertPush } from '../credit';
import type { MarketEntityPush } from '../market';
import type { BidPush, EvaluationPush, ProjectPush, SectionPush } from '../trading';
import type { ProgressSink } from './progress';
import { prng } from './prng';

/*
 * The data generator of the seed: every record is a pure function of (seed,
 * index). Entity i, project i with its sections, and the bids of project i are
 * the same on every machine and whatever the batch size. Counts are exact:
 * project i has 1 + (i mod 3) sections and every section has exactly
 * `bidsPerSection` bids from distinct bidders.
 */

/** Options of {@link seedVolume}. */
export interface VolumeOptions {
  /** Trading projects to generate. */
  projects: number;
  /** Market entities (tenderers, agencies and bidders); default max(200, projects / 5). */
  entities?: number;
  /** Bids on every section; default 4, at most the number of bidders. */
  bidsPerSection?: number;
  /** Seed of the generator; the same seed gives the same data. Default 20260401. */
  seed?: number;
  /** Records per push, at most the hub's HUB_MAX_BATCH. Default 5000. */
  batchSize?: number;
  /** Where progress goes; default a bar on stderr. `null` for silence. */
  progress?: ProgressSink | null;
  /** Pushes in flight at once; default 2. */
  concurrency?: number;
}

/** The exact number of records a volume run stores (sections are counted apart from their projects). */
export interface VolumeCounts {
  entities: number;
  projects: number;
  sections: number;
  bids: number;
  /** entities + projects + sections + bids. */
  records: number;
}

const DEFAULT_SEED = 20260401;

/** Sections of project i. */
export const sectionsOf = (i: number): number => 1 + (i % 3);

/** The effective options: defaults filled in and bounds applied. */
export function volumeShape(
  o: VolumeOptions,
): Required<Pick<VolumeOptions, 'projects' | 'entities' | 'bidsPerSection' | 'seed' | 'batchSize' | 'concurrency'>> {
  const projects = Math.max(0, Math.floor(o.projects));
  const entities = Math.max(40, Math.floor(o.entities ?? Math.max(200, Math.ceil(projects / 5))));
  const bidders = entities - tenderersOf(entities) - agenciesOf(entities);
  const bidsPerSection = Math.min(bidders, Math.max(0, Math.floor(o.bidsPerSection ?? 4)));
  return {
    projects,
    entities,
    bidsPerSection,
    seed: o.seed ?? DEFAULT_SEED,
    batchSize: Math.max(1, Math.floor(o.batchSize ?? 5000)),
    concurrency: Math.max(1, Math.floor(o.concurrency ?? 2)),
  };
}

/** What a run of these options stores, exactly. */
export function volumeCounts(o: VolumeOptions): VolumeCounts {
  const s = volumeShape(o);
  // Σ_{i<P} (1 + i mod 3): full cycles of 1+2+3, then the remainder.
  const full = Math.floor(s.projects / 3);
  const rest = s.projects % 3;
  const sections = full * 6 + (rest >= 1 ? 1 : 0) + (rest >= 2 ? 2 : 0);
  const bids = sections * s.bidsPerSection;
  return {
    entities: s.entities,
    projects: s.projects,
    sections,
    bids,
    records: s.entities + s.projects + sections + bids,
  };
}

// ---------------------------------------------------------------- entities

/** One entity in eight is a tenderer (purchaser, transferor), one in eight an agency, the rest bidders. */
const tenderersOf = (m: number) => Math.ceil(m / 8);
const agenciesOf = (m: number) => Math.ceil((m - 1) / 8);
/** Entity indexes by role: tenderers 0, 8, 16...; agencies 1, 9, 17...; bidders the rest. */
const tendererIndex = (k: number) => k * 8;
const agencyIndex = (k: number) => k * 8 + 1;
function bidderIndex(k: number): number {
  // The k-th index whose remainder mod 8 is 2..7.
  return Math.floor(k / 6) * 8 + 2 + (k % 6);
}

const PLACE = [
  '楚天',
  '江汉',
  '荆楚',
  '长江',
  '汉江',
  '鄂东',
  '三峡',
  '神农',
  '黄鹤',
  '东湖',
  '光谷',
  '清江',
  '云梦',
  '赤壁',
  '隆中',
  '武当',
];
const TENDERER_KINDS = [
  '城市建设投资开发集团有限公司',
  '交通投资集团有限公司',
  '人民医院',
  '自然资源和规划局',
  '水利和湖泊局',
  '教育局',
  '国有资产经营有限公司',
  '林业局',
  '农业农村局',
  '生态环境局',
];
const BIDDER_TRADES = [
  { suffix: '建设工程有限公司', qual: ['建筑工程施工总承包', '市政公用工程施工总承包'] },
  { suffix: '路桥工程有限公司', qual: ['公路工程施工总承包'] },
  { suffix: '水利水电工程有限公司', qual: ['水利水电工程施工总承包'] },
  { suffix: '信息技术有限公司', qual: ['信息系统集成'] },
  { suffix: '医疗器械有限公司', qual: ['医疗器械经营许可'] },
  { suffix: '医药有限公司', qual: ['药品经营许可'] },
  { suffix: '置业有限公司', qual: ['房地产开发'] },
  { suffix: '矿业有限公司', qual: ['采矿许可'] },
  { suffix: '林业开发有限公司', qual: ['林木采伐许可'] },
  { suffix: '环保科技有限公司', qual: ['环境工程专项设计'] },
];
/**
 * A committee of five drawn from the (demo) province-wide expert pool: a chair, three experts and the tenderer's
 * representative.
 */
export function committeeOf(seed: number): EvaluationPush['committee'] {
  const person = (k: number) =>
    SURNAMES[(seed * 5 + k * 3) % SURNAMES.length] +
    GIVEN[(seed + k * 7) % GIVEN.length] +
    GIVEN[(seed * 3 + k) % GIVEN.length];
  return [0, 1, 2, 3, 4].map((k) => ({
    expertCode: k === 4 ? `REP-${seed}` : `EXP42${String((seed * 37 + k * 1009) % 100000).padStart(5, '0')}`,
    name: person(k),
    role: k === 0 ? 'CHAIR' : k === 4 ? 'TENDERER_REPRESENTATIVE' : 'MEMBER',
    organisation: k === 4 ? null : `${PLACE[(seed + k) % PLACE.length]}工程咨询研究院`,
  }));
}

/** Committee roles that sit as experts of the pool (the tenderer's representative is not one). */
const POOL_ROLES = new Set(['CHAIR', 'MEMBER']);

/**
 * The pool entries (全省一库) of the experts sitting on `committees`, once each,
 * ready for pushExperts: committees may only name experts of the pool, so the
 * pool's system pushes these first. Derived from the code, so the same expert
 * gets the same entry wherever it sits.
 */
export function poolExpertsOf(committees: readonly EvaluationPush['committee'][]): ExpertPush[] {
  const out = new Map<string, ExpertPush>();
  for (const committee of committees)
    for (const m of committee ?? []) {
      const code = m?.expertCode as string | undefined;
      if (!code || !POOL_ROLES.has(m?.role as string) || out.has(code)) continue;
      const n = [...code].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_000_007, 7);
      const birth = `19${60 + (n % 35)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
      out.set(code, {
        code,
        kind: n % 3 === 0 ? 'BOTH' : 'TENDERING',
        name: m?.name ?? code,
        idNumber: withIdCheckChar(`420102${birth}${String(n % 1000).padStart(3, '0')}`),
        specialties: ['A01'],
        regionCode: '420100',
      });
    }
  return [...out.values()];
}

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '华'];
const LEVELS = ['特级', '一级', '二级', '三级', null];

let regionCache: { counties: string[]; prefectures: string[] } | undefined;
export function regionPools(): { counties: string[]; prefectures: string[] } {
  if (regionCache) return regionCache;
  const current = [...regions().values()].filter((r) => r.current && r.level !== 'PROVINCE' && r.code !== '429000');
  regionCache = {
    counties: current
      .filter((r) => r.level === 'COUNTY')
      .map((r) => r.code)
      .sort(),
    prefectures: current
      .filter((r) => r.level === 'PREFECTURE')
      .map((r) => r.code)
      .sort(),
  };
  return regionCache;
}

export function prefectureName(code: string): string {
  const name = regions().get(code.slice(0, 4) + '00')?.name ?? regions().get(code)?.name ?? '湖北';
  return name.replace(/市$|土家族苗族自治州$|林区$/, '');
}

/**
 * Nine-character organisation code of generated entity i: a leading 8 (the demo's codes start with a letter), then i in
 * base 31.
 */
function orgCode(i: number): string {
  let s = '';
  for (let k = 0, v = i; k < 8; k++, v = Math.floor(v / 31)) s = USCC_ALPHABET[v % 31] + s;
  return `8${s}`;
}

/** The credit code of generated entity i (seed-independent, so projects can name it without generating it). */
export function volumeCreditCode(i: number, seed = DEFAULT_SEED): string {
  const region = pick(prng(mix(seed, 1, i)), regionPools().counties);
  // Tenderers are public institutions (registration authority 1, type 2: 事业单位); the others enterprises (91).
  return withCheckChar(`${i % 8 === 0 ? '12' : '91'}${region}${orgCode(i)}`);
}

/** A 32-bit seed mixed from the run's seed, a stream number and an index (splitmix-style). */
export function mix(seed: number, stream: number, i: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (i >>> 0), 0x85ebca6b) ^ Math.imul(Math.floor(i / 4294967296), 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}

export function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Market entity i of a run. */
export function volumeEntity(i: number, seed = DEFAULT_SEED): MarketEntityPush {
  const creditCode = volumeCreditCode(i, seed);
  const region = creditCode.slice(2, 8);
  const rnd = prng(mix(seed, 2, i));
  const place = prefectureName(region);
  const legal = pick(rnd, SURNAMES) + pick(rnd, GIVEN) + (rnd() < 0.5 ? pick(rnd, GIVEN) : '');
  const year = 1990 + Math.floor(rnd() * 33);
  const establishedOn = `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const address = `${regions().get(region)?.name ?? ''}${pick(rnd, PLACE)}路${1 + Math.floor(rnd() * 300)}号`;
  if (i % 8 === 0) {
    return {
      creditCode,
      name: `${place}市${pick(rnd, TENDERER_KINDS)}（V${i}）`,
      roles: ['TENDERER', 'PURCHASER', 'TRANSFEROR'],
      legalRepresentative: legal,
      regionCode: region,
      address,
      establishedOn,
      externalId: `VOL-E-${i}`,
    };
  }
  if (i % 8 === 1) {
    return {
      creditCode,
      name: `${place}${pick(rnd, PLACE)}工程咨询有限公司（V${i}）`,
      roles: ['AGENCY'],
      legalRepresentative: legal,
      registeredCapital: `${(1 + Math.floor(rnd() * 50)) * 100000}.00`,
      regionCode: region,
      address,
      establishedOn,
      qualifications: [
        {
          code: `VQ${i}-0`,
          name: '工程招标代理',
          level: null,
          validUntil: `${2027 + Math.floor(rnd() * 4)}-12-31`,
          issuer: '湖北省住房和城乡建设厅',
        },
      ],
      externalId: `VOL-E-${i}`,
    };
  }
  const trade = pick(rnd, BIDDER_TRADES);
  return {
    creditCode,
    name: `${place}${pick(rnd, PLACE)}${trade.suffix}（V${i}）`,
    roles: ['BIDDER', 'SUPPLIER'],
    legalRepresentative: legal,
    registeredCapital: `${(1 + Math.floor(rnd() * 500)) * 100000}.00`,
    regionCode: region,
    address,
    establishedOn,
    status: rnd() < 0.97 ? 'ACTIVE' : 'CANCELLED',
    qualifications: trade.qual.map((q, j) => ({
      code: `VQ${i}-${j}`,
      name: q,
      level: pick(rnd, LEVELS),
      validUntil: `${2026 + Math.floor(rnd() * 5)}-12-31`,
      issuer: '湖北省住房和城乡建设厅',
    })),
    externalId: `VOL-E-${i}`,
  };
}

// ---------------------------------------------------------------- catalog-aware projects

/** A sub-item of the catalog as the generator needs it. */
export interface SubItemInfo {
  code: string;
  categoryCode: string;
  name: string;
  detailsSchema: Record<string, unknown> | null;
}

/** The active sub-items of the catalog, in code order (one query). */
export async function loadSubItems(em: EntityManager): Promise<SubItemInfo[]> {
  const rows = await em.execute<
    { code: string; category_code: string; name: string; details_schema: Record<string, unknown> | null }[]
  >(
    `select s.code, s.category_code, s.name, s.details_schema from trading_sub_item s join trading_category c on c.code = s.category_code
     where s.retired_at is null and c.retired_at is null order by s.code`,
  );
  return rows.map((r) => ({
    code: r.code,
    categoryCode: r.category_code,
    name: r.name,
    detailsSchema: r.details_schema,
  }));
}

export const METHODS: Record<string, readonly string[]> = {
  ENGINEERING: ['OPEN_TENDER', 'OPEN_TENDER', 'OPEN_TENDER', 'INVITED_TENDER'],
  GOV_PROCUREMENT: [
    'OPEN_TENDER',
    'OPEN_TENDER',
    'COMPETITIVE_CONSULTATION',
    'COMPETITIVE_NEGOTIATION',
    'REQUEST_FOR_QUOTATION',
    'SINGLE_SOURCE',
  ],
  LAND_MINING: ['LISTING', 'LISTING', 'AUCTION'],
  STATE_PROPERTY: ['LISTING', 'AUCTION', 'AGREEMENT'],
  MEDICAL: ['OPEN_TENDER', 'COMPETITIVE_NEGOTIATION'],
};
export const DEFAULT_METHODS = ['LISTING', 'AUCTION', 'AGREEMENT'];

const WORKS = [
  '道路改造工程',
  '污水处理厂提标改造工程',
  '学校教学楼新建工程',
  '医院门诊楼建设项目',
  '河道综合治理工程',
  '保障性住房项目',
  '变电站配套工程',
  '桥梁维修加固工程',
];
const GOODS = [
  '办公设备采购项目',
  '医疗设备采购项目',
  '信息化平台建设项目',
  '物业管理服务项目',
  '校园安防系统采购项目',
  '公务用车采购项目',
];
const GP_CLASS: Record<string, readonly string[]> = {
  GP_GOODS: ['A02010104', 'A02021000', 'A03010100'],
  GP_WORKS: ['B01000000', 'B02000000'],
  GP_SERVICES: ['C16000000', 'C21040000'],
};
const MINERALS = ['磷矿', '石灰岩', '建筑用砂', '铁矿', '石墨', '萤石'];
const LAND_USES = ['住宅用地', '商服用地', '工业用地', '仓储用地'];

/** Details a sub-item's schema requires, and only then (see migrations/data/catalog-2020.ts). */
export function detailsFor(sub: SubItemInfo, rnd: () => number): Record<string, unknown> | undefined {
  const required = (sub.detailsSchema?.required as string[] | undefined) ?? [];
  if (!required.length) return undefined;
  const area = `${(1000 + Math.floor(rnd() * 200000)).toString()}.${pad(Math.floor(rnd() * 100))}`;
  const known: Record<string, () => unknown> = {
    classificationCode: () => pick(rnd, GP_CLASS[sub.code] ?? GP_CLASS.GP_GOODS),
    area: () => area,
    landUse: () => pick(rnd, LAND_USES),
    mineral: () => pick(rnd, MINERALS),
  };
  const props = (sub.detailsSchema?.properties ?? {}) as Record<string, { type?: string }>;
  const out: Record<string, unknown> = {};
  for (const name of required) {
    // An operator-added sub-item may require fields the generator does not know: a plausible value of the declared
    // type.
    const type = props[name]?.type;
    out[name] = known[name]?.() ?? (type === 'integer' || type === 'number' ? 1 : type === 'boolean' ? false : '1');
  }
  if (sub.code === 'LAND_USE_RIGHT') out.termYears = out.landUse === '住宅用地' ? 70 : 40;
  return out;
}

export function titleFor(sub: SubItemInfo, rnd: () => number): string {
  switch (sub.categoryCode) {
    case 'ENGINEERING':
      return pick(rnd, WORKS);
    case 'GOV_PROCUREMENT':
    case 'MEDICAL':
      return pick(rnd, GOODS);
    default:
      return `${sub.name}项目`;
  }
}

export const DAY = 86_400_000;
/** Generated projects are published between 2024-01-01 and 2026-06-30 (China time). */
const FIRST_DAY = Date.UTC(2024, 0, 1, 1, 0); // 09:00 in China
const SPAN_DAYS = 911;

export const isoChina = (ms: number) => chinaDateTime(new Date(ms));

/** The tenderer (and agency) of project i, by entity index. */
function projectParties(i: number, entities: number, rnd: () => number): { tenderer: number; agency: number | null } {
  const tenderer = tendererIndex(Math.floor(rnd() * tenderersOf(entities)));
  const agency = rnd() < 0.7 ? agencyIndex(Math.floor(rnd() * agenciesOf(entities))) : null;
  return { tenderer, agency: agency !== null && agency < entities ? agency : null };
}

/** The code of project i (and `${code}-S<k>` its sections). */
export const volumeProjectCode = (i: number, seed = DEFAULT_SEED) => `V${seed % 100000}-${String(i).padStart(7, '0')}`;

/** Project i of a run, with its sections, and the bids on them. */
export function volumeProject(
  i: number,
  o: VolumeOptions,
  catalog: readonly SubItemInfo[],
): { project: ProjectPush; bids: BidPush[] } {
  const s = volumeShape(o);
  const rnd = prng(mix(s.seed, 3, i));
  const sub = catalog[Math.floor(rnd() * catalog.length)];
  const region = pick(rnd, rnd() < 0.3 ? regionPools().prefectures : regionPools().counties);
  const parties = projectParties(i, s.entities, rnd);
  const methods = METHODS[sub.categoryCode] ?? DEFAULT_METHODS;
  const method = pick(rnd, methods);
  const published = FIRST_DAY + Math.floor(rnd() * SPAN_DAYS) * DAY;
  const deadline = published + (20 + Math.floor(rnd() * 21)) * DAY + 30 * 60_000;
  const budgetYuan = 50_000 + Math.floor(rnd() * rnd() * 50_000_000);
  const code = volumeProjectCode(i, s.seed);
  const n = sectionsOf(i);
  const sections: SectionPush[] = [];
  let left = budgetYuan;
  for (let k = 1; k <= n; k++) {
    const share = k === n ? left : Math.floor((budgetYuan / n) * (0.8 + rnd() * 0.4));
    left -= share;
    sections.push({
      code: `${code}-S${k}`,
      name: n === 1 ? '全部' : `${k}标段`,
      budget: `${share}.00`,
      openingAt: isoChina(deadline),
    });
  }
  const status =
    published < Date.UTC(2026, 3, 1)
      ? pick(rnd, ['AWARDED', 'AWARDED', 'CONTRACTED', 'EVALUATING', 'FAILED'])
      : 'TENDERING';
  const project: ProjectPush = {
    code,
    name: `${prefectureName(region)}${regions().get(region)?.level === 'COUNTY' ? regions().get(region)!.name : ''}${titleFor(sub, rnd)}（${pad(i % 100)}）`,
    subItemCode: sub.code,
    regionCode: region,
    tendererCreditCode: volumeCreditCode(parties.tenderer, s.seed),
    agencyCreditCode: parties.agency === null ? null : volumeCreditCode(parties.agency, s.seed),
    budget: `${budgetYuan}.00`,
    method,
    status,
    publishedAt: isoChina(published),
    bidDeadline: isoChina(deadline),
    details: detailsFor(sub, rnd),
    externalId: `VOL-P-${i}`,
    sections,
  };
  const bidders = s.entities - tenderersOf(s.entities) - agenciesOf(s.entities);
  const bids: BidPush[] = [];
  sections.forEach((sec, k) => {
    const start = Math.floor(rnd() * bidders);
    const budget = Number(sec.budget!.slice(0, -3));
    for (let j = 0; j < s.bidsPerSection; j++) {
      const bidder = bidderIndex((start + j) % bidders);
      const submitted = deadline - (1 + Math.floor(rnd() * 10 * 24)) * 3600_000;
      bids.push({
        sectionCode: sec.code,
        bidderCreditCode: volumeCreditCode(bidder, s.seed),
        amount: `${Math.floor(budget * (0.82 + rnd() * 0.18))}.00`,
        submittedAt: isoChina(submitted),
        caCertSerial: `HBCA${(mix(s.seed, 4, bidder) % 1e9).toString(16).toUpperCase().padStart(8, '0')}`,
        deviceFingerprint: `MAC-${(mix(s.seed, 5, i * 31 + k * 7 + j) % 0xffffff).toString(16).padStart(6, '0')}`,
        ipAddress: `10.${42 + (bidder % 8)}.${Math.floor(rnd() * 256)}.${1 + Math.floor(rnd() * 254)}`,
        documentHash: mix(s.seed, 6, i * 1009 + k * 101 + j)
          .toString(16)
          .padStart(8, '0')
          .repeat(8),
        bondAccount: `6222${String(mix(s.seed, 7, bidder) % 1e12).padStart(12, '0')}`,
        externalId: `VOL-B-${i}-${k}-${j}`,
      });
    }
  });
  return { project, bids };
}
