import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { RequestListener } from 'node:http';
import { createContext, resolvePrincipal, type HubContext } from '../context';
import { ANONYMOUS, type Principal } from '../../src/auth/principal';
import { ErrorCode, HubError } from '../../src/common/errors';
import type { HubServices } from '../../src/services';
import type { Guard } from '../../src/server/guard';
import { Role } from '../../src/auth/principal';
import { mountPages } from './ui';
import { bindResponse, noteRequest, requestLog } from '../../src/server/request-log';
import {
  admitCaller,
  arrivalOf,
  assignRequestId,
  markArrival,
  readBodyOf,
  refuseSignature,
  sendError,
  TRUST_PROXY,
  sendUnexpected,
} from './http-request';
import type { LeanReads } from './lean-reads';
import { OperationTypeNode, getOperationAST, parse } from 'graphql';
import {
  SIGNATURE_HEADER,
  SIGNER_HEADER,
  requireSignature,
  verifyPushSignature,
  type PushSignature,
} from '../../src/certificates';

interface Locals {
  requestId: string;
  /** performance.now() when the request arrived (the metrics' durations). */
  started: number;
  principal: Principal;
}

/** A request whose body bytes were kept, as received, for its signature (only requests that carry one). */
interface RawBodyRequest {
  rawBody?: Buffer;
}

/** The signature headers of a request (a repeated header counts as malformed: not one string). */
function signatureHeaders(req: express.Request): PushSignature {
  const one = (name: string) => {
    const v = req.headers[name];
    return v === undefined ? undefined : typeof v === 'string' ? v : '';
  };
  return { signature: one(SIGNATURE_HEADER), certificate: one(SIGNER_HEADER) };
}

/** True when the body's operation (the named one, or the only one) is a mutation; false when it cannot be read. */
function carriesMutation(body: unknown): boolean {
  const b = body as { query?: unknown; operationName?: unknown } | undefined;
  if (typeof b?.query !== 'string') return false;
  try {
    const op = getOperationAST(parse(b.query), typeof b.operationName === 'string' ? b.operationName : undefined);
    return op?.operation === OperationTypeNode.MUTATION;
  } catch {
    return false;
  }
}

const started = (res: express.Response) => (res.locals as Locals).started;

