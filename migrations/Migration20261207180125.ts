import { Migration } from '@mikro-orm/migrations';

/** The unified transaction identifier (统一交易标识码) of trading projects; existing projects get the hub's formed one. */
export class Migration20261207180125 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "trading_project" add column "unified_transaction_code" varchar(120) null;`);
    this.addSql(
      `update "trading_project" set "unified_transaction_code" = 'HB' || "region_code" || '-' || "code" where "unified_transaction_code" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "trading_project" drop column "unified_transaction_code";`);
  }
}
