import { resolve } from 'node:path';
import { buildHubSchema } from '../../resolvers/app/schema';
import { checkPublicOperations, ConfigError, loadConfig, urlHost, type HubConfig } from '../../src/config';
import { thresholdsOf } from '../../src/supervision/collusion.derive';
import { DEFAULT_COLLUSION_THRESHOLDS } from '../../src/supervision/collusion.rules';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has documented defaults for everything', () => {
    expect(loadConfig({})).toEqual<HubConfig>({
      ocdsPrefix: 'ocds-hubei00',
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: resolve('.data'),
      embeddedPgPort: 54329,
      seed: true,
      adminKey: undefined,
      logLevel: 'info',
      // Readable lines when stdout is a terminal, JSON otherwise.
      logPretty: process.stdout.isTTY === true,
      maxBatch: 5000,
      maxPage: 500,
      bodyLimit: '32mb',
      feedPollMs: 2000,
      keyCacheSeconds: 10,
      compiledReads: true,
      leanReads: true,
      preparedStatements: true,
      feedBuffer: 10000,
      dbPool: 10,
      pushConcurrency: 0,
      consumerLeaseSeconds: 15,
      consumerWindow: 2000,
      publicOperations: [],
      limits: { depth: 10, aliases: 15, directives: 10, rootFields: 10, cost: 50000 },
      maxSubscriptions: 10,
      rateLimit: 100,
      rateBurst: 200,
      ide: true,
      corsOrigins: [],
      metrics: 'key',
      collusion: {
        enabled: true,
        windowDays: 365,
        progressionPpm: 1000,
        clusterBandPpm: 10_000,
        nearBudgetPpm: 5000,
        rotationMinMeetings: 3,
        coverMinLosses: 3,
      },
      disclosure: { publicityDays: 3, contractDays: 2, timelyHours: 24 },
    });
  });

  it('does not read process.env when given an environment', () => {
    const saved = process.env.PORT;
    process.env.PORT = '1234';
    try {
      expect(loadConfig({}).port).toBe(4000);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u:p@db:5432/hub',
        HUB_DATA_DIR: '/var/lib/hub',
        HUB_PG_PORT: '6000',
        HUB_SEED: 'no',
        HUB_ADMIN_KEY: 'a-long-enough-admin-key',
        LOG_LEVEL: 'debug',
        HUB_MAX_BATCH: '100',
        HUB_MAX_PAGE: '20',
        HUB_BODY_LIMIT: '512kb',
        HUB_FEED_POLL_MS: '250',
        HUB_KEY_CACHE_SECONDS: '0',
        HUB_COMPILED_READS: 'false',
        HUB_LEAN_READS: 'false',
        HUB_PREPARED_STATEMENTS: 'false',
        HUB_FEED_BUFFER: '50',
        HUB_DB_POOL: '4',
        HUB_PUSH_CONCURRENCY: '3',
        HUB_CONSUMER_LEASE_SECONDS: '3',
        HUB_CONSUMER_WINDOW: '100',
        HUB_PUBLIC_OPERATIONS: ' marketEntity, ,marketEntities ',
        HUB_MAX_DEPTH: '5',
        HUB_MAX_ALIASES: '0',
        HUB_MAX_DIRECTIVES: '1',
        HUB_MAX_ROOT_FIELDS: '2',
        HUB_MAX_COST: '1000',
        HUB_MAX_SUBSCRIPTIONS: '3',
        HUB_RATE_LIMIT: '7',
        HUB_RATE_BURST: '9',
        HUB_OCDS_PREFIX: 'ocds-abc123',
        HUB_IDE: 'false',
        HUB_CORS_ORIGINS: 'https://wall.example.org, http://127.0.0.1:8080',
        HUB_METRICS: 'open',
        HUB_LOG_PRETTY: 'true',
        HUB_COLLUSION_RULES: 'off',
        HUB_COLLUSION_WINDOW_DAYS: '90',
        HUB_COLLUSION_PROGRESSION_PERCENT: '0.25',
        HUB_COLLUSION_CLUSTER_PERCENT: '2',
        HUB_COLLUSION_NEAR_BUDGET_PERCENT: '0.0125',
        HUB_COLLUSION_ROTATION_MIN_MEETINGS: '4',
        HUB_COLLUSION_COVER_MIN_LOSSES: '5',
        HUB_DISCLOSURE_PUBLICITY_DAYS: '5',
        HUB_DISCLOSURE_CONTRACT_DAYS: '7',
        HUB_DISCLOSURE_TIMELY_HOURS: '48',
      }),
    ).toEqual<HubConfig>({
      ocdsPrefix: 'ocds-abc123',
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/hub',
      dataDir: '/var/lib/hub',
      embeddedPgPort: 6000,
      seed: false,
      adminKey: 'a-long-enough-admin-key',
      logLevel: 'debug',
      logPretty: true,
      maxBatch: 100,
      maxPage: 20,
      bodyLimit: '512kb',
      feedPollMs: 250,
      keyCacheSeconds: 0,
      compiledReads: false,
      leanReads: false,
      preparedStatements: false,
      feedBuffer: 50,
      dbPool: 4,
      pushConcurrency: 3,
      consumerLeaseSeconds: 3,
      consumerWindow: 100,
      publicOperations: ['marketEntity', 'marketEntities'],
      limits: { depth: 5, aliases: 0, directives: 1, rootFields: 2, cost: 1000 },
      maxSubscriptions: 3,
      rateLimit: 7,
      rateBurst: 9,
      ide: false,
      corsOrigins: ['https://wall.example.org', 'http://127.0.0.1:8080'],
      metrics: 'open',
      collusion: {
        enabled: false,
        windowDays: 90,
        progressionPpm: 2500,
        clusterBandPpm: 20_000,
        nearBudgetPpm: 125,
        rotationMinMeetings: 4,
        coverMinLosses: 5,
      },
      disclosure: { publicityDays: 5, contractDays: 7, timelyHours: 48 },
    });
  });

  it('refuses CORS origins that are not origins and an unknown HUB_METRICS', () => {
    expect(
      problemsOf({
        HUB_CORS_ORIGINS: 'https://ok.example.org,https://a.example.org/path,*,ftp://x',
        HUB_METRICS: 'yes',
      }),
    ).toEqual([
      expect.stringContaining('HUB_CORS_ORIGINS: "https://a.example.org/path" is not an origin'),
      expect.stringContaining('HUB_CORS_ORIGINS: "*" is not an origin'),
      expect.stringContaining('HUB_CORS_ORIGINS: "ftp://x" is not an origin'),
      'HUB_METRICS="yes" must be off, open or key',
    ]);
  });

  it('refuses collusion thresholds out of range or not percentages, naming each variable', () => {
    expect(
      problemsOf({
        HUB_COLLUSION_PROGRESSION_PERCENT: '0',
        HUB_COLLUSION_CLUSTER_PERCENT: '51',
        HUB_COLLUSION_NEAR_BUDGET_PERCENT: '0.5%',
        HUB_COLLUSION_ROTATION_MIN_MEETINGS: '1',
        HUB_COLLUSION_COVER_MIN_LOSSES: '2.5',
      }),
    ).toEqual([
      expect.stringMatching(/^HUB_COLLUSION_PROGRESSION_PERCENT="0" must be a percentage above 0 and at most 10/),
      expect.stringMatching(/^HUB_COLLUSION_CLUSTER_PERCENT="51" must be a percentage above 0 and at most 50/),
      expect.stringMatching(/^HUB_COLLUSION_NEAR_BUDGET_PERCENT="0.5%" must be a percentage/),
      'HUB_COLLUSION_ROTATION_MIN_MEETINGS="1" must be a whole number from 2 to 100',
      'HUB_COLLUSION_COVER_MIN_LOSSES="2.5" must be a whole number from 2 to 100',
    ]);
    expect(problemsOf({ HUB_COLLUSION_PROGRESSION_PERCENT: '0.00001' })).toEqual([
      expect.stringMatching(
        /^HUB_COLLUSION_PROGRESSION_PERCENT="0.00001" must be a percentage .* at most four decimals/,
      ),
    ]);
    expect(
      loadConfig({ HUB_COLLUSION_PROGRESSION_PERCENT: '0.0001', HUB_COLLUSION_CLUSTER_PERCENT: '50' }).collusion,
    ).toMatchObject({ progressionPpm: 1, clusterBandPpm: 500_000 });
  });

  it('gives the collusion rules the thresholds they default to, and the configured ones', () => {
    expect(thresholdsOf(loadConfig({}))).toEqual(DEFAULT_COLLUSION_THRESHOLDS);
    expect(
      thresholdsOf(loadConfig({ HUB_COLLUSION_NEAR_BUDGET_PERCENT: '2', HUB_COLLUSION_ROTATION_MIN_MEETINGS: '5' })),
    ).toEqual({ ...DEFAULT_COLLUSION_THRESHOLDS, nearBudgetPpm: 20_000, rotationMinMeetings: 5 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', HUB_SEED: '', LOG_LEVEL: '', DATABASE_URL: '', HUB_ADMIN_KEY: '' })).toMatchObject({
      port: 4000,
      seed: true,
      logLevel: 'info',
      databaseUrl: undefined,
      adminKey: undefined,
    });
  });

  it.each([
    ['1', true],
    ['TRUE', true],
    ['yes', true],
    ['on', true],
    ['0', false],
    ['False', false],
    ['no', false],
    ['off', false],
  ])('reads HUB_SEED=%s as %s', (raw, seed) => {
    expect(loadConfig({ HUB_SEED: raw }).seed).toBe(seed);
  });

  it('reports every bad value together in one ConfigError, naming each variable', () => {
    const env = {
      PORT: 'abc',
      HUB_PG_PORT: '80',
      HUB_SEED: 'maybe',
      HUB_ADMIN_KEY: 'short',
      LOG_LEVEL: 'loud',
      HUB_MAX_BATCH: '0',
      HUB_MAX_PAGE: '1.5',
      HUB_BODY_LIMIT: 'lots',
      HUB_FEED_POLL_MS: '10',
      HUB_FEED_BUFFER: '-1',
      HUB_DB_POOL: '1000',
      DATABASE_URL: 'mysql://db/hub',
      HUB_MAX_DEPTH: '1',
      HUB_MAX_COST: 'lots',
      HUB_RATE_LIMIT: '0',
      HOST: 'hub host',
      HUB_PUBLIC_OPERATIONS: 'market-entity',
    };
    const problems = problemsOf(env);
    expect(problems).toHaveLength(Object.keys(env).length);
    for (const name of Object.keys(env)) expect(problems.filter((p) => p.startsWith(name))).toHaveLength(1);
    // The bad value is quoted so that the operator sees what was read, but never a secret key.
    expect(problems.find((p) => p.startsWith('PORT'))).toContain('"abc"');
    expect(problems.join('\n')).not.toContain('short');
  });

  it('throws a ConfigError whose message lists the problems one a line', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
    } catch (err) {
      expect((err as Error).name).toBe('ConfigError');
      const lines = (err as Error).message.split('\n');
      expect(lines[0]).toBe('Invalid configuration:');
      expect(lines.slice(1).sort()).toEqual([
        expect.stringMatching(/^ {2}- LOG_LEVEL="y" /),
        expect.stringMatching(/^ {2}- PORT="x" /),
      ]);
    }
  });

  it.each([
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['HUB_PG_PORT', '1023'],
    ['HUB_MAX_BATCH', '100001'],
    ['HUB_MAX_PAGE', '0'],
    ['HUB_DB_POOL', '1'],
  ])('refuses %s=%s, outside its range', (name, raw) => {
    expect(problemsOf({ [name]: raw })).toEqual([expect.stringMatching(new RegExp(`^${name}=.*from \\d+ to \\d+`))]);
  });

  it('accepts the ends of each range', () => {
    expect(loadConfig({ PORT: '0', HUB_MAX_BATCH: '100000', HUB_DB_POOL: '2' })).toMatchObject({
      port: 0,
      maxBatch: 100000,
      dbPool: 2,
    });
  });

  it('refuses numbers that are not plain decimal digits (a blank PORT must not become a random port)', () => {
    expect(problemsOf({ PORT: ' ' })).toHaveLength(1);
    expect(problemsOf({ HUB_MAX_BATCH: '0x1F' })).toHaveLength(1);
    expect(problemsOf({ HUB_MAX_PAGE: '1e2' })).toHaveLength(1);
  });

  it.each([
    '127.0.0.1',
    '0.0.0.0',
    '::',
    '::1',
    'fe80::1',
    'localhost',
    'hub-1.internal.example.org',
    'HUB01',
    'hub_web',
  ])('accepts HOST=%s', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each([
    '0.0.0.0:4000',
    'http://localhost',
    'hub host',
    '-hub',
    'hub-',
    'hub..example',
    '[::1]',
    `${'a'.repeat(64)}.example`,
  ])('refuses HOST=%s, naming what a host may be', (host) => {
    expect(problemsOf({ HOST: host })).toEqual([
      `HOST=${JSON.stringify(host)} must be an IP address (127.0.0.1, 0.0.0.0, ::1, ::) or a host name (localhost, hub.example.org)`,
    ]);
  });

  it('refuses HUB_PUBLIC_OPERATIONS entries that are not GraphQL names, quoting each', () => {
    expect(problemsOf({ HUB_PUBLIC_OPERATIONS: 'marketEntity, market-entities,1st,query { x }' })).toEqual([
      'HUB_PUBLIC_OPERATIONS="marketEntity, market-entities,1st,query { x }" must list root query fields by name, comma-separated; not names: "market-entities", "1st", "query { x }"',
    ]);
    expect(loadConfig({ HUB_PUBLIC_OPERATIONS: '_private,marketEntity2' }).publicOperations).toEqual([
      '_private',
      'marketEntity2',
    ]);
  });

  it('lets overrides win over the environment and the defaults', () => {
    const c = loadConfig({ PORT: '8080', HUB_MAX_BATCH: '100' }, { port: 0, maxBatch: 7, seed: false });
    expect(c).toMatchObject({ port: 0, maxBatch: 7, seed: false, maxPage: 500 });
  });
});

