import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PUSH, entities } from '../setup/data';
import { hubCommand, lastLine } from '../setup/cli';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { createTestDatabase } from '../setup/db';
import { graphql } from '../gql';

const ENTITY_SYSTEM = graphql(`
  query CliEntitySystem($c: String!) {
    marketEntity(creditCode: $c) {
      sourceSystem {
        code
      }
    }
  }
`);

const SYSTEMS = graphql(`
  query CliSystems {
    sourceSystems {
      code
      kind
    }
  }
`);

const GRANTS = graphql(`
  mutation CliGrants($principal: String!, $input: GrantsInput!) {
    updateGrants(principal: $principal, input: $input) {
      name
    }
  }
`);

/*
 * The `hub` command as an operator runs it: `node bin/hub.js …` (what `npx hub`
 * starts) in a process of its own, on the test database through DATABASE_URL,
 * while a real hub serves the same database over HTTP.
 */

describe('hub systems add', () => {
  let t: TestHub;

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', '..', 'dist', 'resolvers', 'app', 'cli.js')))
      throw new Error('dist/resolvers/app/cli.js is missing: run `npm run build` before jest');
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  let apiKey: string;

  it('registers the system, exits 0 and prints its API key alone on the last line of stdout', async () => {
    const r = await hubCommand(t.db.url, [
      'systems',
      'add',
      '--code',
      'CLI-GOV',
      '--name',
      '命令行测试系统',
      '--kind',
      'GOVERNMENT',
      '--region',
      '420100',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Registered CLI-GOV (命令行测试系统, GOVERNMENT, 420100)');
    apiKey = lastLine(r.stdout);
    expect(apiKey).toMatch(/^hub_\S{40,}$/);
  });

  it('prints a key that authenticates a push over HTTP, attributed to the new system', async () => {
    const [e] = entities(1, 500);
    const r = await t.gql(PUSH, { records: [{ ...e, regionCode: '420102' }] }, apiKey);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data!.pushMarketEntities.results[0]).toMatchObject({ status: 'ACCEPTED', version: 1 });
    const read = await t.gql(ENTITY_SYSTEM, { c: e.creditCode! });
    expect(read.data!.marketEntity!.sourceSystem.code).toBe('CLI-GOV');
  });

  it('records the registration in the change log under ADMIN, by the cli actor, without the key', async () => {
    const rows = await t.hub.services.orm.em
      .fork()
      .execute<{ principal: string; data: Record<string, unknown> }[]>(
        "select principal, data from change_event where topic = 'ADMIN' and key = 'principal:CLI-GOV'",
      );
    expect(rows).toHaveLength(1);
    expect(rows[0].principal).toBe('cli');
    expect(rows[0].data).toMatchObject({
      action: 'REGISTER_SOURCE_SYSTEM',
      system: { code: 'CLI-GOV', kind: 'GOVERNMENT', regionCode: '420100' },
    });
    expect(JSON.stringify(rows[0].data)).not.toContain(apiKey);
  });

  it('lists the system with `systems list` and in the API', async () => {
    const r = await hubCommand(t.db.url, ['systems', 'list']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toContain('CLI-GOV\tGOVERNMENT\t420100\t命令行测试系统');
    const api = await t.gql(SYSTEMS);
    expect(api.data!.sourceSystems).toContainEqual({ code: 'CLI-GOV', kind: 'GOVERNMENT' });
  });

  it('refuses an unknown kind with a message naming the allowed kinds, a non-zero exit and no key', async () => {
    const r = await hubCommand(t.db.url, [
      'systems',
      'add',
      '--code',
      'CLI-BAD',
      '--name',
      '坏类型',
      '--kind',
      'PRIVATE',
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('hub: BAD_USER_INPUT: kind must be GOVERNMENT or MARKET (--kind)');
  });

  it('refuses a missing --code with a message naming the option, a non-zero exit and no key', async () => {
    const r = await hubCommand(t.db.url, ['systems', 'add', '--name', '无代码', '--kind', 'MARKET']);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('hub: --code is required');
  });

  it('refuses a code that is taken as CONFLICT', async () => {
    const r = await hubCommand(t.db.url, ['systems', 'add', '--code', 'cli-gov', '--name', '重复', '--kind', 'MARKET']);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toBe(
      'hub: CONFLICT: a source system with code CLI-GOV exists already (--code)\nhub: to give CLI-GOV a new key, use: hub keys issue --principal CLI-GOV',
    );
  });

  it('registered nothing for the refused commands', async () => {
    const [{ n }] = await t.hub.services.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*) as n from source_system where code like 'CLI-%'");
    expect(Number(n)).toBe(1);
  });
});

describe('hub as an operator meets it', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  it('names an unknown command before the usage, and exits 2', async () => {
    const r = await hubCommand(t.db.url, ['foo']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^hub: unknown command foo\n\nUsage: hub <command> \[options\]\n/);
    const two = await hubCommand(t.db.url, ['keys', 'frob']);
    expect(two.stderr).toMatch(/^hub: unknown command keys frob\n\nUsage:/);
    const help = await hubCommand(t.db.url, []);
    expect(help.status).toBe(0);
    expect(help.stderr).toMatch(/^Usage:/);
  });

  it('says that no migration was pending on an up-to-date database', async () => {
    const r = await hubCommand(t.db.url, ['migrate']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('No migration was pending: the database is up to date.\n');
  });

  it('lists the migrations it applied to an empty database', async () => {
    const db = await createTestDatabase(false);
    try {
      const r = await hubCommand(db.url, ['migrate']);
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^Applied \d+ migrations:$/);
      expect(lines.slice(1)).toHaveLength(Number(/\d+/.exec(lines[0])![0]));
      for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}Migration\d{14}$/);
      expect((await hubCommand(db.url, ['migrate'])).stdout).toMatch(/^No migration was pending/);
    } finally {
      await db.drop();
    }
  });

  it('verify-log prints a sentence, and JSON with --json', async () => {
    await t.system('CLI-LOG');
    const text = await hubCommand(t.db.url, ['verify-log']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^The change log verifies: (\d+) events, seq 1 to \1, last hash [0-9a-f]{64}\.\n$/);
    const json = await hubCommand(t.db.url, ['verify-log', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, firstBrokenSeq: null });
    const bad = await hubCommand(t.db.url, ['verify-log', '--yaml']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('hub: verify-log takes only --json; got --yaml');
  });

  it('refuses unknown catalog categories, topics and regions with the valid ones, and changes nothing', async () => {
    await t.system('CLI-GRANTS');
    const before = await hubCommand(t.db.url, ['principals', 'show', 'CLI-GRANTS']);
    const categories = await hubCommand(t.db.url, [
      'grants',
      'set',
      '--principal',
      'CLI-GRANTS',
      '--categories',
      'FOO,ENGINEERING',
    ]);
    expect(categories.status).toBe(1);
    expect(categories.stdout).toBe('');
    expect(categories.stderr).toMatch(
      /^hub: BAD_USER_INPUT: unknown catalog category FOO; valid are ENGINEERING, GOV_PROCUREMENT, .*CARBON.* or '\*' \(all\) \(--categories\)\n$/,
    );
    const topics = await hubCommand(t.db.url, ['grants', 'set', '--principal', 'CLI-GRANTS', '--write-topics', 'BIDS']);
    expect(topics.stderr).toMatch(
      /^hub: BAD_USER_INPUT: input\.writeTopics may only hold MARKET_ENTITY, .*BID, .*; got BIDS/,
    );
    const regions = await hubCommand(t.db.url, ['grants', 'set', '--principal', 'CLI-GRANTS', '--regions', '429999']);
    expect(regions.stderr).toMatch(
      /^hub: BAD_USER_INPUT: regions: 429999 is not a known Hubei GB\/T 2260 code; valid are 420000 湖北省, 420100 武汉市, .*421300 随州市.*, or a county code inside one of them \(--regions\)/,
    );
    expect((await hubCommand(t.db.url, ['principals', 'show', 'CLI-GRANTS'])).stdout).toBe(before.stdout);
    // The API refuses them alike.
    const api = await t.gql(GRANTS, { principal: 'CLI-GRANTS', input: { categories: ['NOPE'] } }, ADMIN_KEY);
    expect(api.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^unknown catalog category NOPE; valid are ENGINEERING, /),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.categories' },
    });
  });

  it('grants set prints what the principal is granted now', async () => {
    const r = await hubCommand(t.db.url, [
      'grants',
      'set',
      '--principal',
      'CLI-GRANTS',
      '--categories',
      'gov_procurement,ENGINEERING',
      '--regions',
      '420100',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'CLI-GRANTS is now granted:',
      '  roles            SOURCE_SYSTEM',
      expect.stringMatching(/^ {2}write topics {5}ANNOUNCEMENT, .*MARKET_ENTITY, TRADING_PROJECT$/),
      '  read topics      -',
      '  regions          420100',
      '  reveal           -',
      '  authoritative    -',
      '  categories       ENGINEERING, GOV_PROCUREMENT',
      '',
    ]);
  });

  it('principals show prints roles, grants and keys by prefix, never a key', async () => {
    const created = await hubCommand(t.db.url, ['clients', 'add', '--name', 'cli-reader', '--roles', 'INTEGRATOR']);
    const apiKey = lastLine(created.stdout);
    await hubCommand(t.db.url, ['keys', 'issue', '--principal', 'cli-reader']);
    const r = await hubCommand(t.db.url, ['principals', 'show', 'cli-reader']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^cli-reader: client, since \d{4}-\d\d-\d\dT/);
    expect(lines[1]).toBe('  roles            INTEGRATOR');
    expect(lines[8]).toBe('  keys (2, newest first):');
    expect(lines.slice(9)).toEqual([
      expect.stringMatching(/^ {4}key \d+\thub_\S{8}…\tactive\texpires never\tlast used never$/),
      expect.stringMatching(/^ {4}key \d+\thub_\S{8}…\tactive\texpires never\tlast used never$/),
    ]);
    expect(r.stdout).not.toContain(apiKey);
    expect(lines[10]).toContain(`${apiKey.slice(0, 12)}…`);
    const system = await hubCommand(t.db.url, ['principals', 'show', 'CLI-GRANTS']);
    expect(system.stdout).toMatch(/^CLI-GRANTS: source system CLI-GRANTS \(.*, GOVERNMENT, 420000\), since /);
    const missing = await hubCommand(t.db.url, ['principals', 'show', 'nobody']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('hub: NOT_FOUND: no principal named nobody');
  });

  it('clients add for a name taken says how to give it a new key', async () => {
    const r = await hubCommand(t.db.url, ['clients', 'add', '--name', 'cli-reader', '--roles', 'INTEGRATOR']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'hub: CONFLICT: a principal named cli-reader exists already (--name)\nhub: to give cli-reader a new key, use: hub keys issue --principal cli-reader\n',
    );
  });
});
