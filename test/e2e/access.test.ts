import { graphql } from '../gql';
import { CHANGES, PUSH, entities } from '../setup/data';
import { JumpClock } from '../setup/clock';
import { ADMIN_KEY, collect, startTestHub, type TestHub } from '../setup/hub';

/** PUSH, with the owner a CONFLICT names. */
const PUSH_WITH_OWNER = graphql(`
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
`);

const OPS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  marketEntity: { query: '{ marketEntity(creditCode: "91420100MA4K000000") { name } }' },
  marketEntities: { query: '{ marketEntities(first: 1) { edges { node { creditCode } } } }' },
  sourceSystems: { query: '{ sourceSystems { code } }' },
  pushMarketEntities: { query: String(PUSH), variables: { records: [] } },
  registerSourceSystem: {
    query: 'mutation { registerSourceSystem(input: { code: "NEW-SYS", name: "n", kind: MARKET }) { apiKey } }',
  },
  principals: { query: '{ principals { name } }' },
  verifyChangeLog: { query: '{ verifyChangeLog { ok } }' },
};

type Who = 'anonymous' | 'admin' | 'system' | 'integrator' | 'consumer' | 'dashboard';

/** The authorisation matrix: which operations each kind of caller may use. */
const ALLOWED: Record<Who, string[]> = {
  anonymous: [],
  admin: Object.keys(OPS),
  system: ['marketEntity', 'marketEntities', 'sourceSystems', 'pushMarketEntities'],
  integrator: ['marketEntity', 'marketEntities', 'sourceSystems'],
  consumer: [],
  dashboard: ['sourceSystems'],
};

