import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import { knexRows, withPooledClient } from './knex';

/**
 * Helpers for the set-based SQL of the hub. Batches travel to PostgreSQL as
 * one JSON parameter (unpacked with jsonb_to_recordset / jsonb_array_elements),
 * so a statement has a fixed number of bind parameters however many rows it
 * carries, far below PostgreSQL's 65,535 limit.
 */

/**
 * SQL fragment `(select ... from jsonb_array_elements_text(?::jsonb))`: a set of text values bound as one parameter.
 */
export const TEXT_SET = '(select jsonb_array_elements_text(?::jsonb))';

/** The one parameter that goes with {@link TEXT_SET}. */
export function textSetParam(values: readonly string[]): string {
  return JSON.stringify(values);
}

/**
 * Runs a statement with real bind parameters (`?`) through knex, in the
 * EntityManager's transaction when it has one. Unlike `em.execute`, which
 * inlines every parameter into the SQL text on the client, large batch
 * parameters (megabytes of JSON) go to PostgreSQL as they are.
 */
export function query<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  return knexRows<T>(em, sql, params);
}

/**
 * Statements prepared under a name on every pooled connection; beyond this many distinct texts, statements run unnamed.
 */
const MAX_PREPARED = 256;
/**
 * The named texts. A plain map that stops naming when full, not an LRU cache:
 * forgetting a name does not deallocate its statement on the pooled
 * connections, so an evicting cache would let a stream of new texts grow
 * PostgreSQL's per-connection statement caches without bound; this bound is
 * what keeps them bounded.
 */
const prepared = new Map<string, string>();
/**
 * Texts run once so far, the least recently seen forgotten first: a text is named on its second run, so one-off
 * statements never take a slot.
 */
const seenOnce = new LRUCache<string, true>({ max: 4 * MAX_PREPARED });
let namedStatements = true;

/**
 * HUB_PREPARED_STATEMENTS=false: every statement runs unnamed, for a
 * connection pooler (PgBouncer in transaction mode before 1.21) that cannot
 * keep a server connection's prepared statements for its client.
 */
export function usePreparedStatements(enabled: boolean): void {
  namedStatements = enabled;
}

function nameOf(text: string): string | undefined {
  if (!namedStatements) return undefined;
  const known = prepared.get(text);
  if (known || prepared.size >= MAX_PREPARED) return known;
  if (!seenOnce.has(text)) {
    seenOnce.set(text, true);
    return undefined;
  }
  seenOnce.delete(text);
  const name = `hub_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  prepared.set(text, name);
  return name;
}

/**
 * Runs `text` (parameters `$1`, `$2`, ...) on a pooled connection, as a
 * named prepared statement once the text has run before: PostgreSQL parses
 * and plans it once per connection, not on every call, which matters for the
 * long statements the compiled read path generates (src/read/sql-tree.ts) and
 * the feed's batch reads. At most MAX_PREPARED texts are named per process,
 * so no caller can grow the server's statement caches without bound.
 * Not for use inside a transaction (the statement would run outside it).
 */
export async function queryPrepared<T>(em: EntityManager, text: string, values: readonly unknown[]): Promise<T[]> {
  if (em.getTransactionContext())
    throw new Error('queryPrepared runs on a pooled connection of its own: use query() inside a transaction');
  return withPooledClient(em, async (client) => (await client.query({ name: nameOf(text), text, values })).rows as T[]);
}
