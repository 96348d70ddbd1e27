import 'reflect-metadata';
import { ApolloServer, type GraphQLRequestContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLFormattedError } from 'graphql';
import byteSize from 'bytes';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { CompiledRoot } from '../common/api-family';
import type { HubContext } from '../context';
import { buildHubSchema, familyApis } from './schema';
import { REGISTRY } from '../families';
import { systemClock, type Clock } from '../../src/common/clock';
import { formatError } from '../../src/common/errors';
import { stringifyWithRaw } from '../../src/common/raw-json';
import { usePreparedStatements } from '../../src/common/sql';
import { checkPublicOperations, urlHost, type HubConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { Feed } from '../../src/feed/feed';
import { ADMIN_TOPIC } from '../../src/feed/topics';
import { KeyCache } from '../../src/auth/key-cache';
import { checkCost, limitRules } from '../../src/limits/operation-limits';
import { createLogger, type Logger } from '../../src/logger';
import { seedDemoData } from '../../src/seed/demo';
import { CompiledReads, compiledReadsPlugin } from './compiled-reads';
import { LeanReads } from './lean-reads';
import { internalErrorStatusPlugin } from '../../src/server/error-status';
import { requestLogPlugin } from '../../src/server/request-log';
import { checkPortFree, listenProblem } from '../../src/server/port-check';
import { DataDirInUseError, inspectDataDir } from '../../src/db/data-dir';
import { Guard } from '../../src/server/guard';
import { Gate } from '../../src/common/gate';
import { refuseUpgrade, upgradeOrigin, webSocketOriginAllowed } from '../../src/server/ws-origin';
import { HubMetrics } from '../../src/server/metrics';
import { listConsumers } from '../../src/consumers/consumers.service';
import { createHttpApp } from './http';
import { attachWebSocket } from './ws';
import type { HubServices } from '../../src/services';

/**
 * How long a shutdown waits for HTTP requests in flight before it closes their connections (resolvers/app/main.ts
 * allows more in all).
 */
export const DRAIN_GRACE_MS = 25_000;

export interface Hub {
  /** http://host:port/graphql */
  url: string;
  /** ws://host:port/graphql */
  wsUrl: string;
  port: number;
  services: HubServices;
  /**
   * Called once if the embedded PostgreSQL died and could not be restarted:
   * the hub cannot serve any more (resolvers/app/main.ts exits non-zero).
   */
  onFatal(listener: (err: Error) => void): void;
  /** Stops accepting, drains HTTP and WebSocket connections, closes the feed, the ORM and the embedded database. */
  close(): Promise<void>;
}

/** What a test may hand a hub besides its configuration. */
export interface HubOptions {
  /** The clock key expiry and the key cache are judged by (default the system clock). */
  clock?: Clock;
}

/** The connections of the ORM's pool (knex's tarn pool) in use, idle and waited for. */
function poolUse(orm: HubServices['orm']): { used: number; free: number; pending: number } | undefined {
  const knex = (orm.em.getConnection() as unknown as { getKnex(): { client: { pool?: TarnPool } } }).getKnex();
  const pool = knex.client.pool;
  if (!pool) return undefined;
  return { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() };
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * Starts one hub process: database (embedded or DATABASE_URL) with migrations,
 * demo data when asked and empty, the change feed, and one HTTP server that
 * serves GraphQL over HTTP and graphql-ws on /graphql plus /healthz and /readyz.
 */
export async function startHub(
  config: HubConfig,
  log: Logger = createLogger(config.logLevel, config.logPretty),
  options: HubOptions = {},
): Promise<Hub> {
  usePreparedStatements(config.preparedStatements);
  // Public operations name root query fields, which only the schema knows: checked before anything starts.
  checkPublicOperations(
    config.publicOperations,
    Object.keys((await buildHubSchema()).getQueryType()?.getFields() ?? {}),
  );
  // What would stop the start-up later is said first, before PostgreSQL starts and the migrations run: a data
  // folder another hub holds (a second `npm start`), then the HTTP port.
  if (!config.databaseUrl) {
    const folder = inspectDataDir(config.dataDir);
    if (folder.kind === 'held') throw new DataDirInUseError(config.dataDir, folder);
  }
  await checkPortFree(config.port, config.host);
  const db = await openDatabase(config, log, { entities: REGISTRY.entities });
  const cleanups: (() => Promise<void>)[] = [() => db.close()];
  try {
    if (config.seed) {
      const seeded = await seedDemoData(db.orm, { force: false });
      if (seeded.seeded) log.info(seeded, 'loaded demo data into the empty database');
    }
    const feed = new Feed(db.orm, db.url, log, { pollMs: config.feedPollMs, bufferLimit: config.feedBuffer });
    await feed.start();
    cleanups.unshift(() => feed.close());
    // The families' background tasks (time-driven events): caught up before the hub listens, stopped before the feed.
    for (const family of REGISTRY.families) {
      for (const task of family.tasks ?? []) {
        const stop = await task.start({
          orm: db.orm,
          clock: options.clock ?? systemClock,
          log: log.child({ task: task.name }),
          onEvents: (listener) => feed.onEvents(listener),
        });
        cleanups.unshift(stop);
      }
    }
    const keyCache = new KeyCache(config.keyCacheSeconds * 1000);
    // Keys and grants change only through admin actions, which every process sees in its feed.
    feed.onEvents((events) => {
      if (events.some((e) => e.topic === ADMIN_TOPIC)) keyCache.clear();
    });
    const services: HubServices = {
      config,
      log,
      orm: db.orm,
      feed,
      keyCache,
      clock: options.clock ?? systemClock,
      registry: REGISTRY,
      pushGate: new Gate(config.pushConcurrency || Math.max(1, config.dbPool - 2)),
    };
    const schema = await buildHubSchema();
    const guard = new Guard(services);
    // Root query fields the families' SQL compilers answer in one statement per page.
    const compiledRoots: Record<string, CompiledRoot> = Object.assign(
      {},
      ...(await familyApis()).map((f) => f.compiledReads?.(schema, db.orm.getMetadata()) ?? {}),
    ) as Record<string, CompiledRoot>;

    // A graphql-ws message is held to the same size as an HTTP request body.
    const wss = new WebSocketServer({ noServer: true, maxPayload: byteSize.parse(config.bodyLimit) ?? undefined });
    /** The request each error arose in, so that an INTERNAL error's id is the request id (x-request-id). */
    const errorRequests = new WeakMap<object, string>();
    const ws = attachWebSocket(wss, schema, services, guard);
    if (config.metrics !== 'off') {
      const metrics = new HubMetrics({
        feedHead: () => feed.head,
        webSocketConnections: ws.connections,
        subscriptions: ws.subscriptions,
        broadcastSubscriptions: ws.broadcastSubscriptions,
        broadcastMessages: ws.broadcastMessages,
        pool: () => poolUse(db.orm),
        consumers: () => listConsumers(db.orm.em.fork()),
      });
      services.metrics = metrics;
      const stopCounting = feed.onEvents((events) => metrics.delivered(events, Date.now()));
      cleanups.unshift(async () => stopCounting());
    }
    const compiledReads = config.compiledReads ? new CompiledReads(schema, compiledRoots) : undefined;
    // POST /graphql requests for documents the compiled read path has answered, without Express and Apollo's pipeline.
    const leanReads = compiledReads && config.leanReads ? new LeanReads(schema, compiledReads) : undefined;
    const apollo = new ApolloServer<HubContext>({
      schema,
      introspection: true,
      // main.ts handles SIGINT/SIGTERM and stops everything in order.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      validationRules: limitRules(config.limits),
      formatError: (formatted: GraphQLFormattedError, error: unknown) =>
        formatError(formatted, error, log, typeof error === 'object' && error ? errorRequests.get(error) : undefined),
      // Compiled reads carry PostgreSQL's JSON text (RawJson): written into the body as it is.
      stringifyResult: (result) => `${stringifyWithRaw(result)}\n`,
      plugins: [
        // The hub sets no cache hints; without this Apollo wraps every field resolver to collect them.
        ApolloServerPluginCacheControlDisabled(),
        // Browsers get the hub's own IDE (resolvers/app/ui.ts), not Apollo's page that loads Sandbox from a CDN;
        // and nothing is reported to Apollo's cloud, even with APOLLO_KEY set in the environment.
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        // INTERNAL is 500 when the fault left no data, 200 with a partial answer: one rule (README's error table).
        internalErrorStatusPlugin<HubContext>(),
        // The operation of each request's log line (src/server/request-log.ts).
        requestLogPlugin<HubContext>(),
        // Nested reads answered by one SQL statement per page where the compiler covers the selection.
        ...(compiledReads ? [compiledReadsPlugin(compiledReads, leanReads?.answered)] : []),
        {
          async requestDidStart() {
            const started = performance.now();
            return {
              async didResolveOperation(rc: GraphQLRequestContext<HubContext>) {
                checkCost(schema, rc.document!, rc.request.variables, rc.operationName, config.limits.cost);
              },
              async willSendResponse(rc: GraphQLRequestContext<HubContext>) {
                const body = rc.response.body;
                const errors = body?.kind === 'single' ? body.singleResult.errors : undefined;
                const code = errors?.[0]?.extensions?.code;
                services.metrics?.request(
                  rc.operationName ?? rc.request.operationName,
                  errors?.length ? (typeof code === 'string' ? code : 'error') : 'ok',
                  (performance.now() - started) / 1000,
                );
              },
              // Runs right before Apollo formats the errors.
              async didEncounterErrors(rc: GraphQLRequestContext<HubContext>) {
                for (const e of rc.errors ?? []) errorRequests.set(e, rc.contextValue.requestId);
              },
            };
          },
        },
      ],
    });
    const httpServer = createServer();
    const wsOrigins = new Set(config.corsOrigins);
    httpServer.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://hub').pathname !== '/graphql') return socket.destroy();
      if (!webSocketOriginAllowed(upgradeOrigin(req), req.headers.host, wsOrigins)) {
        log.info(
          { origin: req.headers.origin, ip: req.socket.remoteAddress },
          'WebSocket from a foreign origin refused',
        );
        return refuseUpgrade(socket);
      }
      wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
    });
    // Requests in flight at shutdown get this long to finish (Apollo's default, 10 s, cut big pushes short on a busy
    // machine).
    apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }));
    apollo.addPlugin({
      async serverWillStart() {
        return {
          async drainServer() {
            await ws.dispose();
          },
        };
      },
    });
    await apollo.start();
    cleanups.unshift(() => apollo.stop());
    httpServer.on(
      'request',
      createHttpApp(
        apollo,
        services,
        guard,
        async () => {
          await db.orm.em.fork().execute('select 1');
          return { feedHead: String(feed.head) };
        },
        () => db.health(),
        leanReads,
      ),
    );

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', (err) => reject(listenProblem(err, config.port, config.host) ?? err));
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const host = urlHost(config.host);
    log.info({ url: `http://${host}:${port}/graphql` }, 'hub listening');
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}/graphql`,
      wsUrl: `ws://${host}:${port}/graphql`,
      port,
      services,
      onFatal: (listener) => db.onFailure(listener),
      close() {
        closing ??= (async () => {
          feed.stop();
          db.expectStop();
          for (const c of cleanups) await c();
          log.info('hub stopped');
        })();
        return closing;
      },
    };
  } catch (err) {
    for (const c of cleanups) await c().catch(() => undefined);
    throw err;
  }
}
