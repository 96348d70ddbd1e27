// `raw` from the core (the driver package re-exports the same function): this module is loaded by every family, the
// `hub` command line's too, and the driver would bring knex and its lodash (some 500 modules) to `hub help`.
import {
  raw,
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type FilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * Reads for the GraphQL side as plain objects rather than managed entities.
 *
 * A managed entity costs its identity-map entry, change-set snapshot, and a
 * reference object per relation; the read side never changes what it reads,
 * and on a nested read they cost the hub a large share of its CPU.
 * A plain row has the entity's property names and the values its hydrator
 * would give them (custom types converted, times as Date), and each to-one
 * relation as `{ <primary key>: value }`, so resolvers read `row.section.id`
 * as they would on an entity. Writes keep using entities.
 */

/** The entity's shape without the ORM behind it. */
export type Plain<T> = T;

type Convert = (row: Record<string, unknown>, out: Record<string, unknown>) => void;

const mappers = new WeakMap<EntityMetadata, Convert[]>();

function convertersOf(em: EntityManager, meta: EntityMetadata): Convert[] {
  let list = mappers.get(meta);
  if (list) return list;
  const platform = em.getPlatform();
  list = [];
  for (const prop of meta.props) {
    if (prop.persist === false || prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY)
      continue;
    const name = prop.name;
    if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
      if (prop.fieldNames.length !== 1)
        throw new Error(`plain rows do not support the composite relation ${meta.className}.${name}`);
      const pk = prop.targetMeta!.primaryKeys[0];
      list.push((row, out) => {
        const v = row[name];
        out[name] = v === null || v === undefined ? null : { [pk]: v };
      });
    } else if (prop.customType) {
      const type = prop.customType;
      list.push((row, out) => {
        const v = row[name];
        out[name] = v === null || v === undefined ? null : type.convertToJSValue(v, platform);
      });
    } else if (prop.runtimeType === 'Date') {
      list.push((row, out) => {
        const v = row[name];
        out[name] = v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string);
      });
    } else if (prop.runtimeType === 'boolean') {
      list.push((row, out) => {
        const v = row[name];
        out[name] = v === null || v === undefined ? null : !!v;
      });
    } else {
      list.push((row, out) => {
        out[name] = row[name] ?? null;
      });
    }
  }
  mappers.set(meta, list);
  return list;
}

export interface PlainOptions<T> {
  orderBy?: QueryOrderMap<T> | QueryOrderMap<T>[];
  limit?: number;
}

/**
 * `em.find` for reads: the same condition and order, one statement, plain
 * objects back (see above). Conditions may use raw fragments as with `em.find`.
 */
export async function findPlain<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: PlainOptions<T> = {},
): Promise<Plain<T>[]> {
  const qb = em
    .createQueryBuilder(entity)
    .select('*')
    .where(where as never);
  if (options.orderBy) qb.orderBy(options.orderBy);
  if (options.limit !== undefined) qb.limit(options.limit);
  const rows = await qb.execute<Record<string, unknown>[]>('all', true);
  const converters = convertersOf(em, em.getMetadata().get(entity.name));
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const c of converters) c(row, out);
    return out as Plain<T>;
  });
}

/** One row or null, as {@link findPlain}. */
export async function findOnePlain<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
): Promise<Plain<T> | null> {
  return (await findPlain(em, entity, where, { limit: 1 }))[0] ?? null;
}

/** Maps rows read by hand-written SQL (`select t.*`, column names) to plain objects of the entity. */
export function plainFromColumns<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Record<string, unknown>[],
): Plain<T>[] {
  const meta = em.getMetadata().get<T>(entity.name);
  const converters = convertersOf(em, meta as EntityMetadata);
  const byColumn = meta.props.filter((p) => p.fieldNames?.length === 1).map((p) => [p.fieldNames[0], p.name] as const);
  return rows.map((raw) => {
    const named: Record<string, unknown> = {};
    for (const [column, name] of byColumn) named[name] = raw[column];
    const out: Record<string, unknown> = {};
    for (const c of converters) c(named, out);
    return out as Plain<T>;
  });
}

/**
 * A condition `<alias>.<column> = any(<the set of values>)` with the values bound
 * as one JSON parameter, cast to the column's type. A fresh raw fragment on
 * every call: MikroORM forgets a raw key once a query has used it.
 */
export function inSet(column: string, values: readonly string[], cast: 'bigint' | 'text'): Record<string, unknown> {
  // `= any(array(...))`, not `in (select ...)`: PostgreSQL guesses 100 rows for a set-returning function and, for
  // a semi-join, then prefers a sequential scan of a large child table (the bids of a page's sections) over the
  // (section_id, bidder_id) index; an array it probes through the index.
  return {
    [raw(
      (alias: string) => `${alias}.${column} = any(array(select (jsonb_array_elements_text(?::jsonb))::${cast}))`,
      [JSON.stringify(values)],
    )]: [],
  };
}
