import { Migration } from '@mikro-orm/migrations';

export class Migration20261207170534 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "credit_publication" ("record_id" bigint not null, "published" boolean not null default false, "published_version" int null, "due_at" timestamptz not null, constraint "credit_publication_pkey" primary key ("record_id"));`,
    );
    this.addSql(`create index "credit_publication_due_idx" on "credit_publication" ("due_at");`);

    this.addSql(
      `create table "expert" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "code" varchar(80) not null, "kind" text check ("kind" in ('TENDERING', 'PROCUREMENT', 'BOTH')) not null, "name" text not null, "id_number" varchar(18) not null, "phone" text null, "specialties" text[] not null default '{}', "region_code" varchar(6) not null, "employer_credit_code" varchar(18) null, "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'RETIRED')) not null);`,
    );
    this.addSql(`create index "expert_source_system_id_index" on "expert" ("source_system_id");`);
    this.addSql(`alter table "expert" add constraint "expert_code_unique" unique ("code");`);
    this.addSql(`create index "expert_employer_idx" on "expert" ("employer_credit_code");`);
    this.addSql(`create index "expert_specialties_idx" on "expert" using gin ("specialties");`);
    this.addSql(`create index "expert_region_idx" on "expert" ("region_code" text_pattern_ops);`);
    this.addSql(`create index "expert_kind_idx" on "expert" ("kind");`);
    this.addSql(`create index "expert_status_idx" on "expert" ("status");`);

    this.addSql(
      `create table "credit_record" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "code" varchar(80) not null, "subject_type" text check ("subject_type" in ('ENTITY', 'EXPERT')) not null, "subject_code" varchar(80) not null, "subject_name" text null, "subject_id_number" varchar(18) null, "kind" text check ("kind" in ('GOOD_CONDUCT', 'BAD_CONDUCT', 'ADMINISTRATIVE_PENALTY', 'BLACKLIST', 'CONTRACT_PERFORMANCE', 'CREDIT_COMMITMENT')) not null, "severity" text check ("severity" in ('MINOR', 'GENERAL', 'SERIOUS')) not null, "status" text check ("status" in ('IN_FORCE', 'REPAIRED', 'REVOKED')) not null, "decided_on" date not null, "decision_number" text not null, "authority_name" text not null, "authority_credit_code" varchar(18) not null, "summary" text not null, "legal_basis" text null, "violation_type" text null, "violation_facts" text null, "penalty_type" text check ("penalty_type" in ('WARNING', 'FINE', 'CONFISCATION', 'QUALIFICATION_DOWNGRADE', 'SUSPENSION', 'LICENCE_REVOCATION', 'DEBARMENT', 'OTHER')) null, "penalty_content" text null, "fine_amount" numeric(20,2) null, "confiscated_amount" numeric(20,2) null, "listed_on" date null, "listing_ends_on" date null, "contract_code" text null, "performance_rating" text check ("performance_rating" in ('GOOD', 'QUALIFIED', 'POOR')) null, "publication_ends_on" date null, "effective_from" date not null, "effective_until" date not null, "published_from" date null, "published_until" date null, "repairable_from" date null, "repaired_at" timestamptz(3) null, "repair_decided_by" text null, "repair_grounds" text null, "repair_recorded_by" text null);`,
    );
    this.addSql(`create index "credit_record_source_system_id_index" on "credit_record" ("source_system_id");`);
    this.addSql(`alter table "credit_record" add constraint "credit_record_code_unique" unique ("code");`);
    this.addSql(`create index "credit_record_decided_idx" on "credit_record" ("decided_on");`);
    this.addSql(`create index "credit_record_published_idx" on "credit_record" ("published_from");`);
    this.addSql(`create index "credit_record_status_idx" on "credit_record" ("status", "code");`);
    this.addSql(`create index "credit_record_authority_idx" on "credit_record" ("authority_credit_code", "code");`);
    this.addSql(`create index "credit_record_severity_idx" on "credit_record" ("severity", "code");`);
    this.addSql(`create index "credit_record_kind_idx" on "credit_record" ("kind", "code");`);
    this.addSql(`create index "credit_record_subject_idx" on "credit_record" ("subject_code", "effective_until");`);

    this.addSql(
      `alter table "expert" add constraint "expert_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "expert" add constraint "expert_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "credit_record" add constraint "credit_record_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "credit_record" add constraint "credit_record_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "credit_publication" cascade;`);

    this.addSql(`drop table if exists "expert" cascade;`);

    this.addSql(`drop table if exists "credit_record" cascade;`);
  }
}
