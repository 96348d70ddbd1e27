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
