/**
 * Example: a dashboard (监管大屏) shows trading figures per catalog category
 * and redraws them whenever the trading data changes.
 *
 *   npm run build
 *   HUB_API_KEY=hub_... npm run example:dashboard                 # Ctrl-C to stop
 *   MAX_UPDATES=1 HUB_API_KEY=hub_... npm run example:dashboard   # print the figures once, then exit
 *   REGION=420100 HUB_API_KEY=hub_... npm run example:dashboard   # only Wuhan's projects
 *
 * The `tradingStatisticsChanged(groupBy, filter)` subscription (graphql-ws,
 * protocol graphql-transport-ws, on the same /graphql path as HTTP) sends the
 * figures of `tradingStatistics` at once, then fresh figures whenever trading
 * data changes: at most one update a second however many pushes arrive, and
 * nothing while nothing changes. Each update is computed from one consistent
 * snapshot; its `cursor` is the change-feed position the figures include.
 *
 * What to learn from it:
 * - A dashboard needs no polling and no change-feed bookkeeping: it redraws
 *   what it is sent. After a lost connection, the first update of the new
 *   subscription is complete figures again, so the client's own retry is safe
 *   here (unlike the change feed, see follow-changes.ts).
 * - Money is a decimal string in yuan; the saving rate (节支率) is
 *   1 − awarded / budget over the sections with both, 4 places.
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql; the WebSocket
 * address is the same with ws:// or wss://), HUB_API_KEY (required: a
 * DASHBOARD or INTEGRATOR key, e.g. `npx hub clients add --name wall --roles
 * DASHBOARD`), REGION (GB/T 2260 filter), MAX_UPDATES (exit after N updates),
 * RETRY_ATTEMPTS (reconnects before giving up; default 10).
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from './gql';
import type { TradingDashboardSubscription } from './gql/graphql';
import {
  bearer,
  describeNetworkError,
  ExampleError,
  formatGraphQLErrors,
  hubEndpoint,
  runExample,
  type HubGraphQLError,
} from './lib/hub-client';

const TradingDashboard = graphql(`
  subscription TradingDashboard($filter: TradingStatisticsFilter) {
    tradingStatisticsChanged(groupBy: [CATEGORY], filter: $filter) {
      asOf
      cursor
      rows {
        category {
          code
          name
        }
        projectCount
        sectionCount
        totalBudget
        totalAwarded
        savingRate
        averageBiddersPerSection
      }
    }
  }
`);

type Update = TradingDashboardSubscription['tradingStatisticsChanged'];

/** Status messages go to stderr, so stdout holds only the tables. */
const note = (message: string) => console.error(`[dashboard] ${message}`);

/** ws(s)://… for an http(s)://… address: graphql-ws listens on the same path. */
function webSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function optionalInt(name: string, fallback?: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ExampleError(`${name}=${JSON.stringify(raw)} must be a whole number`);
  return n;
}

/** 0.0523 → "5.23%". */
const percent = (rate: string | null | undefined) =>
  rate === null || rate === undefined ? '-' : `${(Number(rate) * 100).toFixed(2)}%`;

/**
 * One table per update: ASCII columns first, the category's Chinese name last
 * (so the columns line up whatever the terminal's width of CJK characters).
 */
function printTable(u: Update, n: number): void {
  const cols = [
    ['category', 23],
    ['projects', 9],
    ['sections', 9],
    ['budget (yuan)', 18],
    ['awarded (yuan)', 18],
    ['saving', 8],
    ['bids/sec', 9],
  ] as const;
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < cols.length ? (i === 0 ? c.padEnd(cols[i][1]) : c.padStart(cols[i][1])) : c)).join(' ');
  console.log(`update ${n} as of ${u.asOf}`);
  console.log(line([...cols.map(([h]) => h), ' name']));
  for (const r of u.rows) {
    console.log(
      line([
        r.category?.code ?? '(all)',
        String(r.projectCount),
        String(r.sectionCount),
        r.totalBudget,
        r.totalAwarded,
        percent(r.savingRate),
        r.averageBiddersPerSection ?? '-',
        ` ${r.category?.name ?? ''}`,
      ]).trimEnd(),
    );
  }
  if (!u.rows.length) console.log('(no trading projects yet)');
  console.log('');
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  if (!endpoint.apiKey) {
    throw new ExampleError(
      'HUB_API_KEY is not set: the dashboard needs a DASHBOARD or INTEGRATOR key (npx hub clients add --name N --roles DASHBOARD prints one)',
    );
  }
  const wsUrl = webSocketUrl(endpoint.url);
  const maxUpdates = optionalInt('MAX_UPDATES');
  const retryAttempts = optionalInt('RETRY_ATTEMPTS', 10)!;
  const region = process.env.REGION?.trim();
  if (maxUpdates === 0) return 0;

  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: bearer(endpoint.apiKey) },
    lazy: true,
    // Safe here: a resubscription starts with complete figures.
    retryAttempts,
    on: { connected: () => note(`connected to ${wsUrl}`) },
  });

  return new Promise<number>((finish, fail) => {
    let updates = 0;
    let stopping = false;
    let unsubscribe: (() => void) | undefined;

    const stop = (outcome: { status: number } | { error: Error }) => {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      unsubscribe?.();
      // Cannot reject: dispose's failure is caught, and finish/fail do not throw.
      void Promise.resolve(client.dispose())
        .catch(() => undefined)
        .then(() => ('error' in outcome ? fail(outcome.error) : finish(outcome.status)));
    };
    const onSignal = (signal: NodeJS.Signals) => {
      note(`${signal}: stopping after ${updates} update(s)`);
      stop({ status: 0 });
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

    unsubscribe = client.subscribe<TradingDashboardSubscription>(
      { query: TradingDashboard.toString(), variables: { filter: region ? { regionCode: region } : null } },
      {
        next: (result) => {
          if (stopping) return;
          if (result.errors?.length) {
            return stop({
              error: new ExampleError(`the hub rejected the subscription: ${formatGraphQLErrors(result.errors)}`),
            });
          }
          const update = result.data?.tradingStatisticsChanged;
          if (!update) return;
          updates++;
          printTable(update, updates);
          if (maxUpdates !== undefined && updates >= maxUpdates) {
            note(`printed ${updates} update(s) (MAX_UPDATES)`);
            stop({ status: 0 });
          }
        },
        error: (err: unknown) => {
          if (Array.isArray(err))
            return stop({
              error: new ExampleError(
                `the hub rejected the subscription: ${formatGraphQLErrors(err as HubGraphQLError[])}`,
              ),
            });
          const close = err as { code?: unknown; reason?: unknown };
          const why =
            typeof close?.code === 'number'
              ? `connection closed with code ${close.code}${typeof close.reason === 'string' && close.reason ? ` (${close.reason})` : ''}${close.code === 4401 ? ': the hub refused the key; check HUB_API_KEY' : ''}`
              : describeNetworkError(err);
          stop({ error: new ExampleError(`${wsUrl}: ${why}`) });
        },
        complete: () => stop({ error: new ExampleError('the hub ended the subscription') }),
      },
    );
  });
}

runExample('dashboard', main);
