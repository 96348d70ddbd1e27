import { isIsoInstant } from './datetime';
import { ErrorCode, HubError } from './errors';
import { isBigintId, isStorableText } from './storable';

/** Default page size of a connection when `first` is not given. */
export const DEFAULT_PAGE = 50;

/** Opaque cursor: base64url of a JSON array of the sort-key values of a row. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What one value of a keyset cursor is: text of the sort column (PostgreSQL
 * must be able to compare it: no NUL or lone surrogate, at most 200
 * characters), a time as toISOString writes it, or a bigint surrogate id.
 */
export type CursorPart = 'text' | 'time' | 'id';

function isCursorPart(v: unknown, part: CursorPart): boolean {
  if (part === 'time') return isIsoInstant(v);
  if (part === 'id') return isBigintId(v);
  return typeof v === 'string' && v.length <= 200 && isStorableText(v);
}

/**
 * Decodes a cursor made by {@link encodeCursor}: `shape` is the number of its
 * values, or what each of them must be (see CursorPart). BAD_USER_INPUT on
 * anything else, so that no forged cursor reaches PostgreSQL, where a value
 * it cannot take would fail as an internal error. Every connection decodes
 * its cursors here.
 */
export function decodeCursor(cursor: string, shape: number | readonly CursorPart[], field = 'after'): unknown[] {
  const parts = typeof shape === 'number' ? undefined : shape;
  const arity = parts?.length ?? (shape as number);
  try {
    const v: unknown =
      cursor.length <= 1024 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
    if (Array.isArray(v) && v.length === arity && (!parts || parts.every((p, i) => isCursorPart(v[i], p)))) return v;
  } catch {
    // fall through to the coded error
  }
  throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} is not a cursor returned by this connection`, { field });
}

/** Checks `first` against the maximum page size; LIMIT_EXCEEDED above it. */
export function pageSize(first: number | null | undefined, max: number): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE, max);
  if (!Number.isInteger(first) || first < 0)
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'first must be zero or more', { field: 'first' });
  if (first > max) {
    throw new HubError(ErrorCode.LIMIT_EXCEEDED, `first may be at most ${max}; page with the after cursor instead`, {
      field: 'first',
      details: { limit: max, actual: first },
    });
  }
  return first;
}

/** One page of a Relay connection, before mapping to GraphQL types. */
export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  /** Counted only when the client asks for totalCount. */
  totalCount: () => Promise<number>;
}
