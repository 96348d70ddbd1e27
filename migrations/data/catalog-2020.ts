/**
 * The provincial trading catalog as first seeded (鄂政办函〔2020〕27号: 14
 * categories). The official list of the 27 sub-items is not in our sources;
 * these are sensible ones that operators edit through the admin API. Frozen:
 * later changes go through new migrations or the admin API, never here.
 */
export interface CatalogSeed {
  code: string;
  name: string;
  subItems: { code: string; name: string; detailsSchema?: Record<string, unknown> }[];
}

const area = { type: 'string', pattern: '^\\d+(\\.\\d+)?$', description: 'Area in square metres, a decimal string.' };

export const CATALOG_2020: CatalogSeed[] = [
  {
    code: 'ENGINEERING',
    name: '工程建设项目',
    subItems: [
      { code: 'ENG_HOUSING_MUNICIPAL', name: '房屋建筑和市政基础设施工程' },
      { code: 'ENG_TRANSPORT', name: '交通运输工程' },
      { code: 'ENG_WATER', name: '水利工程' },
      { code: 'ENG_ENERGY', name: '能源工程' },
      { code: 'ENG_OTHER', name: '其他工程建设项目' },
    ],
  },
  {
    code: 'GOV_PROCUREMENT',
    name: '政府采购',
    subItems: ['GOODS:货物类', 'WORKS:工程类', 'SERVICES:服务类'].map((s) => {
      const [code, name] = s.split(':');
      return {
        code: `GP_${code}`,
        name: `政府采购${name}`,
        detailsSchema: {
          type: 'object',
          properties: {
            classificationCode: { type: 'string', minLength: 1, description: '政府采购品目分类编码' },
            centralised: { type: 'boolean' },
          },
          required: ['classificationCode'],
        },
      };
    }),
  },
  {
    code: 'LAND_MINING',
    name: '土地使用权和矿业权出让',
    subItems: [
      {
        code: 'LAND_USE_RIGHT',
        name: '国有建设用地使用权出让',
        detailsSchema: {
          type: 'object',
          properties: {
            parcelCode: { type: 'string' },
            area,
            landUse: { type: 'string', minLength: 1 },
            plotRatio: { type: 'string' },
            termYears: { type: 'integer', minimum: 1, maximum: 70 },
          },
          required: ['area', 'landUse'],
        },
      },
      ...['EXPLORATION:探矿权出让', 'EXTRACTION:采矿权出让'].map((s) => {
        const [code, name] = s.split(':');
        return {
          code: `MINING_${code}`,
          name,
          detailsSchema: {
            type: 'object',
            properties: {
              mineral: { type: 'string', minLength: 1 },
              area,
              reserves: { type: 'string', description: 'Reserves with their unit, e.g. "120万吨".' },
            },
            required: ['mineral'],
          },
        };
      }),
    ],
  },
  {
    code: 'STATE_PROPERTY',
    name: '国有产（股）权',
    subItems: [
      { code: 'SOE_EQUITY_TRANSFER', name: '企业国有产权（股权）转让' },
      { code: 'SOE_ASSET_TRANSFER', name: '国有资产转让' },
      { code: 'SOE_ASSET_LEASE', name: '国有资产出租' },
    ],
  },
  {
    code: 'FOREST_RIGHTS',
    name: '林权',
    subItems: [
      {
        code: 'FOREST_RIGHT_TRANSFER',
        name: '林权流转',
        detailsSchema: { type: 'object', properties: { area, forestType: { type: 'string' } }, required: ['area'] },
      },
      { code: 'TIMBER_TRANSFER', name: '林木所有权转让' },
    ],
  },
  {
    code: 'RURAL_COLLECTIVE',
    name: '农村集体产权',
    subItems: [
      { code: 'RURAL_LAND_OPERATION', name: '农村土地经营权流转' },
      { code: 'RURAL_COLLECTIVE_ASSET', name: '农村集体资产交易' },
    ],
  },
  { code: 'FRANCHISE', name: '特许经营权', subItems: [{ code: 'FRANCHISE_RIGHT', name: '特许经营权出让' }] },
  { code: 'EMISSION', name: '排污权', subItems: [{ code: 'EMISSION_RIGHT', name: '排污权交易' }] },
  { code: 'CARBON', name: '碳排放权', subItems: [{ code: 'CARBON_QUOTA', name: '碳排放配额交易' }] },
  { code: 'ENERGY_USE', name: '用能权', subItems: [{ code: 'ENERGY_USE_RIGHT', name: '用能权交易' }] },
  { code: 'WATER_RIGHTS', name: '水权', subItems: [{ code: 'WATER_RIGHT', name: '水权交易' }] },
  {
    code: 'MEDICAL',
    name: '药品药械采购',
    subItems: [
      { code: 'DRUG_PROCUREMENT', name: '药品集中采购' },
      { code: 'MEDICAL_DEVICE_PROCUREMENT', name: '医用耗材和医疗器械采购' },
    ],
  },
  {
    code: 'FARMLAND_QUOTA',
    name: '耕地指标',
    subItems: [{ code: 'FARMLAND_BALANCE_QUOTA', name: '补充耕地指标交易' }],
  },
  {
    code: 'CONSTRUCTION_LAND_QUOTA',
    name: '建设用地指标',
    subItems: [{ code: 'CONSTRUCTION_LAND_QUOTA', name: '城乡建设用地增减挂钩节余指标交易' }],
  },
];
