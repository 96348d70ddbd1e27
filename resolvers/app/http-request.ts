import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { resolvePrincipal } from '../context';
import { ANONYMOUS, type Principal } from '../../src/auth/principal';
import { ErrorCode, HubError } from '../../src/common/errors';
import type { HubServices } from '../../src/services';
import type { Guard } from '../../src/server/guard';
import { noteRequest } from '../../src/server/request-log';

/*
 * The steps of a POST /graphql that the Express chain (resolvers/app/http.ts)
 * and the lean read path (resolvers/app/lean-reads.ts) share, written against
 * node:http's request and response so that both give the same bytes: one
 * implementation of the request id, the caller's admission and the error
 * answers, not two that could drift apart.
 */

/** Proxies whose X-Forwarded-For is believed (express's `trust proxy`): a reverse proxy on the same machine. */
export const TRUST_PROXY = 'loopback';

/** When a request came in, by both clocks the hub measures with; kept on the request by whoever saw it first. */
export interface Arrival {
  /** performance.now(): the metrics' durations. */
  perf: number;
  /** process.hrtime.bigint(): the request log's milliseconds. */
  hr: bigint;
}

/** What the lean path read of a body it then handed on: the parsed JSON, or the error the body parser would give. */
export type ReadBody = { body: unknown } | { error: Error & { status: number; type: string } };

const ARRIVAL = Symbol('arrival');
const READ_BODY = Symbol('read body');
type Marked = IncomingMessage & { [ARRIVAL]?: Arrival; [READ_BODY]?: ReadBody };

/** Marks `req` as arrived now (the first handler to see it calls this); returns the arrival. */
export function markArrival(req: IncomingMessage): Arrival {
  return ((req as Marked)[ARRIVAL] ??= { perf: performance.now(), hr: process.hrtime.bigint() });
}

/** The arrival a handler before this one marked, if any. */
export const arrivalOf = (req: IncomingMessage): Arrival | undefined => (req as Marked)[ARRIVAL];

/** Hands the body the lean path read (it is no longer on the stream) to the Express chain's body step. */
export function keepReadBody(req: IncomingMessage, read: ReadBody): void {
  (req as Marked)[READ_BODY] = read;
}

/** The body the lean path read before it handed the request on, if it did. */
export const readBodyOf = (req: IncomingMessage): ReadBody | undefined => (req as Marked)[READ_BODY];

/**
 * Writes a JSON text as Express's `res.type('application/json').send(text)` does (header names, charset, length),
 * which the Express chain used before the lean path existed: clients see the same bytes from both.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  text: string,
  contentType = 'application/json; charset=utf-8',
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  res.end(text);
}

/** A GraphQL-shaped error response for failures before execution. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  sendJson(res, status, JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

/** The request's id: the caller's x-request-id (at most 64 characters) or a new UUID, echoed in the response. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/**
 * Authenticates the caller of `req` and takes one request from its rate limit (failed keys count against the
 * caller's address, so guessing keys is rate-limited too). A refusal is answered here (status, `retry-after`, the
 * coded error, the metrics' count) and gives undefined; anything but a HubError is thrown.
 */
export async function admitCaller(
  services: HubServices,
  guard: Guard,
  req: IncomingMessage,
  res: ServerResponse,
  ip: string | undefined,
  operationName: string | undefined,
  started: number,
): Promise<Principal | undefined> {
  try {
    const principal = await resolvePrincipal(services, req.headers.authorization).catch((err: unknown) => {
      if (err instanceof HubError && err.code === ErrorCode.UNAUTHENTICATED) guard.admit(ANONYMOUS, ip);
      throw err;
    });
    noteRequest(res, { principal: principal.name });
    guard.admit(principal, ip);
    return principal;
  } catch (err) {
    if (!(err instanceof HubError)) throw err;
    services.metrics?.request(operationName, err.code, (performance.now() - started) / 1000);
    const ext = err.extensions as { retryAfterSeconds?: number; http?: { status?: number } };
    if (ext.retryAfterSeconds) res.setHeader('retry-after', String(ext.retryAfterSeconds));
    const { http: _h, code: _c, ...rest } = err.extensions as Record<string, unknown>;
    sendError(res, ext.http?.status ?? 400, err.code, err.message, rest);
    return undefined;
  }
}

/** Answers a request its signature check refused (401, `www-authenticate: Signature`, counted in the metrics). */
export function refuseSignature(
  services: HubServices,
  res: ServerResponse,
  err: HubError,
  operationName: string | undefined,
  started: number,
): void {
  services.metrics?.request(operationName, err.code, (performance.now() - started) / 1000);
  const { http: _h, code: _c, ...rest } = err.extensions as Record<string, unknown>;
  res.setHeader('www-authenticate', 'Signature');
  sendError(res, 401, err.code, err.message, rest);
}

/** Answers a fault outside GraphQL: logged with the request id, which the client gets to quote. */
export function sendUnexpected(
  services: HubServices,
  res: ServerResponse,
  requestId: string | undefined,
  err: { status?: number },
): void {
  services.log.error({ err, errorId: requestId }, 'unexpected HTTP error');
  sendError(
    res,
    err.status && err.status < 500 ? err.status : 500,
    ErrorCode.INTERNAL,
    `Internal error; quote id ${requestId} to the operators`,
    { errorId: requestId },
  );
}
