import type { Clock } from '../../src/common/clock';

/** Lets every callback already queued run (promise chains included), without waiting on the wall clock. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when the test says so: `advance(ms)` moves it
 * forward, running every timer that falls due on the way, in order, and
 * letting the code they wake run before the next one.
 */
export class ManualClock implements Clock {
  private time: number;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  constructor(start = Date.UTC(2026, 8, 1)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
    await settle();
  }
}

/**
 * The wall clock, plus jumps: time runs as usual (so that what the hub and
 * PostgreSQL stamp stays comparable), and `jump(ms)` moves it forward at
 * once. A test puts a deadline far enough ahead that a slow machine cannot
 * reach it by itself, then jumps past it instead of sleeping until it.
 */
export class JumpClock implements Clock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  }

  jump(ms: number): void {
    this.offset += ms;
  }
}
