import { createHash } from 'node:crypto';
import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Principal } from '../auth/principal';

/**
 * One execution per change event and subscription shape, shared by every
 * subscriber of that shape.
 *
 * graphql-js executes a subscription's selection once per event and
 * subscriber: a thousand dashboards following the same feed cost a thousand
 * executions of the same selection on the same event. What an execution
 * returns depends only on the event, the operation (document, operation name,
 * variables) and what the caller may see (its grants decide masking), so those
 * make the share key, and subscribers with equal keys receive the very same
 * result. Events without a seq (not change-log events) are executed per
 * subscriber as graphql-ws would.
 */
export class SharedExecutions {
  private readonly results = new Map<string, Promise<ExecutionResult> | ExecutionResult>();

  constructor(private readonly maxEntries = 20_000) {}

  /** The key of one subscription's shape: operation and variables, and the grants that decide masking. */
  static shapeKey(query: string, operationName: string | null | undefined, variables: unknown, principal: Principal): string {
    const g = principal.grants;
    const sorted = (s: Iterable<string>) => [...s].sort();
    const grants = [sorted(principal.roles), sorted(g.readTopics), sorted(g.reveal), [...g.regions].sort(), [...g.categories].sort()];
    return createHash('sha256')
      .update(JSON.stringify([query, operationName ?? null, variables ?? null, grants]))
      .digest('base64url');
  }

  /** graphql's `subscribe`, with each event's execution shared under `shape` (see above). */
  async subscribe(args: ExecutionArgs, shape: string | undefined): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
    const events = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const run = (event: unknown): Promise<ExecutionResult> | ExecutionResult => {
      const seq = (event as { seq?: unknown } | null)?.seq;
      if (shape === undefined || typeof seq !== 'number') return execute({ ...args, rootValue: event });
      const key = `${seq}:${shape}`;
      let result = this.results.get(key);
      if (!result) {
        result = execute({ ...args, rootValue: event });
        this.remember(key, result);
      }
      return result;
    };
    // next/return/throw and the iterator symbol: graphql-ws treats it as a generator and calls return() on complete.
    const iterator: AsyncIterableIterator<ExecutionResult> & { return(): Promise<IteratorResult<ExecutionResult>>; throw(err: unknown): Promise<IteratorResult<ExecutionResult>> } = {
      async next() {
        const r = await events.next();
        if (r.done) return { value: undefined, done: true };
        return { value: await run(r.value), done: false };
      },
      async return() {
        await events.return?.();
        return { value: undefined, done: true };
      },
      async throw(err: unknown) {
        await events.return?.();
        throw err;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  private remember(key: string, result: Promise<ExecutionResult> | ExecutionResult): void {
    if (this.results.size >= this.maxEntries) {
      // Oldest first (a Map keeps insertion order): drop a tenth at once rather than one per insert.
      let drop = Math.ceil(this.maxEntries / 10);
      for (const k of this.results.keys()) {
        this.results.delete(k);
        if (--drop === 0) break;
      }
    }
    this.results.set(key, result);
  }

  get size(): number {
    return this.results.size;
  }
}
