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

interface KnexTransaction {
  isCompleted(): boolean;
  client: KnexClient;
}

/** Texts with `?` turned into `$1`, `$2`, ... (null: one knex must compile itself), by text; bounded. */
const positional = new Map<string, { text: string; count: number } | null>();
const MAX_POSITIONAL = 512;

/**
 * The text with knex's `?` placeholders numbered as PostgreSQL's `$n`, and
 * their count; null for what only knex's own compiler may handle (`??`
 * identifiers, `\?` escapes).
 */
export function positionalSql(sql: string): { text: string; count: number } | null {
  const known = positional.get(sql);
  if (known !== undefined) return known;
  let count = 0;
  // Text first, then the count it left: property values are evaluated in order.
  const result = /\?\?|\\\?/.test(sql) ? null : { text: sql.replace(/\?/g, () => `$${++count}`), count };
  if (positional.size < MAX_POSITIONAL) positional.set(sql, result);
  return result;
}

/** A value knex would compile into the text (a raw fragment or a query builder), or refuse (undefined). */
function knexOnly(value: unknown): boolean {
  return (
    value === undefined ||
    typeof value === 'function' ||
    (typeof value === 'object' && value !== null && 'toSQL' in value)
  );
}

/**
 * The rows of a statement with `?` bind parameters, in the EntityManager's
 * transaction when it has one, on the pool otherwise. It goes to the pg
 * client straight, as knex would send it (the same text with `$n`, the same
 * values, on the transaction's own connection): knex's runner cost a push
 * about a twentieth of its CPU in statement compiling, events and promise
 * layers for nothing that these texts need. Anything else (identifier
 * bindings, escapes, raw values, undefined values, a wrong count, a finished
 * transaction) goes through knex, which compiles it or throws its own error.
 */
export async function knexRows<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const trx = em.getTransactionContext<RawRunner & KnexTransaction>();
  const compiled = positionalSql(sql);
  if (compiled && compiled.count === params.length && !params.some(knexOnly) && !trx?.isCompleted()) {
    if (trx) {
      // A transaction's client hands out the transaction's one connection (and its release does nothing).
      const connection = await trx.client.acquireConnection();
      return (await connection.query({ text: compiled.text, values: params })).rows as T[];
    }
    return withPooledClient(em, async (c) => (await c.query({ text: compiled.text, values: params })).rows as T[]);
  }
  const runner = (trx ?? em.getConnection().getKnex()) as unknown as RawRunner;
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
  const trx = em.getTransactionContext<RawRunner & KnexTransaction>();
  // No values: the pg client sends the text with the simple query protocol, as knex does; straight to the
  // transaction's connection, as knexRows does.
  const result: { rows: unknown[] } | { rows: unknown[] }[] =
    trx && !trx.isCompleted() && !sql.includes('?')
      ? await (await trx.client.acquireConnection()).query({ text: sql, values: [] })
      : await ((trx ?? em.getConnection().getKnex()) as unknown as RawRunner).raw(sql, []);
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
