import { Migration } from '@mikro-orm/migrations';

/** Evaluation committees (评标委员会): an evaluation may be pushed while it runs, before its report. */

export class Migration20261123172300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "evaluation" add column "started_at" timestamptz(3) null, add column "committee" jsonb not null default '[]';`,
    );
    this.addSql(
      `alter table "evaluation" alter column "reported_at" type timestamptz(3) using ("reported_at"::timestamptz(3));`,
    );
    this.addSql(`alter table "evaluation" alter column "reported_at" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "evaluation" drop column "started_at", drop column "committee";`);

    this.addSql(
      `alter table "evaluation" alter column "reported_at" type timestamptz(3) using ("reported_at"::timestamptz(3));`,
    );
    // An evaluation still running (no report) cannot exist before this migration.
    this.addSql(`delete from "evaluation" where "reported_at" is null;`);
    this.addSql(`alter table "evaluation" alter column "reported_at" set not null;`);
  }
}
