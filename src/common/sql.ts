import { createHash } from 'node:crypto';

/**
 * Helpers for the set-based SQL of the hub. Batches travel to PostgreSQL as
 * one JSON parameter (unpacked with jsonb_to_recordset / jsonb_array_elements),
 * so a statement has a fixed number of bind parameters however many rows it
 * carries, far below PostgreSQL's 65,535 limit.
 */

/** SQL fragment `(select ... from jsonb_array_elements_text(?::jsonb))`: a set of text values bound as one parameter. */
export const TEXT_SET = '(select jsonb_array_elements_text(?::jsonb))';

/** The one parameter that goes with {@link TEXT_SET}. */
export function textSetParam(values: readonly string[]): string {
  return JSON.stringify(values);
}

interface KnexLike {
  raw(sql: string, bindings: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement with real bind parameters through knex (in the
 * EntityManager's transaction when it has one). Unlike `em.execute`, which
 * inlines every parameter into the SQL text on the client, large batch
 * parameters (megabytes of JSON) go to PostgreSQL as they are.
 */
export async function query<T>(em: import('@mikro-orm/postgresql').EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const knex = (em.getTransactionContext() ?? em.getConnection().getKnex()) as unknown as KnexLike;
  const result = await knex.raw(sql, params);
  return result.rows as T[];
}

interface PooledClient {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}
interface KnexClientLike {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(connection: PooledClient): Promise<unknown>;
}

/** Statements prepared under a name on every pooled connection; beyond this many distinct texts, statements run unnamed. */
const MAX_PREPARED = 256;
const prepared = new Map<string, string>();

/**
 * Runs `text` (parameters `$1`, `$2`, ...) as a named prepared statement on a
 * pooled connection: PostgreSQL parses and plans a text once per connection,
 * not on every call, which matters for the long statements the compiled read
 * path generates (src/read/sql-tree.ts). At most MAX_PREPARED distinct texts
 * are named per process, so no caller can grow the server's statement caches
 * without bound. Inside a transaction it runs in that transaction, unnamed
 * (then each parameter must appear once, in order).
 */
export async function queryPrepared<T>(em: import('@mikro-orm/postgresql').EntityManager, text: string, values: readonly unknown[]): Promise<T[]> {
  if (em.getTransactionContext()) return query<T>(em, text.replace(/\$\d+/g, '?'), values);
  let name = prepared.get(text);
  if (!name && prepared.size < MAX_PREPARED) prepared.set(text, (name = `hub_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  const client = em.getConnection().getKnex().client as unknown as KnexClientLike;
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ name, text, values })).rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}
