import { Migration } from '@mikro-orm/migrations';

/** Indexes for the tradingProjects filters on the bid deadline and on the awards' amount and date. */
export class Migration20261123174023 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "trading_project_bid_deadline_idx" on "trading_project" ("bid_deadline");`);

    this.addSql(`create index "award_awarded_on_idx" on "award" ("awarded_on");`);
    this.addSql(`create index "award_amount_idx" on "award" ("amount");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "award_awarded_on_idx";`);
    this.addSql(`drop index "award_amount_idx";`);

    this.addSql(`drop index "trading_project_bid_deadline_idx";`);
  }
}
