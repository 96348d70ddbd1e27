import type { MikroORM } from '@mikro-orm/postgresql';
import { REGISTRY } from '../../resolvers/families';
import { knexBatch, knexRows, positionalSql, withPooledClient } from '../../src/common/knex';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../setup/db';

/*
 * src/common/knex.ts reaches into MikroORM for its knex: the transaction's
 * runner, `raw`'s result with the pg client, the pool's client. If a new
 * MikroORM or knex changes any of it, this fails here rather than in every push.
 */
describe('the knex under MikroORM', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities, pool: { min: 0, max: 2 } });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('runs a statement with bind parameters and gives its rows', async () => {
    const rows = await knexRows<{ n: number; t: string }>(orm.em.fork(), 'select ?::int as n, ?::text as t', [
      42,
      'x'.repeat(100_000),
    ]);
    expect(rows).toEqual([{ n: 42, t: 'x'.repeat(100_000) }]);
  });

  it("runs inside the EntityManager's transaction, seeing what it wrote before commit", async () => {
    await orm.em.fork().transactional(async (tx) => {
      await tx.execute('create temporary table knex_probe (v int) on commit drop');
      await knexRows(tx, 'insert into knex_probe values (?)', [7]);
      const [{ txid }] = await tx.execute<{ txid: string }[]>('select txid_current()::text as txid');
      expect(await knexRows(tx, 'select v, txid_current()::text as txid from knex_probe', [])).toEqual([
        { v: 7, txid },
      ]);
    });
  });

  it("numbers knex's placeholders as PostgreSQL's, and leaves identifier bindings and escapes to knex", () => {
    expect(positionalSql('select ?::int, ?::text where x in (select jsonb_array_elements_text(?::jsonb))')).toEqual({
      text: 'select $1::int, $2::text where x in (select jsonb_array_elements_text($3::jsonb))',
      count: 3,
    });
    expect(positionalSql('select ?? from t where a = ?')).toBeNull();
    expect(positionalSql('select data \\? ? from t')).toBeNull();
  });

  it('gives what knex gives for what it sends straight, and lets knex compile or refuse the rest', async () => {
    const em = orm.em.fork();
    expect(await knexRows(em, 'select ?::int as n, ?::jsonb as j', [1, '{"a":[1,2]}'])).toEqual([
      { n: 1, j: { a: [1, 2] } },
    ]);
    // An identifier binding: knex compiles it.
    expect(await knexRows(em, 'select 5 as ??', ['five'])).toEqual([{ five: 5 }]);
    // knex's own errors stay: an undefined value, a wrong number of values.
    await expect(knexRows(em, 'select ?::int as n', [undefined])).rejects.toThrow(/Undefined binding/);
    await expect(knexRows(em, 'select ?::int as n, ?::int as m', [1])).rejects.toThrow(
      /Expected 1 bindings, saw 2|bindings/,
    );
    // A failing statement inside a transaction rolls it back, as before.
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await tx.execute('create temporary table knex_fail (v int)');
        await knexRows(tx, 'insert into knex_fail values (?::int)', ['not a number']);
      }),
    ).rejects.toThrow(/invalid input syntax/);
  });

  it('runs several constant statements in one round trip, in the transaction, giving the rows of each', async () => {
    expect(await knexBatch(orm.em.fork(), 'select 1 as a; select 2 as b union all select 3')).toEqual([
      [{ a: 1 }],
      [{ b: 2 }, { b: 3 }],
    ]);
    expect(await knexBatch(orm.em.fork(), 'select 4 as c')).toEqual([[{ c: 4 }]]);
    await orm.em.fork().transactional(async (tx) => {
      const [{ txid }] = await tx.execute<{ txid: string }[]>('select txid_current()::text as txid');
      const [, second] = await knexBatch(tx, 'select 1; select txid_current()::text as txid');
      expect(second).toEqual([{ txid }]);
    });
  });

  it('lends a pooled pg client that runs named statements, and takes it back', async () => {
    const em = orm.em.fork();
    const first = await withPooledClient(em, (c) =>
      c.query({ name: 'knex_probe_1', text: 'select $1::int + 1 as n', values: [1] }),
    );
    const again = await withPooledClient(em, (c) =>
      c.query({ name: 'knex_probe_1', text: 'select $1::int + 1 as n', values: [2] }),
    );
    expect([first.rows, again.rows]).toEqual([[{ n: 2 }], [{ n: 3 }]]);
    // Every client went back to the pool: more borrows than the pool holds still succeed.
    for (let i = 0; i < 5; i++) await withPooledClient(em, (c) => c.query({ text: 'select 1', values: [] }));
  });
});
