import { Migration } from '@mikro-orm/migrations';

/**
 * Ownership and personal data of market entities: the owner is the
 * system that created the entity (its CREATE event; the current pusher where
 * the log has none), and two sensitive fields that are masked unless granted.
 */
export class Migration20261123093847 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "market_entity" add column "owner_system_id" int null, add column "legal_representative_id_number" text null, add column "contact_phone" text null;`,
    );
    this.addSql(`update "market_entity" m set "owner_system_id" = coalesce(
      (select s."id" from "change_event" e join "source_system" s on s."code" = e."source_system"
        where e."topic" = 'MARKET_ENTITY' and e."key" = m."credit_code" and e."op" = 'CREATE' order by e."seq" limit 1),
      m."source_system_id");`);
    this.addSql(`alter table "market_entity" alter column "owner_system_id" set not null;`);
    this.addSql(
      `alter table "market_entity" add constraint "market_entity_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "market_entity" drop constraint "market_entity_owner_system_id_foreign";`);
    this.addSql(
      `alter table "market_entity" drop column "owner_system_id", drop column "legal_representative_id_number", drop column "contact_phone";`,
    );
  }
}
