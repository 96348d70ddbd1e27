import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, ADMIN, Role, type Principal } from '../../src/auth/principal';
import { ChangeTopic } from '../../resolvers/families';
import { ChangeOp, type ChangeRecord } from '../../src/feed/topics';
import { TRADING_TOPICS } from '../../src/trading';
import { chinaMonth } from '../../src/common/datetime';
import {
  StatisticsDimension as D,
  filterSql,
  normaliseDimensions,
  prefectureOf,
  regionName,
  SharedStatistics,
  statisticsQuery,
  toSnapshot,
  type StatisticsSnapshot,
  type StatisticsSqlRow,
} from '../../src/trading/statistics';
import { StatisticsStream, type ChangeSource } from '../../src/trading/statistics.stream';
import { TradingMethod } from '../../src/trading/trading.model';
import { requireStatisticsReader } from '../../resolvers/trading/statistics.resolver';
import { ManualClock, settle } from '../setup/clock';

describe('month bucketing', () => {
  it('takes the month of an instant in China time, not UTC', () => {
    expect(chinaMonth(new Date('2026-01-31T15:59:59.999Z'))).toBe('2026-01');
    expect(chinaMonth(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02'); // 2026-02-01 00:00 in Beijing
    expect(chinaMonth(new Date('2026-03-01T00:30:00+08:00'))).toBe('2026-03');
    expect(chinaMonth(new Date('2025-12-31T23:00:00-02:00'))).toBe('2026-01');
  });
});

describe('prefecture roll-up', () => {
  it('rolls a county up to its prefecture', () => {
    expect(prefectureOf('420102')).toBe('420100');
    expect(prefectureOf('420626')).toBe('420600');
    expect(prefectureOf('422802')).toBe('422800');
  });

  it('keeps prefectures and the province as they are', () => {
    expect(prefectureOf('420100')).toBe('420100');
    expect(prefectureOf('420000')).toBe('420000');
  });

  it('keeps the county-level units directly under the province as themselves', () => {
    expect(prefectureOf('429004')).toBe('429004');
    expect(prefectureOf('429021')).toBe('429021');
    expect(prefectureOf('429000')).toBe('429000');
  });

  it('names the rolled-up region from GB/T 2260', () => {
    expect(regionName(prefectureOf('420102'))).toBe('武汉市');
    expect(regionName(prefectureOf('429004'))).toBe('仙桃市');
    expect(regionName('420699')).toBeNull();
  });
});

describe('the statistics statement', () => {
  it('groups by each dimension once, in a fixed order, whatever order and repeats are asked', () => {
    expect(normaliseDimensions([D.MONTH, D.REGION, D.MONTH, D.CATEGORY])).toEqual([D.CATEGORY, D.REGION, D.MONTH]);
    expect(statisticsQuery([D.METHOD, D.REGION]).sql).toBe(statisticsQuery([D.REGION, D.METHOD, D.METHOD]).sql);
  });

  it('is one statement that aggregates with GROUP BY, with every value bound as a parameter', () => {
    const q = statisticsQuery([D.REGION, D.MONTH], {
      categoryCode: 'engineering',
      regionCode: '420100',
      method: TradingMethod.OPEN_TENDER,
    });
    expect(q.sql.trim().split(';').filter(Boolean)).toHaveLength(1);
    expect(q.sql).toMatch(/group by proj\.region_code, proj\.month/);
    expect(q.sql).not.toMatch(/ENGINEERING|OPEN_TENDER|4201/);
    expect(q.params).toEqual(['ENGINEERING', '4201%', 'OPEN_TENDER']);
  });

  it('has no GROUP BY for no dimension: one row for everything', () => {
    expect(statisticsQuery([]).sql).not.toMatch(/group by proj\./);
  });

  it('selects a region with its counties, a county-level unit alone, and all of Hubei with the province', () => {
    expect(filterSql({ regionCode: '420100' }).params).toEqual(['4201%']);
    expect(filterSql({ regionCode: '429004' }).params).toEqual(['429004%']);
    expect(filterSql({ regionCode: '420000' }).params).toEqual(['42%']);
  });

  it('takes publishedFrom inclusive and publishedTo exclusive', () => {
    const from = new Date('2026-01-01T00:00:00+08:00');
    const to = new Date('2026-02-01T00:00:00+08:00');
    expect(filterSql({ publishedFrom: from, publishedTo: to })).toEqual({
      where: ['p.published_at >= ?', 'p.published_at < ?'],
      params: [from, to],
    });
  });

  it('refuses a bad filter with BAD_USER_INPUT and the field', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as { code: string }).code, (e as { field: string }).field];
      }
      return undefined;
    };
    expect(code(() => filterSql({ regionCode: '110000' }))).toEqual(['BAD_USER_INPUT', 'filter.regionCode']);
    expect(code(() => filterSql({ categoryCode: "x'; drop table bid; --" }))).toEqual([
      'BAD_USER_INPUT',
      'filter.categoryCode',
    ]);
    expect(
      code(() =>
        filterSql({ publishedFrom: new Date('2026-02-01T00:00:00Z'), publishedTo: new Date('2026-01-01T00:00:00Z') }),
      ),
    ).toEqual(['BAD_USER_INPUT', 'filter.publishedFrom']);
    expect(code(() => filterSql({ publishedTo: new Date('0000-06-01T00:00:00Z') }))).toEqual([
      'BAD_USER_INPUT',
      'filter.publishedTo',
    ]);
    expect(code(() => normaliseDimensions(['WEEKDAY' as D]))).toEqual(['BAD_USER_INPUT', 'groupBy']);
  });
});

