import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { decodeCursor, encodeCursor } from '../common/pagination';

/** What a keyset page needs of its rows: a unique business key, and (updatedAt, id) for the sync order. */
type Keyed<K extends string> = { readonly [key in K]: string } & { readonly id: string; readonly updatedAt: Date };

/** One of the two stable orders of a connection, with the condition of the rows after a cursor. */
export interface KeysetOrder<T, K extends string = string> {
  /** The rows after the cursor (undefined: from the first row). */
  after?: FilterQuery<T>;
  orderBy: QueryOrderMap<T>[];
  /** The cursor of a row of the page: the values of its sort key. */
  cursorOf: (row: Keyed<K>) => string;
}

/**
 * Keyset pagination of a connection in one of its two stable orders: by its
 * unique text key `key` (a credit code, a project code), or, `byUpdate`, by
 * (updatedAt, id) for integrators that sync "what changed since". The cursor
 * holds the sort key of the last row; a cursor of the other order, or forged,
 * is BAD_USER_INPUT (decodeCursor).
 */
export function keysetOrder<T extends Keyed<K>, K extends string>(
  key: K,
  byUpdate: boolean,
  cursor: string | null | undefined,
): KeysetOrder<T, K> {
  let after: Record<string, unknown> | undefined;
  if (cursor) {
    if (byUpdate) {
      const [at, id] = decodeCursor(cursor, ['time', 'id']) as [string, string];
      after = { $or: [{ updatedAt: { $gt: new Date(at) } }, { updatedAt: new Date(at), id: { $gt: id } }] };
    } else {
      const [value] = decodeCursor(cursor, ['text']) as [string];
      after = { [key]: { $gt: value } };
    }
  }
  return {
    after: after as FilterQuery<T> | undefined,
    orderBy: (byUpdate ? [{ updatedAt: 'asc' }, { id: 'asc' }] : [{ [key]: 'asc' }]) as QueryOrderMap<T>[],
    cursorOf: (r) => encodeCursor(byUpdate ? [r.updatedAt.toISOString(), r.id] : [r[key]]),
  };
}
