import { Gate } from '../../src/common/gate';

/** A task that runs until its `finish` is called (or fails when `fail` is). */
function task(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  return {
    run: () => {
      log.push(`start ${name}`);
      return done;
    },
    finish: () => finish(),
    fail: (err: Error) => fail(err),
  };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('Gate', () => {
  it('runs at most `limit` tasks at once; the others start in arrival order as slots free', async () => {
    const gate = new Gate(2);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((n) => task(log, n));
    const results = tasks.map((t) => gate.run(t.run));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect([gate.running, gate.waiting]).toEqual([2, 3]);
    tasks[1].finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    tasks[0].finish();
    tasks[2].finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d', 'start e']);
    expect([gate.running, gate.waiting]).toEqual([2, 0]);
    tasks[3].finish();
    tasks[4].finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it('frees the slot of a task that fails and passes its error on', async () => {
    const gate = new Gate(1);
    const log: string[] = [];
    const [a, b] = [task(log, 'a'), task(log, 'b')];
    const ra = gate.run(a.run);
    const rb = gate.run(b.run);
    await settle();
    a.fail(new Error('storage fault'));
    await expect(ra).rejects.toThrow('storage fault');
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await expect(rb).resolves.toBe('b');
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it('never lets a newcomer overtake a waiting task', async () => {
    const gate = new Gate(1);
    const log: string[] = [];
    const [a, b, c] = [task(log, 'a'), task(log, 'b'), task(log, 'c')];
    const runs = [gate.run(a.run), gate.run(b.run)];
    await settle();
    a.finish();
    // c arrives while b has been handed a's slot but has not started yet.
    runs.push(gate.run(c.run));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await settle();
    c.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'start b', 'start c']);
  });

  it('refuses a limit below one', () => {
    expect(() => new Gate(0)).toThrow();
    expect(() => new Gate(1.5)).toThrow();
  });
});
