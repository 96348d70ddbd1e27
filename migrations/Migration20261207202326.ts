import { Migration } from '@mikro-orm/migrations';

/** Indexes on the own time of trading records, read by each branch of disclosureQuality's period condition. */
export class Migration20261207202326 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "evaluation_reported_at_idx" on "evaluation" ("reported_at");`);

    this.addSql(`create index "contract_signed_on_idx" on "contract" ("signed_on");`);

    this.addSql(`create index "bid_submitted_at_idx" on "bid" ("submitted_at");`);

    this.addSql(`create index "bid_opening_opened_at_idx" on "bid_opening" ("opened_at");`);

    this.addSql(`create index "announcement_published_at_idx" on "announcement" ("published_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "announcement_published_at_idx";`);

    this.addSql(`drop index "bid_submitted_at_idx";`);

    this.addSql(`drop index "bid_opening_opened_at_idx";`);

    this.addSql(`drop index "contract_signed_on_idx";`);

    this.addSql(`drop index "evaluation_reported_at_idx";`);
  }
}
