import { Gate } from '../../src/common/gate';
import { PUSH, entities } from '../setup/data';
import { startTestHub, type TestHub } from '../setup/hub';

/** A Gate that records how many tasks it ran and the most that ran at once. */
class WatchedGate extends Gate {
  runs = 0;
  most = 0;
  override async run<T>(task: () => Promise<T>): Promise<T> {
    return super.run(async () => {
      this.runs += 1;
      this.most = Math.max(this.most, this.running);
      return task();
    });
  }
}

/*
 * HUB_PUSH_CONCURRENCY: the hub's pushes go through its gate, at most that many at once, the others waiting their
 * turn; every push still completes, each record stored once.
 */
describe('the push gate', () => {
  let t: TestHub;
  const gate = new WatchedGate(1);

  beforeAll(async () => {
    t = await startTestHub({ pushConcurrency: 1 });
    expect(t.hub.services.pushGate?.limit).toBe(1);
    t.hub.services.pushGate = gate;
  });
  afterAll(() => t.stop());

  it('runs concurrent pushes from several systems one at a time, and every one completes', async () => {
    const systems = await Promise.all(['GATE-A', 'GATE-B', 'GATE-C'].map((c) => t.system(c)));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.gql(PUSH, { records: entities(5, 7000 + i * 5) }, systems[i % 3])),
    );
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data!.pushMarketEntities.accepted).toBe(5);
    }
    expect(gate.runs).toBe(12);
    expect(gate.most).toBe(1);
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
    // Each record stored once, with one event.
    const stored = (
      await t.hub.services.orm.em
        .fork()
        .execute<{ key: string }[]>(`select key from change_event where topic = 'MARKET_ENTITY' order by seq`)
    ).map((r) => r.key);
    expect(stored.sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => entities(5, 7000 + i * 5).map((e) => e.creditCode))
        .flat()
        .sort(),
    );
  });
});
