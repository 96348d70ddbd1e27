import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { ADMIN } from '../../src/auth/principal';
import { creditStatusOf } from '../../src/credit/credit-record.queries';
import { registerSourceSystem } from '../../src/systems/source-system.service';
import { withCheckChar } from '../../src/common/credit-code';
import { REGISTRY } from '../../resolvers/families';
import { benchOrm, type BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/results';

export interface CreditSize {
  /** Credit records loaded (full size: 1,000,000), ten per subject. */
  records: number;
  /** creditStatus calls timed, one after the other. */
  samples: number;
}

/** The credit code of subject `i` (distinct, valid check character). */
function subject(i: number): string {
  return withCheckChar(`91420100${String(i).padStart(9, '0')}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * creditStatus, the check a trading system runs before it admits a bidder,
 * with `records` credit records loaded (bulk SQL: one statement, mixed kinds,
 * severities and dates over ten years; ten records per subject). The hub
 * figure is the hub's own function (creditStatusOf: the indexed statement,
 * mapping and grading); the baseline is the bare statement on a pg client.
 * Sequential calls for random subjects at random moments; p50 and p99.
 */
export async function credit(ctx: BenchContext, size: CreditSize): Promise<Figure[]> {
  const url = await ctx.pg.freshDatabase('bench_credit');
  const orm = await benchOrm(url);
  try {
    const { system } = await registerSourceSystem(
      orm.em.fork(),
      ADMIN,
      {
        code: 'BENCH-CREDIT',
        name: '压测信用系统',
        kind: 'GOVERNMENT',
        regionCode: '420000',
        topics: ['CREDIT_RECORD'],
      },
      REGISTRY,
    );
    const subjects = Math.max(1, Math.floor(size.records / 10));
    const codes = Array.from({ length: subjects }, (_, i) => subject(i));
    ctx.log(`credit: loading ${size.records} credit records of ${subjects} subjects`);
    const started = performance.now();
    await ctx.pg.sql(
      'bench_credit',
      `insert into credit_record (source_system_id, owner_system_id, version, content_hash, code, subject_type, subject_code,
         kind, severity, status, decided_on, decision_number, authority_name, authority_credit_code, summary,
         effective_from, effective_until, published_from, published_until, repairable_from)
       select $1, $1, 1, md5(g::text), 'BENCH-CR-' || g, 'ENTITY', ($2::text[])[1 + (g % $3)],
         (array['BAD_CONDUCT','ADMINISTRATIVE_PENALTY','GOOD_CONDUCT','BLACKLIST','CONTRACT_PERFORMANCE','CREDIT_COMMITMENT'])[1 + g % 6],
         (array['MINOR','GENERAL','SERIOUS'])[1 + g % 3], 'IN_FORCE', d, 'BENCH-' || g, '压测机关', '114200000110438776', '压测',
         d, d + 365, d, d + 365, d + 90
       from generate_series(1, $4) g, lateral (select date '2016-01-01' + (g::bigint * 7919 % 3650)::int as d) x`,
      [system.id, codes, subjects, size.records],
    );
    await ctx.pg.sql('bench_credit', 'analyze credit_record');
    const loadSeconds = (performance.now() - started) / 1000;

    // The same random subjects and moments for both.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const asks = Array.from({ length: size.samples }, () => ({
      code: codes[Math.floor(next() * codes.length)],
      at: new Date(Date.UTC(2016, 0, 1) + next() * 3650 * 86_400_000),
    }));
    const time = async (call: (a: { code: string; at: Date }) => Promise<unknown>) => {
      for (const a of asks.slice(0, Math.min(200, asks.length))) await call(a); // warm caches and plans
      const ms: number[] = [];
      for (const a of asks) {
        const t0 = performance.now();
        await call(a);
        ms.push(performance.now() - t0);
      }
      return ms.sort((x, y) => x - y);
    };
    const em = orm.em.fork();
    const hub = await time((a) => creditStatusOf(em, a.code, a.at));
    const client = new Client({ connectionString: url });
    await client.connect();
    let base: number[];
    try {
      base = await time((a) =>
        client.query(
          `select r.* from credit_record r where r.subject_code = any($1::text[]) and r.effective_until > $2::date
             and r.effective_from <= $2::date and r.subject_type = 'ENTITY' and r.status <> 'REVOKED'
             and (r.repaired_at is null or r.repaired_at > $3)`,
          [[a.code], a.at.toISOString().slice(0, 10), a.at.toISOString()],
        ),
      );
    } finally {
      await client.end();
    }
    const params = { ...size, subjects, loadSeconds: Math.round(loadSeconds), call: 'creditStatusOf (in process)' };
    const f = (metric: string, h: number, b: number) =>
      figure('credit', metric, 'ms', 'lower', h, b, ctx.machine, params);
    return [
      f('creditStatus p50', percentile(hub, 50), percentile(base, 50)),
      f('creditStatus p99', percentile(hub, 99), percentile(base, 99)),
    ];
  } finally {
    await orm.close(true);
  }
}
