/**
 * Time as the hub's time-driven parts see it: the current time and timers.
 * Production code uses {@link systemClock}; tests pass a clock they move by
 * hand (test/setup/clock.ts), so that no test depends on how fast the
 * machine is.
 */
export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  /** Calls `fn` once, `ms` from now; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** The real clock: Date.now() and setTimeout. */
export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
