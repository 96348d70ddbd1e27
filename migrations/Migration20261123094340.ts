import { Migration } from '@mikro-orm/migrations';

/**
 * Category grants for trading records: existing systems keep
 * writing everything they could and are granted the trading topics and all
 * categories, as new systems are by default.
 */
export class Migration20261123094340 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "principal" add column "categories" text[] not null default '{}';`);
    this.addSql(`alter table "principal" alter column "categories" drop default;`);
    this.addSql(`update "principal" set "categories" = '{*}',
      "write_topics" = array(select distinct unnest("write_topics" || '{TRADING_PROJECT,ANNOUNCEMENT,BID,BID_OPENING,EVALUATION,AWARD,CONTRACT}'::text[]) order by 1)
      where "source_system_id" is not null;`);
  }

  override async down(): Promise<void> {
    // The trading topics granted here stay granted; only the category grants go.
    this.addSql(`alter table "principal" drop column "categories";`);
  }
}
