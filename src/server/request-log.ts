import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Logger } from '../logger';

/**
 * One log line per request, at info: which operation, by whom, with what
 * outcome, how long it took, under which request id (x-request-id).
 *
 * Over HTTP the line is written by {@link requestLog} when the response has
 * been sent, so requests refused before GraphQL runs (a bad key, the rate
 * limit, a body too large) get theirs too; the operation is filled in once
 * Apollo has resolved it ({@link noteOperation}). Over graphql-ws each
 * operation gets its line when it ends (resolvers/app/ws.ts).
 */

/** What a request line says. */
export interface RequestLine {
  requestId: string;
  /** `query marketEntities`, or the operation's name when it has one; null when there was none (refused before). */
  operation: string | null;
  /** The principal's name (system code, client name, `admin`, `anonymous`); null before authentication. */
  principal: string | null;
  /** HTTP status, or over graphql-ws `complete` or `error`. */
  status: number | string;
  /** Milliseconds from the start of the request (operation) to its end. */
  ms: number;
  transport: 'http' | 'ws';
}

/**
 * How an operation is named in the log: its name if it has one, otherwise its type and root fields
 * (`query marketEntities,sourceSystems`), so anonymous operations are told apart too.
 */
export function operationLabel(
  document: DocumentNode | undefined,
  operationName: string | null | undefined,
): string | null {
  const ops = (document?.definitions ?? []).filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op) return operationName ?? null;
  if (op.name) return op.name.value;
  const fields = op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
  return `${op.operation} ${fields.join(',')}`;
}

/** Rounds a duration for the log: milliseconds with one decimal. */
export const elapsedMs = (start: bigint): number => Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10;

/** What the request log keeps on a response while the request runs (set by the later handlers). */
interface Noted {
  operation?: string | null;
  principal?: string;
  /** The certificate that signed the request (x-hub-signature). */
  signedBy?: string;
}

const NOTED = Symbol('request-log');

/** Records the operation or principal of the request `res` answers, for its log line. */
export function noteRequest(res: ServerResponse, noted: Noted): void {
  const r = res as ServerResponse & { [NOTED]?: Noted };
  r[NOTED] = { ...r[NOTED], ...noted };
}

/**
 * Express middleware (and the lean read path's step): writes the request's line when its response is finished (or its
 * connection closed first). `requestId` reads the id the request-id middleware assigned; `arrived` is when the request
 * came in (process.hrtime.bigint()), now when not given.
 */
export function requestLog(
  log: Logger,
  requestId: (res: ServerResponse) => string,
  arrived: (req: IncomingMessage) => bigint | undefined = () => undefined,
) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const start = arrived(req) ?? process.hrtime.bigint();
    let done = false;
    const write = () => {
      if (done) return;
      done = true;
      const noted = (res as ServerResponse & { [NOTED]?: Noted })[NOTED] ?? {};
      const line: RequestLine = {
        requestId: requestId(res),
        operation: noted.operation ?? null,
        principal: noted.principal ?? null,
        status: res.writableFinished ? res.statusCode : 'aborted',
        ms: elapsedMs(start),
        transport: 'http',
      };
      log.info(line, 'request');
    };
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}

/** The response a GraphQL context answers, for {@link requestLogPlugin}: a property, as Apollo copies contexts. */
const RESPONSE = Symbol('response');

/** Ties a request's GraphQL context to its HTTP response (the express integration's context function calls it). */
export function bindResponse(context: object, res: ServerResponse): void {
  Object.defineProperty(context, RESPONSE, { value: res, enumerable: true });
}

/** Notes each HTTP request's operation for its log line, once Apollo has parsed it (or failed to). */
export function requestLogPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const res = (rc.contextValue as { [RESPONSE]?: ServerResponse })[RESPONSE];
          if (res) noteRequest(res, { operation: operationLabel(rc.document, rc.request.operationName) });
        },
      };
    },
  };
}
