import {
  raw,
  type EntityManager,
  type FilterQuery,
  type QueryOrderMap,
  type RawQueryFragment,
} from '@mikro-orm/postgresql';
import {
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  type MetadataStorage,
} from '@mikro-orm/core';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { LRUCache } from 'lru-cache';
import { classesOf, type MaskingClass, type SensitiveField, type SensitiveFields } from '../auth/masking';
import { RawJson } from '../common/raw-json';
import { queryPrepared } from '../common/sql';

/*
 * The compiled read path: a GraphQL selection over record types becomes ONE
 * SQL statement that builds the response's JSON in PostgreSQL, the way
 * PostGraphile and Hasura answer nested queries. Each selected object is a
 * json_build_object, each list a correlated json_agg in the order the loaders
 * use, each scalar formatted by PostgreSQL exactly as the GraphQL scalar
 * serialises it. The resolvers stay the reference: anything this compiler does
 * not know (a field with a resolver of its own, arguments, a masked value whose
 * mask has no SQL form, an unusual column) makes `plan` return null and the
 * request runs through them; a row only the resolvers answer exactly (a
 * required row missing, a masked value beyond the BMP) stops the statement and
 * the request runs through them too.
 * test/e2e/compiled-read.test.ts compares both paths response for response.
 */

/** How a GraphQL object field reaches another record type. */
export type TreeRelation =
  /**
   * Rows of `type` whose `foreignKey` column holds this row's `parentColumn` (default its primary key), ordered by
   * `orderBy` (columns of the child).
   */
  | { kind: 'many'; type: string; foreignKey: string; orderBy: readonly string[]; parentColumn?: string }
  /** The row of `type` whose primary key this row's `column` holds (null when the column is). */
  | { kind: 'one'; type: string; column: string }
  /** The row of `type` whose `foreignKey` column (unique) holds this row's primary key, or null. */
  | { kind: 'reverse'; type: string; foreignKey: string }
  /** A jsonb array column whose elements are objects of GraphQL `type`, keys named like its fields. */
  | { kind: 'json'; type: string; column: string };

/** A GraphQL object type backed by a table: its scalar fields are the entity's columns of the same name. */
export interface TreeType {
  entity: EntityClass<object>;
  relations?: Readonly<Record<string, TreeRelation>>;
  /** The type's masking declaration (the one resolvers/common/masking.ts applies). */
  sensitive?: SensitiveFields;
}

/** The record types the compiler knows, by GraphQL type name. */
export type TreeGraph = Readonly<Record<string, TreeType>>;

/**
 * What a plan depends on besides the selection: the operation's fragments and variables, and what the caller may see
 * unmasked.
 */
export interface PlanInput {
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
  reveals(sensitivity: MaskingClass): boolean;
}

const ISO_TIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
/** json_build_object takes at most 100 arguments. */
const MAX_PAIRS = 50;
/** Scalars a jsonb element passes through unchanged (the resolvers return the stored JSON value). */
const JSON_PASS_THROUGH = new Set(['String', 'ID', 'Boolean', 'Int', 'Date']);

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
/** GraphQL names are [_A-Za-z][_0-9A-Za-z]*: safe inside a SQL string literal. */
const literal = (name: string) => `'${name}'`;

/**
 * A SQL expression that stops the statement when it is evaluated (a cast that cannot succeed, on a value of the row so
 * that PostgreSQL cannot fold it beforehand): the compiled read path then answers through the resolvers. For the rare
 * rows whose exact answer only the resolvers give. The error text holds only whether the value is null, never the
 * value: it reaches PostgreSQL's log, and the value may be one the caller must see masked.
 */
export function fallBack(rowValue: string): string {
  return `(('compiled read falls back: ' || ((${rowValue}) is null)::text)::int)::text`;
}

/** Text holding a character outside the Basic Multilingual Plane (two UTF-16 code units in JavaScript, one here). */
const ASTRAL = `'[\\U00010000-\\U0010FFFF]'`;

