import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startRelayTarget, type RelayTarget, type TargetFaults } from '../../examples/relay-target';
import { creditHubei } from '../../src/relay/credit-hubei';
import { Relay } from '../../src/relay/relay';
import { retryDeadLetters } from '../../src/relay/retry-dead';
import type { RelaySettings } from '../../src/relay/settings';
import { PUSH, entities, type PushResponse } from '../setup/data';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';

/*
 * The relays under faults: a real hub, the relay (in-process, or as `hub relay`
 * processes killed with SIGKILL), and the test target of examples/relay-target.ts.
 * After each run the target must hold exactly the hub's events of the topic,
 * in seq order (so in order for every key), minus the records it refused,
 * which are exactly the dead letters; repeats only where it dropped them by
 * their idempotency key; and the consumer's lag back at 0.
 */

const BIN = join(__dirname, '..', '..', 'bin', 'hub.js');
/** Rounds of the kill test (RELAY_KILL_ROUNDS to run more). */
const KILL_ROUNDS = Number(process.env.RELAY_KILL_ROUNDS ?? 20);

const REGISTER = `mutation Register($input: RegisterFeedConsumerInput!) {
  registerFeedConsumer(input: $input) { apiKey }
}`;
const LAG = `query Lag($name: String!) { feedConsumer(name: $name) { lagEvents acknowledgedSeq connected } }`;
const DEAD = `query Dead($c: String!) { deadLetters(consumer: $c) { seq status answer resolvedAt } }`;

