import { graphql } from '../gql';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

const CATALOG = graphql(`
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
`);
const CATALOG_ALL = graphql(`
  query CatalogWithRetired {
    tradingCatalog(includeRetired: true) {
      code
      retiredAt
      subItems {
        code
      }
    }
  }
`);
const ADD_ECOLOGICAL = graphql(`
  mutation CatalogAddEcological {
    upsertCatalogCategory(input: { code: "ECOLOGICAL_VALUE", name: "生态价值供应" })
    upsertCatalogSubItem(
      input: {
        code: "GREENING_INCREMENT"
        categoryCode: "ECOLOGICAL_VALUE"
        name: "绿化增量交易"
        detailsSchema: { type: "object", properties: { area: { type: "string" } }, required: ["area"] }
      }
    )
  }
`);
const ADD_DATA_ELEMENTS = graphql(`
  mutation CatalogAddDataElements {
    upsertCatalogCategory(input: { code: "DATA_ELEMENTS", name: "数据要素" })
    a: upsertCatalogSubItem(input: { code: "DATA_PRODUCT", categoryCode: "DATA_ELEMENTS", name: "数据产品交易" })
    b: upsertCatalogSubItem(input: { code: "DATA_SERVICE", categoryCode: "DATA_ELEMENTS", name: "数据服务交易" })
  }
`);
const UPSERT_SUB_ITEM = graphql(`
  mutation CatalogUpsertSubItem($input: CatalogSubItemInput!) {
    upsertCatalogSubItem(input: $input)
  }
`);
const RETIRE_SUB_ITEM = graphql(`
  mutation CatalogRetireSubItem($code: String!) {
    retireCatalogSubItem(code: $code)
  }
`);
const RETIRE_CATEGORY = graphql(`
  mutation CatalogRetireCategory($code: String!) {
    retireCatalogCategory(code: $code)
  }
`);
const PROJECT_CODE = graphql(`
  query CatalogProjectCode($code: String!) {
    tradingProject(code: $code) {
      code
    }
  }
`);
const PROJECT_PLACE = graphql(`
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
`);
const PROJECT_DETAILS = graphql(`
  query CatalogProjectDetails($code: String!) {
    tradingProject(code: $code) {
      details
      category {
        code
      }
    }
  }
`);
const PROJECTS_IN = graphql(`
  query CatalogProjectsIn($category: String!) {
    tradingProjects(first: 10, filter: { categoryCode: $category }) {
      edges {
        node {
          code
        }
      }
    }
  }
`);

