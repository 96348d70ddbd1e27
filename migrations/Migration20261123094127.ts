import { Migration } from '@mikro-orm/migrations';
import { CATALOG_2020 } from './data/catalog-2020';

/** SQL string literal. */
const lit = (v: string | null) => (v === null ? 'null' : `'${v.replace(/'/g, "''")}'`);

/**
 * Trading records across the catalog: the catalog as data, seeded
 * with the 14 categories and 27 sub-items of 2020; projects and sections,
 * announcements, bids with their evidence, bid openings, evaluations, awards,
 * contracts, and data-quality findings.
 */
export class Migration20261123094127 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "finding" ("id" bigserial primary key, "topic" varchar(40) not null, "record_key" text not null, "project_code" varchar(64) not null, "rule" varchar(60) not null, "message" text not null, "detected_at" timestamptz(3) not null default now());`,
    );
    this.addSql(`create index "finding_project_code_index" on "finding" ("project_code");`);
    this.addSql(`create index "finding_record_idx" on "finding" ("topic", "record_key");`);

    this.addSql(
      `create table "trading_category" ("code" varchar(40) not null, "name" text not null, "sort_order" int not null default 0, "retired_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "trading_category_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "trading_sub_item" ("code" varchar(60) not null, "category_code" varchar(40) not null, "name" text not null, "details_schema" jsonb null, "sort_order" int not null default 0, "retired_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "trading_sub_item_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "trading_sub_item_category_code_index" on "trading_sub_item" ("category_code");`);

    this.addSql(
      `create table "trading_project" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "code" varchar(64) not null, "name" text not null, "sub_item_code" varchar(60) not null, "category_code" varchar(40) not null, "region_code" varchar(6) not null, "tenderer_id" bigint not null, "agency_id" bigint null, "budget" numeric(20,2) null, "currency" varchar(3) not null default 'CNY', "method" text check ("method" in ('OPEN_TENDER', 'INVITED_TENDER', 'COMPETITIVE_NEGOTIATION', 'COMPETITIVE_CONSULTATION', 'REQUEST_FOR_QUOTATION', 'SINGLE_SOURCE', 'AUCTION', 'LISTING', 'AGREEMENT', 'OTHER')) not null, "status" text check ("status" in ('PLANNED', 'TENDERING', 'EVALUATING', 'AWARDED', 'CONTRACTED', 'TERMINATED', 'FAILED')) not null, "published_at" timestamptz(3) null, "bid_deadline" timestamptz(3) null, "details" jsonb null);`,
    );
    this.addSql(`create index "trading_project_source_system_id_index" on "trading_project" ("source_system_id");`);
    this.addSql(`alter table "trading_project" add constraint "trading_project_code_unique" unique ("code");`);
    this.addSql(`create index "trading_project_sub_item_code_index" on "trading_project" ("sub_item_code");`);
    this.addSql(`create index "trading_project_category_code_index" on "trading_project" ("category_code");`);
    this.addSql(`create index "trading_project_tenderer_id_index" on "trading_project" ("tenderer_id");`);
    this.addSql(`create index "trading_project_agency_id_index" on "trading_project" ("agency_id");`);
    this.addSql(`create index "trading_project_method_index" on "trading_project" ("method");`);
    this.addSql(`create index "trading_project_status_index" on "trading_project" ("status");`);
    this.addSql(`create index "trading_project_region_idx" on "trading_project" ("region_code" text_pattern_ops);`);
    this.addSql(`create index "trading_project_budget_idx" on "trading_project" ("budget");`);
    this.addSql(`create index "trading_project_published_idx" on "trading_project" ("published_at");`);
    this.addSql(`create index "trading_project_updated_idx" on "trading_project" ("updated_at", "id");`);

    this.addSql(
      `create table "section" ("id" bigserial primary key, "code" varchar(80) not null, "project_id" bigint not null, "name" text not null, "budget" numeric(20,2) null, "status" text check ("status" in ('PLANNED', 'TENDERING', 'EVALUATING', 'AWARDED', 'CONTRACTED', 'TERMINATED', 'FAILED')) not null, "opening_at" timestamptz(3) null, "updated_at" timestamptz(3) not null default now());`,
    );
    this.addSql(`alter table "section" add constraint "section_code_unique" unique ("code");`);
    this.addSql(`create index "section_project_id_index" on "section" ("project_id");`);

    this.addSql(
      `create table "evaluation" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "section_id" bigint not null, "reported_at" timestamptz(3) not null, "candidates" jsonb not null);`,
    );
    this.addSql(`create index "evaluation_source_system_id_index" on "evaluation" ("source_system_id");`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_section_id_unique" unique ("section_id");`);

    this.addSql(
      `create table "contract" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "code" varchar(80) not null, "section_id" bigint not null, "amount" numeric(20,2) not null, "signed_on" date not null, "period_start" date null, "period_end" date null);`,
    );
    this.addSql(`create index "contract_source_system_id_index" on "contract" ("source_system_id");`);
    this.addSql(`alter table "contract" add constraint "contract_code_unique" unique ("code");`);
    this.addSql(`create index "contract_section_id_index" on "contract" ("section_id");`);

    this.addSql(
      `create table "bid" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "record_key" varchar(120) not null, "section_id" bigint not null, "bidder_id" bigint not null, "amount" numeric(20,2) null, "submitted_at" timestamptz(3) not null, "status" varchar(16) not null, "ca_cert_serial" text null, "device_fingerprint" text null, "ip_address" text null, "document_hash" text null, "project_manager_id" text null, "bond_account" text null);`,
    );
    this.addSql(`create index "bid_source_system_id_index" on "bid" ("source_system_id");`);
    this.addSql(`alter table "bid" add constraint "bid_record_key_unique" unique ("record_key");`);
    this.addSql(`create index "bid_bidder_id_index" on "bid" ("bidder_id");`);
    this.addSql(`create index "bid_ip_idx" on "bid" ("ip_address");`);
    this.addSql(`create index "bid_document_hash_idx" on "bid" ("document_hash");`);
    this.addSql(`create index "bid_device_idx" on "bid" ("device_fingerprint");`);
    this.addSql(`alter table "bid" add constraint "bid_section_bidder_unique" unique ("section_id", "bidder_id");`);

    this.addSql(
      `create table "bid_opening" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "section_id" bigint not null, "opened_at" timestamptz(3) not null, "bidder_count" int not null, "location" text null);`,
    );
    this.addSql(`create index "bid_opening_source_system_id_index" on "bid_opening" ("source_system_id");`);
    this.addSql(`alter table "bid_opening" add constraint "bid_opening_section_id_unique" unique ("section_id");`);

    this.addSql(
      `create table "award" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "section_id" bigint not null, "winner_id" bigint not null, "amount" numeric(20,2) not null, "awarded_on" date not null);`,
    );
    this.addSql(`create index "award_source_system_id_index" on "award" ("source_system_id");`);
    this.addSql(`alter table "award" add constraint "award_section_id_unique" unique ("section_id");`);
    this.addSql(`create index "award_winner_id_index" on "award" ("winner_id");`);

    this.addSql(
      `create table "announcement" ("id" bigserial primary key, "source_system_id" int not null, "owner_system_id" int not null, "external_id" text null, "version" int not null, "content_hash" varchar(64) not null, "created_at" timestamptz(3) not null default now(), "updated_at" timestamptz(3) not null default now(), "code" varchar(80) not null, "project_id" bigint not null, "type" text check ("type" in ('TENDER_NOTICE', 'AMENDMENT', 'CANDIDATE_PUBLICITY', 'AWARD_NOTICE', 'DEAL_NOTICE', 'TERMINATION')) not null, "title" text not null, "published_at" timestamptz(3) not null, "period_start" date null, "period_end" date null, "document_hash" varchar(128) null, "url" text null, "section_codes" text[] not null);`,
    );
    this.addSql(`create index "announcement_source_system_id_index" on "announcement" ("source_system_id");`);
    this.addSql(`alter table "announcement" add constraint "announcement_code_unique" unique ("code");`);
    this.addSql(`create index "announcement_project_id_index" on "announcement" ("project_id");`);

    this.addSql(
      `alter table "trading_sub_item" add constraint "trading_sub_item_category_code_foreign" foreign key ("category_code") references "trading_category" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "trading_project" add constraint "trading_project_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "trading_project" add constraint "trading_project_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "trading_project" add constraint "trading_project_sub_item_code_foreign" foreign key ("sub_item_code") references "trading_sub_item" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "trading_project" add constraint "trading_project_tenderer_id_foreign" foreign key ("tenderer_id") references "market_entity" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "trading_project" add constraint "trading_project_agency_id_foreign" foreign key ("agency_id") references "market_entity" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "section" add constraint "section_project_id_foreign" foreign key ("project_id") references "trading_project" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "evaluation" add constraint "evaluation_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_section_id_foreign" foreign key ("section_id") references "section" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "contract" add constraint "contract_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "contract" add constraint "contract_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "contract" add constraint "contract_section_id_foreign" foreign key ("section_id") references "section" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "bid" add constraint "bid_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "bid" add constraint "bid_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "bid" add constraint "bid_section_id_foreign" foreign key ("section_id") references "section" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "bid" add constraint "bid_bidder_id_foreign" foreign key ("bidder_id") references "market_entity" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "bid_opening" add constraint "bid_opening_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "bid_opening" add constraint "bid_opening_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "bid_opening" add constraint "bid_opening_section_id_foreign" foreign key ("section_id") references "section" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "award" add constraint "award_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "award" add constraint "award_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "award" add constraint "award_section_id_foreign" foreign key ("section_id") references "section" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "award" add constraint "award_winner_id_foreign" foreign key ("winner_id") references "market_entity" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "announcement" add constraint "announcement_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "announcement" add constraint "announcement_owner_system_id_foreign" foreign key ("owner_system_id") references "source_system" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "announcement" add constraint "announcement_project_id_foreign" foreign key ("project_id") references "trading_project" ("id") on update cascade on delete cascade;`,
    );

    CATALOG_2020.forEach((c, i) => {
      this.addSql(
        `insert into "trading_category" ("code", "name", "sort_order") values (${lit(c.code)}, ${lit(c.name)}, ${i + 1});`,
      );
      c.subItems.forEach((s, j) => {
        const schema = s.detailsSchema ? lit(JSON.stringify(s.detailsSchema)) : 'null';
        this.addSql(
          `insert into "trading_sub_item" ("code", "category_code", "name", "details_schema", "sort_order") values (${lit(s.code)}, ${lit(c.code)}, ${lit(s.name)}, ${schema}, ${j + 1});`,
        );
      });
    });
  }

  override async down(): Promise<void> {
    for (const table of [
      'finding',
      'announcement',
      'contract',
      'award',
      'evaluation',
      'bid_opening',
      'bid',
      'section',
      'trading_project',
      'trading_sub_item',
      'trading_category',
    ]) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
