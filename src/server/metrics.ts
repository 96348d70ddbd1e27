import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PushResult } from '../ingest/types';
import type { ChangeRecord } from '../feed/topics';

/** What the metrics read from the hub when Prometheus scrapes (each a cheap read of state held in memory). */
export interface MetricsSources {
  feedHead(): number;
  webSocketConnections(): number;
  subscriptions(): number;
  /** Subscriptions that joined a broadcast (one serialisation per event for every subscriber of a shape). */
  broadcastSubscriptions(): number;
  /** `next` messages written on the broadcast path since the process started. */
  broadcastMessages(): number;
  /** The database pool: connections in use, idle, and acquisitions waiting. */
  pool(): { used: number; free: number; pending: number } | undefined;
  /** The named feed consumers and how far behind each is: one statement, read once per scrape. */
  consumers?(): Promise<readonly ConsumerLag[]>;
}

/** One named consumer's figures, as `feedConsumers` reports them. */
export interface ConsumerLag {
  name: string;
  lagEvents: number;
  lagSeconds: number;
  connected: boolean;
  /** Seconds since its last acknowledgement; null: none yet. */
  ackAgeSeconds: number | null;
}

/** Operation names are the client's choice: past this many distinct ones, further names count as `other`. */
const MAX_OPERATION_NAMES = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The hub's Prometheus metrics (GET /metrics), one registry per hub process so that hubs started in one process
 * (tests) do not share figures. Labels are bounded: operation names past MAX_OPERATION_NAMES, system codes and
 * topics come from the hub's own tables.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly durations: Histogram<'operation' | 'outcome'>;
  private readonly pushed: Counter<'system' | 'topic' | 'status'>;
  private readonly lag: Histogram;
  private readonly lean: Counter;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'hub_graphql_requests_total',
      help: 'GraphQL operations over HTTP by operation name and outcome (ok or the first error code)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.durations = new Histogram({
      name: 'hub_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation over HTTP to its response, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.pushed = new Counter({
      name: 'hub_pushed_records_total',
      help: 'Pushed records by source system, topic and status (accepted, unchanged, rejected)',
      labelNames: ['system', 'topic', 'status'],
      registers,
    });
    this.lean = new Counter({
      name: 'hub_graphql_lean_reads_total',
      help: 'GraphQL reads over HTTP answered on the lean path (planned compiled reads, without Express and Apollo)',
      registers,
    });
    this.lag = new Histogram({
      name: 'hub_feed_delivery_lag_seconds',
      help: 'Time from a change being committed to this process handing it to its subscribers',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers,
    });
    new Gauge({
      name: 'hub_change_log_head',
      help: 'Sequence number of the last change-log event this process has read',
      registers,
      collect() {
        this.set(sources.feedHead());
      },
    });
    new Gauge({
      name: 'hub_websocket_connections',
      help: 'Open graphql-ws connections',
      registers,
      collect() {
        this.set(sources.webSocketConnections());
      },
    });
    new Gauge({
      name: 'hub_subscriptions',
      help: 'Active subscriptions over graphql-ws',
      registers,
      collect() {
        this.set(sources.subscriptions());
      },
    });
    new Gauge({
      name: 'hub_subscriptions_broadcast',
      help: 'Subscriptions over graphql-ws on the broadcast path (one serialisation per event for a shared shape)',
      registers,
      collect() {
        this.set(sources.broadcastSubscriptions());
      },
    });
    new Counter({
      name: 'hub_feed_broadcast_messages_total',
      help: 'Change events written to subscribers on the broadcast path, past the per-subscriber iterators',
      registers,
      collect() {
        this.reset();
        this.inc(sources.broadcastMessages());
      },
    });
    new Gauge({
      name: 'hub_db_pool_connections',
      help: 'PostgreSQL pool connections by state: used, free, and pending (acquisitions waiting)',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = sources.pool();
        if (!pool) return;
        this.set({ state: 'used' }, pool.used);
        this.set({ state: 'free' }, pool.free);
        this.set({ state: 'pending' }, pool.pending);
      },
    });
    this.consumerGauges(sources, registers);
  }

  /**
   * Per named consumer: lag in events and seconds, connected, age of the last acknowledgement. The four gauges are
   * collected in parallel on a scrape; they share one read of the consumers, so a scrape costs one statement.
   */
  private consumerGauges(sources: MetricsSources, registers: Registry[]): void {
    const read = sources.consumers?.bind(sources);
    if (!read) return;
    let pending: Promise<readonly ConsumerLag[]> | undefined;
    const snapshot = (): Promise<readonly ConsumerLag[]> => {
      pending ??= read().finally(() => {
        pending = undefined;
      });
      return pending;
    };
    const gauge = (name: string, help: string, value: (c: ConsumerLag) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['consumer'],
        registers,
        async collect() {
          const all = await snapshot();
          // Consumers dropped since the last scrape go too.
          this.reset();
          for (const c of all) {
            const v = value(c);
            if (v !== null) this.set({ consumer: c.name }, v);
          }
        },
      });
    gauge(
      'hub_feed_consumer_lag_events',
      'Per named consumer: events within its topics after its acknowledged position',
      (c) => c.lagEvents,
    );
    gauge(
      'hub_feed_consumer_lag_seconds',
      'Per named consumer: age of its oldest unacknowledged event (0: none)',
      (c) => c.lagSeconds,
    );
    gauge('hub_feed_consumer_connected', 'Per named consumer: 1 while a connection holds its lease', (c) =>
      c.connected ? 1 : 0,
    );
    gauge(
      'hub_feed_consumer_ack_age_seconds',
      'Per named consumer: seconds since its last acknowledgement (absent before the first)',
      (c) => c.ackAgeSeconds,
    );
  }

  /** The label of an operation name: `anonymous` without one, `other` for names past the bound. */
  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }

  /** One GraphQL operation over HTTP answered after `seconds`: `outcome` is ok or the first error's code. */
  request(operation: string | null | undefined, outcome: string, seconds: number): void {
    const labels = { operation: this.operationLabel(operation), outcome };
    this.requests.inc(labels);
    this.durations.observe(labels, seconds);
  }

  /** One read answered on the lean path (also counted by `request`). */
  leanRead(): void {
    this.lean.inc();
  }

  /** The outcome of one push of `topic` by `system`. */
  push(system: string, topic: string, result: Pick<PushResult, 'accepted' | 'unchanged' | 'rejected'>): void {
    for (const status of ['accepted', 'unchanged', 'rejected'] as const) {
      if (result[status]) this.pushed.inc({ system, topic, status }, result[status]);
    }
  }

  /** New change-log events read by this process at `now`. */
  delivered(events: readonly ChangeRecord[], now: number): void {
    for (const e of events) this.lag.observe(Math.max(0, (now - e.occurredAt.getTime()) / 1000));
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
