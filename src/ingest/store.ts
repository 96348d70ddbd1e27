import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import type { Principal } from '../auth/principal';
import { authoritativeFor } from './authorise';
import type { Accepted, CurrentVersion, Written } from './types';

/** One column of a pushed table: its name and the PostgreSQL type jsonb_to_recordset reads it as. */
export type Column = readonly [name: string, pgType: string];

/** How a data family's rows are stored; the SQL is built from it once. */
export interface TableSpec {
  /** The topic the table's records are published under (whose authoritative grant lets a system change others' records). */
  topic: string;
  table: string;
  /** Columns of the business key (the ON CONFLICT target). */
  conflict: readonly string[];
  /** Content columns, written from the pushed record. */
  columns: readonly Column[];
  /** SQL expression over `t` giving the business key as text, e.g. `t.code`. */
  keyExpr: string;
}

const upsertCache = new WeakMap<TableSpec, string>();

function upsertSql(spec: TableSpec): string {
  const cached = upsertCache.get(spec);
  if (cached) return cached;
  const names = spec.columns.map(([n]) => n);
  const sql = `insert into ${spec.table} as t (${names.join(', ')}, source_system_id, owner_system_id, version, content_hash, created_at, updated_at)
    select ${names.map((n) => `r.${n}`).join(', ')}, ?, ?, 1, r.content_hash, now(), now()
    from jsonb_to_recordset(?::jsonb) as r(${spec.columns.map(([n, t]) => `${n} ${t}`).join(', ')}, content_hash text)
    on conflict (${spec.conflict.join(', ')}) do update set
      ${names.filter((n) => !spec.conflict.includes(n)).map((n) => `${n} = excluded.${n}`).join(', ')},
      source_system_id = excluded.source_system_id, content_hash = excluded.content_hash,
      version = t.version + 1, updated_at = now()
    where t.content_hash is distinct from excluded.content_hash and (t.owner_system_id = excluded.owner_system_id or ?::boolean)
    returning ${spec.keyExpr} as key, t.id, t.version, (t.xmax = 0) as created, t.updated_at`;
  upsertCache.set(spec, sql);
  return sql;
}

/**
 * Writes accepted records in one multi-row statement (one JSON parameter, so
 * no bind-parameter limit), in key order so that concurrent pushes of the same
 * records lock rows in the same order and never deadlock. The owner is set on
 * creation and kept on update.
 *
 * Ownership is enforced by the statement itself, not only by the pipeline's
 * read before the transaction: an existing row (also one a racing push
 * created a moment ago, which ON CONFLICT waits for and then sees) is changed
 * only by its owner or a system authoritative for the topic. Returns only the
 * rows really written: a row left out either holds the pushed content already
 * or belongs to another system (the pipeline tells which).
 */
export async function upsertRecords<T>(
  em: EntityManager,
  spec: TableSpec,
  records: readonly Accepted<T>[],
  toRow: (record: Accepted<T>) => Record<string, unknown>,
  principal: Principal,
): Promise<Written[]> {
  const sorted = [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = sorted.map((r) => ({ ...toRow(r), content_hash: r.contentHash }));
  const system = principal.sourceSystem!.id;
  const written = await query<{ key: string; id: string; version: number; created: boolean; updated_at: Date }>(em, upsertSql(spec), [
    system,
    system,
    JSON.stringify(rows),
    authoritativeFor(principal, spec.topic),
  ]);
  return written.map((w) => ({ key: w.key, version: w.version, created: w.created, meta: { id: w.id, updatedAt: new Date(w.updated_at).toISOString() } }));
}

/**
 * Current version, content hash and owner of the given keys, in one query.
 * `from` is the FROM clause with `t` as the record table (it may join the
 * tables the key is made of); `keyExpr` the business key as text.
 */
export async function loadCurrentVersions(em: EntityManager, from: string, keyExpr: string, keys: readonly string[]): Promise<Map<string, CurrentVersion>> {
  if (!keys.length) return new Map();
  const rows = await query<{ key: string; version: number; content_hash: string; owner_system_id: number; owner_code: string }>(
    em,
    `select ${keyExpr} as key, t.version, t.content_hash, t.owner_system_id, o.code as owner_code
     from ${from} join source_system o on o.id = t.owner_system_id
     where ${keyExpr} in ${TEXT_SET}`,
    [textSetParam(keys)],
  );
  return new Map(rows.map((r) => [r.key, { version: r.version, contentHash: r.content_hash, ownerSystemId: r.owner_system_id, ownerCode: r.owner_code }]));
}
