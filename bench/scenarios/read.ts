import autocannon from 'autocannon';
import { isDeepStrictEqual } from 'node:util';
import { seedVolume } from '../../src/seed/volume';
import { benchOrm, benchReader, type BenchContext } from '../lib/context';
import { startBaseline, startHub, type HubChild } from '../lib/env';
import { figure, type Figure } from '../lib/results';

export interface ReadSize {
  /** Projects in the database (1-3 sections each, 4 bids per section). */
  projects: number;
  /** Projects per request (full size: 20). */
  first: number;
  /** Concurrent connections (full size: 16). */
  connections: number;
  /** Measured seconds per side. */
  seconds: number;
  /** Distinct pages the requests rotate over. */
  pages: number;
}

/** The integrator's query: projects with their sections, bids, and each bidder with its qualifications. */
export const NESTED_READ = `query NestedRead($first: Int, $after: String) {
  tradingProjects(first: $first, after: $after) {
    edges { node { code name budget publishedAt
      sections { code name budget
        bids { amount submittedAt status bidder { creditCode name qualifications { code name level validUntil } } } } } }
    pageInfo { endCursor }
  }
}`;

interface ReadResponse {
  data?: { tradingProjects: { edges: { node: { code: string } }[]; pageInfo?: { endCursor: string | null } } };
  errors?: unknown[];
}

async function post(url: string, body: unknown, key?: string): Promise<ReadResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as ReadResponse;
}

/** Statements PostgreSQL ran for the database while `work` ran (pg_stat_statements, utility statements included). */
async function statements(ctx: BenchContext, db: string, work: () => Promise<void>): Promise<number> {
  await ctx.pg.sql(db, 'select pg_stat_statements_reset()');
  await work();
  const [row] = await ctx.pg.sql<{ n: string }>(
    db,
    `select coalesce(sum(calls), 0) as n from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = current_database() and s.query not ilike '%pg_stat_statements%'`,
  );
  return Number(row.n);
}

async function load(
  url: string,
  bodies: string[],
  key: string | undefined,
  size: ReadSize,
  seconds: number,
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections: size.connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          body: bodies[next++ % bodies.length],
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        }),
      },
    ],
  });
}

/**
 * Issue 5, scenario 2. The nested read at 16 concurrent connections
 * (autocannon), rotating over consecutive pages, against the hub with an
 * integrator key and against the baseline server's single SQL statement that
 * builds the same JSON. First checks that both answer the same data, and
 * counts the SQL statements per request with pg_stat_statements at two page
 * sizes (constant in the number of rows when they are equal).
 */
export async function read(ctx: BenchContext, size: ReadSize): Promise<Figure[]> {
  const url = await ctx.pg.freshDatabase('bench_read');
  ctx.log(`read: seeding ${size.projects} projects`);
  const orm = await benchOrm(url);
  let key: string;
  try {
    await seedVolume(orm, { projects: size.projects, progress: null });
    key = await benchReader(orm);
  } finally {
    await orm.close(true);
  }
  await ctx.pg.sql('bench_read', 'create extension if not exists pg_stat_statements');
  await ctx.pg.sql('bench_read', 'vacuum analyze');

  const hub = await startHub(url, { HUB_FEED_POLL_MS: '600000' });
  let baseline: HubChild | undefined;
  try {
    baseline = await startBaseline(url);
    // Consecutive pages: the hub's cursors, and the baseline's (the last code of the previous page).
    const hubBodies: string[] = [];
    const baseBodies: string[] = [];
    let hubAfter: string | null = null;
    let baseAfter = '';
    let same = true;
    for (let p = 0; p < size.pages; p++) {
      const h = await post(hub.url, { query: NESTED_READ, variables: { first: size.first, after: hubAfter } }, key);
      if (h.errors || !h.data) throw new Error(`read: the hub answered ${JSON.stringify(h.errors)}`);
      const b = await post(baseline.url, { query: NESTED_READ, variables: { first: size.first, after: baseAfter } });
      if (p < 5 && !isDeepStrictEqual(h.data.tradingProjects.edges, b.data?.tradingProjects.edges)) {
        same = false;
        ctx.log(
          `read: hub and baseline differ on page ${p}: ${JSON.stringify(h.data.tradingProjects.edges[0]).slice(0, 400)} vs ${JSON.stringify(b.data?.tradingProjects.edges[0]).slice(0, 400)}`,
        );
      }
      hubBodies.push(JSON.stringify({ query: NESTED_READ, variables: { first: size.first, after: hubAfter } }));
      baseBodies.push(JSON.stringify({ query: NESTED_READ, variables: { first: size.first, after: baseAfter } }));
      const edges = h.data.tradingProjects.edges;
      if (edges.length < size.first) break;
      hubAfter = h.data.tradingProjects.pageInfo?.endCursor ?? null;
      baseAfter = edges[edges.length - 1].node.code;
    }
    const responseBytes = Buffer.byteLength(
      JSON.stringify(await post(hub.url, JSON.parse(hubBodies[0]) as unknown, key)),
    );

    // SQL statements per request, at the page size of the bench and at a quarter of it.
    const perRequest = async (target: string, first: number, k?: string) => {
      const n = 10;
      const total = await statements(ctx, 'bench_read', async () => {
        for (let i = 0; i < n; i++) await post(target, { query: NESTED_READ, variables: { first, after: null } }, k);
      });
      return total / n;
    };
    const hubStatements = await perRequest(hub.url, size.first, key);
    const hubStatementsSmall = await perRequest(hub.url, Math.max(1, Math.floor(size.first / 4)), key);
    const baseStatements = await perRequest(baseline.url, size.first);

    const warm = Math.max(1, Math.min(3, Math.floor(size.seconds / 4)));
    ctx.log(`read: hub, ${size.connections} connections for ${size.seconds} s`);
    await load(hub.url, hubBodies, key, size, warm);
    const h = await load(hub.url, hubBodies, key, size, size.seconds);
    ctx.log(`read: baseline, ${size.connections} connections for ${size.seconds} s`);
    await load(baseline.url, baseBodies, undefined, size, warm);
    const b = await load(baseline.url, baseBodies, undefined, size, size.seconds);
    if (h.non2xx || h.errors) throw new Error(`read: the hub failed ${h.non2xx} requests (${h.errors} errors)`);

    const params = {
      ...size,
      pagesUsed: hubBodies.length,
      sameJson: same,
      responseBytes,
      hubStatementsAtQuarterPage: hubStatementsSmall,
      key: 'INTEGRATOR',
      tool: 'autocannon',
    };
    const f = (metric: string, unit: string, dir: 'higher' | 'lower', hv: number | null, bv: number | null) =>
      figure('read', metric, unit, dir, hv, bv, ctx.machine, params);
    return [
      f('requests per second', 'req/s', 'higher', h.requests.average, b.requests.average),
      f('latency p50', 'ms', 'lower', h.latency.p50, b.latency.p50),
      f('latency p99', 'ms', 'lower', h.latency.p99, b.latency.p99),
      f('SQL statements per request', 'statements', 'lower', hubStatements, baseStatements),
      f(
        `SQL statements per request at first=${Math.max(1, Math.floor(size.first / 4))}`,
        'statements',
        'lower',
        hubStatementsSmall,
        baseStatements,
      ),
      f('peak RSS of the hub', 'MiB', 'lower', hub.peakRssMiB(), baseline.peakRssMiB()),
    ];
  } finally {
    await baseline?.stop();
    await hub.stop();
  }
}
