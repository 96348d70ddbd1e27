import { code } from '../setup/data';
import { AUTHORITY, badRecord, creditSystem, expert, idNumber } from '../setup/credit';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { countStatements } from '../setup/statements';
import { push, type Push } from '../setup/trading';
import { JumpClock } from '../setup/clock';

/*
 * The credit family end to end: experts and credit records through the one
 * push pipeline, masking, creditStatus at several moments, MarketEntity's
 * credit fields through loaders, repair and revocation.
 */

const RECORD_FIELDS =
  'code subjectType subjectCode subjectIdNumber kind severity status decidedOn fineAmount effectiveUntil publishedFrom publishedUntil repairableFrom repairedAt version';

const STATUS = `query($c: String!, $at: DateTime) {
  creditStatus(creditCode: $c, at: $at) { subjectCode blacklisted grade reasons { rule recordCode } badRecords { code } goodRecords { code } }
}`;

interface Status {
  subjectCode: string;
  blacklisted: boolean;
  grade: string;
  reasons: { rule: string; recordCode: string | null }[];
  badRecords: { code: string }[];
  goodRecords: { code: string }[];
}

describe('credit records and the expert pool', () => {
  let t: TestHub;
  let key: string;
  let other: string;
  const clock = new JumpClock();
  const firm = code('CRT000001');
  const firm2 = code('CRT000002');

  const pushRecords = (records: unknown[], k = key): Promise<Push> =>
    push(t, k, 'pushCreditRecords', 'CreditRecordInput', records);
  const pushExperts = (records: unknown[], k = key): Promise<Push> => push(t, k, 'pushExperts', 'ExpertInput', records);

  async function status(c: string, at?: string): Promise<Status> {
    const r = await t.gql<{ creditStatus: Status }>(STATUS, { c, at }, key);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.creditStatus;
  }

  beforeAll(async () => {
    t = await startTestHub({}, undefined, { clock });
    key = await creditSystem(t, 'CREDIT-SYS');
    other = await creditSystem(t, 'CREDIT-OTHER');
    const r = await t.gql<{ pushMarketEntities: { accepted: number } }>(
      'mutation($r: [MarketEntityInput!]!) { pushMarketEntities(records: $r) { accepted } }',
      {
        r: [firm, firm2].map((c, i) => ({ creditCode: c, name: `信用测试公司${i}`, regionCode: '420102' })),
      },
      key,
    );
    expect(r.data?.pushMarketEntities.accepted).toBe(2);
  });
  afterAll(() => t.stop());

  describe('the expert pool', () => {
    it('stores experts, refuses a wrong ID check digit per record, and is idempotent', async () => {
      const good = expert('EXP-CR-1', { idNumber: idNumber('42010219700505321') });
      const wrong = good.idNumber.slice(0, 17) + (good.idNumber[17] === '1' ? '2' : '1');
      const r = await pushExperts([good, expert('EXP-CR-2', { idNumber: wrong }), expert('EXP-CR-3')]);
      expect(r.results.map((x) => x.status)).toEqual(['ACCEPTED', 'REJECTED', 'ACCEPTED']);
      expect(r.results[1].errors[0]).toMatchObject({ field: 'idNumber', code: 'BAD_USER_INPUT' });
      expect((await pushExperts([good])).results[0].status).toBe('UNCHANGED');
    });

    it('masks ID and phone numbers for readers without the grant, in queries and in the history', async () => {
      const q = `{ expert(code: "EXP-CR-1") { code idNumber phone history { data } } experts(filter: { specialty: "a01" }) { totalCount edges { node { code idNumber } } } }`;
      const masked = await t.gql<{
        expert: { idNumber: string; phone: string; history: { data: Record<string, string> }[] };
        experts: { totalCount: number; edges: { node: { idNumber: string } }[] };
      }>(q, {}, key);
      expect(masked.errors).toBeUndefined();
      expect(masked.data!.expert.idNumber).toMatch(/^420102\*{10}\w{2}$/);
      expect(masked.data!.expert.phone).toBe('138****8000');
      expect(masked.data!.expert.history[0].data.idNumber).toMatch(/^420102\*{10}/);
      expect(masked.data!.experts.totalCount).toBe(2);
      expect(masked.data!.experts.edges.every((e) => e.node.idNumber.includes('*'))).toBe(true);
      const whole = await t.gql<{ expert: { idNumber: string; phone: string } }>(q, {}, ADMIN_KEY);
      expect(whole.data!.expert.idNumber).toBe(idNumber('42010219700505321'));
      expect(whole.data!.expert.phone).toBe('13800138000');
    });

    it('needs the EXPERT grant to push', async () => {
      const plain = await t.system('CREDIT-PLAIN');
      const r = await pushExperts([expert('EXP-CR-9')], plain);
      expect(r.results[0].errors[0]).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('pushing credit records', () => {
    it('accepts records per kind, rejects rule breaches with their rule code, and an unknown subject', async () => {
      const r = await pushRecords([
        badRecord('CR-1', firm),
        badRecord('CR-2', firm, {
          kind: 'ADMINISTRATIVE_PENALTY',
          severity: 'SERIOUS',
          legalBasis: '《招标投标法》第五十三条',
          violationType: 'COLLUSIVE_BIDDING',
          violationFacts: '与其他投标人串通投标',
          penaltyType: 'SUSPENSION',
          penaltyContent: '暂停投标资格一年',
          fineAmount: '120000.5',
          decidedOn: '2026-03-01',
        }),
        badRecord('CR-3', firm, { severity: 'GENERAL', publicationEndsOn: '2026-08-09' }),
        badRecord('CR-4', code('CRT999999')),
        badRecord('CR-5', firm, {
          subjectCreditCode: null,
          subjectExpertCode: 'EXP-CR-1',
          subjectIdNumber: idNumber('42010219700505321'),
        }),
        badRecord('CR-6', firm, { kind: 'GOOD_CONDUCT', decidedOn: '2026-01-15' }),
      ]);
      expect(r.results.map((x) => x.status)).toEqual([
        'ACCEPTED',
        'ACCEPTED',
        'REJECTED',
        'REJECTED',
        'ACCEPTED',
        'ACCEPTED',
      ]);
      expect(r.results[2].errors[0]).toMatchObject({ field: 'publicationEndsOn', rule: 'PUBLICATION_TOO_SHORT' });
      expect(r.results[3].errors[0]).toMatchObject({ field: 'subjectCreditCode', code: 'NOT_FOUND' });
      expect((await pushRecords([badRecord('CR-1', firm)])).results[0].status).toBe('UNCHANGED');
    });

    it('lets only the owner change a record', async () => {
      const r = await pushRecords([badRecord('CR-1', firm, { summary: '改' })], other);
      expect(r.results[0].errors[0]).toMatchObject({ code: 'CONFLICT' });
    });

    it('lists records by filter and masks personal data', async () => {
      const r = await t.gql<{ creditRecords: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
        `query($f: CreditRecordFilterInput) { creditRecords(filter: $f) { totalCount edges { node { ${RECORD_FIELDS} } } } }`,
        {
          f: {
            subject: firm,
            kind: 'ADMINISTRATIVE_PENALTY',
            authority: AUTHORITY,
            decidedOn: { from: '2026-03-01', to: '2026-03-01' },
          },
        },
        key,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.creditRecords.totalCount).toBe(1);
      expect(r.data!.creditRecords.edges[0].node).toMatchObject({
        code: 'CR-2',
        fineAmount: '120000.50',
        publishedUntil: '2029-03-01',
        repairableFrom: null,
      });
      const expertRecords = await t.gql<{ expert: { creditRecords: { code: string; subjectIdNumber: string }[] } }>(
        '{ expert(code: "EXP-CR-1") { creditRecords { code subjectIdNumber } } }',
        {},
        key,
      );
      expect(expertRecords.data!.expert.creditRecords).toEqual([
        { code: 'CR-5', subjectIdNumber: expect.stringMatching(/^420102\*+/) as string },
      ]);
    });
  });

  describe('creditStatus', () => {
    it('answers at several moments with the grade and its reasons', async () => {
      // Before any decision: A with its good record not yet in force.
      expect(await status(firm, '2026-01-01T00:00:00+08:00')).toMatchObject({
        grade: 'A',
        badRecords: [],
        goodRecords: [],
      });
      // The serious collusion penalty from 2026-03-01: C.
      expect(await status(firm, '2026-04-01T00:00:00+08:00')).toMatchObject({
        grade: 'C',
        blacklisted: false,
        reasons: [{ rule: 'GRADE_C_SERIOUS', recordCode: 'CR-2' }],
        badRecords: [{ code: 'CR-2' }],
        goodRecords: [{ code: 'CR-6' }],
      });
      // After the serious record's 3 years, before the good one's end... all ended: A.
      expect(await status(firm, '2029-03-01T00:00:00+08:00')).toMatchObject({ grade: 'A', badRecords: [] });
      expect(await status(firm2, '2026-06-01T00:00:00+08:00')).toMatchObject({ grade: 'A' });
    });

    it('is D while a blacklisting is in force, from its listing day to the day before its end', async () => {
      const r = await pushRecords([
        badRecord('CR-BL', firm2, {
          kind: 'BLACKLIST',
          severity: 'SERIOUS',
          decidedOn: '2026-06-01',
          listingEndsOn: '2027-06-01',
        }),
      ]);
      expect(r.accepted).toBe(1);
      expect((await status(firm2, '2026-05-31T23:59:59+08:00')).grade).toBe('A');
      expect(await status(firm2, '2026-06-01T00:00:00+08:00')).toMatchObject({ grade: 'D', blacklisted: true });
      expect((await status(firm2, '2027-05-31T23:59:59+08:00')).blacklisted).toBe(true);
      expect((await status(firm2, '2027-06-01T00:00:00+08:00')).blacklisted).toBe(false);
    });

    it('refuses a malformed credit code', async () => {
      const r = await t.gql(STATUS, { c: 'nope' }, key);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it("reads MarketEntity's credit fields for a page of entities in one statement each", async () => {
      const q = `{ marketEntities(filter: { creditCodes: ["${firm}", "${firm2}"] }) { edges { node { creditCode
        creditRecords { code } creditStatus(at: "2026-07-01T00:00:00+08:00") { grade blacklisted } } } } }`;
      let data: { marketEntities: { edges: { node: Record<string, unknown> }[] } } | undefined;
      const sql = await countStatements(t.hub, async () => {
        const r = await t.gql<typeof data>(q, {}, key);
        expect(r.errors).toBeUndefined();
        data = r.data;
      });
      const nodes = data!.marketEntities.edges.map((e) => e.node);
      expect(nodes).toEqual([
        expect.objectContaining({ creditStatus: { grade: firm < firm2 ? 'C' : 'D', blacklisted: firm > firm2 } }),
        expect.objectContaining({ creditStatus: { grade: firm < firm2 ? 'D' : 'C', blacklisted: firm < firm2 } }),
      ]);
      // Each statement once: through MikroORM's execute, or as a named prepared statement.
      const credit = [...sql.executes, ...sql.queries.filter((s) => s.includes('$1'))].filter((s) =>
        /credit_record/.test(s),
      );
      expect(credit).toHaveLength(2);
    });
  });

  describe('repair and revocation', () => {
    it('refuses a repair before the minimum, of an unrepairable record, and by another system', async () => {
      const repair = (recordKey: string, decidedAt: string, k = key) =>
        t.gql(
          `mutation($i: CreditRepairInput!) { repairCreditRecord(input: $i) { code status } }`,
          { i: { recordKey, decidedBy: '湖北省住房和城乡建设厅', decidedAt, grounds: '已整改并作出信用承诺' } },
          k,
        );
      expect((await repair('CR-1', '2026-08-09T23:59:59+08:00')).errors?.[0].extensions).toMatchObject({
        rule: 'REPAIR_BEFORE_MINIMUM',
      });
      expect((await repair('CR-2', '2026-11-01T00:00:00+08:00')).errors?.[0].extensions).toMatchObject({
        rule: 'REPAIR_NOT_ALLOWED',
      });
      expect((await repair('CR-6', '2026-11-01T00:00:00+08:00')).errors?.[0].extensions).toMatchObject({
        rule: 'REPAIR_NOT_NEGATIVE',
      });
      expect((await repair('CR-1', '2026-08-10T00:00:00+08:00', other)).errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('repairs once of two racing repairs, keeps every step in the log, and closes the record to pushes', async () => {
      const repair = () =>
        t.gql<{ repairCreditRecord: { status: string; version: number } }>(
          `mutation($i: CreditRepairInput!) { repairCreditRecord(input: $i) { status version } }`,
          {
            i: {
              recordKey: 'CR-1',
              decidedBy: '湖北省住房和城乡建设厅',
              decidedAt: '2026-08-10T00:00:00+08:00',
              grounds: '已整改',
            },
          },
          key,
        );
      const both = await Promise.all([repair(), repair()]);
      expect(both.filter((r) => r.data?.repairCreditRecord?.status === 'REPAIRED')).toHaveLength(1);
      expect(both.map((r) => r.errors?.[0].extensions?.rule)).toContain('ALREADY_REPAIRED');
      const history = await t.gql<{
        creditRecord: { status: string; history: { op: string; data: { status: string } }[] };
      }>('{ creditRecord(code: "CR-1") { status history { op data } } }', {}, key);
      expect(history.data!.creditRecord.status).toBe('REPAIRED');
      expect(history.data!.creditRecord.history.map((h) => `${h.op} ${h.data.status}`)).toEqual([
        'CREATE IN_FORCE',
        'UPDATE REPAIRED',
      ]);
      const r = await pushRecords([badRecord('CR-1', firm, { summary: '改动' })]);
      expect(r.results[0].errors[0]).toMatchObject({ code: 'CONFLICT', rule: 'RECORD_REPAIRED' });
      // Repaired on 2026-08-10: it counts before, not after.
      expect((await status(firm, '2026-08-09T12:00:00+08:00')).badRecords.map((b) => b.code)).toContain('CR-1');
      expect((await status(firm, '2026-08-10T12:00:00+08:00')).badRecords.map((b) => b.code)).not.toContain('CR-1');
    });

    it('revokes a record by a push of status REVOKED: it no longer counts and is final', async () => {
      expect((await pushRecords([badRecord('CR-R', firm, { decidedOn: '2026-07-01' })])).accepted).toBe(1);
      expect((await status(firm, '2026-07-02T00:00:00+08:00')).badRecords.map((b) => b.code)).toContain('CR-R');
      expect(
        (await pushRecords([badRecord('CR-R', firm, { decidedOn: '2026-07-01', status: 'REVOKED' })])).accepted,
      ).toBe(1);
      expect((await status(firm, '2026-07-02T00:00:00+08:00')).badRecords.map((b) => b.code)).not.toContain('CR-R');
      const again = await pushRecords([badRecord('CR-R', firm, { decidedOn: '2026-07-01' })]);
      expect(again.results[0].errors[0]).toMatchObject({ rule: 'RECORD_REVOKED' });
    });
  });
});
