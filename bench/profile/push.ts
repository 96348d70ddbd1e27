/**
 * `node dist/bench/profile/push.js [--pushes N] [--in-flight N] [--subscribers N] [--out DIR]`:
 * where the hub's CPU goes on a small push (5 market entities, the small-pushes
 * scenario's push) under load. Runs the hub as `npm start` does with
 * `--cpu-prof`, sends pushes from 27 systems (each its own key) keeping
 * `in-flight` outstanding while `subscribers` graphql-ws subscribers follow
 * the feed, and sorts the profile's self time of the measured run into
 * buckets, in milliseconds of hub CPU per push. Also reports the hub's and
 * PostgreSQL's CPU time per push from /proc (what the profile's sampling
 * does not see: PostgreSQL's share of the two cores).
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { volumeEntity } from '../../src/seed/generator';
import { benchOrm, benchReader, benchSystems } from '../lib/context';
import { startHub, startPostgres } from '../lib/env';
import { subscribe, type Subscriber } from '../lib/subscribers';
import { bucketsOf, type CpuProfile } from './lookup';

const PUSH = 'mutation Push($records: [MarketEntityInput!]!) { pushMarketEntities(records: $records) { accepted } }';
const FOLLOW =
  'subscription Changes($after: String, $topics: [ChangeTopic!]) { changes(after: $after, topics: $topics) { seq key } }';

/** utime + stime (+ reaped children's, for PostgreSQL's postmaster) of a process, in ms. */
function cpuMs(pid: number, withChildren = false): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // Fields after the command: state is index 0, so utime (14th field) is 11, stime 12, cutime 13, cstime 14.
    const ticks = Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    return ticks * 10; // CLK_TCK is 100 on Linux
  } catch {
    return 0;
  }
}