describe('access control with the product defaults (nothing public)', () => {
  let t: TestHub;
  const keys: Record<Who, string | undefined> = {
    anonymous: undefined,
    admin: ADMIN_KEY,
    system: '',
    integrator: '',
    consumer: '',
    dashboard: '',
  };

  async function client(name: string, roles: string[], extra = ''): Promise<string> {
    const r = await t.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "${name}", roles: [${roles.join(',')}] ${extra} }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.createClient.apiKey;
  }

  beforeAll(async () => {
    t = await startTestHub({ publicOperations: [] });
    keys.system = await t.system('ACCESS-SYS', '420100');
    keys.integrator = await client('integrator-1', ['INTEGRATOR']);
    keys.consumer = await client('national-platform', ['FEED_CONSUMER'], ', readTopics: [MARKET_ENTITY]');
    keys.dashboard = await client('dashboard-1', ['DASHBOARD']);
  });
  afterAll(() => t.stop());

  for (const who of Object.keys(ALLOWED) as Who[]) {
    for (const op of Object.keys(OPS)) {
      const allowed = ALLOWED[who].includes(op);
      it(`${allowed ? 'lets' : 'refuses'} ${who} ${allowed ? 'use' : ''} ${op}`, async () => {
        const r = await t.gql(OPS[op].query, OPS[op].variables, keys[who]);
        const code = r.errors?.[0]?.extensions?.code;
        if (allowed) {
          expect(code === undefined || code === 'CONFLICT').toBe(true); // a second registration of NEW-SYS conflicts, which is past authorisation
        } else {
          expect(code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      });
    }
  }

  it('still serves the schema and the health endpoints to anonymous callers', async () => {
    const r = await t.gql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(r.data?.__schema.queryType.name).toBe('Query');
    expect((await fetch(t.hub.url.replace('/graphql', '/healthz'))).status).toBe(200);
  });

  it('answers an unknown key with 401 and UNAUTHENTICATED, never as anonymous', async () => {
    const r = await t.gql('{ __typename }', undefined, 'hub_not-a-real-key');
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a feed consumer follow its granted topics and refuses the others', async () => {
    const pushed = await t.gql(
      PUSH,
      { records: entities(2, 0).map((e) => ({ ...e, regionCode: '420106' })) },
      keys.system,
    );
    expect(pushed.data?.pushMarketEntities.accepted).toBe(2);
    const events = await collect(t.ws(keys.consumer), CHANGES, { after: null }, 2);
    expect(events.every((e) => e.changes.topic === 'MARKET_ENTITY')).toBe(true);
    await expect(collect(t.ws(keys.consumer), CHANGES, { after: null, topics: ['ADMIN'] }, 1)).rejects.toThrow(
      /FORBIDDEN/,
    );
    await expect(collect(t.ws(keys.integrator), CHANGES, { after: null }, 1)).rejects.toThrow(/FORBIDDEN/);
  });

  it('closes a graphql-ws connection that presents an unknown key', async () => {
    await expect(collect(t.ws('hub_unknown'), CHANGES, { after: null }, 1)).rejects.toThrow(/4401|Unauthorized/);
  });

  it('records every operator action in the change log under topic ADMIN, without the keys themselves', async () => {
    const events = await collect(t.ws(), CHANGES, { after: null, topics: ['ADMIN'] }, 4);
    expect(events.map((e) => e.changes.data.action)).toEqual([
      'REGISTER_SOURCE_SYSTEM',
      'CREATE_CLIENT',
      'CREATE_CLIENT',
      'CREATE_CLIENT',
    ]);
    expect(events[1].changes.data.target).toBe('principal:integrator-1');
    const text = JSON.stringify(events);
    for (const k of Object.values(keys)) if (k && k !== ADMIN_KEY) expect(text).not.toContain(k);
  });
});

describe('write grants and ownership', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  it('refuses records outside the regions a system is granted, per record, and stores the rest', async () => {
    const wuhan = await t.system('WH-SYS', '420100');
    const inWuhan = { ...entities(1, 100)[0], regionCode: '420106' };
    const inYichang = { ...entities(1, 101)[0], regionCode: '420502' };
    const r = await t.gql(PUSH, { records: [inWuhan, inYichang] }, wuhan);
    const [ok, denied] = r.data!.pushMarketEntities.results;
    expect(ok.status).toBe('ACCEPTED');
    expect(denied).toMatchObject({ status: 'REJECTED', errors: [{ field: 'regionCode', code: 'FORBIDDEN' }] });
  });

  it('refuses a topic a system is not granted', async () => {
    const sys = await t.system('NO-TOPIC', '420000');
    await t.gql(
      `mutation { updateGrants(principal: "NO-TOPIC", input: { writeTopics: [] }) { name } }`,
      undefined,
      ADMIN_KEY,
    );
    const r = await t.gql(PUSH, { records: entities(1, 200) }, sys);
    expect(r.data!.pushMarketEntities.results[0]).toMatchObject({
      status: 'REJECTED',
      errors: [{ code: 'FORBIDDEN' }],
    });
  });

  it("refuses to let one system overwrite another's record, naming the owner, unless it is authoritative", async () => {
    const owner = await t.system('OWNER-SYS');
    const other = await t.system('OTHER-SYS');
    const record = entities(1, 300)[0];
    expect((await t.gql(PUSH, { records: [record] }, owner)).data!.pushMarketEntities.accepted).toBe(1);
    const changed = { ...record, address: '武汉市江汉区新华路1号' };
    const denied = (await t.gql(PUSH_WITH_OWNER, { records: [changed] }, other)).data!.pushMarketEntities.results[0];
    expect(denied).toMatchObject({ status: 'REJECTED', errors: [{ code: 'CONFLICT', owner: 'OWNER-SYS' }] });
    expect(denied.errors[0].message).toContain('OWNER-SYS');
    await t.gql(
      `mutation { updateGrants(principal: "OTHER-SYS", input: { authoritativeTopics: [MARKET_ENTITY] }) { name } }`,
      undefined,
      ADMIN_KEY,
    );
    const allowed = (await t.gql(PUSH, { records: [changed] }, other)).data!.pushMarketEntities.results[0];
    expect(allowed).toMatchObject({ status: 'ACCEPTED', version: 2 });
    // Ownership stays with the creator: the owner can still update its record.
    const again = (await t.gql(PUSH, { records: [{ ...changed, address: '武汉市江岸区' }] }, owner)).data!
      .pushMarketEntities.results[0];
    expect(again).toMatchObject({ status: 'ACCEPTED', version: 3 });
  });
});

