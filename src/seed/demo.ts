import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMIN, Role, type Principal } from '../auth/principal';
import { ChangeTopic, TRADING_TOPICS } from '../feed/topics';
import { USCC_ALPHABET, withCheckChar } from '../common/credit-code';
import { regions } from '../common/regions';
import { pushMarketEntities } from '../market/market-entity.service';
import type { MarketEntityPush } from '../market/market-entity.rules';
import { SourceSystem, SourceSystemKind } from '../systems/source-system.entity';
import { prng } from './prng';
import { seedTradingDemo } from './volume';

export { prng } from './prng';

const DEMO_SYSTEMS = [
  { code: 'HB-GGZY', name: '湖北省公共资源交易电子服务系统', kind: SourceSystemKind.GOVERNMENT, regionCode: '420000' },
  { code: 'WH-GGZY', name: '武汉市公共资源交易平台', kind: SourceSystemKind.GOVERNMENT, regionCode: '420100' },
  { code: 'YC-GGZY', name: '宜昌市公共资源交易平台', kind: SourceSystemKind.GOVERNMENT, regionCode: '420500' },
  { code: 'XY-GGZY', name: '襄阳市公共资源交易平台', kind: SourceSystemKind.GOVERNMENT, regionCode: '420600' },
  { code: 'HB-EBID-MKT', name: '市场化电子招标采购交易平台（示例）', kind: SourceSystemKind.MARKET, regionCode: '420100' },
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
  const regionCodes = [...regions().values()].filter((r) => r.current && r.level !== 'PROVINCE' && r.code !== '429000').map((r) => r.code);
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
function systemPrincipal(s: SourceSystem): Principal {
  return {
    id: `${s.code}/seed`,
    name: s.code,
    roles: new Set([Role.SOURCE_SYSTEM]),
    grants: { ...ADMIN.grants, writeTopics: new Set([ChangeTopic.MARKET_ENTITY, ...TRADING_TOPICS]), regions: ['420000'], categories: ['*'] },
    sourceSystem: { id: s.id, code: s.code, regionCode: s.regionCode },
  };
}

async function ensureSystems(em: EntityManager): Promise<SourceSystem[]> {
  const existing = await em.find(SourceSystem, { code: { $in: DEMO_SYSTEMS.map((s) => s.code) } });
  for (const d of DEMO_SYSTEMS) {
    if (!existing.some((e) => e.code === d.code)) existing.push(em.create(SourceSystem, { ...d, createdAt: new Date() }));
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
    if (!options.force && (await tx.count(SourceSystem, {})) > 0) return undefined;
    return ensureSystems(tx);
  });
  if (!systems) return { seeded: false, systems: 0, entities: 0, projects: 0 };
  const total = options.entities ?? 120;
  const BATCH = 5000;
  let entities = 0;
  for (let offset = 0; offset < total; offset += BATCH) {
    const batch = demoEntities(Math.min(BATCH, total - offset), 42 + offset, offset);
    const system = systems[(offset / BATCH) % systems.length];
    const r = await pushMarketEntities(orm.em.fork(), systemPrincipal(system), batch, { maxBatch: BATCH });
    entities += r.accepted + r.unchanged;
  }
  const trading = await seedTradingDemo(orm);
  return { seeded: true, systems: systems.length, entities, projects: trading.projects };
}
