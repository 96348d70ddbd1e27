import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * The knex that MikroORM 6 runs its statements on, reached through
 * `em.getConnection().getKnex()` and `em.getTransactionContext()`: the one
 * module that knows its shape (what `raw` returns with the pg client, and the
 * client's pool). test/e2e/knex-adapter.test.ts fails if a new MikroORM or knex
 * changes it.
 */

interface RawRunner {
  raw(sql: string, bindings: readonly unknown[]): Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
}

/** A pooled pg client, as knex's client hands it out. */
export interface PooledClient {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(connection: PooledClient): Promise<unknown>;
}

/**
 * The rows of a statement with `?` bind parameters, run through knex in the
 * EntityManager's transaction when it has one, on the pool otherwise.
 */
export async function knexRows<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const runner = (em.getTransactionContext() ?? em.getConnection().getKnex()) as unknown as RawRunner;
  return ((await runner.raw(sql, params)) as { rows: unknown[] }).rows as T[];
}

/**
 * Runs several statements without parameters, separated by semicolons, in one
 * round trip (PostgreSQL's simple query protocol), in the EntityManager's
 * transaction when it has one; the rows of each, in order. Each statement
 * still takes its own snapshot (READ COMMITTED), so one may read what became
 * visible while an earlier one waited for a lock. For constant statements
 * only: there is no way to bind a value.
 */
export async function knexBatch(em: EntityManager, sql: string): Promise<unknown[][]> {
  const runner = (em.getTransactionContext() ?? em.getConnection().getKnex()) as unknown as RawRunner;
  const result = await runner.raw(sql, []);
  return Array.isArray(result) ? result.map((r) => r.rows) : [result.rows];
}

/** Runs `fn` with a pg client of knex's pool (never in a transaction), released afterwards. */
export async function withPooledClient<T>(em: EntityManager, fn: (client: PooledClient) => Promise<T>): Promise<T> {
  const client = em.getConnection().getKnex().client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    return await fn(connection);
  } finally {
    await client.releaseConnection(connection);
  }
}
