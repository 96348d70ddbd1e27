/**
 * At most `limit` tasks at once, the others waiting their turn in arrival order (FIFO). The hub runs its pushes
 * through one so that they never hold or wait for every connection of the database pool: a saturated hub would
 * otherwise queue everything else (the change feed's tail reads, relays' acknowledgements and reads, key look-ups)
 * behind hundreds of pushes, each of which takes several pooled connections one after another.
 */
export class Gate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a gate lets at least one task through, not ${limit}`);
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `task` once fewer than `limit` run, after those that came before it; its result or error as it came. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit && this.queue.length === 0) this.active += 1;
    // The slot is handed over by the task that ends (never released and taken again), so nothing can overtake.
    else await new Promise<void>((resolve) => this.queue.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
