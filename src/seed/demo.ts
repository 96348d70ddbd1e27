import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMIN, Role, type Principal } from '../auth/principal';
import { USCC_ALPHABET, withCheckChar } from '../common/credit-code';
import { regions } from '../common/regions';
import { EXPERT_TOPIC, creditFamily } from '../credit';
import { MARKET_ENTITY_TOPIC, marketFamily, type MarketEntityPush } from '../market';
import { SourceSystemRow, SourceSystemKind } from '../systems/source-system.entity';
import { prng } from './prng';
import { runPush } from '../ingest/pipeline';
import type { AnyPushDomain } from '../registry/family';
import {
  TRADING_TOPICS,
  TradingTopic,
  tradingFamily,
  type AnnouncementPush,
  type AwardPush,
  type BidOpeningPush,
  type ContractPush,
  type EvaluationPush,
} from '../trading';
import {
  DAY,
  DEFAULT_METHODS,
  METHODS,
  committeeOf,
  poolExpertsOf,
  detailsFor,
  isoChina,
  loadSubItems,
  mix,
  pad,
  pick,
  prefectureName,
  regionPools,
  titleFor,
  volumeEntity,
  volumeProject,
  type VolumeOptions,
} from './generator';
import { ensureSeedSystem, seedingPrincipal } from './volume';

/**
 * The pool experts that the procurement example's two committees name (examples/push-procurement.ts,
 * EXP4201<lot><k><nnn>): the demo pool holds them, so that the example runs against the demo hub as the README shows.
 */
const EXAMPLE_COMMITTEES = [0, 1].map((lot) =>
  ['李建国', '王海燕', '陈志强', '周敏'].map((name, k) => ({
    expertCode: `EXP4201${lot}${k}${String(17 + 3 * k).padStart(3, '0')}`,
    name,
    role: k === 0 ? 'CHAIR' : 'MEMBER',
  })),
) as unknown as EvaluationPush['committee'][];

export { prng } from './prng';

const DEMO_SYSTEMS = [
  { code: 'HB-GGZY', name: '湖北省公共资源交易电子服务系统', kind: SourceSystemKind.GOVERNMENT, regionCode: '420000' },
  { code: 'WH-GGZY', name: '武汉市公共资源交易平台', kind: SourceSystemKind.GOVERNMENT, regionCode: '420100' },
  { code: 'YC-GGZY', name: '宜昌市公共资源交易平台', kind: SourceSystemKind.GOVERNMENT, regionCode: '420500' },
  { code: 'XY-GGZY', name: '襄阳市公共资源交易平台', kind: SourceSystemKind.GOVERNMENT, regionCode: '420600' },
  {
    code: 'HB-EBID-MKT',
    name: '市场化电子招标采购交易平台（示例）',
    kind: SourceSystemKind.MARKET,
    regionCode: '420100',
  },
];

const CITY_WORDS = ['楚天', '江汉', '荆楚', '长江', '汉江', '鄂东', '三峡', '神农', '黄鹤', '东湖', '光谷', '清江'];
const TRADES = [
  { suffix: '建设工程有限公司', roles: ['BIDDER'], qual: ['建筑工程施工总承包', '市政公用工程施工总承包'] },
  { suffix: '工程咨询有限公司', roles: ['AGENCY'], qual: ['工程招标代理'] },
  { suffix: '医疗器械有限公司', roles: ['SUPPLIER', 'BIDDER'], qual: ['医疗器械经营许可'] },
  { suffix: '信息技术有限公司', roles: ['SUPPLIER', 'BIDDER'], qual: ['信息系统集成'] },
  { suffix: '交通建设集团有限公司', roles: ['BIDDER', 'TENDERER'], qual: ['公路工程施工总承包'] },
  { suffix: '水利水电工程有限公司', roles: ['BIDDER'], qual: ['水利水电工程施工总承包'] },
];
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇'];

