import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** Delivery latencies in 0.1 ms buckets up to 120 s, so that millions of samples cost a fixed 4.8 MB. */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(1_200_001);
  count = 0;

  add(ms: number): void {
    const b = Math.min(this.buckets.length - 1, Math.max(0, Math.round(ms * 10)));
    this.buckets[b] += 1;
    this.count += 1;
  }

  /** The p-th percentile (0-100) in ms, nearest rank. */
  percentile(p: number): number {
    if (!this.count) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let b = 0; b < this.buckets.length; b++) {
      seen += this.buckets[b];
      if (seen >= rank) return b / 10;
    }
    return NaN;
  }
}

/** One graphql-ws subscriber of `changes` on a connection of its own, recording what it received. */
export interface Subscriber {
  client: Client;
  /** seq of every event received, in order of receipt. */
  received: number;
  /** Highest seq received. */
  last: number;
  /** Events received out of order or twice. */
  disorder: number;
  /** Events skipped: a seq arrived while a smaller one of the (contiguous) stream never had. */
  gaps: number;
  errors: string[];
  /** Where the caller records this subscriber's delivery latencies (set per phase of a scenario). */
  record?: LatencyHistogram;
  stop(): Promise<void>;
}

export const CHANGES_LATENCY =
  'subscription Changes($after: String, $topics: [ChangeTopic!]) { changes(after: $after, topics: $topics) { seq occurredAt } }';
export const CHANGES_FULL =
  'subscription Changes($after: String, $topics: [ChangeTopic!]) { changes(after: $after, topics: $topics) { seq topic op key version occurredAt data } }';

/**
 * Opens a subscriber (the maintained graphql-ws client over `ws`). `onEvent`
 * gets every event as it arrives. Resolves once the connection is
 * acknowledged and the subscription sent.
 */
export function subscribe(
  wsUrl: string,
  key: string | undefined,
  query: string,
  variables: Record<string, unknown>,
  onEvent: (e: { seq: string; occurredAt?: string }, s: Subscriber) => void,
): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: key ? { authorization: `Bearer ${key}` } : undefined,
      retryAttempts: 0,
      lazy: false,
      keepAlive: 0,
      on: {
        connected: () => resolve(sub),
        closed: (e) => {
          const c = e as { code?: number; reason?: string };
          if (c?.code && c.code !== 1000) sub.errors.push(`closed ${c.code} ${c.reason ?? ''}`);
        },
        error: (e) => reject(e instanceof Error ? e : new Error(String(e))),
      },
    });
    let unsubscribe = () => undefined as void;
    const sub: Subscriber = {
      client,
      received: 0,
      last: Number(variables.after ?? 0),
      disorder: 0,
      gaps: 0,
      errors: [],
      async stop() {
        unsubscribe();
        await client.dispose();
      },
    };
    unsubscribe = client.subscribe<{ changes: { seq: string; occurredAt?: string } }>(
      { query, variables },
      {
        next: (v) => {
          if (v.errors?.length) {
            sub.errors.push(JSON.stringify(v.errors).slice(0, 300));
            return;
          }
          const e = v.data!.changes;
          const seq = Number(e.seq);
          if (seq <= sub.last) sub.disorder += 1;
          else {
            sub.gaps += seq - sub.last - 1;
            sub.last = seq;
          }
          sub.received += 1;
          onEvent(e, sub);
        },
        error: (e) => sub.errors.push(e instanceof Error ? e.message : JSON.stringify(e).slice(0, 300)),
        complete: () => undefined,
      },
    );
  });
}
