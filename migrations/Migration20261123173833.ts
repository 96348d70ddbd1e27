import { Migration } from '@mikro-orm/migrations';

/**
 * Evaluation candidates move from a JSON array on the evaluation to rows of
 * their own, with score and evaluated price as numeric (money is numeric in
 * the database, everywhere) and the bidder as a foreign key.
 */
export class Migration20261123173833 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "evaluation_candidate" ("id" bigserial primary key, "evaluation_id" bigint not null, "rank" int not null, "bidder_id" bigint not null, "score" numeric(22,4) null, "amount" numeric(20,2) null);`,
    );
    this.addSql(`create index "evaluation_candidate_bidder_id_index" on "evaluation_candidate" ("bidder_id");`);
    this.addSql(
      `alter table "evaluation_candidate" add constraint "evaluation_candidate_evaluation_id_rank_unique" unique ("evaluation_id", "rank");`,
    );

    this.addSql(
      `alter table "evaluation_candidate" add constraint "evaluation_candidate_evaluation_id_foreign" foreign key ("evaluation_id") references "evaluation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evaluation_candidate" add constraint "evaluation_candidate_bidder_id_foreign" foreign key ("bidder_id") references "market_entity" ("id") on update cascade;`,
    );

    // Existing candidates move over; every candidate was checked to be a registered bidder when it was pushed.
    this.addSql(`insert into "evaluation_candidate" ("evaluation_id", "rank", "bidder_id", "score", "amount")
      select e.id, (k->>'rank')::int, m.id, (k->>'score')::numeric, (k->>'amount')::numeric
      from "evaluation" e cross join lateral jsonb_array_elements(e.candidates) k
      join "market_entity" m on m.credit_code = k->>'bidderCreditCode'
      order by e.id, (k->>'rank')::int;`);
    this.addSql(`alter table "evaluation" drop column "candidates";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "evaluation" add column "candidates" jsonb not null default '[]';`);
    this.addSql(`update "evaluation" e set "candidates" = coalesce((
      select jsonb_agg(jsonb_build_object('rank', c.rank, 'bidderCreditCode', m.credit_code, 'score', c.score::text, 'amount', c.amount::text) order by c.rank)
      from "evaluation_candidate" c join "market_entity" m on m.id = c.bidder_id where c.evaluation_id = e.id), '[]');`);
    this.addSql(`alter table "evaluation" alter column "candidates" drop default;`);
    this.addSql(`drop table if exists "evaluation_candidate" cascade;`);
  }
}