/** Generates `count` plausible market entities with valid credit codes across Hubei's regions. */
export function demoEntities(count: number, seed = 42, offset = 0): MarketEntityPush[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const regionCodes = [...regions().values()]
    .filter((r) => r.current && r.level !== 'PROVINCE' && r.code !== '429000')
    .map((r) => r.code);
  const out: MarketEntityPush[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const region = pick(regionCodes);
    // Organisation code: 9 characters, unique per n, from the credit-code alphabet.
    let org = '';
    for (let k = 0, v = n; k < 9; k++, v = Math.floor(v / 31)) org = USCC_ALPHABET[v % 31] + org;
    org = USCC_ALPHABET[10 + (n % 20)] + org.slice(1);
    const trade = pick(TRADES);
    const prefecture = regions().get(region.slice(0, 4) + '00')?.name ?? regions().get(region)?.name ?? '湖北';
    const year = 1995 + Math.floor(rnd() * 28);
    out.push({
      creditCode: withCheckChar(`91${region}${org}`),
      name: `${prefecture.replace(/市$|土家族苗族自治州$/, '')}${pick(CITY_WORDS)}${trade.suffix}${n >= 1000 ? `（${n}）` : ''}`,
      roles: trade.roles,
      legalRepresentative: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : ''),
      registeredCapital: `${(1 + Math.floor(rnd() * 500)) * 100000}.00`,
      regionCode: region,
      address: `${regions().get(region)?.name ?? ''}${pick(CITY_WORDS)}路${1 + Math.floor(rnd() * 300)}号`,
      establishedOn: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      status: rnd() < 0.95 ? 'ACTIVE' : 'CANCELLED',
      qualifications: trade.qual.map((q, j) => ({
        code: `Q${String(n).padStart(6, '0')}${j}`,
        name: q,
        level: pick(['特级', '一级', '二级', '三级', null]),
        validUntil: `${2026 + Math.floor(rnd() * 5)}-12-31`,
        issuer: '湖北省住房和城乡建设厅',
      })),
      externalId: `DEMO-${n}`,
    });
  }
  return out;
}

/** The demo systems push as themselves, granted the whole province. */
function systemPrincipal(s: SourceSystemRow): Principal {
  return {
    id: `${s.code}/seed`,
    name: s.code,
    roles: new Set([Role.SOURCE_SYSTEM]),
    grants: {
      ...ADMIN.grants,
      writeTopics: new Set([MARKET_ENTITY_TOPIC, ...TRADING_TOPICS]),
      regions: ['420000'],
      categories: ['*'],
    },
    sourceSystem: { id: s.id, code: s.code, regionCode: s.regionCode },
  };
}

async function ensureSystems(em: EntityManager): Promise<SourceSystemRow[]> {
  const existing = await em.find(SourceSystemRow, { code: { $in: DEMO_SYSTEMS.map((s) => s.code) } });
  for (const d of DEMO_SYSTEMS) {
    if (!existing.some((e) => e.code === d.code))
      existing.push(em.create(SourceSystemRow, { ...d, createdAt: new Date() }));
  }
  await em.flush();
  return existing;
}

/**
 * Key of the transaction-scoped advisory lock under which a process decides
 * whether to seed (the change log's append lock, src/feed/append.ts, is 7_242_001).
 */
export const SEED_LOCK_KEY = 7_242_002;

/**
 * Loads the demo data: five connected systems, market entities and a spread
 * of trading projects over the catalog and the prefectures (src/seed/volume.ts), pushed
 * through the real pipeline (so they have change events and history). Without
 * `force` it does nothing unless the database has no source system yet.
 *
 * Hub processes started together on an empty database would all see it empty:
 * the emptiness check and the creation of the demo systems run in one
 * transaction under an advisory lock, so the first process to take it seeds
 * and every other one, checking again once the first has committed its
 * systems, finds the database taken and loads nothing.
 */
export async function seedDemoData(
  orm: MikroORM,
  options: { force: boolean; entities?: number },
): Promise<{ seeded: boolean; systems: number; entities: number; projects: number }> {
  const systems = await orm.em.fork().transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    // Read committed: this count, taken after the lock, sees the systems of a process that seeded meanwhile.
    if (!options.force && (await tx.count(SourceSystemRow, {})) > 0) return undefined;
    return ensureSystems(tx);
  });
  if (!systems) return { seeded: false, systems: 0, entities: 0, projects: 0 };
  const total = options.entities ?? 120;
  const BATCH = 5000;
  let entities = 0;
  for (let offset = 0; offset < total; offset += BATCH) {
    const batch = demoEntities(Math.min(BATCH, total - offset), 42 + offset, offset);
    const system = systems[(offset / BATCH) % systems.length];
    const r = await runPush(
      orm.em.fork(),
      systemPrincipal(system),
      await marketFamily.push[MARKET_ENTITY_TOPIC](),
      batch,
      { maxBatch: BATCH },
    );
    entities += r.accepted + r.unchanged;
  }
  const trading = await seedTradingDemo(orm);
  return { seeded: true, systems: systems.length, entities, projects: trading.projects };
}