describe('mapping statement rows', () => {
  const base: StatisticsSqlRow = {
    watermark: '41',
    as_of: new Date('2026-03-01T00:00:00Z'),
    project_count: 2,
    section_count: 3,
    total_budget: '300.00',
    total_awarded: '250.00',
    saving_rate: '0.1667',
    average_bidders: '2.33',
  };

  it('keeps money and rates as the decimal strings PostgreSQL rounded, and keys only of the dimensions asked', () => {
    const s = toSnapshot([D.REGION, D.METHOD], [{ ...base, region_code: '429004', method: 'AUCTION' }]);
    expect(s.seq).toBe(41);
    expect(s.rows).toEqual([
      {
        category: null,
        subItem: null,
        regionCode: '429004',
        regionName: '仙桃市',
        month: null,
        method: 'AUCTION',
        projectCount: 2,
        sectionCount: 3,
        totalBudget: '300.00',
        totalAwarded: '250.00',
        savingRate: '0.1667',
        averageBiddersPerSection: '2.33',
      },
    ]);
  });

  it('keeps the snapshot position when no project matches', () => {
    const empty: StatisticsSqlRow = {
      watermark: '7',
      as_of: '2026-03-01T00:00:00Z',
      project_count: null,
      section_count: null,
      total_budget: null,
      total_awarded: null,
      saving_rate: null,
      average_bidders: null,
    };
    expect(toSnapshot([D.REGION], [empty])).toMatchObject({ seq: 7, rows: [] });
  });
});

