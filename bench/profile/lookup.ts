/**
 * `node dist/bench/profile/lookup.js [--seconds N] [--projects N] [--out DIR] [--shape lookup|page]`:
 * where the hub's CPU goes on a single-row lookup under load. Runs the hub as
 * `npm start` does with `--cpu-prof`, sends `tradingProject(code)` (8 scalar
 * columns, an integrator key on every request) at 16 connections, and sorts the
 * profile's self time into buckets, in milliseconds of hub CPU per request
 * (README "Performance": where each 0.1 ms goes). `--shape page` sends the peer
 * scenario's "projects → sections → bids, first 5" instead, after rotating cursors.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeCursor } from '../../src/common/pagination';
import { seedVolume } from '../../src/seed/volume';
import { benchOrm, benchReader } from '../lib/context';
import { startHub, startPostgres } from '../lib/env';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds of the monotonic clock (process.hrtime's, in every process on the machine). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The profile's self time by frame and by bucket, ms, counting only the samples between `from` and `to` (µs). */
export function bucketsOf(profile: CpuProfile, from = -Infinity, to = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map<string, number>();
  const frames = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const b = bucketOf(node);
    buckets.set(b, (buckets.get(b) ?? 0) + ms);
    const f = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}`;
    frames.set(f, (frames.get(f) ?? 0) + ms);
  });
  return { buckets, frames };
}

/** Buckets by the first rule a frame's url or function name matches (the frame's own time only). */
const BUCKETS: [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)/],
  ['idle', /^\((idle|program)\)/],
  [
    'socket writes and reads (node:net, stream)',
    /node:(net|_stream|internal\/stream|internal\/streams)|writev|writeUtf8String|writeBuffer/,
  ],
  ['HTTP parsing and responses (node:http)', /node:(_http|http)|internal\/http/],
  ['pg driver (protocol, parsing)', /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-)/],
  ['knex', /node_modules\/knex/],
  ['MikroORM', /node_modules\/@mikro-orm/],
  [
    'compiled read (sql-tree, plugin)',
    /dist\/(src\/read|resolvers\/app\/compiled-reads|resolvers\/trading\/trading-project\.sql|src\/server\/operation)/,
  ],
  ['GraphQL (parse, validate, execute)', /node_modules\/graphql\//],
  [
    'graphql-armor, query complexity (limits)',
    /node_modules\/(@escape\.tech|graphql-query-complexity)|dist\/src\/limits/,
  ],
  ['Apollo Server', /node_modules\/@apollo|node_modules\/@as-integrations/],
  [
    'Express, body parser, cors',
    /node_modules\/(express|body-parser|router|raw-body|iconv-lite|cors|type-is|content-type|finalhandler|on-finished|proxy-addr|qs|send)/,
  ],
  [
    'authentication, rate limit (hub)',
    /dist\/(src\/auth|resolvers\/context|src\/server\/guard)|node_modules\/limiter|node_modules\/lru-cache/,
  ],
  [
    'logging (pino, request log)',
    /node_modules\/(pino|sonic-boom|fast-redact|quick-format)|dist\/src\/(logger|server\/request-log)/,
  ],
  ['SM3 and canonical JSON (hash chain, content hashes)', /dist\/src\/common\/canonical/],
  [
    'graphql-ws, ws (subscriptions)',
    /node_modules\/(graphql-ws|ws)\/|dist\/resolvers\/app\/ws|dist\/src\/server\/(ws-|shared-execution)/,
  ],
  ['fetch (undici)', /undici/],
  ['relay (mapping, delivery)', /dist\/src\/relay/],
  ['change feed, consumers (hub)', /dist\/(src\/(feed|consumers)|resolvers\/(feed|consumers))/],
  ['push pipeline, records, OCDS (hub)', /dist\/(src|resolvers)\/(ingest|market|trading|credit|systems)/],
  ['hub HTTP layer, metrics, errors', /dist\/(resolvers\/app|src\/server|src\/common)|node_modules\/prom-client/],
  ['crypto (key hash, request id)', /node:crypto|internal\/crypto/],
  ['other node internals', /^node:|internal\//],
  ['other JavaScript', /./],
  ['native (no url)', /^$/],
];

function bucketOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName.startsWith('(')) {
    for (const [name, re] of BUCKETS.slice(0, 2)) if (re.test(functionName)) return name;
  }
  const key = url || functionName;
  for (const [name, re] of BUCKETS.slice(2, -1)) if (re.test(url) || (!url && re.test(functionName))) return name;
  return key ? 'native (no url)' : 'native (no url)';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      projects: { type: 'string', default: '2000' },
      out: { type: 'string' },
      shape: { type: 'string', default: 'lookup' },
    },
  });
  const seconds = Number(values.seconds);
  const dir = values.out ?? mkdtempSync(join(tmpdir(), 'hub-profile-'));
  const pg = await startPostgres();
  try {
    const url = await pg.freshDatabase('bench_profile');
    const orm = await benchOrm(url);
    let key: string;
    try {
      await seedVolume(orm, { projects: Number(values.projects), progress: null });
      key = await benchReader(orm);
    } finally {
      await orm.close(true);
    }
    await pg.sql('bench_profile', 'vacuum analyze');
    const codes = (
      await pg.sql<{ code: string }>('bench_profile', 'select code from trading_project order by md5(code) limit 200')
    ).map((r) => r.code);
    const lookup =
      'query Lookup($code: String!) { tradingProject(code: $code) { code name status method regionCode budget currency publishedAt } }';
    const page = `query ProjectsSectionsBids($first: Int, $after: String) {
  tradingProjects(first: $first, after: $after) {
    edges { node { code name sections { code name bids { amount submittedAt status } } } }
    pageInfo { endCursor }
  }
}`;
    const bodies = codes.map((code) =>
      values.shape === 'page'
        ? JSON.stringify({ query: page, variables: { first: 5, after: encodeCursor([code]) } })
        : JSON.stringify({ query: lookup, variables: { code } }),
    );
    process.env.BENCH_HUB_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${dir}`;
    const hub = await startHub(url, { HUB_FEED_POLL_MS: '600000' });
    let result: autocannon.Result;
    let from = 0;
    let to = 0;
    try {
      const run = (duration: number) => {
        let next = 0;
        return autocannon({
          url: hub.url,
          connections: 16,
          duration,
          requests: [
            {
              method: 'POST',
              setupRequest: (req) => ({
                ...req,
                body: bodies[next++ % bodies.length],
                headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
              }),
            },
          ],
        });
      };
      await run(3);
      from = Number(process.hrtime.bigint() / 1000n);
      result = await run(seconds);
      to = Number(process.hrtime.bigint() / 1000n);
    } finally {
      await hub.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile in ${dir}`);
    // Only the samples of the measured run (start-up, warm-up and shutdown left out).
    const { buckets, frames } = bucketsOf(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, from, to);
    const requests = result.requests.total;
    const busy = [...buckets].filter(([b]) => b !== 'idle').reduce((s, [, v]) => s + v, 0);
    console.log(
      `requests/s ${Math.round(result.requests.average)}, p50 ${result.latency.p50} ms; profile ${join(dir, file)}`,
    );
    console.log(`hub CPU per request (all buckets but idle): ${(busy / requests).toFixed(3)} ms`);
    for (const [b, ms] of [...buckets].sort((x, y) => y[1] - x[1]))
      console.log(`${(ms / requests).toFixed(3).padStart(7)} ms  ${b}`);
    console.log('\nframes with the most self time:');
    for (const [f, ms] of [...frames].sort((x, y) => y[1] - x[1]).slice(0, 40))
      console.log(`${(ms / requests).toFixed(3).padStart(7)} ms  ${f}`);
    if (!values.out) rmSync(dir, { recursive: true, force: true });
  } finally {
    await pg.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
