import { Migration } from '@mikro-orm/migrations';

/**
 * Principals with grants: keys now belong to a principal; every
 * existing source system becomes a principal that keeps its keys, granted
 * MARKET_ENTITY in its own region.
 */
export class Migration20261123092728 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "principal" ("id" serial primary key, "name" varchar(64) not null, "source_system_id" int null, "roles" text[] not null, "write_topics" text[] not null, "read_topics" text[] not null, "regions" text[] not null, "reveal" text[] not null, "authoritative_topics" text[] not null, "created_at" timestamptz not null default now(), "disabled_at" timestamptz null);`,
    );
    this.addSql(`alter table "principal" add constraint "principal_name_unique" unique ("name");`);
    this.addSql(
      `alter table "principal" add constraint "principal_source_system_id_unique" unique ("source_system_id");`,
    );
    this.addSql(
      `alter table "principal" add constraint "principal_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade on delete cascade;`,
    );

    this
      .addSql(`insert into "principal" ("name", "source_system_id", "roles", "write_topics", "read_topics", "regions", "reveal", "authoritative_topics")
      select "code", "id", '{SOURCE_SYSTEM}', '{MARKET_ENTITY}', '{}', array["region_code"]::text[], '{}', '{}' from "source_system";`);

    this.addSql(`alter table "api_key" add column "principal_id" int null, add column "rotated_from" int null;`);
    this.addSql(
      `update "api_key" k set "principal_id" = p."id" from "principal" p where p."source_system_id" = k."source_system_id";`,
    );
    this.addSql(`delete from "api_key" where "principal_id" is null;`);
    this.addSql(`alter table "api_key" alter column "principal_id" set not null;`);
    this.addSql(
      `alter table "api_key" add constraint "api_key_principal_id_foreign" foreign key ("principal_id") references "principal" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index "api_key_principal_id_index" on "api_key" ("principal_id");`);

    this.addSql(`alter table "api_key" drop constraint "api_key_source_system_id_foreign";`);
    this.addSql(`drop index "api_key_source_system_id_index";`);
    this.addSql(`alter table "api_key" drop column "source_system_id", drop column "roles";`);
  }

  override async down(): Promise<void> {
    // Keys go back to their source systems; keys of clients (principals without a system) cannot exist before this
    // migration.
    this.addSql(
      `alter table "api_key" add column "source_system_id" int null, add column "roles" text[] not null default '{SOURCE_SYSTEM}';`,
    );
    this.addSql(`alter table "api_key" alter column "roles" drop default;`);
    this.addSql(
      `update "api_key" k set "source_system_id" = p."source_system_id" from "principal" p where p."id" = k."principal_id";`,
    );
    this.addSql(`delete from "api_key" where "source_system_id" is null;`);
    this.addSql(`create index "api_key_source_system_id_index" on "api_key" ("source_system_id");`);
    this.addSql(
      `alter table "api_key" add constraint "api_key_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "api_key" drop constraint "api_key_principal_id_foreign";`);
    this.addSql(`alter table "api_key" drop column "principal_id", drop column "rotated_from";`);
    this.addSql(`drop table if exists "principal" cascade;`);
  }
}
