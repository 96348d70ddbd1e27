import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/common/free-port';
import { graphql } from '../gql';
import type { MarketRole, Role } from '../gql/graphql';
import { pushPoolExperts } from '../setup/credit';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';
import { feedCursor } from '../../src/feed/cursor';

/*
 * The examples are run as a user runs them: the compiled programs in
 * dist/examples (built by `npm test` before jest), as child processes, against
 * a real hub, configured only through their environment and arguments.
 */

/** What the test reads back itself, typed by codegen (test/gql) like the examples' own operations. */
const STORED_ENTITIES = graphql(`
  query ExamplesStoredEntities($codes: [String!]) {
    marketEntities(filter: { creditCodes: $codes }, first: 50) {
      totalCount
      edges {
        node {
          creditCode
          name
          version
          sourceSystem {
            code
          }
        }
      }
    }
  }
`);
const RENAME = graphql(`
  mutation ExamplesRename($records: [MarketEntityInput!]!) {
    pushMarketEntities(records: $records) {
      accepted
    }
  }
`);
const CLIENT = graphql(`
  mutation ExamplesClient($name: String!, $roles: [Role!]!) {
    createClient(input: { name: $name, roles: $roles }) {
      apiKey
    }
  }
`);
const PROCURED = graphql(`
  query ExamplesProcured($code: String!) {
    tradingProject(code: $code) {
      status
      version
      subItem {
        code
      }
      details
      sections {
        code
        status
        bids {
          amount
        }
        bidOpening {
          bidderCount
        }
        evaluation {
          candidates {
            rank
          }
        }
        award {
          winner {
            creditCode
          }
        }
        contracts {
          code
          amount
        }
      }
      announcements {
        type
      }
      findings {
        rule
      }
    }
  }
`);

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'examples');
/** The pool experts that push-procurement's committees name (two lots, four experts each). */
const PROCUREMENT_EXPERTS = [0, 1].flatMap((lot) =>
  [0, 1, 2, 3].map((k) => `EXP4201${lot}${k}${String(17 + 3 * k).padStart(3, '0')}`),
);
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'data', 'entities.json'), 'utf8')) as {
  records: { creditCode: string; name: string; regionCode: string; roles: MarketRole[] }[];
};
/** The eight valid records of the sample file, and the two deliberately bad ones. */
const VALID = SAMPLE.records.slice(0, 8);
const BAD = SAMPLE.records.slice(8);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Only what the examples read: nothing leaks in from the environment of the test run. */
function exampleEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', ...env };
}

/** Runs `node dist/examples/<name>.js` to its end and returns its exit status and output. */
function run(name: string, env: Record<string, string>, args: string[] = [], cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(DIST, `${name}.js`), ...args],
      { cwd, env: exampleEnv(env), timeout: 60_000 },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** The events a follow-changes run printed, in order: their seq and key. */
function printed(stdout: string): { seq: number; key: string }[] {
  return [...stdout.matchAll(/^seq\s+(\d+)\s+\S+\s+\S+\s+(\S+)\s/gm)].map((m) => ({ seq: Number(m[1]), key: m[2] }));
}

/** n consecutive integers from `first`. */
function consecutive(first: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => first + i);
}

/** The credit codes of the entities a page-entities run listed, in order. */
function listed(stdout: string): string[] {
  return [...stdout.matchAll(/^([0-9A-HJ-NPQRTUWXY]{18})\s/gm)].map((m) => m[1]);
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the typed operations of the examples and the tests', () => {
  it('are generated from schema/schema.graphql as it stands (run `npm run codegen` after changing an operation or the schema)', async () => {
    // `npm run codegen` in memory, in a child process (codegen's CLI loads ES modules,
    // which jest's module system cannot): compare what it would write with what is committed.
    const script = `
      const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
      loadCodegenConfig({ configFilePath: 'codegen.yml' })
        .then(({ config }) => generate({ ...config, cwd: process.cwd(), silent: true }, false))
        .then((outputs) => process.stdout.write(JSON.stringify(outputs.map((o) => ({ filename: o.filename, content: o.content })))));`;
    const outputs = await new Promise<{ filename: string; content: string }[]>((resolve, reject) =>
      execFile(process.execPath, ['-e', script], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
        err
          ? reject(new Error(`codegen failed: ${stderr || err.message}`))
          : resolve(JSON.parse(stdout) as { filename: string; content: string }[]),
      ),
    );
    expect(outputs.map((o) => o.filename).sort()).toEqual([
      'examples/gql/gql.ts',
      'examples/gql/graphql.ts',
      'examples/gql/index.ts',
      'test/gql/gql.ts',
      'test/gql/graphql.ts',
      'test/gql/index.ts',
    ]);
    for (const o of outputs) expect(readFileSync(join(ROOT, o.filename), 'utf8')).toBe(o.content);
  });
});

