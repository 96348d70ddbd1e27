import { startRelayTarget, type RelayTarget } from '../../examples/relay-target';
import { CreditRecordRow } from '../../src/credit/credit-record.entity';
import { isPublishedAt } from '../../src/credit/publication.rules';
import { PublicationScheduler } from '../../src/credit/publication.scheduler';
import { findPlain } from '../../src/common/plain';
import { creditHubei } from '../../src/relay/credit-hubei';
import { Relay } from '../../src/relay/relay';
import { badRecord, creditSystem, expert, idNumber } from '../setup/credit';
import { ManualClock } from '../setup/clock';
import { code } from '../setup/data';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { push } from '../setup/trading';

/*
 * The Credit Hubei relay on its default topic, CREDIT_PUBLICATION: a record
 * whose publication window opens is delivered as PUBLISH (personal data
 * masked), a change of a public record as PUBLISH again, and the end of its
 * publication (window closed, repaired, revoked) as WITHDRAW with the reason.
 * The test target applies them in order; what it shows must be exactly what
 * the publication rules say is public at the clock's time.
 */

const china = (s: string) => Date.parse(`${s}+08:00`);
const LAG = `query Lag($name: String!) { feedConsumer(name: $name) { lagEvents } }`;

async function eventually<T>(check: () => Promise<T>, ms = 60000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('the Credit Hubei relay on CREDIT_PUBLICATION', () => {
  const clock = new ManualClock(china('2026-05-01T00:00:00'));
  let t: TestHub;
  let key: string;
  let target: RelayTarget;
  let relay: Relay;
  let running: Promise<void>;
  const firm = code('CRH000001');
  const person = idNumber('42010219800101123');

  /** Runs a scheduler tick until it got the lock: everything due at the clock's time is then in the log. */
  async function drain(): Promise<void> {
    const s = new PublicationScheduler(t.hub.services.orm, clock);
    while ((await s.tick()) === null) await new Promise<void>((r) => setImmediate(r));
  }

  async function caughtUp(): Promise<void> {
    await eventually(async () => {
      const r = await t.gql<{ feedConsumer: { lagEvents: number } }>(LAG, { name: 'credit-hubei' }, ADMIN_KEY);
      expect(r.data?.feedConsumer.lagEvents).toBe(0);
    });
  }

  /** The codes the rules say are public now, from the stored records. */
  async function publicByRules(): Promise<string[]> {
    const rows = await findPlain(t.hub.services.orm.em.fork(), CreditRecordRow, {});
    return rows
      .filter((r) =>
        isPublishedAt(
          {
            status: r.status,
            publishedFrom: r.publishedFrom ?? null,
            publishedUntil: r.publishedUntil ?? null,
            repairedAt: r.repairedAt ? new Date(r.repairedAt) : null,
          },
          clock.now(),
        ),
      )
      .map((r) => r.code)
      .sort();
  }

  const actions = () => target.records.map((r) => `${r.action} ${r.key}`);

  beforeAll(async () => {
    t = await startTestHub({ consumerLeaseSeconds: 2, feedPollMs: 200 }, undefined, { clock });
    key = await creditSystem(t, 'CRH-SYS');
    const entities = await t.gql<{ pushMarketEntities: { accepted: number } }>(
      'mutation($r: [MarketEntityInput!]!) { pushMarketEntities(records: $r) { accepted } }',
      { r: [{ creditCode: firm, name: '信用湖北测试公司', regionCode: '420102' }] },
      key,
    );
    expect(entities.data?.pushMarketEntities.accepted).toBe(1);
    expect((await push(t, key, 'pushExperts', 'ExpertInput', [expert('EXP-CRH-1')])).accepted).toBe(1);
    const reg = await t.gql<{ registerFeedConsumer: { apiKey: string } }>(
      `mutation { registerFeedConsumer(input: { name: "credit-hubei", topics: [CREDIT_PUBLICATION] }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    expect(reg.errors).toBeUndefined();
    target = await startRelayTarget(0, {});
    relay = new Relay(
      {
        hub: t.hub.url,
        key: reg.data!.registerFeedConsumer.apiKey,
        target: target.url,
        batch: 3,
        lingerMs: 20,
        timeoutMs: 5000,
        retries: 0,
        backoffMs: 5,
        maxBackoffMs: 50,
        standbyMs: 100,
        ocdsPackageSize: 10,
      },
      // The relay's default topic.
      creditHubei(),
    );
    running = relay.run();
  });

  afterAll(async () => {
    relay?.stop();
    await running;
    await target?.close();
    await t?.stop();
  });

  it('publishes records as their windows open, with personal data masked', async () => {
    const r = await push(t, key, 'pushCreditRecords', 'CreditRecordInput', [
      badRecord('H-GEN', firm, { decidedOn: '2026-04-20', publicationEndsOn: '2026-07-20' }),
      badRecord('H-SER', firm, { severity: 'SERIOUS', decidedOn: '2026-04-15' }),
      badRecord('H-PER', firm, {
        subjectCreditCode: null,
        subjectExpertCode: 'EXP-CRH-1',
        subjectIdNumber: person,
        severity: 'SERIOUS',
        decidedOn: '2026-04-28',
      }),
      badRecord('H-LATE', firm, { decidedOn: '2026-06-10' }),
    ]);
    expect(r.results.filter((x) => x.status === 'REJECTED')).toEqual([]);
    expect(r.accepted).toBe(4);
    await drain();
    await caughtUp();
    expect(actions().sort()).toEqual(['PUBLISH H-GEN', 'PUBLISH H-PER', 'PUBLISH H-SER']);
    expect(target.records[0]).toMatchObject({ dataSet: 'CREDIT_PUBLICATION', mapping: 'credit-hubei/2' });
    const per = target.published.get('H-PER')!;
    expect(per).toMatchObject({ code: 'H-PER', subjectIdNumber: expect.stringMatching(/^420102\*+/) as string });
    expect(JSON.stringify([...target.published.values()])).not.toContain(person);
    expect([...target.published.keys()].sort()).toEqual(await publicByRules());
  });

  it('withdraws a record whose window ends, and one that is repaired, with the reason', async () => {
    // H-GEN's window ends; H-LATE's opens.
    await clock.advance(china('2026-07-25T00:00:00') - clock.now());
    await drain();
    await caughtUp();
    expect(actions().slice(-2).sort()).toEqual(['PUBLISH H-LATE', 'WITHDRAW H-GEN']);
    expect(target.records.find((x) => x.action === 'WITHDRAW')!.payload).toEqual({
      key: 'H-GEN',
      reason: 'WINDOW_CLOSED',
    });
    // A serious record may be repaired once its minimum publication has run (a year).
    await clock.advance(china('2027-04-20T00:00:00') - clock.now());
    await drain();
    const repaired = await t.gql(
      `mutation($i: CreditRepairInput!) { repairCreditRecord(input: $i) { status } }`,
      {
        i: {
          recordKey: 'H-SER',
          decidedBy: '湖北省住房和城乡建设厅',
          decidedAt: '2027-04-18T09:00:00+08:00',
          grounds: '已整改',
        },
      },
      key,
    );
    expect(repaired.errors).toBeUndefined();
    await drain();
    await caughtUp();
    expect(target.records.at(-1)).toMatchObject({
      action: 'WITHDRAW',
      key: 'H-SER',
      payload: { key: 'H-SER', reason: 'REPAIRED' },
    });
    const rules = await publicByRules();
    expect(rules).toContain('H-PER');
    expect(rules).not.toContain('H-SER');
    expect([...target.published.keys()].sort()).toEqual(rules);
    // Every event of the topic reached the target once, in order.
    const seqs = await t.hub.services.orm.em
      .fork()
      .execute<{ seq: string }[]>(
        `select seq::text as seq from change_event where topic = 'CREDIT_PUBLICATION' order by seq`,
      );
    expect(target.records.map((x) => x.id)).toEqual(seqs.map((x) => x.seq));
  });
});