describe('the trading catalog as data', () => {
  let t: TestHub;
  let key: string;
  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('CATALOG-SYS');
  });
  afterAll(() => t.stop());

  it('is seeded with the 14 categories and 27 sub-items of 2020', async () => {
    const c = (await t.gql(CATALOG, undefined, key)).data!.tradingCatalog;
    expect(c).toHaveLength(14);
    expect(c.flatMap((x) => x.subItems)).toHaveLength(27);
    expect(c[0].code).toBe('ENGINEERING');
  });

  it('widens with a new category and sub-item with a details schema, and projects use it at once', async () => {
    const add = await t.gql(ADD_ECOLOGICAL, undefined, ADMIN_KEY);
    expect(add.errors).toBeUndefined();
    const p = await parties(t, key, 1, 8100);
    const bad = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      project('ECO-1', p, { subItemCode: 'GREENING_INCREMENT', method: 'LISTING', sections: [] }),
    ]);
    expect(bad.results[0].errors).toEqual([expect.objectContaining({ field: 'details.area' })]);
    const good = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      project('ECO-1', p, {
        subItemCode: 'GREENING_INCREMENT',
        method: 'LISTING',
        sections: [],
        details: { area: '300.5' },
      }),
    ]);
    expect(good.results[0].status).toBe('ACCEPTED');
  });

  it('retires a sub-item: no new projects, old ones kept, and it is gone from the default listing', async () => {
    expect((await t.gql(RETIRE_SUB_ITEM, { code: 'GREENING_INCREMENT' }, ADMIN_KEY)).errors).toBeUndefined();
    const p = await parties(t, key, 1, 8200);
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      project('ECO-2', p, {
        subItemCode: 'GREENING_INCREMENT',
        method: 'LISTING',
        sections: [],
        details: { area: '1' },
      }),
    ]);
    expect(r.results[0].errors).toEqual([expect.objectContaining({ field: 'subItemCode', code: 'NOT_FOUND' })]);
    const c = (await t.gql(CATALOG, undefined, key)).data!.tradingCatalog;
    expect(c.find((x) => x.code === 'ECOLOGICAL_VALUE')?.subItems).toEqual([]);
    expect((await t.gql(PROJECT_CODE, { code: 'ECO-1' }, key)).data?.tradingProject?.code).toBe('ECO-1');
  });

  it('refuses an invalid JSON Schema and non-operators', async () => {
    const bad = await t.gql(
      UPSERT_SUB_ITEM,
      { input: { code: 'X_BAD', categoryCode: 'CARBON', name: 'x', detailsSchema: { type: 'nonsense' } } },
      ADMIN_KEY,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.detailsSchema' });
    const denied = await t.gql(RETIRE_CATEGORY, { code: 'CARBON' }, key);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('retires a category: no new projects under any of its sub-items, its projects stay readable, listed only with includeRetired', async () => {
    const add = await t.gql(ADD_DATA_ELEMENTS, undefined, ADMIN_KEY);
    expect(add.errors).toBeUndefined();
    const p = await parties(t, key, 1, 8300);
    const data = (code: string, subItemCode: string) =>
      project(code, p, { subItemCode, method: 'LISTING', sections: [] });
    expect(
      (await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [data('DATA-1', 'DATA_PRODUCT')])).accepted,
    ).toBe(1);

    expect((await t.gql(RETIRE_CATEGORY, { code: 'DATA_ELEMENTS' }, ADMIN_KEY)).errors).toBeUndefined();
    // Both sub-items are closed with the category, though neither was retired itself; other categories are not.
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      data('DATA-2', 'DATA_PRODUCT'),
      data('DATA-3', 'DATA_SERVICE'),
      project('ENG-OPEN', p),
    ]);
    expect(r.results.map((x) => x.status)).toEqual(['REJECTED', 'REJECTED', 'ACCEPTED']);
    for (const x of r.results.slice(0, 2)) {
      expect(x.errors).toEqual([
        expect.objectContaining({
          field: 'subItemCode',
          code: 'NOT_FOUND',
          message: expect.stringContaining('is retired from the trading catalog'),
        }),
      ]);
    }
    const sql = t.hub.services.orm.em.fork();
    expect(await sql.execute(`select code from trading_project where code like 'DATA-%' order by code`)).toEqual([
      { code: 'DATA-1' },
    ]);

    // A project already under the retired category carries on with its lifecycle there, but cannot be moved into it.
    const onward = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
      { ...data('DATA-1', 'DATA_PRODUCT'), status: 'AWARDED' },
      { ...project('ENG-OPEN', p), subItemCode: 'DATA_SERVICE', method: 'LISTING', sections: [] },
    ]);
    expect(onward.results.map((x) => [x.status, x.version])).toEqual([
      ['ACCEPTED', 2],
      ['REJECTED', null],
    ]);
    expect(onward.results[1].errors).toEqual([expect.objectContaining({ field: 'subItemCode', code: 'NOT_FOUND' })]);

    const old = await t.gql(PROJECT_PLACE, { code: 'DATA-1' }, key);
    expect(old.data?.tradingProject).toEqual({
      code: 'DATA-1',
      category: { code: 'DATA_ELEMENTS' },
      subItem: { code: 'DATA_PRODUCT' },
    });
    const listed = await t.gql(PROJECTS_IN, { category: 'DATA_ELEMENTS' }, key);
    expect(listed.data?.tradingProjects.edges.map((e) => e.node.code)).toEqual(['DATA-1']);

    const current = (await t.gql(CATALOG, undefined, key)).data!.tradingCatalog;
    expect(current.map((c) => c.code)).not.toContain('DATA_ELEMENTS');
    const all = await t.gql(CATALOG_ALL, undefined, key);
    const retired = all.data!.tradingCatalog.find((c) => c.code === 'DATA_ELEMENTS');
    expect(retired?.retiredAt).toMatch(/Z$/);
    expect(retired?.subItems.map((s) => s.code).sort()).toEqual(['DATA_PRODUCT', 'DATA_SERVICE']);
  });

  describe('the seeded mining-rights sub-items and their details schema', () => {
    let p: Awaited<ReturnType<typeof parties>>;
    beforeAll(async () => {
      p = await parties(t, key, 1, 8400);
    });
    const mining = (code: string, details: unknown, subItemCode = 'MINING_EXTRACTION') =>
      project(code, p, { subItemCode, method: 'LISTING', sections: [], details });

    it('publishes the schema: mineral required, area a decimal string, reserves with their unit', async () => {
      const c = (await t.gql(CATALOG, undefined, key)).data!.tradingCatalog;
      const subItems = c.find((x) => x.code === 'LAND_MINING')!.subItems;
      for (const code of ['MINING_EXPLORATION', 'MINING_EXTRACTION']) {
        expect(subItems.find((s) => s.code === code)?.detailsSchema).toMatchObject({
          type: 'object',
          required: ['mineral'],
          properties: {
            mineral: { type: 'string', minLength: 1 },
            area: { type: 'string', pattern: expect.any(String) },
            reserves: { type: 'string' },
          },
        });
      }
    });

    it('accepts a mining-right project with good details, and stores them as pushed', async () => {
      const details = { mineral: '磷矿', area: '125000.5', reserves: '120万吨' };
      const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [
        mining('MINE-1', details),
        mining('MINE-2', { mineral: '石墨' }, 'MINING_EXPLORATION'),
      ]);
      expect(r.results.map((x) => [x.status, x.errors])).toEqual([
        ['ACCEPTED', []],
        ['ACCEPTED', []],
      ]);
      const read = await t.gql(PROJECT_DETAILS, { code: 'MINE-1' }, key);
      expect(read.data?.tradingProject).toEqual({ details, category: { code: 'LAND_MINING' } });
    });

    it.each([
      ['no mineral', { area: '100', reserves: '5万吨' }, ['details.mineral']],
      ['an empty mineral', { mineral: '' }, ['details.mineral']],
      [
        'reserves as a number and area with a unit',
        { mineral: '铁矿', area: '12.5公顷', reserves: 120 },
        ['details.area', 'details.reserves'],
      ],
      ['area as a number', { mineral: '铁矿', area: 12.5 }, ['details.area']],
      ['no details at all', null, ['details.mineral']],
    ])('rejects mining-right details with %s, at the fields inside details', async (_what, details, fields) => {
      const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [mining('MINE-BAD', details)]);
      expect(r.results[0].status).toBe('REJECTED');
      expect(r.results[0].errors.map((e) => e.field).sort()).toEqual(fields);
      expect(r.results[0].errors.every((e) => e.code === 'BAD_USER_INPUT')).toBe(true);
      expect(
        await t.hub.services.orm.em.fork().execute(`select 1 from trading_project where code = 'MINE-BAD'`),
      ).toEqual([]);
    });
  });
});
