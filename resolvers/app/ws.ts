import {
  GraphQLError,
  getOperationAST,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { WebSocket, WebSocketServer } from 'ws';
import { createContext, resolvePrincipal, type HubContext } from '../context';
import { COMPILED_SUBSCRIPTIONS } from '../feed/changes.resolver';
import { fieldsDoingMore } from '../field-metadata';
import { ANONYMOUS, accessKey, type Principal } from '../../src/auth/principal';
import { ErrorCode, HubError, formatError } from '../../src/common/errors';
import { ADMIN_TOPIC } from '../../src/feed/topics';
import { checkCost, limitRules } from '../../src/limits/operation-limits';
import { requireSignature } from '../../src/certificates';
import type { HubServices } from '../../src/services';
import type { Guard } from '../../src/server/guard';
import { TRUST_PROXY } from './http';
import { SharedExecutions, type DirectTarget } from '../../src/server/shared-execution';
import { serveGraphqlWs } from '../../src/server/ws-adapter';
import { elapsedMs, operationLabel, type RequestLine } from '../../src/server/request-log';

/** An operation of a connection while it runs, for its log line when it ends. */
type Running = { start: bigint; operation: string | null; requestId: string };

type ConnectionState = {
  /** The connection's operations by id, from their subscribe message to their end. */
  running?: Map<string, Running>;
  principal?: Principal;
  /** The Authorization value the connection authenticated with, re-checked while it lives. */
  authorization?: string;
  address?: string;
  /** Holds the leases of the named feed consumers this connection follows. */
  connectionId?: string;
};

type Connection = ConnectionState & { socket: WebSocket; request: IncomingMessage };

const trusted = proxyAddr.compile(TRUST_PROXY);

/** What decides a connection's access: re-resolving its key to anything else ends the connection. */
const accessOf = (p: Principal) => `${p.id} ${accessKey(p)}`;

/**
 * The errors an operation is refused with. An unexpected failure (the database
 * unreachable while the key is checked) fails this operation only, as INTERNAL
 * with an id in the log (see formatError), not the connection and its other
 * subscriptions.
 */
function asErrors(err: unknown): readonly GraphQLError[] {
  if (err instanceof GraphQLError) return [err];
  return [
    new GraphQLError(err instanceof Error ? err.message : String(err), {
      originalError: err instanceof Error ? err : new Error(String(err)),
    }),
  ];
}

/**
 * Parses an operation's text. graphql-js parses recursively: a literal nested
 * thousands of levels deep overflows the stack, which is the client's doing,
 * not a fault of the hub (over HTTP, Apollo answers it as a parse failure).
 */
function parseOperation(query: string): DocumentNode {
  try {
    return parse(query);
  } catch (err) {
    if (err instanceof RangeError)
      throw new HubError(ErrorCode.BAD_USER_INPUT, 'the operation is nested too deeply to be parsed', {
        field: 'query',
      });
    throw err;
  }
}

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's /graphql path. It runs
 * neither Apollo's plugins nor its validation, so the same authentication,
 * rate limit, operation limits and error formatting are applied here.
 */
export function attachWebSocket(wss: WebSocketServer, schema: GraphQLSchema, services: HubServices, guard: Guard) {
  const { config, log } = services;
  const rules = [...specifiedRules, ...limitRules(config.limits)];
  const shared = new SharedExecutions(
    20_000,
    config.compiledReads ? COMPILED_SUBSCRIPTIONS : {},
    fieldsDoingMore({ middlewares: true }),
  );
  /** Each subscription's share key, by its context object (see SharedExecutions). */
  const shapes = new WeakMap<object, string>();
  /** Each subscription's id and connection, by its context object, for the broadcast path. */
  const targets = new WeakMap<object, DirectTarget>();
  const connections = new Set<Connection>();
  /** Active operations of each authenticated connection (graphql-ws's own record), for the metrics. */
  const operations = new Set<{ subscriptions: Record<string, unknown> }>();

  /** Writes the log line of an operation that ended (one per operation, as HTTP has one per request). */
  const ended = (extra: ConnectionState, id: string, status: string, code?: string): void => {
    const r = extra.running?.get(id);
    if (!r) return;
    extra.running!.delete(id);
    const line: RequestLine & { code?: string } = {
      requestId: r.requestId,
      operation: r.operation,
      principal: extra.principal?.name ?? null,
      status,
      ms: elapsedMs(r.start),
      transport: 'ws',
      ...(code ? { code } : {}),
    };
    log.info(line, 'request');
  };

  /**
   * Authentication holds for the life of a connection, not only at its start:
   * after any admin action (in this process or another, seen on the change
   * feed) and every key-cache lifetime (for expiry), each authenticated
   * connection's key is resolved again, once per distinct key. A key that is
   * revoked, expired or past its rotation grace closes its connections with
   * 4401 (graphql-ws clients do not retry it); changed roles or grants close
   * them with 4403, and a retrying client reconnects under the new grants.
   */
  const REVOKED = 'Unauthorized: the API key is unknown, revoked or expired';
  const REGRANTED = 'Forbidden: roles or grants changed; reconnect';
  /** Closes the connection if its key no longer resolves to the principal it was opened with; true when it did. */
  const outdated = (c: Connection, now: Principal | null): boolean => {
    if (!now) c.socket.close(CloseCode.Unauthorized, REVOKED);
    else if (accessOf(now) !== accessOf(c.principal!)) c.socket.close(CloseCode.Forbidden, REGRANTED);
    else return false;
    return true;
  };
  const recheck = async (): Promise<void> => {
    const byKey = new Map<string, Connection[]>();
    for (const c of connections) {
      if (!c.authorization || !c.principal || c.principal.id === 'anonymous') continue;
      byKey.set(c.authorization, [...(byKey.get(c.authorization) ?? []), c]);
    }
    for (const [authorization, list] of byKey) {
      let now: Principal | null = null;
      try {
        now = await resolvePrincipal(services, authorization);
      } catch (err) {
        if (!(err instanceof HubError)) {
          log.warn({ err }, 'could not re-check the keys of WebSocket connections');
          return;
        }
      }
      for (const c of list) outdated(c, now);
    }
  };
  // One pass at a time; an admin action seen during a pass asks for another one right after it.
  let checking: Promise<void> | null = null;
  let again = false;
  const scheduleRecheck = (): void => {
    if (checking) {
      again = true;
      return;
    }
    checking = recheck().finally(() => {
      checking = null;
      if (again) {
        again = false;
        scheduleRecheck();
      }
    });
  };
  const onAdmin = (events: readonly { topic: string }[]) => {
    if (connections.size && events.some((e) => e.topic === ADMIN_TOPIC)) scheduleRecheck();
  };
  const stopFollowing = services.feed.onEvents(onAdmin);
  const timer = setInterval(() => connections.size && scheduleRecheck(), Math.max(1, config.keyCacheSeconds) * 1000);
  timer.unref();

  const server = serveGraphqlWs<ConnectionState>(
    {
      schema,
      // Authenticate the connection: connectionParams.authorization, or the upgrade request's header.
      onConnect: async (ctx) => {
        const extra = ctx.extra;
        const authorization =
          (ctx.connectionParams?.authorization as string | undefined) ?? extra.request.headers.authorization;
        extra.address = proxyAddr(extra.request, trusted);
        try {
          // Connection attempts count against the same rate limit as requests (by address until the key is known).
          const principal = await resolvePrincipal(services, authorization).catch((err: unknown) => {
            if (err instanceof HubError && err.code === ErrorCode.UNAUTHENTICATED)
              guard.admit(ANONYMOUS, extra.address);
            throw err;
          });
          guard.admit(principal, extra.address);
          // The socket may have gone while the key was looked up: then there is nothing to follow.
          if (extra.socket.readyState !== extra.socket.OPEN) return false;
          extra.principal = principal;
          extra.authorization = authorization;
          extra.connectionId = randomUUID();
          connections.add(extra);
          operations.add(ctx);
          extra.socket.once('close', () => {
            connections.delete(extra);
            operations.delete(ctx);
          });
          return true;
        } catch (err) {
          if (!(err instanceof HubError)) throw err;
          // A bad key is final (graphql-ws clients do not retry 4401); a refusal by the rate limit is retried later
          // (4403).
          if (err.code === ErrorCode.UNAUTHENTICATED) extra.socket.close(CloseCode.Unauthorized, REVOKED);
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const extra = ctx.extra;
        const running: Running = {
          start: process.hrtime.bigint(),
          operation: payload.operationName ?? null,
          requestId: randomUUID(),
        };
        (extra.running ??= new Map()).set(id, running);
        try {
          // Every operation graphql-ws holds for this connection, this one and those still starting included
          // (counted before anything is awaited, so a burst cannot slip through).
          const held = Object.keys(ctx.subscriptions).length;
          if (held > config.maxSubscriptions) {
            throw new HubError(
              ErrorCode.LIMIT_EXCEEDED,
              `a connection may hold at most ${config.maxSubscriptions} subscriptions`,
              {
                details: { limit: config.maxSubscriptions },
              },
            );
          }
          // The key is resolved again (from the key cache): a key revoked, or granted otherwise, since the
          // connection opened ends the connection here, before anything new starts under the old grants.
          const principal = extra.principal!;
          if (principal.id !== 'anonymous') {
            const now = await resolvePrincipal(services, extra.authorization).catch((err: unknown) => {
              if (err instanceof HubError && err.code === ErrorCode.UNAUTHENTICATED) return null;
              throw err;
            });
            if (outdated(extra, now))
              return [new HubError(now ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED, now ? REGRANTED : REVOKED)];
          }
          guard.admit(principal, extra.address);
          const document = parseOperation(payload.query);
          running.operation = operationLabel(document, payload.operationName);
          const errors = validate(schema, document, rules);
          if (errors.length) return errors;
          // A message on the socket carries no body signature: a system that must sign pushes over HTTP.
          requireSignature(
            principal,
            { signature: undefined, certificate: undefined },
            () =>
              getOperationAST(document, payload.operationName ?? undefined)?.operation === OperationTypeNode.MUTATION,
          );
          checkCost(schema, document, payload.variables ?? undefined, payload.operationName, config.limits.cost);
          const contextValue = createContext(services, principal, running.requestId, extra.connectionId);
          shapes.set(
            contextValue,
            SharedExecutions.shapeKey(payload.query, payload.operationName, payload.variables, principal),
          );
          const socket = extra.socket;
          targets.set(contextValue, { id, write: (message) => server.write(socket, message) });
          return {
            schema,
            document,
            variableValues: payload.variables,
            operationName: payload.operationName,
            contextValue,
          };
        } catch (err) {
          return asErrors(err);
        }
      },
      subscribe: (args) =>
        shared.subscribe(args, shapes.get(args.contextValue as object), targets.get(args.contextValue as object)),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const requestId = (args.contextValue as HubContext | undefined)?.requestId;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, log, requestId)) };
      },
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map((e) => formatError(e.toJSON(), e, log, ctx.extra.running?.get(id)?.requestId));
        ended(ctx.extra, id, 'error', formatted[0]?.extensions?.code as string | undefined);
        return formatted;
      },
      onComplete: (ctx, id) => ended(ctx.extra, id, 'complete'),
    },
    wss,
    log,
  );
  return {
    /** Open WebSocket connections (authenticated or not yet). */
    connections: () => wss.clients.size,
    /** Subscriptions running on authenticated connections. */
    subscriptions: () => {
      let n = 0;
      for (const c of operations) n += Object.keys(c.subscriptions).length;
      return n;
    },
    /** Subscriptions on the broadcast path, and the messages written on it. */
    broadcastSubscriptions: () => shared.broadcasting,
    broadcastMessages: () => shared.broadcastMessages,
    async dispose() {
      clearInterval(timer);
      stopFollowing();
      await server.dispose();
    },
  };
}
