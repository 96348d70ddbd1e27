import type { Logger } from '../logger';

/** A started server process, as the supervisor sees it. */
export interface Running {
  pid?: number;
  /** Resolves when the process has exited, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops it cleanly; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * `running`: serving; `restarting`: it died and the supervisor is starting it again; `failed`: it could not; `stopped`:
 * stopped on purpose.
 */
export type SupervisedState = 'running' | 'restarting' | 'failed' | 'stopped';

/** Waits before each restart attempt: 0.5 s, then doubling; five attempts over 15.5 s. */
export const RESTART_BACKOFF_MS: readonly number[] = [500, 1000, 2000, 4000, 8000];

export interface SupervisorOptions {
  /** The wait before each attempt; its length is the number of attempts. */
  backoffMs?: readonly number[];
  /** Injectable so that tests need no real time. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps one server process (the embedded PostgreSQL) running for the life of
 * the hub: when it dies although nobody stopped it (kill -9, a crash), it is
 * started again after a back-off, a bounded number of times. When every
 * attempt fails the state becomes `failed` and the failure listeners are told
 * why: the hub then exits non-zero (resolvers/app/main.ts) rather than serve without a
 * database. Each outage gets the full number of attempts.
 */
export class Supervisor {
  private current?: Running;
  private stateNow: SupervisedState = 'stopped';
  private stopping = false;
  private ending = false;
  private readonly failureListeners: ((err: Error) => void)[] = [];
  private readonly stateListeners: ((state: SupervisedState) => void)[] = [];
  private cancelWait?: () => void;
  private restarting?: Promise<void>;
  /** Restarts that succeeded, over the life of the supervisor. */
  restarts = 0;

  constructor(
    private readonly launch: () => Promise<Running>,
    private readonly log: Logger,
    private readonly options: SupervisorOptions = {},
  ) {}

  get state(): SupervisedState {
    return this.stateNow;
  }

  get pid(): number | undefined {
    return this.current?.pid;
  }

  /** Starts the process the first time; a failure here is the caller's (nothing is retried). */
  async start(): Promise<void> {
    this.watch(await this.launch());
  }

  /** Called with the reason once restarting has failed for good. */
  onFailure(listener: (err: Error) => void): void {
    this.failureListeners.push(listener);
  }

  onStateChange(listener: (state: SupervisedState) => void): void {
    this.stateListeners.push(listener);
  }

  private setState(state: SupervisedState): void {
    this.stateNow = state;
    for (const l of this.stateListeners) l(state);
  }

  private watch(running: Running): void {
    this.current = running;
    this.setState('running');
    void running.exited.then((exit) => {
      if (this.stopping || this.ending || this.current !== running) return;
      this.restarting = this.restart(exit);
    });
  }

  private async restart(exit: { code: number | null; signal: NodeJS.Signals | null }): Promise<void> {
    this.current = undefined;
    this.setState('restarting');
    const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    this.log.error(
      { code: exit.code, signal: exit.signal },
      `embedded PostgreSQL stopped unexpectedly (${how}); restarting it`,
    );
    const backoff = this.options.backoffMs ?? RESTART_BACKOFF_MS;
    let last: unknown;
    for (let attempt = 1; attempt <= backoff.length; attempt++) {
      await this.wait(backoff[attempt - 1]);
      if (this.stopping || this.ending) return;
      try {
        const running = await this.launch();
        if (this.stopping) {
          await running.stop();
          return;
        }
        this.restarts += 1;
        this.log.warn({ attempt, pid: running.pid }, 'embedded PostgreSQL restarted');
        this.watch(running);
        return;
      } catch (err) {
        last = err;
        this.log.warn(
          { attempt, of: backoff.length, err: String(err instanceof Error ? err.message : err) },
          'embedded PostgreSQL restart attempt failed',
        );
      }
    }
    this.setState('failed');
    const reason = last instanceof Error ? last.message : String(last);
    const err = new Error(
      `embedded PostgreSQL stopped unexpectedly (${how}) and could not be restarted in ${backoff.length} attempts: ${reason}`,
    );
    for (const l of this.failureListeners) l(err);
  }

  private wait(ms: number): Promise<void> {
    if (this.options.sleep) return this.options.sleep(ms);
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * Says that the process may end any moment now on purpose, before stop() is called: the hub is
   * draining its requests, and a Ctrl-C at a terminal has signalled PostgreSQL too (it shares the
   * terminal's process group). Its exit from now on is not a crash: nothing is restarted or reported.
   */
  expectStop(): void {
    this.ending = true;
  }

  /** Stops the process (and any restart in progress) for good. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.cancelWait?.();
    await this.restarting;
    const running = this.current;
    this.current = undefined;
    await running?.stop();
    this.setState('stopped');
  }
}
