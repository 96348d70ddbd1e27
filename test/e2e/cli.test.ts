import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PUSH, entities } from '../setup/data';
import { hubCommand, lastLine } from '../setup/cli';
import { startTestHub, type TestHub } from '../setup/hub';

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
    const read = await t.gql<{ marketEntity: { sourceSystem: { code: string } } }>(
      'query($c: String!) { marketEntity(creditCode: $c) { sourceSystem { code } } }',
      { c: e.creditCode },
    );
    expect(read.data!.marketEntity.sourceSystem.code).toBe('CLI-GOV');
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
    const api = await t.gql<{ sourceSystems: { code: string; kind: string }[] }>('{ sourceSystems { code kind } }');
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
    expect(r.stderr.trim()).toBe('hub: CONFLICT: a source system with code CLI-GOV exists already (--code)');
  });

  it('registered nothing for the refused commands', async () => {
    const [{ n }] = await t.hub.services.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*) as n from source_system where code like 'CLI-%'");
    expect(Number(n)).toBe(1);
  });
});
