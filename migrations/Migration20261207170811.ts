import { Migration } from '@mikro-orm/migrations';

/** Named feed consumers (checkpoint, batch in flight, lease) and the records their targets refused. */
export class Migration20261207170811 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "feed_consumer" ("id" serial primary key, "name" varchar(64) not null, "principal_id" int not null, "topics" jsonb not null, "filter" jsonb null, "acked_seq" bigint not null default 0, "acked_at" timestamptz(3) null, "delivering_seq" bigint null, "lease_holder" varchar(200) null, "lease_expires_at" timestamptz(3) null, "created_at" timestamptz(3) not null);`,
    );
    this.addSql(`alter table "feed_consumer" add constraint "feed_consumer_name_unique" unique ("name");`);
    this.addSql(
      `alter table "feed_consumer" add constraint "feed_consumer_principal_id_unique" unique ("principal_id");`,
    );

    this.addSql(
      `create table "dead_letter" ("id" bigserial primary key, "consumer_id" int not null, "seq" bigint not null, "topic" varchar(40) not null, "key" text not null, "status" int not null, "answer" text not null, "created_at" timestamptz(3) not null, "resolved_at" timestamptz(3) null, "attempts" int not null default 0);`,
    );
    this.addSql(
      `alter table "dead_letter" add constraint "dead_letter_consumer_seq_unique" unique ("consumer_id", "seq");`,
    );

    this.addSql(
      `alter table "feed_consumer" add constraint "feed_consumer_principal_id_foreign" foreign key ("principal_id") references "principal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "dead_letter" add constraint "dead_letter_consumer_id_foreign" foreign key ("consumer_id") references "feed_consumer" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dead_letter" drop constraint "dead_letter_consumer_id_foreign";`);

    this.addSql(`drop table if exists "feed_consumer" cascade;`);

    this.addSql(`drop table if exists "dead_letter" cascade;`);
  }
}
