/**
 * Example: a subscriber follows the hub's change feed and never loses its place.
 *
 *   npm run build
 *   npm run example:follow                         # follow everything, forever (Ctrl-C to stop)
 *   MAX_EVENTS=3 npm run example:follow            # process three events, then exit
 *   TOPICS=MARKET_ENTITY CURSOR_FILE=/var/lib/relay/cursor npm run example:follow
 *
 * The `changes(topics, after)` subscription (graphql-ws, protocol
 * graphql-transport-ws, on the same /graphql path as HTTP) first replays every
 * change after the cursor `after` from the hub's change log, then continues
 * live, in `seq` order. This is how the relays to the national platform
 * (全国公共资源交易平台) and Credit Hubei (信用湖北) keep up with the hub.
 *
 * What to learn from it:
 * - The subscriber owns its checkpoint. After processing an event it saves
 *   the event's cursor to CURSOR_FILE (default .cursor in the working
 *   directory), atomically: write a temporary file, then rename it over the
 *   old one, so a crash leaves either the old or the new cursor, never half.
 * - On start it resumes after the saved cursor, so a restart loses nothing and
 *   repeats nothing.
 * - On a lost connection it subscribes again *with the latest cursor*. The
 *   graphql-ws client's own retry would re-send the variables of the first
 *   subscribe, i.e. the cursor we started from, and replay everything since.
 *   So the client is told not to retry (retryAttempts: 0) and this program
 *   resubscribes itself, with backoff.
 * - Delivery is at-least-once: an event is processed first and its cursor
 *   saved second, so a crash in between repeats that one event after the
 *   restart. Make processing idempotent (or deduplicate by `seq`, as this
 *   program does within one run).
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql; the WebSocket
 * address is the same with ws:// or wss://), HUB_API_KEY (optional, sent as
 * connectionParams.authorization), CURSOR_FILE, TOPICS (comma-separated
 * ChangeTopic values; all when unset), MAX_EVENTS (exit after N events),
 * RETRY_ATTEMPTS (consecutive reconnects before giving up; default 10).
 */
import { CloseCode, createClient } from 'graphql-ws';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { graphql } from './gql';
import type { ChangeTopic, FollowChangesSubscription } from './gql/graphql';
import {
  bearer,
  describeNetworkError,
  ExampleError,
  formatGraphQLErrors,
  hubEndpoint,
  runExample,
  type HubGraphQLError,
} from './lib/hub-client';

const FollowChanges = graphql(`
  subscription FollowChanges($topics: [ChangeTopic!], $after: String) {
    changes(topics: $topics, after: $after) {
      cursor
      seq
      topic
      op
      key
      version
      sourceSystem
      occurredAt
      data
    }
  }
`);

type ChangeEvent = FollowChangesSubscription['changes'];

/** Status messages go to stderr, so stdout holds only the processed events. */
const note = (message: string) => console.error(`[follow] ${message}`);

/** The saved cursor, or null (start from the beginning of the log) when there is none yet. */
function loadCursor(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ExampleError(`cannot read CURSOR_FILE ${file}: ${(err as Error).message}`);
  }
}

/**
 * Replaces the cursor file atomically and durably: write and fsync a temporary
 * file in the same folder, then rename it over the old one (rename is atomic
 * within one file system).
 */
