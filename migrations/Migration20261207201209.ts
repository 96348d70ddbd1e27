import { Migration } from '@mikro-orm/migrations';

/** When each connected system last pushed, for the supervisors' dashboard (SourceSystem.lastPushAt). */
export class Migration20261207201209 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "source_system" add column "last_push_at" timestamptz(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "source_system" drop column "last_push_at";`);
  }
}
