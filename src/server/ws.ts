import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { WebSocketServer } from 'ws';
import { createContext, resolvePrincipal, type HubContext } from '../../resolvers/context';
import { COMPILED_SUBSCRIPTIONS } from '../../resolvers/feed/changes.resolver';
import { fieldsDoingMore } from '../../resolvers/field-metadata';
import type { Principal } from '../auth/principal';
import { ErrorCode, HubError, formatError } from '../common/errors';
import { checkCost, limitRules } from '../limits/operation-limits';
import type { HubServices } from '../services';
import type { Guard } from './guard';
import { SharedExecutions } from './shared-execution';
import { serveGraphqlWs } from './ws-adapter';

type ConnectionState = {
  principal?: Principal;
  address?: string;
};

function asErrors(err: unknown): readonly GraphQLError[] {
  if (err instanceof GraphQLError) return [err];
  throw err;
}

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's /graphql path. It runs
 * neither Apollo's plugins nor its validation, so the same authentication,
 * rate limit, operation limits and error formatting are applied here.
 */
export function attachWebSocket(wss: WebSocketServer, schema: GraphQLSchema, services: HubServices, guard: Guard) {
  const { config, log } = services;
  const rules = [...specifiedRules, ...limitRules(config.limits)];
  const shared = new SharedExecutions(20_000, config.compiledReads ? COMPILED_SUBSCRIPTIONS : {}, fieldsDoingMore({ middlewares: true }));
  /** Each subscription's share key, by its context object (see SharedExecutions). */
  const shapes = new WeakMap<object, string>();
  return serveGraphqlWs<ConnectionState>(
    {
      schema,
      // Authenticate once per connection: connectionParams.authorization, or the upgrade request's header.
      onConnect: async (ctx) => {
        const extra = ctx.extra;
        const auth = (ctx.connectionParams?.authorization as string | undefined) ?? extra.request.headers.authorization;
        try {
          extra.principal = await resolvePrincipal(services, auth);
          extra.address = extra.request.socket.remoteAddress;
          return true;
        } catch (err) {
          if (err instanceof HubError) return false; // closes with 4403 Forbidden
          throw err;
        }
      },
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const extra = ctx.extra as ConnectionState;
        const principal = extra.principal!;
        try {
          guard.admit(principal, extra.address);
          const active = Object.values(ctx.subscriptions).filter(Boolean).length;
          if (active >= config.maxSubscriptions) {
            throw new HubError(ErrorCode.LIMIT_EXCEEDED, `a connection may hold at most ${config.maxSubscriptions} subscriptions`, {
              details: { limit: config.maxSubscriptions },
            });
          }
          const document = parse(payload.query);
          const errors = validate(schema, document, rules);
          if (errors.length) return errors;
          checkCost(schema, document, payload.variables ?? undefined, payload.operationName, config.limits.cost);
          const contextValue: HubContext = createContext(services, principal);
          shapes.set(contextValue, SharedExecutions.shapeKey(payload.query, payload.operationName, payload.variables, principal));
          return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
        } catch (err) {
          return asErrors(err);
        }
      },
      subscribe: (args) => shared.subscribe(args, shapes.get(args.contextValue as object)),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const requestId = (args.contextValue as HubContext | undefined)?.requestId;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, log, requestId)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e, log)),
    },
    wss,
    log,
  );
}