describe('API keys', () => {
  let t: TestHub;
  // Expiry is judged by the hub's clock: the test moves it past a deadline instead of sleeping until it.
  const clock = new JumpClock();
  beforeAll(async () => {
    t = await startTestHub({}, undefined, { clock });
  });
  afterAll(() => t.stop());

  const ME = '{ marketEntities(first: 1) { edges { cursor } } }';

  async function keyId(key: string): Promise<number> {
    const rows = await t.hub.services.orm.em
      .fork()
      .execute<{ id: number }[]>('select id from api_key where prefix = ?', [key.slice(0, 12)]);
    return rows[0].id;
  }

  it('rotates a key: old and new both work during the grace period, then only the new one', async () => {
    const old = await t.system('ROTATE-SYS');
    const id = await keyId(old);
    const r = await t.gql<{ rotateApiKey: { apiKey: string; key: { rotatedFrom: number } } }>(
      `mutation { rotateApiKey(keyId: ${id}, graceSeconds: 3600) { apiKey key { rotatedFrom } } }`,
      undefined,
      ADMIN_KEY,
    );
    const fresh = r.data!.rotateApiKey.apiKey;
    expect(r.data!.rotateApiKey.key.rotatedFrom).toBe(id);
    expect((await t.gql(PUSH, { records: [] }, old)).errors).toBeUndefined();
    expect((await t.gql(PUSH, { records: [] }, fresh)).errors).toBeUndefined();
    await t.gql(
      `mutation { rotateApiKey(keyId: ${await keyId(fresh)}, graceSeconds: 0) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect((await t.gql(ME, undefined, fresh)).status).toBe(401);
  });

  it('refuses a revoked key at once and an expired key', async () => {
    const key = await t.system('REVOKE-SYS');
    const id = await keyId(key);
    expect(
      (await t.gql(`mutation { revokeApiKey(keyId: ${id}) { revokedAt } }`, undefined, ADMIN_KEY)).errors,
    ).toBeUndefined();
    expect((await t.gql(ME, undefined, key)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // A minute ahead: no machine is slow enough to reach it by itself before the jump.
    const soon = new Date(clock.now() + 60_000).toISOString();
    const issued = await t.gql<{ issueApiKey: { apiKey: string } }>(
      `mutation { issueApiKey(principal: "REVOKE-SYS", expiresAt: "${soon}") { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    const short = issued.data!.issueApiKey.apiKey;
    expect((await t.gql(ME, undefined, short)).status).toBe(200);
    clock.jump(60_200);
    expect((await t.gql(ME, undefined, short)).status).toBe(401);
  });

  it('records when a key was last used and lists keys by prefix only', async () => {
    const key = await t.system('USED-SYS');
    await t.gql(ME, undefined, key);
    const r = await t.gql<{ principals: { name: string; keys: { prefix: string; lastUsedAt: string | null }[] }[] }>(
      '{ principals { name keys { prefix lastUsedAt } } }',
      undefined,
      ADMIN_KEY,
    );
    const used = r.data!.principals.find((p) => p.name === 'USED-SYS')!;
    expect(used.keys[0].prefix).toBe(key.slice(0, 12));
    expect(used.keys[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(r.data)).not.toContain(key);
  });
});

describe('masking of personal data', () => {
  let t: TestHub;
  let plain: string;
  let revealed: string;
  const person = { legalRepresentativeIdNumber: '11010519491231002X', contactPhone: '13800138000' };

  beforeAll(async () => {
    t = await startTestHub();
    const sys = await t.system('MASK-SYS');
    const [e] = entities(1, 500);
    const r = await t.gql(PUSH, { records: [{ ...e, ...person }] }, sys);
    expect(r.data?.pushMarketEntities.accepted).toBe(1);
    const make = async (name: string, reveal: string) =>
      (
        await t.gql<{ createClient: { apiKey: string } }>(
          `mutation { createClient(input: { name: "${name}", roles: [INTEGRATOR, FEED_CONSUMER], readTopics: [MARKET_ENTITY], reveal: [${reveal}] }) { apiKey } }`,
          undefined,
          ADMIN_KEY,
        )
      ).data!.createClient.apiKey;
    plain = await make('plain-reader', '');
    revealed = await make('credit-hubei', 'PERSONAL_ID, PHONE');
  });
  afterAll(() => t.stop());

  const Q =
    '{ marketEntities(first: 1) { edges { node { legalRepresentativeIdNumber contactPhone history { data } } } } }';
  type Q = {
    marketEntities: {
      edges: {
        node: {
          legalRepresentativeIdNumber: string;
          contactPhone: string;
          history: { data: Record<string, string> }[];
        };
      }[];
    };
  };

  it('masks ID numbers and phones in query results and history unless the reader is granted them', async () => {
    const masked = (await t.gql<Q>(Q, undefined, plain)).data!.marketEntities.edges[0].node;
    expect(masked).toMatchObject({ legalRepresentativeIdNumber: '110105**********2X', contactPhone: '138****8000' });
    expect(masked.history[0].data).toMatchObject({
      legalRepresentativeIdNumber: '110105**********2X',
      contactPhone: '138****8000',
    });
    const shown = (await t.gql<Q>(Q, undefined, revealed)).data!.marketEntities.edges[0].node;
    expect(shown).toMatchObject(person);
    expect(shown.history[0].data).toMatchObject(person);
  });

  // Also guards the shared executions of src/server/shared-execution.ts: both subscribers ask the same
  // operation about the same event, and only their grants may tell their results apart.
  it('applies the same masking to change-feed payloads', async () => {
    const [m] = await collect(t.ws(plain), CHANGES, { after: null }, 1);
    expect(m.changes.data).toMatchObject({
      legalRepresentativeIdNumber: '110105**********2X',
      contactPhone: '138****8000',
    });
    const [r] = await collect(t.ws(revealed), CHANGES, { after: null }, 1);
    expect(r.changes.data).toMatchObject(person);
  });

  it('stores the data whole, so that granting a reader later reveals it', async () => {
    const rows = await t.hub.services.orm.em
      .fork()
      .execute<{ legal_representative_id_number: string }[]>(
        'select legal_representative_id_number from market_entity',
      );
    expect(rows[0].legal_representative_id_number).toBe(person.legalRepresentativeIdNumber);
  });
});
