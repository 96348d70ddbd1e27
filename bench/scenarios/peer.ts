import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seedVolume } from '../../src/seed/volume';
import { benchOrm, benchReader, type BenchContext } from '../lib/context';
import { ROOT, startBaseline, startHub, type HubChild } from '../lib/env';
import { figure, type Figure } from '../lib/results';
import { NESTED_READ } from './read';

export interface PeerSize {
  /** Projects in the database (1-3 sections each, 4 bids per section). */
  projects: number;
  /** Concurrent connections (full size: 16). */
  connections: number;
  /** Measured seconds per side, per request shape, per round (full size: 20). */
  seconds: number;
  /** Interleaved rounds; the figures are their medians (full size: 3). */
  rounds: number;
  /** Distinct pages (or codes) each request shape rotates over. */
  pages: number;
}

const PEER_DIR = join(ROOT, 'bench', 'peer');

/** PostGraphile v4 into bench/peer/node_modules from its own lock file, when not there yet. */
export function installPeer(log: (m: string) => void): void {
  if (existsSync(join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json'))) return;
  log('peer: installing PostGraphile into bench/peer (npm ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--prefix', PEER_DIR, '--ignore-scripts', '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm ci --prefix bench/peer failed (${r.status ?? r.signal})`);
}

/** One request shape, as the hub and as PostGraphile ask for the same columns. */
interface Shape {
  name: string;
  hub: string;
  peer: string;
  /** Paged: walks `first` rows at a time; otherwise one project by code. */
  first?: number;
  /** The hub's key lacks the grant of a field it reads (masked in the hub's answer). */
  masked?: boolean;
}

const LOOKUP_FIELDS = 'code name status method regionCode budget currency publishedAt';

const HUB_LOOKUP = `query Lookup($code: String!) { tradingProject(code: $code) { ${LOOKUP_FIELDS} } }`;
const PEER_LOOKUP = `query Lookup($code: String!) { tradingProjectByCode(code: $code) { ${LOOKUP_FIELDS} } }`;

const HUB_PSB = `query ProjectsSectionsBids($first: Int, $after: String) {
  tradingProjects(first: $first, after: $after) {
    edges { node { code name sections { code name bids { amount submittedAt status } } } }
    pageInfo { endCursor }
  }
}`;
const PEER_PSB = `query ProjectsSectionsBids($first: Int, $after: Cursor) {
  tradingProjects(first: $first, after: $after, orderBy: CODE_ASC) {
    edges { node { code name
      sectionsByProjectId(orderBy: CODE_ASC) { nodes { code name
        bids(orderBy: [SUBMITTED_AT_ASC, ID_ASC]) { nodes { amount submittedAt status } } } } } }
    pageInfo { endCursor }
  }
}`;

/** The bench's nested read (bench/scenarios/read.ts) in PostGraphile's names; qualifications is its jsonb column. */
const PEER_NESTED = `query NestedRead($first: Int, $after: Cursor) {
  tradingProjects(first: $first, after: $after, orderBy: CODE_ASC) {
    edges { node { code name budget publishedAt
      sectionsByProjectId(orderBy: CODE_ASC) { nodes { code name budget
        bids(orderBy: [SUBMITTED_AT_ASC, ID_ASC]) { nodes { amount submittedAt status
          bidder { creditCode name qualifications } } } } } } }
    pageInfo { endCursor }
  }
}`;

/** The nested read plus a field with a resolver of its own at each level the issue names, and a masked bid field. */
const HUB_FULL = `query FullRead($first: Int, $after: String) {
  tradingProjects(first: $first, after: $after) {
    edges { node { code name budget publishedAt
      category { code name }
      sourceSystem { code name }
      findings { rule message detectedAt }
      sections { code name budget
        bids { amount submittedAt status ipAddress
          bidder { creditCode name qualifications { code name level validUntil } } } } } }
    pageInfo { endCursor }
  }
}`;
const PEER_FULL = `query FullRead($first: Int, $after: Cursor) {
  tradingProjects(first: $first, after: $after, orderBy: CODE_ASC) {
    edges { node { code name budget publishedAt
      category { code name }
      sourceSystem { code name }
      findings(orderBy: [DETECTED_AT_ASC, ID_ASC]) { nodes { rule message detectedAt } }
      sectionsByProjectId(orderBy: CODE_ASC) { nodes { code name budget
        bids(orderBy: [SUBMITTED_AT_ASC, ID_ASC]) { nodes { amount submittedAt status ipAddress
          bidder { creditCode name qualifications } } } } } } }
    pageInfo { endCursor }
  }
}`;

/** The table, in its order. */
export const SHAPES: readonly Shape[] = [
  { name: 'tradingProject(code), 8 scalar columns', hub: HUB_LOOKUP, peer: PEER_LOOKUP },
  { name: 'projects → sections → bids, first 5', hub: HUB_PSB, peer: PEER_PSB, first: 5 },
  { name: 'full nested read, first 5', hub: NESTED_READ, peer: PEER_NESTED, first: 5 },
  { name: 'projects → sections → bids, first 20', hub: HUB_PSB, peer: PEER_PSB, first: 20 },
  { name: 'full nested read, first 20', hub: NESTED_READ, peer: PEER_NESTED, first: 20 },
  { name: 'full nested read, first 50', hub: NESTED_READ, peer: PEER_NESTED, first: 50 },
  {
    name: 'full nested read + category, sourceSystem, findings, masked bid field, first 20',
    hub: HUB_FULL,
    peer: PEER_FULL,
    first: 20,
    masked: true,
  },
];

/**
 * What PostGraphile cannot infer from constraints: a project's category and its findings are joined on codes
 * without a foreign key (the hub's loaders join them the same way). Smart comments on the bench database only.
 */
const SMART_COMMENTS = [
  `comment on table trading_project is E'@foreignKey (category_code) references trading_category (code)|@fieldName category'`,
  `comment on table finding is E'@foreignKey (project_code) references trading_project (code)|@fieldName project|@foreignFieldName findings'`,
];

interface Answer {
  data?: Record<string, { edges?: { node: { code: string } }[]; pageInfo?: { endCursor: string | null } } | null>;
  errors?: { message: string }[];
}

async function post(url: string, body: string, key?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body,
  });
  return (await res.json()) as Answer;
}

/** The bodies a shape rotates over: consecutive pages (each side's own cursors), or project codes. */
async function bodiesOf(
  shape: Shape,
  side: 'hub' | 'peer',
  url: string,
  key: string | undefined,
  codes: readonly string[],
  pages: number,
): Promise<{ bodies: string[]; codes: string[] }> {
  const query = shape[side];
  if (shape.first === undefined) {
    const bodies = codes.map((code) => JSON.stringify({ query, variables: { code } }));
    const root = side === 'hub' ? 'tradingProject' : 'tradingProjectByCode';
    const first = await post(url, bodies[0], key);
    if (first.errors || !first.data?.[root]) throw new Error(`peer: ${side} answered ${JSON.stringify(first)}`);
    return { bodies, codes: [(first.data[root] as unknown as { code: string }).code] };
  }
  const bodies: string[] = [];
  const seen: string[] = [];
  let after: string | null = null;
  for (let p = 0; p < pages; p++) {
    const body = JSON.stringify({ query, variables: { first: shape.first, after } });
    const answer = await post(url, body, key);
    const page = answer.data?.tradingProjects;
    if (answer.errors || !page?.edges) throw new Error(`peer: ${side} answered ${JSON.stringify(answer.errors)}`);
    bodies.push(body);
    if (p === 0) seen.push(...page.edges.map((e) => e.node.code));
    if (page.edges.length < shape.first) break;
    after = page.pageInfo?.endCursor ?? null;
  }
  return { bodies, codes: seen };
}

async function load(
  url: string,
  bodies: string[],
  key: string | undefined,
  connections: number,
  seconds: number,
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
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

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The hub against PostGraphile v4 (bench/peer) on the same database, rows and
 * columns: each request shape of the table at `connections` concurrent
 * connections, hub and peer alternating within every round (the order flipped
 * each round), `rounds` rounds; the figures are the medians. The hub reads with
 * an integrator key checked on every request; PostGraphile has no
 * authentication at all.
 */
export async function peer(ctx: BenchContext, size: PeerSize): Promise<Figure[]> {
  installPeer((m) => ctx.log(m));
  const url = await ctx.pg.freshDatabase('bench_peer');
  ctx.log(`peer: seeding ${size.projects} projects`);
  const orm = await benchOrm(url);
  let key: string;
  try {
    await seedVolume(orm, { projects: size.projects, progress: null });
    key = await benchReader(orm);
  } finally {
    await orm.close(true);
  }
  for (const sql of SMART_COMMENTS) await ctx.pg.sql('bench_peer', sql);
  await ctx.pg.sql('bench_peer', 'vacuum analyze');
  const codes = (
    await ctx.pg.sql<{ code: string }>(
      'bench_peer',
      `select code from trading_project order by md5(code) limit ${Math.max(1, size.pages)}`,
    )
  ).map((r) => r.code);

  const hub = await startHub(url, { HUB_FEED_POLL_MS: '600000' });
  let pg: HubChild | undefined;
  try {
    pg = await startBaseline(url, join(ROOT, 'dist', 'bench', 'peer', 'server.js'));
    const prepared = [];
    for (const shape of SHAPES) {
      const h = await bodiesOf(shape, 'hub', hub.url, key, codes, size.pages);
      const p = await bodiesOf(shape, 'peer', pg.url, undefined, codes, size.pages);
      // Same rows on both sides (first page), else the comparison means nothing.
      if (h.codes.join() !== p.codes.join())
        throw new Error(`peer: ${shape.name}: the hub read ${h.codes.join()} and PostGraphile ${p.codes.join()}`);
      prepared.push({ shape, hub: h.bodies, peer: p.bodies });
    }
    const runs = new Map<string, { hub: autocannon.Result[]; peer: autocannon.Result[] }>(
      SHAPES.map((s) => [s.name, { hub: [], peer: [] }]),
    );
    const warm = Math.max(1, Math.min(3, Math.floor(size.seconds / 4)));
    for (let round = 0; round < size.rounds; round++) {
      for (const { shape, hub: hubBodies, peer: peerBodies } of prepared) {
        const sides = [
          async () => {
            await load(hub.url, hubBodies, key, size.connections, warm);
            const r = await load(hub.url, hubBodies, key, size.connections, size.seconds);
            if (r.non2xx || r.errors) throw new Error(`peer: the hub failed ${r.non2xx} requests (${r.errors} errors)`);
            runs.get(shape.name)!.hub.push(r);
          },
          async () => {
            await load(pg!.url, peerBodies, undefined, size.connections, warm);
            const r = await load(pg!.url, peerBodies, undefined, size.connections, size.seconds);
            if (r.non2xx || r.errors)
              throw new Error(`peer: PostGraphile failed ${r.non2xx} requests (${r.errors} errors)`);
            runs.get(shape.name)!.peer.push(r);
          },
        ];
        if (round % 2) sides.reverse();
        for (const side of sides) await side();
        const last = runs.get(shape.name)!;
        ctx.log(
          `peer: round ${round + 1} ${shape.name}: hub ${Math.round(last.hub.at(-1)!.requests.average)} req/s, PostGraphile ${Math.round(last.peer.at(-1)!.requests.average)} req/s`,
        );
      }
    }
    const figures: Figure[] = [];
    for (const { shape, hub: hubBodies, peer: peerBodies } of prepared) {
      const r = runs.get(shape.name)!;
      const params = {
        ...size,
        first: shape.first ?? null,
        bodiesHub: hubBodies.length,
        bodiesPeer: peerBodies.length,
        hubKey: shape.masked ? 'INTEGRATOR without BID_EVIDENCE (bid field masked)' : 'INTEGRATOR',
        peer: 'postgraphile 4.14.1 + @graphile-contrib/pg-simplify-inflector 6.1.0, production settings',
        hubRounds: r.hub.map((x) => x.requests.average),
        peerRounds: r.peer.map((x) => x.requests.average),
        tool: 'autocannon',
      };
      const f = (metric: string, unit: string, dir: 'higher' | 'lower', hv: number, bv: number) =>
        figure('peer', `${shape.name}: ${metric}`, unit, dir, hv, bv, ctx.machine, params);
      figures.push(
        f(
          'requests per second',
          'req/s',
          'higher',
          median(r.hub.map((x) => x.requests.average)),
          median(r.peer.map((x) => x.requests.average)),
        ),
        f(
          'latency p50',
          'ms',
          'lower',
          median(r.hub.map((x) => x.latency.p50)),
          median(r.peer.map((x) => x.latency.p50)),
        ),
      );
    }
    figures.push(
      figure('peer', 'peak RSS', 'MiB', 'lower', hub.peakRssMiB(), pg.peakRssMiB(), ctx.machine, { ...size }),
    );
    return figures;
  } finally {
    await pg?.stop();
    await hub.stop();
  }
}
