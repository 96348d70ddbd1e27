import WebSocket from 'ws';
import { messageText, tcpSocketOf } from '../../src/server/ws-socket';
import type { MarketEntityInput } from '../gql/graphql';
import { entities } from '../setup/data';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';

/*
 * The broadcast path of the change feed (src/server/shared-execution.ts): subscribers of one shape get each live
 * event serialised once and written to their connections past graphql-ws's iteration. These tests speak the
 * graphql-transport-ws protocol on plain `ws` sockets, so that they see the very bytes the hub writes, and can stop
 * reading from one socket.
 */

const CHANGES_TEXT = `subscription Changes($after: String, $topics: [ChangeTopic!]) {
  changes(after: $after, topics: $topics) { cursor seq topic op key version sourceSystem data }
}`;

const PUSH_TEXT =
  'mutation Push($records: [MarketEntityInput!]!) { pushMarketEntities(records: $records) { accepted } }';

interface Message {
  id?: string;
  type: string;
  payload?: {
    data?: { changes: { seq: string; cursor: string; data: Record<string, unknown> } };
    errors?: unknown[];
  };
}

/** A graphql-transport-ws connection on a plain socket, keeping every message it receives (and its raw text). */
class RawClient {
  readonly messages: Message[] = [];
  readonly texts: string[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = messageText(data);
      this.texts.push(text);
      this.messages.push(JSON.parse(text) as Message);
      for (const w of [...this.waiters]) w();
    });
  }

  static async open(url: string, key: string): Promise<RawClient> {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const client = new RawClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } }));
    await client.until(() => client.messages.some((m) => m.type === 'connection_ack'), 'connection_ack');
    return client;
  }

  /** Subscribes to `changes` of MARKET_ENTITY after a seq or a cursor. */
  subscribe(id: string, after: number | string): void {
    this.socket.send(
      JSON.stringify({
        id,
        type: 'subscribe',
        payload: { query: CHANGES_TEXT, variables: { after: String(after), topics: ['MARKET_ENTITY'] } },
      }),
    );
  }

  /** The `changes` events of subscription `id`, in order of receipt. */
  events(id: string) {
    return this.messages.filter((m) => m.id === id && m.type === 'next').map((m) => m.payload!.data!.changes);
  }

  seqs(id: string): number[] {
    return this.events(id).map((e) => Number(e.seq));
  }

  /** The raw `next` message texts of subscription `id` by seq. */
  textsBySeq(id: string): Map<number, string> {
    const out = new Map<number, string>();
    this.messages.forEach((m, i) => {
      if (m.id === id && m.type === 'next') out.set(Number(m.payload!.data!.changes.seq), this.texts[i]);
    });
    return out;
  }

  /** Resolves once `ready()` holds, checked on every message; fails after `timeoutMs`. */
  until(ready: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; ${this.messages.length} messages received`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      tcpSocketOf(this.socket)?.resume();
      this.socket.close();
    });
  }
}

describe('the change feed broadcast path', () => {
  let t: TestHub;
  let system: string;
  let plain: string;
  let revealed: string;
  const clients: RawClient[] = [];
  const person = { legalRepresentativeIdNumber: '11010519491231002X', contactPhone: '13800138000' };
  let offset = 0;

  const open = async (key: string) => {
    const c = await RawClient.open(t.hub.wsUrl, key);
    clients.push(c);
    return c;
  };

  const head = () => t.hub.services.feed.head;

  /** Pushes `n` new entities (with the personal fields the masking hides) and returns the seq of the last event. */
  const push = async (n: number, extra: Partial<MarketEntityInput> = {}): Promise<number> => {
    const records = entities(n, 20_000 + offset).map((e) => ({ ...e, ...person, ...extra }));
    offset += n;
    const r = await t.gql<{ pushMarketEntities: { accepted: number } }>(PUSH_TEXT, { records }, system);
    expect(r.errors).toBeUndefined();
    expect(r.data!.pushMarketEntities.accepted).toBe(n);
    const [{ m }] = await t.hub.services.orm.em
      .fork()
      .execute<{ m: string }[]>('select max(seq) as m from change_event');
    return Number(m);
  };

  /** hub_feed_broadcast_messages_total from GET /metrics. */
  const broadcastMessages = async (): Promise<number> => {
    const text = await (
      await fetch(t.hub.url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${ADMIN_KEY}` } })
    ).text();
    const m = /^hub_feed_broadcast_messages_total (\d+)/m.exec(text);
    if (!m) throw new Error('no hub_feed_broadcast_messages_total in /metrics');
    return Number(m[1]);
  };

  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  beforeAll(async () => {
    // A live subscriber with more than 20 events waiting goes back to reading the table.
    t = await startTestHub({ feedBuffer: 20, rateLimit: 1_000_000, rateBurst: 1_000_000 });
    system = await t.system('CAST-SYS');
    const make = async (name: string, reveal: string) =>
      (
        await t.gql<{ createClient: { apiKey: string } }>(
          `mutation { createClient(input: { name: "${name}", roles: [FEED_CONSUMER], readTopics: [MARKET_ENTITY], reveal: [${reveal}] }) { apiKey } }`,
          undefined,
          ADMIN_KEY,
        )
      ).data!.createClient.apiKey;
    plain = await make('cast-plain', '');
    revealed = await make('cast-revealed', 'PERSONAL_ID, PHONE');
  });
  // Each test's sockets close after it, passed or failed, so that the next one counts only its own broadcasts.
  afterEach(() => Promise.all(clients.splice(0).map((c) => c.close())));
  afterAll(() => t.stop());

  it('writes each event once per shape, masked by each shape’s grants, under each subscription’s own id', async () => {
    const start = head();
    const a = await open(plain);
    const b = await open(revealed);
    a.subscribe('a-1', start);
    a.subscribe('a-2', start);
    b.subscribe('b-1', start);
    // A first event through whichever path; once it has arrived each subscription waits, live, for the next.
    const first = await push(1);
    await a.until(() => a.seqs('a-1').length === 1 && a.seqs('a-2').length === 1, 'the first event on a');
    await b.until(() => b.seqs('b-1').length === 1, 'the first event on b');
    const before = await broadcastMessages();
    const last = await push(10);
    await a.until(() => a.seqs('a-1').at(-1) === last && a.seqs('a-2').at(-1) === last, 'the pushed events on a');
    await b.until(() => b.seqs('b-1').at(-1) === last, 'the pushed events on b');
    // Three subscriptions, ten events: every one of them written on the broadcast path.
    expect((await broadcastMessages()) - before).toBe(30);
    for (const [c, id] of [
      [a, 'a-1'],
      [a, 'a-2'],
      [b, 'b-1'],
    ] as const)
      expect(c.seqs(id)).toEqual(range(first, last));
    for (const e of [...a.events('a-1'), ...a.events('a-2')])
      expect(e.data).toMatchObject({ legalRepresentativeIdNumber: '110105**********2X', contactPhone: '138****8000' });
    for (const e of b.events('b-1')) expect(e.data).toMatchObject(person);

    // The bytes are those graphql-ws writes on the per-subscriber path: a replaying subscriber of the same shape.
    const replayed = await open(plain);
    replayed.subscribe('r', start);
    await replayed.until(() => replayed.seqs('r').at(-1) === last, 'the replay');
    const cast = a.textsBySeq('a-2');
    for (const [seq, text] of replayed.textsBySeq('r'))
      expect(cast.get(seq)).toBe(text.replace('"id":"r"', '"id":"a-2"'));
  });

  it('does not let a socket that stops reading stall the others; it catches up in order once it reads again', async () => {
    const start = head();
    const slow = await open(plain);
    const fast = await open(plain);
    slow.subscribe('s', start);
    fast.subscribe('f', start);
    const first = await push(1);
    await slow.until(() => slow.seqs('s').length === 1, 'the first event on the slow socket');
    await fast.until(() => fast.seqs('f').length === 1, 'the first event on the fast socket');
    // The slow client stops reading: the kernel's buffers fill and the hub's queue for that socket grows.
    tcpSocketOf(slow.socket)!.pause();
    // About 125 kB per event (100 qualifications of 200 characters): 48 events are more than the socket buffers hold.
    const qualifications = Array.from({ length: 100 }, (_, i) => ({
      code: `BIG-${i}`,
      name: '工'.repeat(200),
      validUntil: '2030-12-31',
      issuer: '湖'.repeat(200),
    }));
    let last = first;
    for (let i = 0; i < 12; i++) last = await push(4, { qualifications });
    await fast.until(() => fast.seqs('f').at(-1) === last, 'every event on the fast socket', 120_000);
    expect(fast.seqs('f')).toEqual(range(first, last));
    const slowSoFar = slow.seqs('s').at(-1)!;
    expect(slowSoFar).toBeLessThan(last);
    tcpSocketOf(slow.socket)!.resume();
    await slow.until(() => slow.seqs('s').at(-1) === last, 'every event on the slow socket', 120_000);
    expect(slow.seqs('s')).toEqual(range(first, last));
    // Caught up, both are back on the broadcast path (events this large went through the queues: 64 KiB per socket).
    const again = await broadcastMessages();
    const final = await push(3);
    await slow.until(() => slow.seqs('s').at(-1) === final, 'the last events on the slow socket');
    await fast.until(() => fast.seqs('f').at(-1) === final, 'the last events on the fast socket');
    expect((await broadcastMessages()) - again).toBe(6);
    expect(slow.seqs('s')).toEqual(range(first, final));
  }, 300_000);

  it('resumes a subscriber from a cursor while others of its shape broadcast, gap-free, then broadcasts to it', async () => {
    const start = head();
    const live = await open(plain);
    live.subscribe('l', start);
    const first = await push(5);
    await live.until(() => live.seqs('l').at(-1) === first, 'the first events');
    const resumed = await open(plain);
    let last = first;
    const pushes: Promise<void> = (async () => {
      for (let i = 0; i < 8; i++) last = await push(15);
    })();
    // Resume from an event in the middle of the first push, while the next pushes go on.
    const cursor = live.events('l')[2].cursor;
    resumed.subscribe('r', cursor);
    await pushes;
    await live.until(() => live.seqs('l').at(-1) === last, 'every event on the live subscriber');
    await resumed.until(() => resumed.seqs('r').at(-1) === last, 'every event on the resumed subscriber');
    expect(live.seqs('l')).toEqual(range(start + 1, last));
    expect(resumed.seqs('r')).toEqual(range(start + 4, last));
    const byLive = live.textsBySeq('l');
    for (const [seq, text] of resumed.textsBySeq('r'))
      expect(text.replace('"id":"r"', '"id":"l"')).toBe(byLive.get(seq));
    const before = await broadcastMessages();
    const final = await push(2);
    await resumed.until(() => resumed.seqs('r').at(-1) === final, 'the final events');
    await live.until(() => live.seqs('l').at(-1) === final, 'the final events');
    expect((await broadcastMessages()) - before).toBe(4);
  });
});
