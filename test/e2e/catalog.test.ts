import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

describe('the trading catalog as data', () => {
  let t: TestHub;
  let key: string;
  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('CATALOG-SYS');
  });
  afterAll(() => t.stop());

  const CATALOG = '{ tradingCatalog { code name subItems { code name detailsSchema } } }';
  type Catalog = { tradingCatalog: { code: string; subItems: { code: string; detailsSchema: unknown }[] }[] };

  it('is seeded with the 14 categories and 27 sub-items of 2020', async () => {
    const c = (await t.gql<Catalog>(CATALOG, undefined, key)).data!.tradingCatalog;
    expect(c).toHaveLength(14);
    expect(c.flatMap((x) => x.subItems)).toHaveLength(27);
    expect(c[0].code).toBe('ENGINEERING');
  });

  it('widens with a new category and sub-item with a details schema, and projects use it at once', async () => {
    const add = await t.gql(
      `mutation { upsertCatalogCategory(input: { code: "ECOLOGICAL_VALUE", name: "生态价值供应" })
        upsertCatalogSubItem(input: { code: "GREENING_INCREMENT", categoryCode: "ECOLOGICAL_VALUE", name: "绿化增量交易",
          detailsSchema: { type: "object", properties: { area: { type: "string" } }, required: ["area"] } }) }`,
      undefined,
      ADMIN_KEY,
    );
    expect(add.errors).toBeUndefined();
    const p = await parties(t, key, 1, 8100);
    const bad = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('ECO-1', p, { subItemCode: 'GREENING_INCREMENT', method: 'LISTING', sections: [] })]);
    expect(bad.results[0].errors).toEqual([expect.objectContaining({ field: 'details.area' })]);
    const good = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('ECO-1', p, { subItemCode: 'GREENING_INCREMENT', method: 'LISTING', sections: [], details: { area: '300.5' } })]);
    expect(good.results[0].status).toBe('ACCEPTED');
  });

  it('retires a sub-item: no new projects, old ones kept, and it is gone from the default listing', async () => {
    expect((await t.gql('mutation { retireCatalogSubItem(code: "GREENING_INCREMENT") }', undefined, ADMIN_KEY)).errors).toBeUndefined();
    const p = await parties(t, key, 1, 8200);
    const r = await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('ECO-2', p, { subItemCode: 'GREENING_INCREMENT', method: 'LISTING', sections: [], details: { area: '1' } })]);
    expect(r.results[0].errors).toEqual([expect.objectContaining({ field: 'subItemCode', code: 'NOT_FOUND' })]);
    const c = (await t.gql<Catalog>(CATALOG, undefined, key)).data!.tradingCatalog;
    expect(c.find((x) => x.code === 'ECOLOGICAL_VALUE')?.subItems).toEqual([]);
    expect((await t.gql<{ tradingProject: { code: string } }>('{ tradingProject(code: "ECO-1") { code } }', undefined, key)).data?.tradingProject.code).toBe('ECO-1');
  });

  it('refuses an invalid JSON Schema and non-operators', async () => {
    const bad = await t.gql('mutation { upsertCatalogSubItem(input: { code: "X_BAD", categoryCode: "CARBON", name: "x", detailsSchema: { type: "nonsense" } }) }', undefined, ADMIN_KEY);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.detailsSchema' });
    const denied = await t.gql('mutation { retireCatalogCategory(code: "CARBON") }', undefined, key);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
