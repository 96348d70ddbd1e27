import { Migration } from '@mikro-orm/migrations';

/**
 * Signed pushes: a system may be required to sign its pushes, the change log
 * records the certificate that signed each event's push, and a signer is found
 * by its SM3 fingerprint too.
 */
export class Migration20261207195500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "principal" add column "signature_required" boolean not null default false;`);
    this.addSql(`alter table "change_event" add column "signed_by" varchar(64) null;`);
    this.addSql(`create index "certificate_sm3_fingerprint_idx" on "certificate" ("sm3_fingerprint");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "certificate_sm3_fingerprint_idx";`);
    this.addSql(`alter table "change_event" drop column "signed_by";`);
    this.addSql(`alter table "principal" drop column "signature_required";`);
  }
}
