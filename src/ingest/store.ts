import { ReferenceKind, type EntityClass, type MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_SET, query, textSetParam } from '../common/sql';
import type { Principal } from '../auth/principal';
import { authoritativeFor } from './authorise';
import type { PushedRecord } from './pushed-record.entity';
import type { Accepted, CurrentVersion, Written } from './types';

/** One column of a pushed table: its name and the PostgreSQL type jsonb_to_recordset reads it as. */
export type Column = readonly [name: string, pgType: string];

/**
 * How a data family's rows are stored; the SQL is built from it and from the
 * entity's ORM metadata once. The columns written are the entity's own
 * (everything but the bookkeeping every pushed record has: id, owner and
 * pushing system, version, content hash, times), so `toRow` of upsertRecords
 * gives a value for each of them by column name.
 */
export interface TableSpec {
  /** The entity of the table (a PushedRecord). */
  entity: EntityClass<PushedRecord>;
  /**
   * The topic the table's records are published under (whose authoritative grant lets a system change others' records).
   */
  topic: string;
  /** Columns of the business key (the ON CONFLICT target). */
  conflict: readonly string[];
  /** SQL expression over `t` giving the business key as text, e.g. `t.code`. */
  keyExpr: string;
}

/** Columns of every pushed table that the store itself writes. */
const BOOKKEEPING = new Set([
  'id',
  'source_system_id',
  'owner_system_id',
  'version',
  'content_hash',
  'created_at',
  'updated_at',
]);

interface Upsert {
  sql: string;
  columns: readonly Column[];
}

const upsertCache = new WeakMap<TableSpec, Upsert>();

/** The content columns of the spec's table, from the ORM's metadata of its entity. */
export function contentColumns(metadata: MetadataStorage, spec: TableSpec): { table: string; columns: Column[] } {
  const meta = metadata.find(spec.entity.name);
  if (!meta) throw new Error(`${spec.entity.name} is not an entity of this ORM`);
  const columns = meta.props
    .filter(
      (p) =>
        p.persist !== false &&
        (p.kind === ReferenceKind.SCALAR ||
          p.kind === ReferenceKind.MANY_TO_ONE ||
          (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
    )
    .filter((p) => p.fieldNames?.length === 1 && !BOOKKEEPING.has(p.fieldNames[0]))
    .map((p): Column => [p.fieldNames[0], p.columnTypes[0]]);
  return { table: meta.tableName, columns };
}

function upsertOf(em: EntityManager, spec: TableSpec): Upsert {
  const cached = upsertCache.get(spec);
  if (cached) return cached;
  const { table, columns } = contentColumns(em.getMetadata(), spec);
  const names = columns.map(([n]) => n);
  const sql = `insert into ${table} as t (${names.join(', ')}, source_system_id, owner_system_id, version, content_hash, created_at, updated_at)
    select ${names.map((n) => `r.${n}`).join(', ')}, ?, ?, 1, r.content_hash, now(), now()
    from jsonb_to_recordset(?::jsonb) as r(${columns.map(([n, type]) => `${n} ${type}`).join(', ')}, content_hash text)
    on conflict (${spec.conflict.join(', ')}) do update set
      ${names
        .filter((n) => !spec.conflict.includes(n))
        .map((n) => `${n} = excluded.${n}`)
        .join(', ')},
      source_system_id = excluded.source_system_id, content_hash = excluded.content_hash,
      version = t.version + 1, updated_at = now()
    where t.content_hash is distinct from excluded.content_hash and (t.owner_system_id = excluded.owner_system_id or ?::boolean)
    returning ${spec.keyExpr} as key, t.id, t.version, (t.xmax = 0) as created, t.updated_at`;
  const upsert = { sql, columns };
  upsertCache.set(spec, upsert);
  return upsert;
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
  const upsert = upsertOf(em, spec);
  // A column toRow leaves out would be written as null: a fault of the family's code, never of the data.
  const missing = rows.length ? upsert.columns.filter(([n]) => !(n in rows[0])) : [];
  if (missing.length)
    throw new Error(`the row of ${spec.entity.name} lacks the columns ${missing.map(([n]) => n).join(', ')}`);
  const system = principal.sourceSystem!.id;
  const written = await query<{ key: string; id: string; version: number; created: boolean; updated_at: Date }>(
    em,
    upsert.sql,
    [system, system, JSON.stringify(rows), authoritativeFor(principal, spec.topic)],
  );
  return written.map((w) => ({
    key: w.key,
    version: w.version,
    created: w.created,
    meta: { id: w.id, updatedAt: new Date(w.updated_at).toISOString() },
  }));
}

/**
 * Current version, content hash and owner of the given keys, in one query.
 * `from` is the FROM clause with `t` as the record table (it may join the
 * tables the key is made of); `keyExpr` the business key as text.
 */
export async function loadCurrentVersions(
  em: EntityManager,
  from: string,
  keyExpr: string,
  keys: readonly string[],
): Promise<Map<string, CurrentVersion>> {
  if (!keys.length) return new Map();
  const rows = await query<{
    key: string;
    version: number;
    content_hash: string;
    owner_system_id: number;
    owner_code: string;
  }>(
    em,
    `select ${keyExpr} as key, t.version, t.content_hash, t.owner_system_id, o.code as owner_code
     from ${from} join source_system o on o.id = t.owner_system_id
     where ${keyExpr} in ${TEXT_SET}`,
    [textSetParam(keys)],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      { version: r.version, contentHash: r.content_hash, ownerSystemId: r.owner_system_id, ownerCode: r.owner_code },
    ]),
  );
}