// ---------------------------------------------------------------- the demo's trading projects

/** What {@link seedTradingDemo} stored (pushed records by kind). */
export interface TradingDemoResult {
  entities: number;
  projects: number;
  bids: number;
  openings: number;
  /** Experts of the pool, pushed before the committees that name them. */
  experts: number;
  evaluations: number;
  awards: number;
  contracts: number;
  announcements: number;
  rejected: number;
}

const DEMO_SEED = 2020027; // 鄂政办函〔2020〕27号
const DEMO_PROJECTS = 48;
const DEMO_ENTITIES = 64;

/**
 * The demo dataset's trading projects: four dozen projects spread over every
 * sub-item of the catalog and Hubei's prefectures, with sections and bids;
 * older ones carry their bid opening, evaluation, candidate publicity, award
 * and award notice, and most awarded sections a contract. Pushed through the
 * real pipeline as the provincial system, so they have change events and
 * history; idempotent (a second call stores nothing).
 */
export async function seedTradingDemo(orm: MikroORM): Promise<TradingDemoResult> {
  const em = orm.em.fork();
  const principal = seedingPrincipal(await ensureSeedSystem(em));
  const catalog = await loadSubItems(em);
  const prefectures = regionPools().prefectures;
  const o: VolumeOptions = { projects: DEMO_PROJECTS, entities: DEMO_ENTITIES, bidsPerSection: 3, seed: DEMO_SEED };
  const entities = Array.from({ length: DEMO_ENTITIES }, (_, i) => volumeEntity(i, DEMO_SEED));
  const generated = Array.from({ length: DEMO_PROJECTS }, (_, i) => {
    const g = volumeProject(i, o, catalog);
    // Spread over the catalog and the prefectures in turn, rather than at random, so that each shows up.
    const sub = catalog[i % catalog.length];
    const rnd = prng(mix(DEMO_SEED, 9, i));
    g.project.subItemCode = sub.code;
    g.project.details = detailsFor(sub, rnd) ?? null;
    g.project.method = pick(rnd, METHODS[sub.categoryCode] ?? DEFAULT_METHODS);
    g.project.regionCode = prefectures[i % prefectures.length];
    g.project.name = `${prefectureName(g.project.regionCode)}${titleFor(sub, rnd)}（演示${pad(i + 1)}）`;
    g.project.code = `DEMO-${sub.code.replace(/_/g, '-')}-${pad(i + 1, 3)}`;
    const sectionCodes = new Map<string, string>();
    for (const [k, s] of (g.project.sections ?? []).entries()) {
      const code = `${g.project.code}-S${k + 1}`;
      sectionCodes.set(s!.code!, code);
      s!.code = code;
    }
    for (const b of g.bids) b.sectionCode = sectionCodes.get(b.sectionCode as string)!;
    return g;
  });
  const out: TradingDemoResult = {
    entities: 0,
    projects: 0,
    bids: 0,
    openings: 0,
    experts: 0,
    evaluations: 0,
    awards: 0,
    contracts: 0,
    announcements: 0,
    rejected: 0,
  };
  /** Pushes the records through the push domain of `topic` (its family's, loaded on first use). */
  const push = async <In>(domain: Promise<AnyPushDomain>, records: In[]): Promise<number> => {
    if (!records.length) return 0;
    const r = await runPush(orm.em.fork(), principal, await domain, records, { maxBatch: 5000 });
    out.rejected += r.rejected;
    return r.accepted + r.unchanged;
  };
  out.entities = await push(marketFamily.push[MARKET_ENTITY_TOPIC](), entities);

  // The lifecycle, for projects whose bid deadline has passed (about three in four): the rest stay open.
  for (const [i, g] of generated.entries()) g.project.status = i % 4 === 3 ? 'TENDERING' : 'AWARDED';
  out.projects = await push(
    tradingFamily.push[TradingTopic.TRADING_PROJECT](),
    generated.map((g) => g.project),
  );
  out.bids = await push(
    tradingFamily.push[TradingTopic.BID](),
    generated.flatMap((g) => g.bids),
  );

  const openings: BidOpeningPush[] = [];
  const evaluations: EvaluationPush[] = [];
  const awards: AwardPush[] = [];
  const contracts: ContractPush[] = [];
  const announcements: AnnouncementPush[] = [];
  for (const [n, g] of generated.entries()) {
    const p = g.project;
    const published = Date.parse(p.publishedAt!);
    const deadline = Date.parse(p.bidDeadline!);
    announcements.push({
      code: `${p.code}-TN`,
      projectCode: p.code,
      type: 'TENDER_NOTICE',
      title: `${p.name}招标公告`,
      publishedAt: p.publishedAt,
      url: `https://ggzy.hubei.gov.cn/demo/${p.code}/tn.html`,
      sectionCodes: p.sections!.map((s) => s!.code!),
    });
    if (n % 4 === 3) continue;
    const awardedSections: string[] = [];
    for (const s of p.sections!) {
      const bids = g.bids.filter((b) => b.sectionCode === s!.code).sort((a, b) => Number(a.amount) - Number(b.amount));
      if (!bids.length) continue;
      openings.push({
        sectionCode: s!.code,
        openedAt: p.bidDeadline,
        bidderCount: bids.length,
        location: '开标室（一）',
      });
      evaluations.push({
        sectionCode: s!.code,
        startedAt: isoChina(deadline + DAY),
        reportedAt: isoChina(deadline + 2 * DAY),
        committee: committeeOf(n * 7 + awardedSections.length),
        candidates: bids.slice(0, 3).map((b, r) => ({
          rank: r + 1,
          bidderCreditCode: b.bidderCreditCode as string,
          score: `${(95 - r * 3.5).toFixed(2)}`,
          amount: b.amount as string,
        })),
      });
      awards.push({
        sectionCode: s!.code,
        winnerCreditCode: bids[0].bidderCreditCode,
        amount: bids[0].amount,
        awardedOn: isoChina(deadline + 8 * DAY).slice(0, 10),
      });
      awardedSections.push(s!.code!);
      if (n % 3 !== 2) {
        contracts.push({
          code: `${s!.code}-HT`,
          sectionCode: s!.code,
          amount: bids[0].amount,
          signedOn: isoChina(deadline + 20 * DAY).slice(0, 10),
          periodStart: isoChina(deadline + 30 * DAY).slice(0, 10),
          periodEnd: isoChina(deadline + 395 * DAY).slice(0, 10),
        });
      }
    }
    if (!awardedSections.length) continue;
    const publicityStart = isoChina(deadline + 3 * DAY);
    announcements.push({
      code: `${p.code}-CP`,
      projectCode: p.code,
      type: 'CANDIDATE_PUBLICITY',
      title: `${p.name}中标候选人公示`,
      publishedAt: publicityStart,
      periodStart: publicityStart.slice(0, 10),
      periodEnd: isoChina(deadline + 6 * DAY).slice(0, 10),
      sectionCodes: awardedSections,
    });
    const dealKind = p.method === 'OPEN_TENDER' || p.method === 'INVITED_TENDER' ? 'AWARD_NOTICE' : 'DEAL_NOTICE';
    announcements.push({
      code: `${p.code}-AN`,
      projectCode: p.code,
      type: dealKind,
      title: `${p.name}${dealKind === 'AWARD_NOTICE' ? '中标结果公告' : '成交公告'}`,
      publishedAt: isoChina(deadline + 8 * DAY),
      sectionCodes: awardedSections,
    });
    void published;
  }
  out.openings = await push(tradingFamily.push[TradingTopic.BID_OPENING](), openings);
  out.experts = await push(
    creditFamily.push[EXPERT_TOPIC](),
    poolExpertsOf([...evaluations.map((e) => e.committee), ...EXAMPLE_COMMITTEES]),
  );
  out.evaluations = await push(tradingFamily.push[TradingTopic.EVALUATION](), evaluations);
  out.awards = await push(tradingFamily.push[TradingTopic.AWARD](), awards);
  out.contracts = await push(tradingFamily.push[TradingTopic.CONTRACT](), contracts);
  out.announcements = await push(tradingFamily.push[TradingTopic.ANNOUNCEMENT](), announcements);
  return out;
}
