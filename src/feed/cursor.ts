import type { EntityManager } from '@mikro-orm/postgresql';
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

/**
 * Refuses a cursor beyond the head of the change log: the feed never issued
 * it, and a subscriber waiting there would silently skip every event up to
 * it once the log got that far. `knownHead` is a head this process has seen
 * (the log only grows, so a cursor at or below it needs no query).
 */
export async function checkFeedCursorIssued(
  em: EntityManager,
  after: number,
  knownHead: number,
  field = 'after',
): Promise<void> {
  if (after <= knownHead) return;
  const [row] = await em.execute<{ head: string }[]>('select coalesce(max(seq), 0) as head from change_event');
  const head = Number(row.head);
  if (after > head) {
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${field} is beyond the head of the change log (seq ${head}): not a cursor the feed issued`,
      { field, details: { head: String(head) } },
    );
  }
}
