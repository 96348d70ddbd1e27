import { createLogger } from '../../src/logger';
import { RESTART_BACKOFF_MS, Supervisor, type Running, type SupervisedState } from '../../src/db/supervisor';

/** A made-up server process: `die()` is kill -9, `stop()` a clean stop. */
function fakeProcess(pid: number) {
  let exit!: (e: { code: number | null; signal: NodeJS.Signals | null }) => void;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => (exit = resolve));
  const running: Running & { die(): void; stopped: boolean } = {
    pid,
    exited,
    stopped: false,
    die: () => exit({ code: null, signal: 'SIGKILL' }),
    async stop() {
      running.stopped = true;
      exit({ code: 0, signal: null });
    },
  };
  return running;
}

/** Launches fake processes; `failures` launches fail (with PostgreSQL's words) before the next succeeds. */
function harness(failures = 0) {
  const launched: ReturnType<typeof fakeProcess>[] = [];
  let toFail = failures;
  const waits: number[] = [];
  const states: SupervisedState[] = [];
  let gate: (() => void) | undefined;
  const supervisor = new Supervisor(
    async () => {
      if (launched.length > 0 && toFail > 0) {
        toFail -= 1;
        throw new Error('FATAL: "/data" is not a valid data directory');
      }
      const p = fakeProcess(1000 + launched.length);
      launched.push(p);
      return p;
    },
    createLogger('silent'),
    {
      sleep: async (ms) => {
        waits.push(ms);
        if (gate) await new Promise<void>((r) => (gate = r));
      },
    },
  );
  supervisor.onStateChange((s) => states.push(s));
  const failures_: Error[] = [];
  supervisor.onFailure((e) => failures_.push(e));
  return {
    supervisor,
    launched,
    waits,
    states,
    failures: failures_,
    holdWaits: () => (gate = () => undefined),
    releaseWait: () => gate?.(),
    setFailures: (n: number) => (toFail = n),
  };
}

/** Lets every pending promise callback run (the supervisor reacts to an exit asynchronously). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('the supervisor of the embedded PostgreSQL', () => {
  it('restarts the server when it dies, after the first back-off, and runs again', async () => {
    const h = harness();
    await h.supervisor.start();
    expect(h.supervisor.state).toBe('running');
    h.launched[0].die();
    await settle();
    expect(h.launched).toHaveLength(2);
    expect(h.waits).toEqual([RESTART_BACKOFF_MS[0]]);
    expect(h.states).toEqual(['running', 'restarting', 'running']);
    expect(h.supervisor.pid).toBe(1001);
    expect(h.supervisor.restarts).toBe(1);
  });

  it('backs off 0.5, 1, 2, 4 s between failed attempts and keeps the server once one succeeds', async () => {
    const h = harness(4);
    await h.supervisor.start();
    h.launched[0].die();
    await settle();
    expect(h.waits).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(h.supervisor.state).toBe('running');
    expect(h.failures).toEqual([]);
  });

  it('gives up after five failed attempts and says why; a later outage is not its business any more', async () => {
    const h = harness(5);
    await h.supervisor.start();
    h.launched[0].die();
    await settle();
    expect(h.waits).toEqual(RESTART_BACKOFF_MS);
    expect(h.supervisor.state).toBe('failed');
    expect(h.failures.map((e) => e.message)).toEqual([
      'embedded PostgreSQL stopped unexpectedly (signal SIGKILL) and could not be restarted in 5 attempts: FATAL: "/data" is not a valid data directory',
    ]);
  });

  it('gives every outage the full number of attempts', async () => {
    const h = harness(3);
    await h.supervisor.start();
    h.launched[0].die();
    await settle();
    expect(h.supervisor.state).toBe('running');
    h.setFailures(4);
    h.launched[1].die();
    await settle();
    expect(h.supervisor.state).toBe('running');
    expect(h.waits).toEqual([500, 1000, 2000, 4000, 500, 1000, 2000, 4000, 8000]);
  });

  it('does not restart a server stopped on purpose', async () => {
    const h = harness();
    await h.supervisor.start();
    await h.supervisor.stop();
    await settle();
    expect(h.launched).toHaveLength(1);
    expect(h.launched[0].stopped).toBe(true);
    expect(h.supervisor.state).toBe('stopped');
  });

  it('stops for good while it waits to restart: nothing is started after stop()', async () => {
    const h = harness();
    await h.supervisor.start();
    h.holdWaits();
    h.launched[0].die();
    await settle();
    expect(h.supervisor.state).toBe('restarting');
    const stopping = h.supervisor.stop();
    h.releaseWait();
    await stopping;
    expect(h.launched).toHaveLength(1);
    expect(h.supervisor.state).toBe('stopped');
    expect(h.failures).toEqual([]);
  });

  it('does not restart a server that ends once the hub has said it stops (Ctrl-C reaches PostgreSQL too)', async () => {
    const h = harness();
    await h.supervisor.start();
    h.supervisor.expectStop();
    // PostgreSQL's fast shutdown on the terminal's SIGINT: a clean exit before the hub's own stop().
    h.launched[0].die();
    await settle();
    expect(h.launched).toHaveLength(1);
    expect(h.waits).toEqual([]);
    expect(h.failures).toEqual([]);
    await h.supervisor.stop();
    expect(h.supervisor.state).toBe('stopped');
    expect(h.states).toEqual(['running', 'stopped']);
  });
});