/** A seeded generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

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

describe('relays under faults', () => {
  let t: TestHub;
  let system: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestHub({ consumerLeaseSeconds: 2, feedPollMs: 200 });
    system = await t.system('RELAY-SRC');
    await push(40, 0);
    // Updates of the same keys: order per key matters.
    await push(10, 0, 8);
  });
  afterAll(() => t.stop());

  async function push(count: number, offset: number, seed = 7): Promise<void> {
    const r = await t.gql<PushResponse>(String(PUSH), { records: entities(count, offset, seed) }, system);
    expect(r.errors).toBeUndefined();
  }

  async function consumer(): Promise<{ name: string; key: string }> {
    const name = `relay-${++n}`;
    const r = await t.gql<{ registerFeedConsumer: { apiKey: string } }>(
      REGISTER,
      { input: { name, topics: ['MARKET_ENTITY'] } },
      ADMIN_KEY,
    );
    expect(r.errors).toBeUndefined();
    return { name, key: r.data!.registerFeedConsumer.apiKey };
  }

  function settings(key: string, target: RelayTarget, more: Partial<RelaySettings> = {}): RelaySettings {
    return {
      hub: t.hub.url,
      key,
      target: target.url,
      batch: 7,
      lingerMs: 20,
      timeoutMs: 400,
      retries: 0,
      backoffMs: 5,
      maxBackoffMs: 50,
      standbyMs: 100,
      ocdsPackageSize: 10,
      ...more,
    };
  }

  /** The hub's MARKET_ENTITY events: seq and key, in seq order. */
  async function hubEvents(): Promise<{ seq: string; key: string }[]> {
    return t.hub.services.orm.em
      .fork()
      .execute<{ seq: string; key: string }[]>(
        `select e.seq::text as seq, e.key from change_event e where e.topic = 'MARKET_ENTITY' order by e.seq`,
      );
  }

  async function caughtUp(name: string): Promise<void> {
    await eventually(async () => {
      const r = await t.gql<{ feedConsumer: { lagEvents: number } }>(LAG, { name }, ADMIN_KEY);
      expect(r.data?.feedConsumer.lagEvents).toBe(0);
    });
  }

  /**
   * The target holds exactly the hub's events but `refused`, in seq order, each once; and it never had two requests
   * in flight, unless the relay abandoned requests that the target still held (`abandoned`: answers given after the
   * relay's timeout), where the retry may arrive while the target still sleeps on the abandoned one.
   */
  async function expectExact(
    target: RelayTarget,
    refused: readonly string[] = [],
    { abandoned = false }: { abandoned?: boolean } = {},
  ): Promise<void> {
    const expected = (await hubEvents()).filter((e) => !refused.includes(e.seq));
    expect(target.records.map((r) => r.id)).toEqual(expected.map((e) => e.seq));
    expect(target.records.map((r) => r.key)).toEqual(expected.map((e) => e.key));
    if (!abandoned) expect(target.stats.maxInFlight).toBe(1);
  }

  async function runWith(
    faults: TargetFaults,
    more: Partial<RelaySettings> = {},
    during?: (target: RelayTarget) => Promise<void>,
  ) {
    const c = await consumer();
    const target = await startRelayTarget(0, faults, seeded(n * 7919));
    const relay = new Relay(settings(c.key, target, more), creditHubei('MARKET_ENTITY'));
    const running = relay.run();
    try {
      await during?.(target);
      await caughtUp(c.name);
      return { c, target, relay };
    } finally {
      relay.stop();
      await running;
      await target.close();
    }
  }

  it('two relays for one consumer: one active at a time, the standby takes over when the active one stops', async () => {
    const c = await consumer();
    const target = await startRelayTarget(0, { lateMs: 0 });
    const a = new Relay(settings(c.key, target), creditHubei('MARKET_ENTITY'));
    const b = new Relay(settings(c.key, target), creditHubei('MARKET_ENTITY'));
    const runs = [a.run(), b.run()];
    try {
      await caughtUp(c.name);
      const [active, standby] = a.delivered > 0 ? [a, b] : [b, a];
      expect(standby.delivered).toBe(0);
      active.stop();
      await push(12, 200);
      await caughtUp(c.name);
      expect(standby.delivered).toBeGreaterThan(0);
      await expectExact(target);
    } finally {
      a.stop();
      b.stop();
      await Promise.all(runs);
      await target.close();
    }
  });

  /** Starts a `hub relay credit-hubei` process for the consumer's key (kept in `children` until it exits). */
  function spawnRelay(key: string, target: RelayTarget, children: Set<ChildProcess>): ChildProcess {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'relay',
        'credit-hubei',
        '--topic',
        'MARKET_ENTITY',
        '--hub',
        t.hub.url,
        '--key',
        key,
        '--target',
        target.url,
        '--batch',
        '5',
        '--linger-ms',
        '10',
        '--timeout-ms',
        '500',
        '--backoff-ms',
        '5',
        '--max-backoff-ms',
        '50',
        '--standby-ms',
        '100',
      ],
      { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' }, stdio: 'ignore' },
    );
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  }

  it('two relay processes for one consumer, either killed with SIGKILL: never two active, the other takes over', async () => {
    const c = await consumer();
    const target = await startRelayTarget(0, {});
    const random = seeded(7);
    const children = new Set<ChildProcess>();
    try {
      const pair = [spawnRelay(c.key, target, children), spawnRelay(c.key, target, children)];
      for (let round = 0; round < 8; round++) {
        await push(4, 600 + round * 4);
        const before = target.stats.requests;
        await eventually(async () => expect(target.stats.requests).toBeGreaterThan(before), 20000);
        await new Promise((r) => setTimeout(r, Math.floor(random() * 100)));
        // Either the active one or the standby; a new process replaces it, as a supervisor would.
        const i = random() < 0.5 ? 0 : 1;
        pair[i].kill('SIGKILL');
        await new Promise((r) => pair[i].once('exit', r));
        pair[i] = spawnRelay(c.key, target, children);
      }
      // Caught up; then one of them is killed for good and the other delivers what follows alone.
      await caughtUp(c.name);
      pair[0].kill('SIGKILL');
      await push(4, 700);
      await caughtUp(c.name);
      await expectExact(target);
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await target.close();
    }
  }, 600_000);

  it('survives relay processes killed with SIGKILL at random moments (20 rounds), exactly', async () => {
    const c = await consumer();
    const target = await startRelayTarget(0, { fail500: 0.1 }, seeded(4242));
    const random = seeded(99);
    const children = new Set<ChildProcess>();
    const start = () => spawnRelay(c.key, target, children);
    try {
      for (let round = 0; round < KILL_ROUNDS; round++) {
        const child = start();
        await push(3, 300 + round * 3);
        // Killed at a random moment once it has started delivering (or right away now and then).
        const before = target.stats.requests;
        if (random() < 0.8) await eventually(async () => expect(target.stats.requests).toBeGreaterThan(before), 20000);
        await new Promise((r) => setTimeout(r, Math.floor(random() * 150)));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
      start();
      await caughtUp(c.name);
      await expectExact(target);
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await target.close();
    }
  }, 900_000);

  it('delivers everything, in order, with no fault', async () => {
    const { target } = await runWith({});
    await expectExact(target);
    expect(target.records[0]).toMatchObject({ dataSet: 'MARKET_ENTITY', action: 'PUBLISH', mapping: 'credit-hubei/2' });
  });

  it('retries 500s with backoff', async () => {
    const { target } = await runWith({ fail500: 0.4 });
    expect(target.stats.failed).toBeGreaterThan(0);
    await expectExact(target);
  });

  it('retries requests that time out', async () => {
    const { target } = await runWith({ hang: 0.3 }, { timeoutMs: 200 });
    expect(target.stats.failed).toBeGreaterThan(0);
    await expectExact(target, [], { abandoned: true });
  });

  it('retries connections closed before an answer', async () => {
    const { target } = await runWith({ drop: 0.4 });
    expect(target.stats.failed).toBeGreaterThan(0);
    await expectExact(target);
  });

  it('re-sends a batch confirmed too late, which the target drops by its idempotency key', async () => {
    const { target } = await runWith({ late: 0.4, lateMs: 600 }, { timeoutMs: 200 });
    expect(target.stats.duplicates).toBeGreaterThan(0);
    await expectExact(target, [], { abandoned: true });
  });

  it('parks a refused record as a dead letter and moves on; retry-dead re-sends it once fixed', async () => {
    const events = await hubEvents();
    const refused = [events[3].seq, events[30].seq];
    const { c, target } = await runWith({ refuse: refused });
    await expectExact(target, refused);
    const dead = await t.gql<{
      deadLetters: { seq: string; status: number; answer: string; resolvedAt: string | null }[];
    }>(DEAD, { c: c.name }, ADMIN_KEY);
    expect(dead.data!.deadLetters.map((d) => d.seq)).toEqual(refused);
    expect(dead.data!.deadLetters[0]).toMatchObject({ status: 422, resolvedAt: null });
    expect(dead.data!.deadLetters[0].answer).toMatch(/refused by the target/);
    // The target accepts them now.
    const fixed = await startRelayTarget(0, {});
    try {
      const r = await retryDeadLetters(settings(c.key, fixed), c.name, creditHubei('MARKET_ENTITY'));
      expect(r).toEqual({ resent: 2, refused: 0, failed: 0 });
      expect(fixed.records.map((x) => x.id)).toEqual(refused);
      const after = await t.gql<{ deadLetters: { resolvedAt: string | null }[] }>(DEAD, { c: c.name }, ADMIN_KEY);
      expect(after.data!.deadLetters.every((d) => d.resolvedAt !== null)).toBe(true);
    } finally {
      await fixed.close();
    }
  });

  it('catches up a target that was down, with no event lost or reordered', async () => {
    const { target } = await runWith({ down: true }, {}, async (down) => {
      // Pushed while the target is down, and retried against it for a while; then it comes back.
      await push(15, 100);
      await eventually(async () => expect(down.stats.requests).toBeGreaterThan(5));
      expect(down.records).toEqual([]);
      down.faults.down = false;
    });
    await expectExact(target);
  });
});