describe('the examples', () => {
  let t: TestHub;
  let restarted: TestHub | undefined;
  let key: string;
  let tmp: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'push-entities.js')))
      throw new Error('dist/examples is missing: run `npm run build` before jest');
    t = await startTestHub();
    key = await t.system('EXAMPLE');
    tmp = mkdtempSync(join(tmpdir(), 'hub-examples-'));
    env = { HUB_URL: t.hub.url, HUB_API_KEY: key };
  });

  afterAll(async () => {
    await restarted?.stop();
    await t?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe('push-entities', () => {
    it('accepts the eight valid sample records and rejects the two bad ones, naming the faulty fields', async () => {
      const r = await run('push-entities', env);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      VALID.forEach((e, i) =>
        expect(r.stdout).toMatch(new RegExp(`^${i}\\s+${e.creditCode}\\s+ACCEPTED\\s+1\\s*$`, 'm')),
      );
      expect(r.stdout).toMatch(
        new RegExp(
          `^8\\s+${BAD[0].creditCode}\\s+REJECTED\\s+-\\s+creditCode: BAD_USER_INPUT .*wrong check character`,
          'm',
        ),
      );
      expect(r.stdout).toMatch(
        new RegExp(`^9\\s+${BAD[1].creditCode}\\s+REJECTED\\s+-\\s+regionCode: BAD_USER_INPUT .*420799`, 'm'),
      );
      expect(r.stdout).toMatch(/^\s+qualifications\.0\.validUntil: BAD_USER_INPUT .*2027-02-30/m);
      expect(r.stdout).toContain('accepted 8, unchanged 0, rejected 2 (of 10 records)');
    });

    it('stores the accepted records under the pushing system, and none of the rejected ones', async () => {
      const r = await t.gql(STORED_ENTITIES, { codes: SAMPLE.records.map((e) => e.creditCode) });
      expect(r.errors).toBeUndefined();
      expect(r.data!.marketEntities.totalCount).toBe(8);
      const stored = r.data!.marketEntities.edges.map((e) => e.node);
      expect(stored.map((e) => e.creditCode).sort()).toEqual(VALID.map((e) => e.creditCode).sort());
      for (const e of stored) {
        expect(e).toMatchObject({ version: 1, sourceSystem: { code: 'EXAMPLE' } });
        expect(e.name).toBe(VALID.find((v) => v.creditCode === e.creditCode)!.name);
      }
    });

    it('reports every valid record as UNCHANGED when the same file is pushed again', async () => {
      const r = await run('push-entities', env, [join(ROOT, 'examples', 'data', 'entities.json')]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('accepted 0, unchanged 8, rejected 2 (of 10 records)');
      expect(r.stdout).toMatch(new RegExp(`^0\\s+${VALID[0].creditCode}\\s+UNCHANGED\\s+1\\s*$`, 'm'));
    });

    it('refuses to run without an API key and says where to get one', async () => {
      const r = await run('push-entities', { HUB_URL: t.hub.url });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^push-entities: HUB_API_KEY is not set.*npx hub systems add/);
    });

    it('exits non-zero with the hub error code when the key is wrong', async () => {
      const r = await run('push-entities', { HUB_URL: t.hub.url, HUB_API_KEY: 'hub_not-a-key' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^push-entities: UNAUTHENTICATED: /);
    });
  });

  describe('page-entities', () => {
    it('lists every pushed entity once, in credit-code order, following endCursor across pages', async () => {
      const r = await run('page-entities', { ...env, PAGE_SIZE: '3' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(listed(r.stdout)).toEqual(VALID.map((e) => e.creditCode).sort());
      for (const e of VALID) expect(r.stdout).toContain(e.name);
      expect(r.stdout).toContain('8 entities listed in 3 page(s); totalCount 8');
    });

    it('narrows the list with filters from the environment and the command line', async () => {
      const wuhan = await run('page-entities', { ...env, REGION: '420100' });
      expect(listed(wuhan.stdout)).toEqual(
        VALID.filter((e) => e.regionCode.startsWith('4201'))
          .map((e) => e.creditCode)
          .sort(),
      );

      const wuhanBidders = await run('page-entities', { ...env, ROLE: 'BIDDER' }, ['--region', '420100']);
      expect(listed(wuhanBidders.stdout)).toEqual(
        VALID.filter((e) => e.regionCode.startsWith('4201') && e.roles.includes('BIDDER'))
          .map((e) => e.creditCode)
          .sort(),
      );

      const builders = await run('page-entities', { ...env, NAME: '建设' });
      expect(listed(builders.stdout)).toEqual(
        VALID.filter((e) => e.name.includes('建设'))
          .map((e) => e.creditCode)
          .sort(),
      );
      expect(builders.stdout).toMatch(/totalCount 2$/m);
    });

    it('exits non-zero with the hub error when a filter is invalid', async () => {
      const r = await run('page-entities', { ...env, REGION: '999999' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^page-entities: BAD_USER_INPUT: regionCode 999999 .*\(filter\.regionCode\)/);
    });

    it('exits non-zero with a clear message when the hub cannot be reached', async () => {
      const r = await run('page-entities', { HUB_URL: `http://127.0.0.1:${await freePort()}/graphql` });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^page-entities: cannot reach the hub at http:\/\/127\.0\.0\.1:\d+\/graphql: .*ECONNREFUSED/,
      );
    });
  });

  describe('follow-changes', () => {
    let cursorFile: string;
    /** The follower reads with the operators' key and only the market-entity topic of the log. */
    let followEnv: Record<string, string>;
    /** seq of the last event the runs so far processed. */
    let last: number;

    beforeAll(() => {
      cursorFile = join(tmp, 'follow.cursor');
      followEnv = { HUB_URL: t.hub.url, HUB_API_KEY: ADMIN_KEY, TOPICS: 'MARKET_ENTITY' };
    });

    it('prints the first three events with MAX_EVENTS=3 and saves the cursor of the last one', async () => {
      const r = await run('follow-changes', { ...followEnv, CURSOR_FILE: cursorFile, MAX_EVENTS: '3' }, [], tmp);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('starting from the beginning of the change log');
      const events = printed(r.stdout);
      // The pushed records, in the order pushed, at consecutive positions of the log.
      expect(events.map((e) => e.key)).toEqual(VALID.slice(0, 3).map((e) => e.creditCode));
      expect(events.map((e) => e.seq)).toEqual(consecutive(events[0].seq, 3));
      expect(r.stdout).toMatch(
        new RegExp(
          `^seq\\s+${events[0].seq}\\s+MARKET_ENTITY\\s+CREATE\\s+${VALID[0].creditCode}\\s+v1\\s+EXAMPLE\\s.*${VALID[0].name}$`,
          'm',
        ),
      );
      expect(readFileSync(cursorFile, 'utf8').trim()).not.toBe('');
      // Written via a temporary file and a rename: nothing is left beside it.
      expect(readdirSync(tmp)).toEqual(['follow.cursor']);
      last = events[2].seq;
    });

    it('continues with the next two events on the next run, with no repeat and no gap', async () => {
      const r = await run('follow-changes', { ...followEnv, CURSOR_FILE: cursorFile, MAX_EVENTS: '2' }, [], tmp);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain(`resuming after the cursor saved in ${cursorFile}`);
      const events = printed(r.stdout);
      expect(events.map((e) => e.seq)).toEqual(consecutive(last + 1, 2));
      expect(events.map((e) => e.key)).toEqual(VALID.slice(3, 5).map((e) => e.creditCode));
      last = events[1].seq;
    });

    it('gives up at once, saving nothing, when the hub refuses its key', async () => {
      const cwd = mkdtempSync(join(tmp, 'badkey-'));
      const started = Date.now();
      const r = await run('follow-changes', { ...followEnv, HUB_API_KEY: 'hub_not-a-key' }, [], cwd);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/connection closed with code 4401 .*: the hub refused the key; check HUB_API_KEY/);
      expect(r.stderr).not.toMatch(/subscribing again/); // no retry: it would say so
      expect(Date.now() - started).toBeLessThan(10_000); // no retries with backoff
      expect(readdirSync(cwd)).toEqual([]);
    });

    it('keeps its cursor in .cursor in the working directory by default', async () => {
      const cwd = mkdtempSync(join(tmp, 'cwd-'));
      const r = await run('follow-changes', { ...followEnv, MAX_EVENTS: '1' }, [], cwd);
      expect(r.status).toBe(0);
      expect(printed(r.stdout).map((e) => e.key)).toEqual([VALID[0].creditCode]);
      expect(readdirSync(cwd)).toEqual(['.cursor']);
    });

    it('subscribes again with the latest cursor when the hub restarts, so nothing is repeated or lost', async () => {
      const child = spawn(process.execPath, [join(DIST, 'follow-changes.js')], {
        cwd: tmp,
        env: exampleEnv({ ...followEnv, CURSOR_FILE: cursorFile, MAX_EVENTS: '4' }),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        // The replay brings the last three pushed records: all there is so far.
        await waitFor('the replay of the remaining three events', () => printed(stdout).length === 3);
        expect(printed(stdout).map((e) => e.key)).toEqual(VALID.slice(5, 8).map((e) => e.creditCode));

        // Restart the hub on the same port and database while the follower waits, then change one entity.
        const port = t.hub.port;
        await t.hub.close();
        restarted = await startTestHub({ port }, t.db);
        const renamed = `${VALID[0].name}（更名）`;
        const pushed = await restarted.gql(RENAME, { records: [{ ...VALID[0], name: renamed }] }, key);
        expect(pushed.errors).toBeUndefined();
        expect(pushed.data!.pushMarketEntities.accepted).toBe(1);

        expect(await exited).toBe(0);
        const events = printed(stdout);
        expect(events.map((e) => e.seq)).toEqual(consecutive(last + 1, 4));
        expect(events[3]).toEqual({ seq: last + 4, key: VALID[0].creditCode });
        expect(stdout).toMatch(
          new RegExp(
            `^seq\\s+${last + 4}\\s+MARKET_ENTITY\\s+UPDATE\\s+${VALID[0].creditCode}\\s+v2\\s.*${renamed}$`,
            'm',
          ),
        );
        expect(stderr).toContain(`subscribing again after seq ${last + 3}`);
        // Had it resubscribed with the cursor it started from, the hub would have
        // replayed the three events again and the follower would have had to drop them.
        expect(stderr).not.toContain('already processed');
      } finally {
        child.kill();
      }
    });
  });
});

describe('the trading examples', () => {
  let t: TestHub;
  let key: string;
  let code: string;
  let procurement: Run;
  /** Creates a client with the given roles over the admin API and returns its key. */
  const client = async (name: string, role: Role): Promise<string> => {
    const r = await t.gql(CLIENT, { name, roles: [role] }, ADMIN_KEY);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.createClient.apiKey;
  };

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'push-procurement.js')))
      throw new Error('dist/examples is missing: run `npm run build` before jest');
    t = await startTestHub();
    key = await t.system('EXAMPLE-GP');
    code = 'GP-EXAMPLE-0001';
    // The committees the example pushes name experts of the province-wide pool: the pool's system pushes them first.
    await pushPoolExperts(t, PROCUREMENT_EXPERTS);
    procurement = await run('push-procurement', { HUB_URL: t.hub.url, HUB_API_KEY: key }, [code]);
  });

  afterAll(() => t?.stop());

  describe('push-procurement', () => {
    it('pushes every step of the lifecycle in order, every record ACCEPTED with no warning', () => {
      expect(procurement.stderr).toBe('');
      expect(procurement.status).toBe(0);
      const steps = [
        ...procurement.stdout.matchAll(/^\[(\d+)\/14\] (.+): accepted (\d+), unchanged (\d+), rejected (\d+)$/gm),
      ];
      expect(steps.map((m) => m[2])).toEqual([
        'market entities (pushMarketEntities)',
        'project with two lots (pushTradingProjects)',
        'tender notice (pushAnnouncements)',
        'bids (pushBids)',
        'bid openings (pushBidOpenings)',
        'project status EVALUATING (pushTradingProjects)',
        'evaluation committees sit (pushEvaluations)',
        'evaluations (pushEvaluations)',
        'candidate publicity (pushAnnouncements)',
        'awards (pushAwards)',
        'award notice (pushAnnouncements)',
        'project status AWARDED (pushTradingProjects)',
        'contracts (pushContracts)',
        'project status CONTRACTED (pushTradingProjects)',
      ]);
      for (const m of steps) expect([Number(m[3]) > 0, m[4], m[5]]).toEqual([true, '0', '0']);
      const records = [...procurement.stdout.matchAll(/^ {2}\d+\s+\S+\s+(ACCEPTED|UNCHANGED|REJECTED)\s+(v\d+|-)$/gm)];
      expect(records).toHaveLength(5 + 1 + 1 + 6 + 2 + 1 + 2 + 2 + 1 + 2 + 1 + 1 + 2 + 1);
      expect(records.every((m) => m[1] === 'ACCEPTED')).toBe(true);
      expect(procurement.stdout).not.toMatch(/^\s+(warning|error) /m);
      expect(procurement.stdout).toMatch(
        new RegExp(
          `^project ${code} is CONTRACTED: 14 steps, 28 records accepted, 0 unchanged, 0 rejected, 0 warning\\(s\\)$`,
          'm',
        ),
      );
    });

    it('leaves the project CONTRACTED with its lots, bids, awards and contracts in the hub', async () => {
      const r = await t.gql(PROCURED, { code }, key);
      expect(r.errors).toBeUndefined();
      const p = r.data!.tradingProject!;
      expect(p).toMatchObject({
        status: 'CONTRACTED',
        version: 4,
        subItem: { code: 'GP_GOODS' },
        details: { classificationCode: 'A02021000' },
        findings: [],
      });
      expect(p.announcements.map((a) => a.type)).toEqual(['TENDER_NOTICE', 'CANDIDATE_PUBLICITY', 'AWARD_NOTICE']);
      expect(p.sections.map((s) => s.code)).toEqual([`${code}-01`, `${code}-02`]);
      for (const s of p.sections) {
        expect(s.status).toBe('CONTRACTED');
        expect(s.bids).toHaveLength(3);
        expect(s.bidOpening?.bidderCount).toBe(3);
        expect(s.evaluation?.candidates).toHaveLength(3);
        expect(s.contracts).toHaveLength(1);
      }
      expect(p.sections.map((s) => s.contracts[0])).toEqual([
        { code: `${code}-HT1`, amount: '1698500.00' },
        { code: `${code}-HT2`, amount: '659900.00' },
      ]);
    });

    it('refuses to run without an API key', async () => {
      const r = await run('push-procurement', { HUB_URL: t.hub.url });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^push-procurement: HUB_API_KEY is not set/);
    });
  });

  describe('query-project', () => {
    it('prints the project as a tree with its sections, bids, winners, contracts and announcements', async () => {
      const integrator = await client('example-integrator', 'INTEGRATOR');
      const r = await run('query-project', { HUB_URL: t.hub.url, HUB_API_KEY: integrator }, [code]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^${code} .*医疗设备采购项目 \\(v4, CONTRACTED\\)$`, 'm'));
      expect(r.stdout).toContain('catalog: GOV_PROCUREMENT 政府采购 / GP_GOODS 政府采购货物类');
      expect(r.stdout).toContain('tenderer: 12420106MB1P3Q5R7Y 武汉市武昌区第一人民医院');
      expect(r.stdout).toMatch(/winner: 91420111MA4T9G7H2H 湖北光谷康泰医疗科技有限公司, 1698500\.00 CNY/);
      expect(r.stdout).toMatch(/winner: 91420102MA4U2N8C65 武汉汉口仁和医药器械有限公司, 659900\.00 CNY/);
      expect(r.stdout).toContain(`${code}-HT1: 1698500.00 CNY`);
      expect(r.stdout).toMatch(/bids \(3\)/);
      expect(r.stdout).toMatch(/announcements \(3\)/);
      expect(r.stdout).toContain('findings: none');
    });

    it('exits non-zero when the hub holds no such project', async () => {
      const r = await run('query-project', { HUB_URL: t.hub.url, HUB_API_KEY: key }, ['GP-NO-SUCH']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^query-project: the hub holds no trading project GP-NO-SUCH/);
    });
  });

  describe('dashboard', () => {
    it('prints the figures per category once with MAX_UPDATES=1', async () => {
      const dashboard = await client('example-dashboard', 'DASHBOARD');
      const r = await run('dashboard', { HUB_URL: t.hub.url, HUB_API_KEY: dashboard, MAX_UPDATES: '1' });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^update 1 as of \S+$/m);
      expect(r.stdout).toMatch(
        /^category\s+projects\s+sections\s+budget \(yuan\)\s+awarded \(yuan\)\s+saving\s+bids\/sec\s+name$/m,
      );
      // 2500000.00 budgeted; 1698500.00 + 659900.00 awarded: saving 1 − 2358400 / 2500000 = 5.66 %.
      expect(r.stdout).toMatch(/^GOV_PROCUREMENT\s+1\s+2\s+2500000\.00\s+2358400\.00\s+5\.66%\s+3\.00\s+政府采购$/m);
      expect(r.stderr).toContain('printed 1 update(s) (MAX_UPDATES)');
    });

    it('stops cleanly on SIGINT while waiting for changes', async () => {
      const dashboard = await client('example-dashboard-2', 'DASHBOARD');
      const child = spawn(process.execPath, [join(DIST, 'dashboard.js')], {
        cwd: ROOT,
        env: exampleEnv({ HUB_URL: t.hub.url, HUB_API_KEY: dashboard }),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      try {
        await waitFor('the first table', () => stdout.includes('GOV_PROCUREMENT'));
        child.kill('SIGINT');
        expect(await exited).toBe(0);
        expect(stderr).toContain('SIGINT: stopping after 1 update(s)');
      } finally {
        child.kill();
      }
    });
  });

  describe('push-procurement without a project code', () => {
    it('makes a new project code from the clock, and finds the parties stored already', async () => {
      const r = await run('push-procurement', { HUB_URL: t.hub.url, HUB_API_KEY: key });
      expect(r.status).toBe(0);
      const made = /^Pushing procurement project (GP-\d{8}-\d{9}) through its lifecycle/m.exec(r.stdout);
      expect(made).not.toBeNull();
      expect(r.stdout).toMatch(
        /^\[1\/14\] market entities \(pushMarketEntities\): accepted 0, unchanged 5, rejected 0$/m,
      );
      expect(r.stdout).toMatch(/^\[4\/14\] bids \(pushBids\): accepted 6, unchanged 0, rejected 0$/m);
      expect(r.stdout).toContain(
        `project ${made![1]} is CONTRACTED: 14 steps, 23 records accepted, 5 unchanged, 0 rejected, 0 warning(s)`,
      );
    });
  });

  describe('warnings', () => {
    it('prints a raised collusion finding from the FINDING topic, with its alarm level, and exits after MAX_EVENTS', async () => {
      const p = await parties(t, key, 2, 9100);
      expect((await push(t, key, 'pushTradingProjects', 'TradingProjectInput', [project('EXW-P', p)])).accepted).toBe(
        1,
      );
      const bid = (bidder: string, amount: string) => ({
        sectionCode: 'EXW-P-S1',
        bidderCreditCode: bidder,
        amount,
        submittedAt: '2026-09-20T10:00:00+08:00',
        deviceFingerprint: 'MAC-SAME-DEVICE',
      });
      // Follow from here: the procurement runs above raised findings of their own (their suppliers take turns winning).
      const [{ seq }] = await t.hub.services.orm.em
        .fork()
        .execute<{ seq: string }[]>('select coalesce(max(seq), 0) as seq from change_event');
      const r = await push(t, key, 'pushBids', 'BidInput', [
        bid(p.bidders[0], '500000.00'),
        bid(p.bidders[1], '517300.00'),
      ]);
      expect(r.accepted).toBe(2);
      const out = await run('warnings', {
        HUB_URL: t.hub.url,
        HUB_API_KEY: ADMIN_KEY,
        MAX_EVENTS: '1',
        AFTER: feedCursor(Number(seq)),
      });
      expect(out.status).toBe(0);
      expect(out.stdout).toMatch(/RAISED\s+#\d+ SHARED_DEVICE \[HIGH, alarm level 1\] EXW-P EXW-P-S1/);
      expect(out.stderr).toContain('resume with AFTER=');
    });
  });
});
