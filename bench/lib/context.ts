import type { MikroORM } from '@mikro-orm/postgresql';
import autocannon from 'autocannon';
import { ADMIN } from '../../src/auth/principal';
import { createClient } from '../../src/auth/admin.service';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { registerSourceSystem } from '../../src/systems/source-system.service';
import type { BenchPostgres } from './env';
import type { Figure } from './results';
import { REGISTRY } from '../../resolvers/families';

/** What every scenario gets from the runner. */
export interface BenchContext {
  pg: BenchPostgres;
  machine: Record<string, string | number>;
  /** Progress lines on stderr. */
  log(message: string): void;
}

export interface Scenario<Size> {
  name: string;
  run(ctx: BenchContext, size: Size): Promise<Figure[]>;
}

/** Opens the ORM on a bench database (applying the migrations) for set-up work done with the hub's own services. */
export function benchOrm(url: string): Promise<MikroORM> {
  return openOrm(url, createLogger('silent'), { pool: { min: 0, max: 4 }, entities: REGISTRY.entities });
}

/** Registers `count` trading systems BENCH-1.. granted the whole province and returns their API keys. */
export async function benchSystems(orm: MikroORM, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 1; i <= count; i++) {
    const { apiKey } = await registerSourceSystem(
      orm.em.fork(),
      ADMIN,
      { code: `BENCH-${i}`, name: `压测系统 ${i}`, kind: 'GOVERNMENT', regionCode: '420000', regions: ['420000'] },
      REGISTRY,
    );
    keys.push(apiKey);
  }
  return keys;
}

/** An integrator key (role INTEGRATOR): what a reading client of the national platform would hold. */
export async function benchReader(orm: MikroORM): Promise<string> {
  const { apiKey } = await createClient(
    orm.em.fork(),
    ADMIN,
    {
      name: 'bench-reader',
      roles: ['INTEGRATOR', 'FEED_CONSUMER'],
      readTopics: ['MARKET_ENTITY', 'TRADING_PROJECT', 'BID'],
    },
    REGISTRY,
  );
  return apiKey;
}

/**
 * Sends the given POST bodies to `url` with autocannon, `connections` at a
 * time, each body once, each with the key chosen for it. Returns wall time
 * and the requests that did not answer 2xx.
 */
export async function postAll(
  url: string,
  bodies: string[],
  connections: number,
  keyOf: (i: number) => string,
): Promise<{ seconds: number; non2xx: number; errors: number }> {
  let next = 0;
  const started = Date.now();
  // autocannon ends a run with `amount` on its next one-second tick: time the last response instead.
  let lastResponse = started;
  const result = await autocannon({
    url,
    connections: Math.min(connections, bodies.length),
    amount: bodies.length,
    timeout: 300,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = next++ % bodies.length;
          return {
            ...req,
            body: bodies[i],
            headers: { 'content-type': 'application/json', authorization: `Bearer ${keyOf(i)}` },
          };
        },
        onResponse: () => {
          lastResponse = Date.now();
        },
      },
    ],
  });
  return { seconds: (lastResponse - started) / 1000, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}
