import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { findPlain, plainFromColumns } from '../../src/common/plain';
import { createClient, issueKey } from '../../src/auth/admin.service';
import { ADMIN, Role } from '../../src/auth/principal';
import { openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { seedDemoData } from '../../src/seed/demo';
import { BidRow } from '../../src/trading/bid.entity';
import { createTestDatabase, type TestDatabase } from '../setup/db';
import { REGISTRY } from '../../resolvers/families';

/** An entity's persistent properties as findPlain promises them: relations as `{ <primary key> }`. */
function expected(em: EntityManager, entity: EntityClass<object>, row: object): Record<string, unknown> {
  const meta = em.getMetadata().get(entity.name);
  const out: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (prop.persist === false || prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY)
      continue;
    const v = (row as Record<string, unknown>)[prop.name];
    if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
      const pk = prop.targetMeta!.primaryKeys[0];
      out[prop.name] = v ? { [pk]: (v as Record<string, unknown>)[pk] } : null;
    } else {
      out[prop.name] = v ?? null;
    }
  }
  return out;
}

describe('plain rows for the read side (src/common/plain.ts)', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openOrm(db.url, createLogger('silent'), { entities: REGISTRY.entities });
    await seedDemoData(orm, { force: true, entities: 60 });
    // Rows of the tables the demo leaves empty: a client with a key, an operator's exception, a finding.
    const em = orm.em.fork();
    await createClient(em, ADMIN, { name: 'plain-reader', roles: [Role.INTEGRATOR] }, REGISTRY);
    await issueKey(em, ADMIN, 'plain-reader', new Date('2030-01-01T00:00:00Z'));
    await em
      .getConnection()
      .execute(
        `insert into credit_code_exception (code, note) values ('91420100MA4KXXXXX1', 'issued before the check was enforced')`,
      );
    await em
      .getConnection()
      .execute(
        `insert into finding (topic, record_key, project_code, rule, message) select 'BID', record_key, 'P-1', 'BID_AFTER_OPENING', 'late' from bid limit 1`,
      );
    await em.getConnection().execute(
      `insert into cleared_finding (id, topic, record_key, project_code, section_code, rule, severity, message, evidence, detected_at, cleared_at)
         values (900001, 'BID', 'P-1-S1', 'P-1', 'P-1-S1', 'SHARED_IP', 'MEDIUM', 'shared', '{"bids": ["a", "b"]}', now(), now())`,
    );
    await em
      .getConnection()
      .execute(
        `insert into finding_review (finding_id, number, outcome, note, author, reviewed_at) values (900001, 1, 'DISMISSED', null, 'admin', now())`,
      );
  }, 120_000);
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it.each(REGISTRY.entities.map((e) => [e.name, e] as const))(
    'reads %s exactly as the ORM hydrates it, value for value and type for type',
    async (_name, entity) => {
      const em = orm.em.fork();
      const meta = em.getMetadata().get(entity.name);
      const pk = meta.primaryKeys[0];
      const managed = await em.find(entity, {}, { orderBy: { [pk]: 'asc' } as never });
      const plain = await findPlain(orm.em.fork(), entity, {}, { orderBy: { [pk]: 'asc' } as never });
      expect(plain).toHaveLength(managed.length);
      // toStrictEqual compares Dates as Dates and strings as strings: a time left as text would fail here.
      expect(plain).toStrictEqual(managed.map((m) => expected(em, entity, m)));
    },
  );

  it('has demo data in the tables it compares (a comparison of empty lists would prove nothing)', async () => {
    const em = orm.em.fork();
    const empty: string[] = [];
    for (const entity of REGISTRY.entities) if ((await em.count(entity, {})) === 0) empty.push(entity.name);
    expect(empty).toEqual([]);
  });

  it('maps rows of hand-written SQL by column name the same way', async () => {
    const em = orm.em.fork();
    const rows = await em.getConnection().execute<Record<string, unknown>[]>('select * from bid order by id limit 5');
    const viaSql = plainFromColumns(em, BidRow, rows);
    const viaQb = await findPlain(
      em,
      BidRow,
      { id: { $in: rows.map((r) => String(r.id)) } },
      { orderBy: { id: 'asc' } },
    );
    expect(viaSql).toStrictEqual(viaQb);
    expect(viaSql[0].section).toEqual({ id: expect.any(String) });
    expect(viaSql[0].submittedAt).toBeInstanceOf(Date);
  });
});
