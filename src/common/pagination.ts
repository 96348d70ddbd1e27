import { ErrorCode, HubError } from './errors';

/** Default page size of a connection when `first` is not given. */
export const DEFAULT_PAGE = 50;

/** Opaque cursor: base64url of a JSON array of the sort-key values of a row. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} with `arity` values; BAD_USER_INPUT on anything else. */
export function decodeCursor(cursor: string, arity: number, field = 'after'): unknown[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
  } catch {
    // fall through to the coded error
  }
  throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} is not a cursor returned by this connection`, { field });
}

/** Checks `first` against the maximum page size; LIMIT_EXCEEDED above it. */
export function pageSize(first: number | null | undefined, max: number): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE, max);
  if (!Number.isInteger(first) || first < 0) throw new HubError(ErrorCode.BAD_USER_INPUT, 'first must be zero or more', { field: 'first' });
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
