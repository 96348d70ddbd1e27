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
    // And of the tables of the families the demo does not fill: a feed consumer with a dead letter, an expert and a
    // credit record with its publication, a recognised CA with a CRL and a certificate, a day's rejection count.
    const sys = `(select id from source_system order by id limit 1)`;
    const pushed = `${sys}, ${sys}, null, 1, repeat('0', 64), now(), now()`;
    for (const statement of [
      `insert into feed_consumer (name, principal_id, topics, filter, acked_seq, acked_at, delivering_seq, lease_holder, lease_expires_at, created_at)
         select 'plain-relay', id, '["MARKET_ENTITY"]', '{"ops": ["CREATE"]}', 3, now(), 5, 'conn-1', now(), now() from principal where name = 'plain-reader'`,
      `insert into dead_letter (consumer_id, seq, topic, key, status, answer, created_at, resolved_at, attempts)
         select id, 2, 'MARKET_ENTITY', 'k', 422, 'refused', now(), null, 1 from feed_consumer where name = 'plain-relay'`,
      `insert into expert (source_system_id, owner_system_id, external_id, version, content_hash, created_at, updated_at, code, kind, name, id_number, phone, specialties, region_code, employer_credit_code, status)
         values (${pushed}, 'EXP-1', 'BOTH', '张三', '11010519491231002X', '13800000000', '{A01,B02}', '420100', null, 'ACTIVE')`,
      `insert into credit_record (source_system_id, owner_system_id, external_id, version, content_hash, created_at, updated_at, code, subject_type, subject_code, kind, severity, status, decided_on, decision_number, authority_name, authority_credit_code, summary, fine_amount, effective_from, effective_until, published_from, published_until)
         values (${pushed}, 'CR-1', 'EXPERT', 'EXP-1', 'ADMINISTRATIVE_PENALTY', 'GENERAL', 'IN_FORCE', '2026-01-05', '鄂建罚〔2026〕1号', '湖北省住房和城乡建设厅', '11420000MB1234567X', '罚款', 12345.67, '2026-01-05', '2027-01-05', '2026-01-05', '2027-01-05')`,
      `insert into credit_publication (record_id, published, published_version, due_at) select id, true, 1, now() from credit_record where code = 'CR-1'`,
      `insert into certificate_authority (code, name, status, certificates, crl_distribution_points, credit_code_locations, version)
         values ('CA-1', '测试CA', 'RECOGNISED', '[{"fingerprint": "ab"}]', '{http://crl.example/ca.crl}', null, 1)`,
      `insert into crl (issuer_fingerprint, ca_code, issuer, fingerprint, this_update, next_update, revoked, der)
         values (repeat('a', 64), 'CA-1', 'CN=测试CA', repeat('c', 64), now(), null, '[{"serial": "01"}]', 'MIIB')`,
      `insert into certificate (source_system_id, owner_system_id, external_id, version, content_hash, created_at, updated_at, fingerprint, sm3_fingerprint, serial, subject, issuer, not_before, not_after, key_algorithm, signature_algorithm, key_usage, extended_key_usage, credit_code, ca_code, issuer_fingerprint, status, revoked_at, der)
         select ${pushed}, repeat('f', 64), repeat('e', 64), '01', 'CN=x', 'CN=测试CA', now(), now(), 'SM2', 'SM2-with-SM3', '{digitalSignature}', '{}', credit_code, 'CA-1', repeat('a', 64), 'GOOD', null, 'MIIC' from market_entity limit 1`,
      `insert into push_rejection (day, source_system_id, topic, code, count) values ('2026-03-01', ${sys}, 'BID', 'NOT_FOUND', 2)`,
    ])
      await em.getConnection().execute(statement);
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