/**
 * The masked form of a text column expression `col` as the masking middleware gives it for a plain class declaration,
 * or null when it cannot be built in SQL. JavaScript counts UTF-16 code units, PostgreSQL characters: a value with a
 * character beyond the BMP falls back to the resolvers.
 */
function maskedColumn(field: SensitiveField, gql: GraphQLField<unknown, unknown>, col: string): string | null {
  const cls = 'mask' in field ? field : 'class' in field && !field.publicWhen ? field.class : undefined;
  const sql = cls?.mask.sql;
  const named = getNamedType(gql.type);
  if (!sql || isListType(getNullableType(gql.type)) || (named.name !== 'String' && named.name !== 'ID')) return null;
  return `case when ${col} is null then null when ${col} ~ ${ASTRAL} then ${fallBack(col)} else ${sql(col)} end`;
}

/** True for an enum whose values are stored under their own names (the API's enums all are). */
function storedByName(type: ReturnType<typeof getNamedType>): boolean {
  return isEnumType(type) && type.getValues().every((v) => v.value === v.name);
}

/**
 * Compiles selections on the graph's types to SQL. One instance per schema;
 * plans are cheap to build and are built per request (they depend on the
 * caller's grants and the operation's variables).
 */
/** Condition shapes remembered per plan (its expressions); the least recently used forgotten first. */
const MAX_SHAPES = 64;
/** Object keys a condition shape may hold: property names and operators (raw fragments' keys are not remembered). */
const PLAIN_KEY = /^\$?[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The shape of an ORM condition with its values taken out (pushed on `values` in the order they are met), or
 * undefined when it holds anything but plain objects with plain keys, arrays, strings, numbers, booleans and nulls
 * (a raw fragment, a Date, an entity): then the statement is built by the query builder every time.
 */
export function conditionShape(where: unknown, values: unknown[]): string | undefined {
  if (where === null) return 'n';
  switch (typeof where) {
    case 'string':
    case 'number':
    case 'boolean':
      values.push(where);
      return typeof where === 'string' ? 's' : typeof where === 'number' ? 'd' : 'b';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(where)) {
    const parts: string[] = [];
    for (const v of where as unknown[]) {
      const part = conditionShape(v, values);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  const proto = Object.getPrototypeOf(where) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(where as Record<string, unknown>)) {
    if (!PLAIN_KEY.test(key)) return undefined;
    const part = conditionShape(v, values);
    if (part === undefined) return undefined;
    parts.push(`${key}:${part}`);
  }
  return `{${parts.join(',')}}`;
}

const sameValues = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export class TreeCompiler {
  /**
   * select()'s statement texts by plan and condition shape: a page with the same shape of condition (no filter, or
   * the same filter fields, and a cursor or none) reuses the text the query builder wrote for the first, with its own
   * values, instead of building it again on every request.
   */
  private readonly texts = new WeakMap<readonly string[], LRUCache<string, { sql: string; limitBound: boolean }>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly graph: TreeGraph,
    private readonly metadata: MetadataStorage,
    /**
     * `Type.field` of every field with a resolver of its own (type-graphql's @FieldResolver): never read as a column.
     */
    private readonly resolved: ReadonlySet<string>,
  ) {}

  private meta(typeName: string): EntityMetadata<object> {
    const t = this.graph[typeName];
    if (!t) throw new Error(`${typeName} is not a type of the compiled read graph`);
    return this.metadata.get<object>(t.entity.name);
  }

  /**
   * The SQL expression (over the row alias `alias` of the type's table) that
   * builds the JSON of `fieldNodes`' selection on an object of `typeName`, or
   * null when some selected field is outside what the compiler covers.
   */
  plan(typeName: string, fieldNodes: readonly FieldNode[], input: PlanInput, alias = 'r0'): string | null {
    let next = 0;
    const fresh = () => `${alias}_${++next}`;
    const objectOf = (name: string, nodes: readonly FieldNode[], a: string): string | null => {
      const type = this.schema.getType(name);
      const spec = this.graph[name];
      if (!isObjectType(type) || !spec) return null;
      const meta = this.meta(name);
      const fields = collectSubfields(this.schema, input.fragments, input.variables, type, nodes);
      if (fields.size > MAX_PAIRS) return null;
      const pairs: string[] = [];
      for (const [responseName, sub] of fields) {
        const fieldName = sub[0].name.value;
        let expr: string | null;
        if (fieldName === '__typename') expr = literal(name);
        else {
          const field = type.getFields()[fieldName];
          if (!field || sub.some((n) => n.arguments?.length)) return null;
          const sensitive = spec.sensitive?.[fieldName];
          const relation = spec.relations?.[fieldName];
          if (relation) expr = relationOf(relation, field, sub, meta, a);
          else
            expr = this.resolved.has(`${name}.${fieldName}`)
              ? null
              : this.column(field, meta.properties[fieldName as never] as EntityProperty | undefined, a);
          // Masked for this caller: in SQL when the declaration is a plain class whose mask has a SQL form over a text
          // column; anything else (publicWhen, nested declarations, relations) goes through the masking middleware.
          if (expr !== null && sensitive && !classesOf(sensitive).every((c) => input.reveals(c)))
            expr = relation ? null : maskedColumn(sensitive, field, expr);
        }
        if (expr === null) return null;
        pairs.push(`${literal(responseName)}, ${expr}`);
      }
      return `json_build_object(${pairs.join(', ')})`;
    };
    const relationOf = (
      rel: TreeRelation,
      field: GraphQLField<unknown, unknown>,
      nodes: readonly FieldNode[],
      parent: EntityMetadata<object>,
      a: string,
    ): string | null => {
      const b = fresh();
      const isList = isListType(getNullableType(field.type));
      if (rel.kind === 'json') {
        if (!isList) return null;
        const element = this.jsonObject(rel.type, nodes, input, `${b}.v`);
        return (
          element &&
          `(select coalesce(json_agg(${element} order by ${b}.n), '[]'::json) from jsonb_array_elements(${a}.${quote(rel.column)}) with ordinality ${b}(v, n))`
        );
      }
      const child = this.meta(rel.type);
      const obj = objectOf(rel.type, nodes, b);
      if (obj === null) return null;
      const parentKey = parent.getPrimaryProps()[0].fieldNames[0];
      if (rel.kind === 'many') {
        if (!isList) return null;
        const order = rel.orderBy.map((c) => `${b}.${quote(c)}`).join(', ');
        return `(select coalesce(json_agg(${obj} order by ${order}), '[]'::json) from ${quote(child.tableName)} ${b} where ${b}.${quote(rel.foreignKey)} = ${a}.${quote(rel.parentColumn ?? parentKey)})`;
      }
      if (isList) return null;
      const one =
        rel.kind === 'reverse'
          ? `(select ${obj} from ${quote(child.tableName)} ${b} where ${b}.${quote(rel.foreignKey)} = ${a}.${quote(parentKey)})`
          : `(select ${obj} from ${quote(child.tableName)} ${b} where ${b}.${quote(child.getPrimaryProps()[0].fieldNames[0])} = ${a}.${quote(rel.column)})`;
      // A non-null field holds a row that must exist. A NOT NULL foreign key guarantees it; otherwise a missing row
      // stops the statement (fallBack), and the resolvers answer, reporting the null as graphql-js does.
      if (isNonNullType(field.type)) {
        const fk =
          rel.kind === 'one' && parent.props.find((p) => p.fieldNames?.length === 1 && p.fieldNames[0] === rel.column);
        if (!fk || fk.nullable || fk.kind !== ReferenceKind.MANY_TO_ONE)
          return `coalesce(${one}, ${fallBack(`${a}.${quote(parentKey)}`)}::json)`;
      }
      return one;
    };
    return objectOf(typeName, fieldNodes, alias);
  }

  /**
   * A scalar or enum field read from the entity column of the same name, formatted as its GraphQL scalar serialises.
   */
  private column(field: GraphQLField<unknown, unknown>, prop: EntityProperty | undefined, a: string): string | null {
    if (
      !prop ||
      prop.kind !== ReferenceKind.SCALAR ||
      prop.persist === false ||
      prop.formula ||
      prop.fieldNames?.length !== 1
    )
      return null;
    // A null in a non-null field is an error the resolvers report; never compile that case away.
    if (isNonNullType(field.type) && prop.nullable) return null;
    const col = `${a}.${quote(prop.fieldNames[0])}`;
    const columnType = (prop.columnTypes?.[0] ?? '').toLowerCase();
    const isArray = columnType.endsWith('[]');
    const inner = getNullableType(field.type);
    if (isListType(inner)) {
      const item = getNamedType(inner);
      const ok =
        isArray && ((isScalarType(item) && (item.name === 'String' || item.name === 'ID')) || storedByName(item));
      return ok ? `to_json(${col})` : null;
    }
    if (isArray) return null;
    const named = getNamedType(field.type);
    if (isEnumType(named))
      return storedByName(named) && /^(text|varchar|character varying)/.test(columnType) ? col : null;
    switch (named.name) {
      case 'String':
      case 'ID':
        return /^(text|varchar|character varying)/.test(columnType) ? col : null;
      case 'Int':
        return /^(int|integer|int4|smallint|int2)$/.test(columnType) ? col : null;
      case 'Boolean':
        return /^(bool|boolean)$/.test(columnType) ? col : null;
      case 'Decimal':
        return /^(numeric|decimal)/.test(columnType) ? `${col}::text` : null;
      case 'DateTime':
        // Milliseconds stored, milliseconds serialised (Date#toISOString); finer columns would round differently.
        return columnType === 'timestamptz(3)' ? `to_char(${col} at time zone 'UTC', ${ISO_TIME})` : null;
      case 'Date':
        return columnType === 'date' ? `to_char(${col}, 'YYYY-MM-DD')` : null;
      case 'JSONObject':
        return columnType === 'jsonb' ? col : null;
      default:
        return null;
    }
  }

  /** An object of GraphQL type `name` built from the jsonb value `v`, each field its key of the same name. */
  private jsonObject(name: string, nodes: readonly FieldNode[], input: PlanInput, v: string): string | null {
    const type = this.schema.getType(name);
    if (!isObjectType(type)) return null;
    const fields = collectSubfields(this.schema, input.fragments, input.variables, type as GraphQLObjectType, nodes);
    if (fields.size > MAX_PAIRS) return null;
    const pairs: string[] = [];
    for (const [responseName, sub] of fields) {
      const fieldName = sub[0].name.value;
      if (fieldName === '__typename') {
        pairs.push(`${literal(responseName)}, ${literal(name)}`);
        continue;
      }
      const field = type.getFields()[fieldName];
      // Only plain leaves, passed through as stored: the push rules of the column guarantee their types and the
      // non-null keys (a qualification's code and name), as they do for the resolvers, which read the same JSON.
      if (!field || this.resolved.has(`${name}.${fieldName}`) || sub.some((n) => n.arguments?.length)) return null;
      const named = getNamedType(field.type);
      if (isListType(getNullableType(field.type)) || !(JSON_PASS_THROUGH.has(named.name) || storedByName(named)))
        return null;
      pairs.push(`${literal(responseName)}, ${v}->${literal(fieldName)}`);
    }
    return `json_build_object(${pairs.join(', ')})`;
  }

  /**
   * A reader of planned expressions over the one row of `typeName` whose property `property` equals the value given:
   * the statement's text is built here, once, and the reader runs it prepared (on a pooled connection; the
   * EntityManager is only the way to the pool). Resolves to the values, or undefined when no row matches.
   */
  lookup(
    typeName: string,
    property: string,
    expressions: readonly string[],
    alias = 'r0',
  ): (em: EntityManager, value: unknown) => Promise<(RawJson | null)[] | undefined> {
    const meta = this.meta(typeName);
    const column = (meta.properties as Record<string, EntityProperty>)[property].fieldNames[0];
    const text = `select ${expressions.map((e, i) => `(${e})::text as "v${i}"`).join(', ')} from ${quote(meta.tableName)} ${alias} where ${alias}.${quote(column)} = $1 limit 1`;
    return async (em, value) => {
      const [row] = await queryPrepared<Record<string, unknown>>(em, text, [value]);
      return (
        row &&
        expressions.map((_, i) => (typeof row[`v${i}`] === 'string' ? new RawJson(row[`v${i}`] as string) : null))
      );
    };
  }

  /**
   * Runs planned expressions over the rows of `typeName` that match `where`
   * (an ORM condition, raw fragments allowed), in `orderBy` order, at most
   * `limit`: ONE statement, prepared under a name per shape. Each row comes
   * back with its primary key (text), the entity properties named in
   * `columns`, and the values, one per expression, in the order given.
   */
  async select<T extends object>(
    em: EntityManager,
    typeName: string,
    where: FilterQuery<T>,
    options: { orderBy: QueryOrderMap<T>[]; limit: number; columns: readonly string[] },
    expressions: readonly string[],
    alias = 'r0',
  ): Promise<{ key: string; columns: Record<string, unknown>; values: (RawJson | null)[] }[]> {
    const values: unknown[] = [];
    const shape = conditionShape(where, values);
    const shapeKey =
      shape === undefined
        ? undefined
        : `${typeName}\u0000${alias}\u0000${options.limit}\u0000${options.columns.join(',')}\u0000${JSON.stringify(options.orderBy)}\u0000${shape}`;
    let texts = this.texts.get(expressions);
    const known = shapeKey === undefined ? undefined : texts?.get(shapeKey);
    let sql: string;
    let bindings: readonly unknown[];
    if (known) {
      sql = known.sql;
      bindings = known.limitBound ? [...values, options.limit] : values;
    } else {
      ({ sql, bindings } = this.selectText(em, typeName, where, options, expressions, alias));
      // Remembered only when the builder bound exactly the values taken out of the condition (and the limit), in
      // that order: then another condition of the same shape is the same text with its own values.
      const limitBound = sameValues(bindings, [...values, options.limit]);
      if (shapeKey !== undefined && (limitBound || sameValues(bindings, values))) {
        if (!texts) this.texts.set(expressions, (texts = new LRUCache({ max: MAX_SHAPES })));
        texts.set(shapeKey, { sql, limitBound });
      }
    }
    const rows = await queryPrepared<Record<string, unknown>>(em, sql, bindings);
    return rows.map((row) => ({
      key: String(row.k),
      columns: Object.fromEntries(options.columns.map((c, i) => [c, row[`c${i}`]])),
      values: expressions.map((_, i) => {
        const text = row[`v${i}`];
        return typeof text === 'string' ? new RawJson(text) : null;
      }),
    }));
  }

  /** select()'s statement, written by MikroORM's query builder. */
  private selectText<T extends object>(
    em: EntityManager,
    typeName: string,
    where: FilterQuery<T>,
    options: { orderBy: QueryOrderMap<T>[]; limit: number; columns: readonly string[] },
    expressions: readonly string[],
    alias: string,
  ): { sql: string; bindings: readonly unknown[] } {
    const meta = this.meta(typeName);
    const pk = meta.getPrimaryProps()[0].fieldNames[0];
    const fields: RawQueryFragment[] = [
      raw<object, RawQueryFragment>(`${alias}.${quote(pk)}::text as "k"`),
      ...options.columns.map((c, i) =>
        raw<object, RawQueryFragment>(
          `${alias}.${quote((meta.properties as Record<string, EntityProperty>)[c].fieldNames[0])} as "c${i}"`,
        ),
      ),
      // As text: the JSON goes into the response as PostgreSQL wrote it (RawJson), never parsed and serialised again.
      ...expressions.map((e, i) => raw<object, RawQueryFragment>(`(${e})::text as "v${i}"`)),
    ];
    const qb = em
      .createQueryBuilder(this.graph[typeName].entity as EntityClass<T>, alias)
      .select(fields as never)
      .where(where as never)
      .orderBy(options.orderBy)
      .limit(options.limit);
    const { sql, bindings } = qb.getKnexQuery().toSQL().toNative();
    return { sql, bindings };
  }
}