describe('who may read statistics', () => {
  const p = (roles: Role[]): Principal => ({ ...ANONYMOUS, id: 'x/key:1', name: 'x', roles: new Set(roles) });
  const code = (principal: Principal) => {
    try {
      requireStatisticsReader(principal);
      return 'OK';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('lets dashboards, integrators and operators in, and refuses the rest', () => {
    expect(code(p([Role.DASHBOARD]))).toBe('OK');
    expect(code(p([Role.INTEGRATOR]))).toBe('OK');
    expect(code(ADMIN)).toBe('OK');
    expect(code(p([Role.SOURCE_SYSTEM]))).toBe('FORBIDDEN');
    expect(code(p([Role.FEED_CONSUMER]))).toBe('FORBIDDEN');
    expect(code(ANONYMOUS)).toBe('UNAUTHENTICATED');
  });
});

/**
 * A stand-in for the change feed: events are offered by hand; records what was subscribed and whether it was closed.
 */
class FakeFeed implements ChangeSource {
  subscribed?: { after: number; topics?: readonly ChangeTopic[] };
  closed = false;
  private queue: ChangeRecord[] = [];
  private wake?: () => void;

  subscribe(options: { after: number; topics?: readonly ChangeTopic[] }): AsyncIterator<ChangeRecord> {
    this.subscribed = options;
    return {
      next: async () => {
        for (;;) {
          if (this.closed) return { value: undefined, done: true };
          const e = this.queue.shift();
          if (e) return { value: e, done: false };
          await new Promise<void>((r) => (this.wake = r));
        }
      },
      return: async () => {
        this.closed = true;
        this.wake?.();
        return { value: undefined, done: true };
      },
    };
  }

  offer(seq: number): void {
    this.queue.push({
      seq,
      topic: ChangeTopic.BID,
      op: ChangeOp.CREATE,
      key: `k${seq}`,
      version: 1,
      data: {},
      sourceSystem: 'S',
      principal: 'S/key:1',
      occurredAt: new Date(),
      prevHash: '',
      hash: '',
    });
    this.wake?.();
  }
}

describe('the coalescing statistics stream', () => {
  /** A computation that reports the position the fake "database" has reached, on a clock the test moves. */
  function setup(intervalMs: number) {
    const feed = new FakeFeed();
    const clock = new ManualClock();
    let position = 10;
    const computedAt: number[] = [];
    const compute = async (): Promise<StatisticsSnapshot> => {
      computedAt.push(clock.now());
      return { rows: [], seq: position, asOf: new Date(clock.now()) };
    };
    const stream = new StatisticsStream(feed, compute, { intervalMs, clock });
    const change = (n = 1) => {
      for (let i = 0; i < n; i++) feed.offer(++position);
    };
    return { feed, stream, change, computedAt, clock, position: () => position };
  }

  it('sends the current figures at once, then follows trading topics from exactly that snapshot', async () => {
    const { feed, stream } = setup(50);
    const first = await stream.next();
    expect(first.value).toMatchObject({ seq: 10 });
    expect(feed.subscribed).toEqual({ after: 10, topics: TRADING_TOPICS });
    await stream.return();
  });

  it('recomputes once for a burst of changes, and waits for the interval between computations', async () => {
    const { stream, change, computedAt, clock, position } = setup(200);
    await stream.next();
    let second: IteratorResult<StatisticsSnapshot> | undefined;
    const pending = stream.next().then((r) => (second = r));
    // Ten bursts of five changes, 5 ms apart: all inside one interval.
    for (let i = 0; i < 10; i++) {
      change(5);
      await clock.advance(5);
    }
    expect(second).toBeUndefined(); // the interval has not passed yet
    expect(stream.computations).toBe(1);
    await clock.advance(150);
    // Computed as the clock reached the end of the interval, not on some later real-time tick.
    expect(second).toBeDefined();
    await pending;
    expect(second!.value!.seq).toBe(position());
    expect(stream.computations).toBe(2);
    expect(computedAt[1] - computedAt[0]).toBeGreaterThanOrEqual(195);
    expect(computedAt[1] - computedAt[0]).toBe(200);
    await stream.return();
  });

  it('computes nothing while nothing changes', async () => {
    const { stream, clock } = setup(20);
    await stream.next();
    let settled = false;
    const pending = stream.next().then((r) => {
      settled = true;
      return r;
    });
    await clock.advance(150);
    expect(settled).toBe(false);
    expect(stream.computations).toBe(1);
    await stream.return();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });

  it('ignores changes that the last computation already included', async () => {
    const { feed, stream, clock } = setup(20);
    await stream.next(); // included up to 10
    feed.offer(9);
    feed.offer(10);
    let settled = false;
    void stream.next().then(() => (settled = true));
    await clock.advance(100);
    expect(settled).toBe(false);
    expect(stream.computations).toBe(1);
    await stream.return();
  });

  it('bounds computations by the interval under a steady flow of changes', async () => {
    const { stream, change, clock, position } = setup(100);
    await stream.next();
    const seqs: number[] = [];
    let consuming = true;
    const consumer = (async () => {
      while (consuming) {
        const r = await stream.next();
        if (r.done) return;
        seqs.push(r.value.seq);
      }
    })();
    const started = clock.now();
    // About 55 rounds of changes, 10 ms apart.
    while (clock.now() - started < 550) {
      change(3);
      await clock.advance(10);
    }
    const elapsed = clock.now() - started;
    // One computation at most every 100 ms, although about 55 rounds of changes arrived.
    expect(stream.computations - 1).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    expect(stream.computations - 1).toBeGreaterThanOrEqual(Math.floor(elapsed / 100) - 1);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // The consumer catches up with the last change once the flow stops.
    consuming = false;
    await clock.advance(100);
    expect(seqs.at(-1)).toBe(position());
    await stream.return();
    await consumer;
  });

  it('closes the feed subscription on return(), also when the consumer is waiting', async () => {
    const { feed, stream } = setup(20);
    await stream.next();
    const pending = stream.next();
    await settle();
    await stream.return();
    expect(feed.closed).toBe(true);
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('closes the feed subscription when a computation fails, and passes the error on', async () => {
    const feed = new FakeFeed();
    const clock = new ManualClock();
    let calls = 0;
    const stream = new StatisticsStream(
      feed,
      async () => {
        calls += 1;
        if (calls === 2) throw new Error('database went away');
        return { rows: [], seq: 10, asOf: new Date(clock.now()) };
      },
      { intervalMs: 10, clock },
    );
    await stream.next();
    feed.offer(11);
    const failed = expect(stream.next()).rejects.toThrow('database went away');
    await clock.advance(10);
    await failed;
    expect(feed.closed).toBe(true);
  });

  it('ends when the feed ends (the hub is shutting down)', async () => {
    const { feed, stream } = setup(10);
    await stream.next();
    const pending = stream.next();
    feed.closed = true;
    feed.offer(11); // wakes the fake feed, which now reports done
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
  });
});

describe('SharedStatistics', () => {
  /** An EntityManager stand-in that records each statement and answers when told (the sharing is what is tested). */
  function database() {
    const calls: string[] = [];
    const answers: ((rows: StatisticsSqlRow[]) => void)[] = [];
    const em = {
      execute: (sql: string) => {
        calls.push(sql);
        return new Promise<StatisticsSqlRow[]>((resolve) => answers.push(resolve));
      },
    } as unknown as EntityManager;
    return { em: () => em, calls, answer: (seq: number) => answers.shift()!([row(seq)]) };
  }
  const row = (seq: number) =>
    ({ watermark: String(seq), as_of: '2026-10-01T00:00:00Z', project_count: '1' }) as unknown as StatisticsSqlRow;

  it('runs one statement for the same figures asked while it runs, and a new one once it has answered', async () => {
    const db = database();
    const shared = new SharedStatistics();
    const byCategory = statisticsQuery([D.CATEGORY]);
    const a = shared.run(db.em, byCategory);
    const b = shared.run(db.em, byCategory);
    const byMethod = shared.run(db.em, statisticsQuery([D.METHOD]));
    expect(db.calls).toHaveLength(2);
    expect(shared.inFlight).toBe(2);
    db.answer(7);
    db.answer(7);
    const [ra, rb] = await Promise.all([a, b, byMethod]);
    expect(ra).toBe(rb);
    expect(ra.seq).toBe(7);
    expect(shared.inFlight).toBe(0);
    // Never kept: the next asker computes afresh.
    const c = shared.run(db.em, byCategory);
    expect(db.calls).toHaveLength(3);
    db.answer(9);
    expect((await c).seq).toBe(9);
  });

  it('shares a failure with those waiting on it, then tries again for the next', async () => {
    const shared = new SharedStatistics();
    let fail = true;
    const em = {
      execute: () => (fail ? Promise.reject(new Error('database away')) : Promise.resolve([row(3)])),
    } as unknown as EntityManager;
    const q = statisticsQuery([]);
    await expect(Promise.all([shared.run(() => em, q), shared.run(() => em, q)])).rejects.toThrow('database away');
    fail = false;
    expect((await shared.run(() => em, q)).seq).toBe(3);
  });
});
