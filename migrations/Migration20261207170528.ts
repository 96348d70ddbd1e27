import { Migration } from '@mikro-orm/migrations';

/** Supervision: findings keep severity, evidence and section; cleared findings and reviews are kept. */
export class Migration20261207170528 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cleared_finding" ("id" bigint not null, "topic" varchar(40) not null, "record_key" text not null, "project_code" varchar(64) not null, "rule" varchar(60) not null, "message" text not null, "section_code" varchar(80) null, "severity" varchar(10) not null, "evidence" jsonb null, "detected_at" timestamptz(3) not null, "cleared_at" timestamptz(3) not null, constraint "cleared_finding_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cleared_finding_project_code_index" on "cleared_finding" ("project_code");`);
    this.addSql(`create index "cleared_finding_record_idx" on "cleared_finding" ("topic", "record_key");`);
    this.addSql(`create index "cleared_finding_detected_idx" on "cleared_finding" ("detected_at", "id");`);
    this.addSql(`create index "cleared_finding_severity_idx" on "cleared_finding" ("severity", "detected_at");`);
    this.addSql(`create index "cleared_finding_rule_idx" on "cleared_finding" ("rule", "detected_at");`);

    this.addSql(
      `create table "finding_review" ("id" bigserial primary key, "finding_id" bigint not null, "number" int not null, "outcome" varchar(16) not null, "note" text null, "author" text not null, "reviewed_at" timestamptz(3) not null);`,
    );
    this.addSql(`create index "finding_review_finding_id_index" on "finding_review" ("finding_id");`);
    this.addSql(
      `alter table "finding_review" add constraint "finding_review_number_unique" unique ("finding_id", "number");`,
    );

    this.addSql(
      `alter table "finding" add column "section_code" varchar(80) null, add column "severity" varchar(10) not null default 'LOW', add column "evidence" jsonb null;`,
    );
    this.addSql(`create index "finding_detected_idx" on "finding" ("detected_at", "id");`);
    this.addSql(`create index "finding_severity_idx" on "finding" ("severity", "detected_at");`);
    this.addSql(`create index "finding_rule_idx" on "finding" ("rule", "detected_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cleared_finding" cascade;`);

    this.addSql(`drop table if exists "finding_review" cascade;`);

    this.addSql(`drop index "finding_detected_idx";`);
    this.addSql(`drop index "finding_severity_idx";`);
    this.addSql(`drop index "finding_rule_idx";`);
    this.addSql(`alter table "finding" drop column "section_code", drop column "severity", drop column "evidence";`);
  }
}