describe('checkPublicOperations', () => {
  let rootQueries: string[];
  beforeAll(async () => {
    rootQueries = Object.keys((await buildHubSchema()).getQueryType()!.getFields());
  });

  it('accepts root query fields of the schema, and none at all', () => {
    expect(() =>
      checkPublicOperations(['marketEntity', 'marketEntities', 'sourceSystems', 'tradingProjects'], rootQueries),
    ).not.toThrow();
    expect(() => checkPublicOperations([], rootQueries)).not.toThrow();
  });

  it('refuses a misspelt field, a mutation and a subscription in one ConfigError, one problem each', () => {
    let err: unknown;
    try {
      checkPublicOperations(['marketEntity', 'marketEntitys', 'pushMarketEntities', 'changes'], rootQueries);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual(
      ['marketEntitys', 'pushMarketEntities', 'changes'].map(
        (n) =>
          `HUB_PUBLIC_OPERATIONS: ${n} is not a root query field of the schema; only queries can be public (e.g. marketEntity, marketEntities, sourceSystems)`,
      ),
    );
  });
});

describe('urlHost', () => {
  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['::', '[::1]'],
    ['::1', '[::1]'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('reaches a hub bound to %s at %s', (bind, host) => {
    expect(urlHost(bind)).toBe(host);
    expect(new URL(`http://${urlHost(bind)}:4000/graphql`).port).toBe('4000');
  });
});
