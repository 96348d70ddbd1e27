import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createContext, resolvePrincipal, type HubContext } from '../resolvers/context';
import { buildHubSchema } from '../resolvers/schema';
import type { Principal } from './auth/principal';
import { formatError, HubError } from './common/errors';
import type { HubConfig } from './config';
import { openDatabase } from './db/database';
import { Feed } from './feed/feed';
import { createLogger, type Logger } from './logger';
import { seedDemoData } from './seed/demo';
import type { HubServices } from './services';

export interface Hub {
  /** http://host:port/graphql */
  url: string;
  /** ws://host:port/graphql */
  wsUrl: string;
  port: number;
  services: HubServices;
  /** Stops accepting, drains HTTP and WebSocket connections, closes the feed, the ORM and the embedded database. */
  close(): Promise<void>;
}

/**
 * Starts one hub process: database (embedded or DATABASE_URL) with migrations,
 * demo data when asked and empty, the change feed, and one HTTP server that
 * serves GraphQL over HTTP and graphql-ws on /graphql plus /healthz and /readyz.
 */
export async function startHub(config: HubConfig, log: Logger = createLogger(config.logLevel)): Promise<Hub> {
  const db = await openDatabase(config, log);
  const cleanups: (() => Promise<void>)[] = [() => db.close()];
  try {
    if (config.seed) {
      const seeded = await seedDemoData(db.orm, { force: false });
      if (seeded.seeded) log.info(seeded, 'loaded demo data into the empty database');
    }
    const feed = new Feed(db.orm, db.url, log, { pollMs: config.feedPollMs, bufferLimit: config.feedBuffer });
    await feed.start();
    cleanups.unshift(() => feed.close());
    const services: HubServices = { config, log, orm: db.orm, feed };
    const schema = await buildHubSchema();

    const app = express();
    app.disable('x-powered-by');
    const httpServer = createServer(app);
    const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
    const ws = useServer<Record<string, unknown> | undefined, { principal?: Principal }>(
      {
        schema,
        // Authenticate once per connection: connectionParams.authorization, or the upgrade request's header.
        onConnect: async (ctx) => {
          const auth = (ctx.connectionParams?.authorization as string | undefined) ?? ctx.extra.request.headers.authorization;
          try {
            (ctx.extra as { principal?: Principal }).principal = await resolvePrincipal(services, auth);
            return true;
          } catch (err) {
            if (err instanceof HubError) return false;
            throw err;
          }
        },
        context: (ctx) => createContext(services, (ctx.extra as { principal: Principal }).principal),
        onNext: (_ctx, _id, _payload, args, result) => {
          if (!result.errors?.length) return;
          const requestId = (args.contextValue as HubContext | undefined)?.requestId;
          return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, log, requestId)) };
        },
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e, log)),
      },
      wss,
    );

    const apollo = new ApolloServer<HubContext>({
      schema,
      introspection: true,
      // main.ts handles SIGINT/SIGTERM and stops everything in order.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      formatError: (formatted: GraphQLFormattedError, error: unknown) => formatError(formatted, error, log),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        { async serverWillStart() { return { async drainServer() { await ws.dispose(); } }; } },
      ],
    });
    await apollo.start();
    cleanups.unshift(() => apollo.stop());

    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/readyz', async (_req, res) => {
      try {
        await db.orm.em.fork().execute('select 1');
        res.json({ status: 'ready', feedHead: String(feed.head) });
      } catch {
        res.status(503).json({ status: 'unavailable' });
      }
    });
    app.use(
      '/graphql',
      express.json({ limit: config.bodyLimit }),
      expressMiddleware(apollo, {
        context: async ({ req }) => {
          const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
          return createContext(services, await resolvePrincipal(services, req.headers.authorization), requestId);
        },
      }),
    );

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
    log.info({ url: `http://${host}:${port}/graphql` }, 'hub listening');
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}/graphql`,
      wsUrl: `ws://${host}:${port}/graphql`,
      port,
      services,
      close() {
        closing ??= (async () => {
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
