import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091518 extends Migration {
  override async up(): Promise<void> {
    // Trigram index for "name contains" filters.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create table "change_event" ("seq" bigint not null, "topic" varchar(40) not null, "op" varchar(12) not null, "key" text not null, "version" int not null, "data" jsonb not null, "source_system" varchar(64) null, "principal" varchar(64) not null, "occurred_at" timestamptz not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "change_event_pkey" primary key ("seq"));`,
    );
    this.addSql(`create index "change_event_topic_seq_idx" on "change_event" ("topic", "seq");`);
    this.addSql(`create index "change_event_topic_key_idx" on "change_event" ("topic", "key", "seq");`);

    this.addSql(
      `create table "credit_code_exception" ("code" varchar(18) not null, "note" text null, "created_at" timestamptz not null default now(), constraint "credit_code_exception_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "source_system" ("id" serial primary key, "code" varchar(64) not null, "name" text not null, "kind" text check ("kind" in ('GOVERNMENT', 'MARKET')) not null, "region_code" varchar(6) not null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "source_system" add constraint "source_system_code_unique" unique ("code");`);

    this.addSql(
      `create table "market_entity" ("id" bigserial primary key, "credit_code" varchar(18) not null, "name" text not null, "kind" text check ("kind" in ('ENTERPRISE', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANISATION', 'OTHER')) not null, "roles" text[] not null, "legal_representative" text null, "registered_capital" numeric(20,2) null, "region_code" varchar(6) not null, "address" text null, "established_on" date null, "status" text check ("status" in ('ACTIVE', 'CANCELLED', 'REVOKED')) not null, "qualifications" jsonb not null default '[]', "source_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now());`,
    );
    this.addSql(
      `alter table "market_entity" add constraint "market_entity_credit_code_unique" unique ("credit_code");`,
    );
    this.addSql(`create index "market_entity_source_system_id_index" on "market_entity" ("source_system_id");`);
    this.addSql(`create index "market_entity_name_trgm_idx" on "market_entity" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index "market_entity_roles_idx" on "market_entity" using gin ("roles");`);
    this.addSql(`create index "market_entity_region_idx" on "market_entity" ("region_code" text_pattern_ops);`);
    this.addSql(`create index "market_entity_status_idx" on "market_entity" ("status");`);
    this.addSql(`create index "market_entity_updated_idx" on "market_entity" ("updated_at", "id");`);

    this.addSql(
      `create table "api_key" ("id" serial primary key, "prefix" varchar(16) not null, "hash" varchar(64) not null, "source_system_id" int null, "roles" text[] not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null);`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_hash_unique" unique ("hash");`);
    this.addSql(`create index "api_key_source_system_id_index" on "api_key" ("source_system_id");`);

    this.addSql(
      `alter table "market_entity" add constraint "market_entity_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "api_key" add constraint "api_key_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade on delete cascade;`,
    );

    // Legally issued early pilot codes that fail the GB 32100 check character
    // (reference/china/uscc_test_vectors.csv); operators add more with SQL or the admin API.
    this.addSql(`insert into "credit_code_exception" ("code", "note") values
      ('91350211M0000XUF46', 'early pilot code, legally issued'),
      ('91350100M0001TGQXM', 'early pilot code, legally issued'),
      ('91350203M0001FUE2P', 'early pilot code, legally issued');`);
  }

  override async down(): Promise<void> {
    for (const table of ['api_key', 'market_entity', 'source_system', 'credit_code_exception', 'change_event']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
