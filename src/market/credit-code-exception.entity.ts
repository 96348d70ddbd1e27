import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A unified social credit code that was legally issued but fails the GB 32100
 * check character (early pilot codes). Kept by the operators; such a code is
 * accepted as valid.
 */
@Entity({ tableName: 'credit_code_exception' })
export class CreditCodeExceptionRow {
  @PrimaryKey({ type: 'string', length: 18 })
  code!: string;

  @Property({ type: 'text', nullable: true })
  note?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
