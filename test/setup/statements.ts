import { Client as PgClient } from 'pg';
import type { Hub } from '../../resolvers/app/hub';

/**
 * Counts the SQL statements sent while `run` runs, at both layers a statement
 * can pass through (MikroORM's execute and the knex client's query). The feed's
 * tail reads and transaction control statements are not the request's own.
 * Named prepared statements and the statements sent to the pg client straight
 * (src/common/knex.ts), which bypass knex, are counted at the pg client.
 */
export async function countStatements(
  hub: Hub,
  run: () => Promise<unknown>,
): Promise<{ executes: string[]; queries: string[] }> {
  const conn = hub.services.orm.em.getConnection() as unknown as {
    execute: (...args: unknown[]) => Promise<unknown>;
    getKnex(): { client: { query: (...args: unknown[]) => Promise<unknown> } };
  };
  const client = conn.getKnex().client;
  const execute = conn.execute;
  const query = client.query;
  const executes: string[] = [];
  const queries: string[] = [];
  const own = (sql: string) =>
    !/as watermark/.test(sql) && !/^\s*(begin|commit|rollback|start transaction|set transaction)/i.test(sql);
  // Prepared statements (src/common/sql.ts queryPrepared) go to a pooled pg client directly, named.
  // Kept to be restored and called with the client as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const pgQuery = PgClient.prototype.query;
  // So do the statements src/common/knex.ts sends to the pg client straight (promise style, where knex passes a
  // callback): counted here, once.
  PgClient.prototype.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as { text?: string; name?: string } | string;
    const text = typeof q === 'string' ? q : q?.text;
    const named = typeof q === 'object' && q !== null && 'name' in q;
    const fromKnex = typeof args[1] === 'function' || typeof args[2] === 'function';
    if (text && own(text) && (named || !fromKnex)) queries.push(text);
    return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pgQuery;
  conn.execute = function (this: unknown, ...args: unknown[]) {
    const sql = String(args[0]);
    if (own(sql)) executes.push(sql);
    return execute.apply(this, args);
  };
  client.query = function (this: unknown, ...args: unknown[]) {
    const q = args[1] as string | { sql: string };
    const sql = typeof q === 'string' ? q : q.sql;
    if (own(sql)) queries.push(sql);
    return query.apply(this, args);
  };
  try {
    await run();
  } finally {
    conn.execute = execute;
    client.query = query;
    PgClient.prototype.query = pgQuery;
  }
  return { executes, queries };
}

/**
 * Every statement sent to PostgreSQL while `run` runs, counted at the pg
 * client, so statements inside transactions count too (the push pipeline's
 * writes); the feed's tail reads and transaction control are left out.
 */
export async function sentStatements(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  // Kept to be restored and called with the client as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const pgQuery = PgClient.prototype.query;
  PgClient.prototype.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as { text?: string } | string;
    const text = typeof q === 'string' ? q : (q?.text ?? '');
    if (
      !/as watermark/.test(text) &&
      !/^\s*(begin|commit|rollback|start transaction|set transaction|savepoint|release savepoint)/i.test(text)
    )
      sent.push(text);
    return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pgQuery;
  try {
    await run();
  } finally {
    PgClient.prototype.query = pgQuery;
  }
  return sent;
}
