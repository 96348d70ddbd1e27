import { CHANGES, PUSH, entities, type ChangeEventData, type PushResponse } from '../setup/data';
import { collect, startTestHub, type TestHub } from '../setup/hub';

describe('the change feed', () => {
  let t: TestHub;
  let key: string;

  beforeAll(async () => {
    t = await startTestHub();
    key = await t.system('FEED-TEST');
  });
  afterAll(() => t.stop());

  async function push(records: unknown[]) {
    const r = await t.gql<PushResponse>(PUSH, { records }, key);
    expect(r.errors).toBeUndefined();
    return r.data!.pushMarketEntities;
  }

  it('replays the events after a cursor, then continues live with no gap or duplicate at the seam', async () => {
    const before = await push(entities(30, 0));
    expect(before.accepted).toBe(30);
    const client = t.ws();
    const received = collect<ChangeEventData>(client, CHANGES, { after: null, topics: ['MARKET_ENTITY'] }, 60);
    // Push while the subscriber is replaying and after it has gone live.
    await push(entities(15, 30));
    await new Promise((r) => setTimeout(r, 200));
    await push(entities(15, 45));
    const events = await received;
    const seqs = events.map((e) => Number(e.changes.seq));
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(events[0].changes).toMatchObject({ topic: 'MARKET_ENTITY', op: 'CREATE', version: 1, sourceSystem: 'FEED-TEST' });
    expect(events[0].changes.data).toMatchObject({ creditCode: events[0].changes.key, version: 1 });
  });

  it('resumes right after the cursor of the last event processed', async () => {
    const client = t.ws();
    const firstTen = await collect<ChangeEventData>(client, CHANGES, { after: null }, 10);
    const resumed = await collect<ChangeEventData>(client, CHANGES, { after: firstTen[9].changes.cursor }, 5);
    expect(resumed.map((e) => Number(e.changes.seq))).toEqual([11, 12, 13, 14, 15]);
  });

  it('delivers updates as new versions of the same key', async () => {
    const [one] = entities(1, 0);
    const head = await t.hub.services.feed.head;
    await push([{ ...one, name: `${one.name}（更名）` }]);
    const [event] = await collect<ChangeEventData>(t.ws(), CHANGES, { after: String(head) }, 1);
    expect(event.changes).toMatchObject({ op: 'UPDATE', key: one.creditCode, version: 2 });
    expect(event.changes.data.name).toBe(`${one.name}（更名）`);
  });

  it('rejects a cursor that it did not issue', async () => {
    const client = t.ws();
    await expect(collect(client, CHANGES, { after: 'not-a-cursor' }, 1)).rejects.toThrow(/BAD_USER_INPUT/);
  });
});