/** CPU ms of a PostgreSQL server: the postmaster with its reaped children, plus its live children. */
function postgresCpuMs(postmaster: number): number {
  let total = cpuMs(postmaster, true);
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === postmaster) total += cpuMs(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Functions whose total time (with their callees) is reported: the stages of a push. */
const STAGES = [
  'runPush',
  'appendChanges',
  'checkCost',
  'validate',
  'parse',
  'execute',
  'processGraphQLRequest',
  'runHttpQuery',
  'resolveContext',
  'authenticate',
  'offer',
  'dispatch',
  'broadcast',
  'readChanges',
  'notePush',
  'upsertRecords',
  'loadCurrentVersions',
  'transactional',
  'canonicalJson',
  'contentHash',
  'formatError',
  'stringifyWithRaw',
];

/** Total time (self and callees) of the functions named in STAGES, ms, over the samples between `from` and `to`. */
function stagesOf(profile: CpuProfile, from: number, to: number): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const wanted = new Set(STAGES);
  const totals = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = byId.get(n)!.callFrame.functionName;
      if (wanted.has(name) && !seen.has(name)) {
        seen.add(name);
        totals.set(name, (totals.get(name) ?? 0) + ms);
      }
    }
  });
  return totals;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pushes: { type: 'string', default: '1500' },
      'in-flight': { type: 'string', default: '8' },
      subscribers: { type: 'string', default: '50' },
      out: { type: 'string' },
      /** false: no profiler in the hub, only the CPU times from /proc (the profiler's own cost left out). */
      profile: { type: 'string', default: 'true' },
    },
  });
  const pushes = Number(values.pushes);
  const inFlight = Number(values['in-flight']);
  const warmup = 300;
  const dir = values.out ?? mkdtempSync(join(tmpdir(), 'hub-push-profile-'));
  const pg = await startPostgres();
  const subs: Subscriber[] = [];
  try {
    const url = await pg.freshDatabase('bench_push_profile');
    const orm = await benchOrm(url);
    let keys: string[];
    let readKey: string;
    try {
      keys = await benchSystems(orm, 27);
      readKey = await benchReader(orm);
    } finally {
      await orm.close(true);
    }
    const bodies = Array.from({ length: warmup + pushes }, (_, p) =>
      JSON.stringify({
        query: PUSH,
        variables: { records: Array.from({ length: 5 }, (_, i) => volumeEntity(p * 5 + i, 4242)) },
      }),
    );
    const profiling = values.profile !== 'false';
    if (profiling) process.env.BENCH_HUB_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${dir}`;
    const hub = await startHub(url, { HUB_MAX_SUBSCRIPTIONS: '10' });
    const [{ pid: postmaster }] = await pg.sql<{ pid: number }>(
      'bench_push_profile',
      `select pid from pg_stat_activity where backend_type = 'checkpointer'`,
    );
    // The checkpointer lives as long as the server, a child of the postmaster.
    const pmPid = Number(readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    let sent = 0;
    let failed = 0;
    const run = async (from: number, to: number) => {
      let next = from;
      const worker = async () => {
        while (next < to) {
          const p = next++;
          const res = await fetch(hub.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[p % keys.length]}` },
            body: bodies[p],
          });
          const body = (await res.json()) as { data?: { pushMarketEntities?: { accepted: number } } };
          if (body.data?.pushMarketEntities?.accepted !== 5) failed += 1;
          sent += 1;
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    };
    let from = 0;
    let to = 0;
    let hubCpu = 0;
    let pgCpu = 0;
    let seconds = 0;
    try {
      for (let i = 0; i < Number(values.subscribers); i++)
        subs.push(await subscribe(hub.wsUrl, readKey, FOLLOW, { after: '0', topics: ['MARKET_ENTITY'] }, () => {}));
      await run(0, warmup);
      const hub0 = cpuMs(hub.child.pid!);
      const pg0 = postgresCpuMs(pmPid);
      const t0 = Date.now();
      from = Number(process.hrtime.bigint() / 1000n);
      await run(warmup, warmup + pushes);
      to = Number(process.hrtime.bigint() / 1000n);
      seconds = (Date.now() - t0) / 1000;
      hubCpu = cpuMs(hub.child.pid!) - hub0;
      pgCpu = postgresCpuMs(pmPid) - pg0;
    } finally {
      for (const s of subs) await s.stop();
      await hub.stop();
    }
    console.log(
      `${pushes} pushes of 5 records, ${inFlight} in flight, ${values.subscribers} subscribers: ${(pushes / seconds).toFixed(1)} pushes/s, ${failed} failed of ${sent}`,
    );
    console.log(
      `CPU per push from /proc: hub ${(hubCpu / pushes).toFixed(2)} ms, PostgreSQL ${(pgCpu / pushes).toFixed(2)} ms`,
    );
    if (!profiling) {
      if (!values.out) rmSync(dir, { recursive: true, force: true });
      return;
    }
    // The newest profile (the names hold the time), should the folder hold an earlier run's.
    const file = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .pop();
    if (!file) throw new Error(`no profile in ${dir}`);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const { buckets, frames } = bucketsOf(profile, from, to);
    const busy = [...buckets].filter(([b]) => b !== 'idle').reduce((s, [, v]) => s + v, 0);
    console.log(`profile ${join(dir, file)}`);
    console.log(`hub CPU per push in the profile (all buckets but idle): ${(busy / pushes).toFixed(3)} ms`);
    for (const [b, ms] of [...buckets].sort((x, y) => y[1] - x[1]))
      console.log(`${(ms / pushes).toFixed(3).padStart(7)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${b}`);
    console.log('\ntotal time (with callees) of stages:');
    for (const [name, ms] of [...stagesOf(profile, from, to)].sort((x, y) => y[1] - x[1]))
      console.log(
        `${(ms / pushes).toFixed(3).padStart(7)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${name}`,
      );
    console.log('\nframes with the most self time:');
    for (const [f, ms] of [...frames].sort((x, y) => y[1] - x[1]).slice(0, 45))
      console.log(`${(ms / pushes).toFixed(3).padStart(7)} ms  ${f}`);
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