function saveCursor(file: string, cursor: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${cursor}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** ws(s)://… for an http(s)://… address: graphql-ws listens on the same path. */
function webSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function optionalPositiveInt(name: string, fallback?: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ExampleError(`${name}=${JSON.stringify(raw)} must be a whole number`);
  return n;
}

/**
 * Close codes after which reconnecting cannot help: the hub refused the key
 * (4401) or the request. 4403 is not among them: the hub sends it when the
 * key's grants changed (reconnect under the new ones) or when a connection
 * attempt came over the rate limit (retry later).
 */
const FATAL_CLOSE_CODES = new Set<number>([
  CloseCode.BadRequest,
  CloseCode.Unauthorized,
  CloseCode.SubprotocolNotAcceptable,
  CloseCode.SubscriberAlreadyExists,
  CloseCode.TooManyInitialisationRequests,
  CloseCode.InternalServerError,
]);

/** What the graphql-ws client hands to `sink.error`: GraphQL errors, a close event, or a socket error. */
type SubscriptionFailure =
  | { kind: 'graphql'; errors: HubGraphQLError[] }
  | { kind: 'close'; code: number; reason: string }
  | { kind: 'network'; message: string };

function classify(err: unknown): SubscriptionFailure {
  if (Array.isArray(err)) return { kind: 'graphql', errors: err as HubGraphQLError[] };
  const close = err as { code?: unknown; reason?: unknown };
  if (typeof close?.code === 'number')
    return { kind: 'close', code: close.code, reason: typeof close.reason === 'string' ? close.reason : '' };
  return { kind: 'network', message: describeNetworkError(err) || 'connection failed' };
}

function describeFailure(f: SubscriptionFailure): string {
  if (f.kind === 'graphql') return formatGraphQLErrors(f.errors);
  if (f.kind === 'close') return `connection closed with code ${f.code}${f.reason ? ` (${f.reason})` : ''}`;
  return f.message;
}

/** One line per event: fixed-width ASCII columns, then the record's name when it has one. */
function printEvent(e: ChangeEvent): void {
  const name = typeof e.data.name === 'string' ? e.data.name : '';
  console.log(
    `seq ${e.seq.padStart(6)}  ${e.topic}  ${e.op.padEnd(6)}  ${e.key}  v${e.version}  ${e.sourceSystem ?? '-'}  ${e.occurredAt}  ${name}`.trimEnd(),
  );
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  const wsUrl = webSocketUrl(endpoint.url);
  const cursorFile = resolve(process.env.CURSOR_FILE?.trim() || '.cursor');
  const topics = process.env.TOPICS?.trim()
    ? (process.env.TOPICS.split(',').map((t) => t.trim().toUpperCase()) as ChangeTopic[])
    : null;
  const maxEvents = optionalPositiveInt('MAX_EVENTS');
  const retryAttempts = optionalPositiveInt('RETRY_ATTEMPTS', 10)!;

  /** Cursor of the last processed event: what we resume after, now and on every reconnect. */
  let cursor = loadCursor(cursorFile);
  /** seq of the last processed event in this run, to drop a repeat (delivery is at-least-once). */
  let lastSeq: bigint | undefined;
  let processed = 0;
  note(
    cursor
      ? `resuming after the cursor saved in ${cursorFile}`
      : `no cursor in ${cursorFile}: starting from the beginning of the change log`,
  );
  if (maxEvents === 0) return 0;

  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    // Sent in the connection_init message; the hub authenticates the whole connection with it.
    connectionParams: endpoint.apiKey ? { authorization: bearer(endpoint.apiKey) } : undefined,
    // Connect when subscribing, and do not retry inside the client: it would
    // resubscribe with the variables of the first subscribe (the old cursor).
    lazy: true,
    retryAttempts: 0,
    on: { connected: () => note(`connected to ${wsUrl}`) },
  });

  return new Promise<number>((finish, fail) => {
    let unsubscribe: (() => void) | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    let failures = 0;
    let stopping = false;

    /** Ends the subscription and the connection; the cursor is already saved. */
    const stop = (outcome: { status: number } | { error: Error }) => {
      if (stopping) return;
      stopping = true;
      clearTimeout(retryTimer);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      unsubscribe?.();
      // Cannot reject: dispose's failure is caught, and finish/fail do not throw.
      void Promise.resolve(client.dispose())
        .catch(() => undefined) // a connection that never opened has nothing to close
        .then(() => ('error' in outcome ? fail(outcome.error) : finish(outcome.status)));
    };
    const onSignal = (signal: NodeJS.Signals) => {
      note(
        `${signal}: stopping after ${processed} event(s); ${cursor ? `cursor saved in ${cursorFile}` : 'no cursor saved'}`,
      );
      stop({ status: 0 });
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    // Each successful connection earns the next outage the full retry budget.
    client.on('connected', () => (failures = 0));

    /** Called when a subscription ended without us asking: reconnect with backoff, or give up. */
    const retry = (failure: SubscriptionFailure) => {
      if (stopping) return;
      // Release the ended subscription inside the client (it keeps a reference count per subscription).
      unsubscribe?.();
      unsubscribe = undefined;
      if (failure.kind === 'graphql') {
        // The hub refused the subscription (e.g. BAD_USER_INPUT for a cursor it did not
        // issue, FORBIDDEN for a topic not granted) or could not deliver an event: retrying
        // cannot help, and skipping would lose the event, so stop without saving a cursor.
        const badCursor = failure.errors.some((e) => e.extensions?.field === 'after');
        const hint = badCursor
          ? ` (${cursorFile} does not hold a cursor of this hub; delete it to start from the beginning)`
          : '';
        return stop({
          error: new ExampleError(`the hub rejected the subscription: ${describeFailure(failure)}${hint}`),
        });
      }
      if (failure.kind === 'close' && FATAL_CLOSE_CODES.has(failure.code)) {
        const hint =
          failure.code === (CloseCode.Unauthorized as number) ? ': the hub refused the key; check HUB_API_KEY' : '';
        return stop({ error: new ExampleError(`${wsUrl}: ${describeFailure(failure)}${hint}`) });
      }
      failures++;
      if (failures > retryAttempts) {
        return stop({
          error: new ExampleError(
            `cannot reach the hub at ${wsUrl} after ${retryAttempts} attempt(s): ${describeFailure(failure)}`,
          ),
        });
      }
      // Exponential backoff (0.5 s, 1 s, 2 s ... at most 30 s) with jitter, so that many
      // subscribers do not all come back at the same instant after a hub restart.
      const delay = Math.min(30_000, 500 * 2 ** (failures - 1)) * (0.75 + Math.random() * 0.5);
      const from =
        lastSeq !== undefined ? `after seq ${lastSeq}` : cursor ? 'after the saved cursor' : 'from the beginning';
      note(
        `${describeFailure(failure)}; subscribing again ${from} in ${(delay / 1000).toFixed(1)} s (attempt ${failures} of ${retryAttempts})`,
      );
      retryTimer = setTimeout(subscribe, delay);
    };

    const subscribe = () => {
      if (stopping) return;
      // A fresh variables object on every (re)subscribe, carrying the latest cursor.
      const variables = { topics, after: cursor };
      unsubscribe = client.subscribe<FollowChangesSubscription>(
        { query: FollowChanges.toString(), variables },
        {
          next: (result) => {
            if (stopping) return;
            if (result.errors?.length) return retry({ kind: 'graphql', errors: result.errors as HubGraphQLError[] });
            const event = result.data?.changes;
            if (!event) return;
            const seq = BigInt(event.seq);
            if (lastSeq !== undefined && seq <= lastSeq) {
              // A repeat (delivery is at-least-once): already processed, so skip it.
              note(`skipped seq ${event.seq}: already processed`);
              return;
            }
            // 1. Process the event (here: print it). 2. Then save its cursor.
            printEvent(event);
            try {
              saveCursor(cursorFile, event.cursor);
            } catch (err) {
              return stop({
                error: new ExampleError(`cannot save the cursor to ${cursorFile}: ${(err as Error).message}`),
              });
            }
            cursor = event.cursor;
            lastSeq = seq;
            processed++;
            if (maxEvents !== undefined && processed >= maxEvents) {
              note(`processed ${processed} event(s) (MAX_EVENTS); cursor saved in ${cursorFile}`);
              stop({ status: 0 });
            }
          },
          error: (err) => retry(classify(err)),
          // `changes` never ends on its own; a completion we did not ask for means the server ended it.
          complete: () => retry({ kind: 'close', code: 1000, reason: 'the hub completed the subscription' }),
        },
      );
    };

    subscribe();
  });
}

runExample('follow-changes', main);
