import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../common/sql';

/**
 * Notes that a system has just pushed (accepted, unchanged or rejected: it is
 * alive and connected), for the supervisors' view of the systems. Its own
 * short statement outside the push's transaction, so that concurrent pushes of
 * one system never wait on the system's row for the length of a write. At
 * most once a second per system: a row already stamped within the last second
 * is neither written nor locked.
 */
export async function notePush(em: EntityManager, systemId: number): Promise<void> {
  await query(
    em,
    `update source_system set last_push_at = statement_timestamp()
      where id = ? and (last_push_at is null or last_push_at < statement_timestamp() - interval '1 second')`,
    [systemId],
  );
}
