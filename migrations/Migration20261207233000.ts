import { Migration } from '@mikro-orm/migrations';

/**
 * change_log_end(lock_key): takes the change log's append lock and returns
 * the chain's end as it stands once the lock is held. VOLATILE, so its query
 * takes a snapshot of its own after the lock is granted (PostgreSQL:
 * "VOLATILE functions obtain a fresh snapshot at the start of each query
 * they execute"): an appender can take the lock, check its guess of the end
 * and insert its events in one statement (src/feed/append.ts).
 */
export class Migration20261207233000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function change_log_end(lock_key bigint) returns table (end_seq bigint, end_hash text)
      language plpgsql volatile as $$
      begin
        perform pg_advisory_xact_lock(lock_key);
        return query select e.seq::bigint, e.hash::text from change_event e order by e.seq desc limit 1;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function change_log_end(bigint);`);
  }
}