/** The operation name of a JSON request body, if it has one. */
function operationNameOf(body: unknown): string | undefined {
  const name = (body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}

export { TRUST_PROXY } from './http-request';

/**
 * The HTTP request listener: the lean read path (resolvers/app/lean-reads.ts) takes the POST /graphql requests it
 * answers exactly as the rest would, and hands everything else to the Express app: health endpoints, and /graphql
 * behind request ids, a body size limit, authentication and the rate limit, then Apollo. Malformed bodies get coded
 * JSON errors, never Express's HTML error page.
 */
export function createHttpApp(
  apollo: ApolloServer<HubContext>,
  services: HubServices,
  guard: Guard,
  ready: () => Promise<Record<string, unknown>>,
  health: () => { ok: boolean; state: string } = () => ({ ok: true, state: 'external' }),
  lean?: LeanReads,
): RequestListener {
  const app = expressApp(apollo, services, guard, ready, health);
  if (!lean) return app;
  const front = lean.front(apollo, services, guard, app);
  return (req, res) => {
    if (!front(req, res)) app(req, res);
  };
}

function expressApp(
  apollo: ApolloServer<HubContext>,
  services: HubServices,
  guard: Guard,
  ready: () => Promise<Record<string, unknown>>,
  health: () => { ok: boolean; state: string },
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag computed over every GraphQL answer (a SHA-1 of the body per response): answers are not cached by URL.
  // The pages' static files keep theirs (resolvers/app/ui.ts).
  app.set('etag', false);
  app.set('trust proxy', TRUST_PROXY);

  // The process is up and its own database is too: 503 while the embedded PostgreSQL is being
  // restarted (or could not be, just before the hub exits), so a supervisor never sees "healthy" without it.
  app.get('/healthz', (_req, res) => {
    const db = health();
    if (db.ok) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable', database: db.state });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      res.json({ status: 'ready', ...(await ready()) });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  const requestId: RequestHandler = (req, res, next) => {
    // Arrived when the lean read path first saw it, if it read the body before handing the request on.
    (res.locals as Locals).started = markArrival(req).perf;
    (res.locals as Locals).requestId = assignRequestId(req, res);
    next();
  };

  const authenticateAndAdmit: RequestHandler = async (req, res, next) => {
    try {
      const principal = await admitCaller(services, guard, req, res, req.ip, operationNameOf(req.body), started(res));
      if (!principal) return;
      (res.locals as Locals).principal = principal;
      next();
    } catch (err) {
      next(err);
    }
  };

  // A signed push: the signature over the body bytes is verified before the operation runs, and the request's
  // principal carries the signer, which the change log records on every event the push appends.
  const checkSignature: RequestHandler = async (req, res, next) => {
    const locals = res.locals as Locals;
    const headers = signatureHeaders(req);
    try {
      requireSignature(locals.principal, headers, () => carriesMutation(req.body));
      if (headers.signature === undefined && headers.certificate === undefined) return next();
      const signedBy = await verifyPushSignature(
        services.orm.em.fork(),
        locals.principal,
        headers,
        (req as RawBodyRequest).rawBody,
        new Date(services.clock.now()),
      );
      locals.principal = { ...locals.principal, signedBy };
      noteRequest(res, { signedBy });
      next();
    } catch (err) {
      if (!(err instanceof HubError)) return next(err);
      refuseSignature(services, res, err, operationNameOf(req.body), started(res));
    }
  };

  const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large')
      return sendError(
        res,
        413,
        ErrorCode.LIMIT_EXCEEDED,
        `the request body is larger than ${services.config.bodyLimit}`,
      );
    if (err.type === 'entity.parse.failed')
      return sendError(res, 400, ErrorCode.BAD_USER_INPUT, 'the request body is not valid JSON');
    if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported')
      return sendError(res, 415, ErrorCode.BAD_USER_INPUT, 'unsupported body encoding');
    sendUnexpected(services, res, (res.locals as Locals).requestId, err);
  };

  // Pages on the origins an operator lists may call /graphql from the browser (the Fetch standard's CORS, preflights
  // included); any other cross-origin request still meets Apollo's CSRF prevention, which refuses the simple requests
  // a foreign page can send without asking.
  const allowed = new Set(services.config.corsOrigins);
  const crossOrigin = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'x-request-id',
      'apollo-require-preflight',
      SIGNATURE_HEADER,
      SIGNER_HEADER,
    ],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });

  app.get('/metrics', async (req, res) => {
    const { metrics } = services;
    if (services.config.metrics === 'off' || !metrics)
      return sendError(res, 404, ErrorCode.NOT_FOUND, 'metrics are off (HUB_METRICS=off)');
    if (services.config.metrics === 'key') {
      try {
        const principal = await resolvePrincipal(services, req.headers.authorization).catch((err: unknown) => {
          if (err instanceof HubError && err.code === ErrorCode.UNAUTHENTICATED) guard.admit(ANONYMOUS, req.ip);
          throw err;
        });
        if (principal.id === ANONYMOUS.id) {
          res.setHeader('www-authenticate', 'Bearer');
          return sendError(
            res,
            401,
            ErrorCode.UNAUTHENTICATED,
            "metrics need the operators' key or an ADMIN or DASHBOARD key",
          );
        }
        guard.admit(principal, req.ip);
        if (!principal.roles.has(Role.ADMIN) && !principal.roles.has(Role.DASHBOARD))
          return sendError(res, 403, ErrorCode.FORBIDDEN, 'metrics need the ADMIN or DASHBOARD role');
      } catch (err) {
        if (!(err instanceof HubError)) throw err;
        const ext = err.extensions as { retryAfterSeconds?: number; http?: { status?: number } };
        if (ext.retryAfterSeconds) res.setHeader('retry-after', String(ext.retryAfterSeconds));
        return sendError(res, ext.http?.status ?? 400, err.code, err.message);
      }
    }
    res.setHeader('cache-control', 'no-store');
    res.type(metrics.contentType).send(await metrics.text());
  });

  const idePage = mountPages(app, services.config);
  const json = express.json({
    limit: services.config.bodyLimit,
    // The exact bytes a signature covers, kept only for requests that carry one.
    verify: (req, _res, buf) => {
      if (req.headers[SIGNATURE_HEADER] !== undefined) (req as RawBodyRequest).rawBody = buf;
    },
  });
  // A body the lean read path has read already (it then handed the request on) is parsed, or failed, as this would.
  const body: RequestHandler = (req, res, next) => {
    const read = readBodyOf(req);
    if (!read) return json(req, res, next);
    if ('error' in read) return next(read.error);
    req.body = read.body;
    next();
  };

  app.use(
    '/graphql',
    crossOrigin,
    idePage,
    requestId,
    requestLog(
      services.log,
      (res) => ((res as express.Response).locals as Locals).requestId,
      (req) => arrivalOf(req)?.hr,
    ),
    body,
    authenticateAndAdmit,
    checkSignature,
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const locals = res.locals as Locals;
        const context = createContext(services, locals.principal, locals.requestId);
        bindResponse(context, res);
        return context;
      },
    }),
    bodyErrors,
  );
  return app;
}
