import { Migration } from '@mikro-orm/migrations';

/**
 * push_rejection: the rejected records of each system per China day, topic and reason code (disclosureQuality's
 * accuracy). Its unique key leads with the day, so it is also the index of the period condition.
 */
export class Migration20261207230538 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "push_rejection" ("id" bigserial primary key, "day" date not null, "source_system_id" int not null, "topic" text not null, "code" text not null, "count" int not null);`,
    );
    this.addSql(
      `alter table "push_rejection" add constraint "push_rejection_day_system_topic_code_key" unique ("day", "source_system_id", "topic", "code");`,
    );

    this.addSql(
      `alter table "push_rejection" add constraint "push_rejection_source_system_id_foreign" foreign key ("source_system_id") references "source_system" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "push_rejection" cascade;`);
  }
}
