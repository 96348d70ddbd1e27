import { Migration } from '@mikro-orm/migrations';

/** The certificates family: the CA registry, the CRLs held, and the subjects' certificates. */
export class Migration20261207171424 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "certificate_authority" ("id" bigserial primary key, "code" varchar(32) not null, "name" text not null, "status" text check ("status" in ('RECOGNISED', 'WITHDRAWN')) not null, "certificates" jsonb not null, "crl_distribution_points" text[] not null default '{}', "credit_code_locations" jsonb null, "version" int not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now());`,
    );
    this.addSql(
      `alter table "certificate_authority" add constraint "certificate_authority_code_unique" unique ("code");`,
    );

    this.addSql(
      `create table "crl" ("id" bigserial primary key, "issuer_fingerprint" varchar(64) not null, "ca_code" varchar(32) not null, "issuer" text not null, "fingerprint" varchar(64) not null, "this_update" timestamptz(3) not null, "next_update" timestamptz(3) null, "revoked" jsonb not null, "der" text not null, "imported_at" timestamptz(3) not null default now());`,
    );
    this.addSql(`alter table "crl" add constraint "crl_issuer_fingerprint_unique" unique ("issuer_fingerprint");`);
    this.addSql(`create index "crl_ca_code_idx" on "crl" ("ca_code");`);

    this.addSql(
      `create table "certificate" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "fingerprint" varchar(64) not null, "sm3_fingerprint" varchar(64) not null, "serial" text not null, "subject" text not null, "issuer" text not null, "not_before" timestamptz(3) not null, "not_after" timestamptz(3) not null, "key_algorithm" text not null, "signature_algorithm" text not null, "key_usage" text[] null, "extended_key_usage" text[] not null, "credit_code" varchar(18) not null, "ca_code" varchar(32) not null, "issuer_fingerprint" varchar(64) not null, "status" text check ("status" in ('GOOD', 'REVOKED')) not null, "revoked_at" timestamptz(3) null, "der" text not null);`,
    );
    this.addSql(`create index "certificate_source_system_id_index" on "certificate" ("source_system_id");`);
    this.addSql(`alter table "certificate" add constraint "certificate_fingerprint_unique" unique ("fingerprint");`);
    this.addSql(`create index "certificate_status_idx" on "certificate" ("status");`);
    this.addSql(`create index "certificate_ca_idx" on "certificate" ("ca_code");`);
    this.addSql(`create index "certificate_issuer_serial_idx" on "certificate" ("issuer_fingerprint", "serial");`);
    this.addSql(`create index "certificate_serial_idx" on "certificate" ("serial", "ca_code");`);
    this.addSql(`create index "certificate_credit_code_idx" on "certificate" ("credit_code", "not_after");`);
    this.addSql(`create index "certificate_updated_idx" on "certificate" ("updated_at", "id");`);

    this.addSql(
      `alter table "certificate" add constraint "certificate_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "certificate" add constraint "certificate_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certificate_authority" cascade;`);

    this.addSql(`drop table if exists "crl" cascade;`);

    this.addSql(`drop table if exists "certificate" cascade;`);
  }
}
