import { ErrorCode, HubError } from '../common/errors';

/** Change-feed cursor of an event: opaque to clients, monotonic with seq. */
export function feedCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

/**
 * Reads a feed cursor; null or empty means "from the beginning". A plain
 * decimal seq is accepted too, for operators replaying by hand.
 */
export function parseFeedCursor(cursor: string | null | undefined, field = 'after'): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const text = /^\d+$/.test(cursor) ? `seq:${cursor}` : Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^seq:(\d{1,15})$/.exec(text);
  if (!m) throw new HubError(ErrorCode.BAD_USER_INPUT, `${field} is not a change-feed cursor`, { field });
  return Number(m[1]);
}
