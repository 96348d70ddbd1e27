import { HeaderMap, type ApolloServer } from '@apollo/server';
import byteSize from 'bytes';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import proxyAddr from 'proxy-addr';
import { createContext, type HubContext } from '../context';
import type { Principal } from '../../src/auth/principal';
import { SIGNATURE_HEADER, SIGNER_HEADER, requireSignature } from '../../src/certificates';
import { HubError } from '../../src/common/errors';
import { stringifyWithRaw } from '../../src/common/raw-json';
import { checkCost } from '../../src/limits/operation-limits';
import type { Guard } from '../../src/server/guard';
import { bindResponse, noteRequest, operationLabel, requestLog } from '../../src/server/request-log';
import type { HubServices } from '../../src/services';
import type { AnsweredDocument, CompiledReads } from './compiled-reads';
import {
  admitCaller,
  arrivalOf,
  assignRequestId,
  keepReadBody,
  markArrival,
  refuseSignature,
  sendJson,
  sendUnexpected,
  TRUST_PROXY,
  type ReadBody,
} from './http-request';

/*
 * The lean read path. A small read (`tradingProject(code)`, a first page of
 * projects) costs the hub far more in its HTTP stack than in SQL: Express's
 * router, body parser and cors, then Apollo's request pipeline (context copy,
 * plugins, document cache, operation lookup), around one prepared statement.
 * Once the compiled read path has answered a query document through Apollo,
 * that document has been parsed and validated (the depth, alias, directive
 * and root-field limits are validation rules, fixed by the text), so a later
 * POST /graphql with the same text and operation name is answered here: the
 * same request id and log line, the same key check and rate limit, the cost
 * limit with this request's variables, the same roles and masking (the plan
 * per grant shape), one prepared statement, and the same bytes Apollo writes.
 *
 * Whatever is not plainly such a request is left alone before its body is read
 * (another content type, a body encoding, a browser's Origin, a signature, an
 * Accept other than JSON, a large body) and goes to Express unchanged. A body
 * read here that is not such a request is handed to Express as parsed (or as
 * the parse error the body parser gives). And a lean request that needs
 * anything else after its caller was admitted (variables that do not coerce,
 * a cost over the limit, a missing role, a selection this caller's grants
 * keep from the compiler, a row only the resolvers answer exactly) runs
 * through Apollo with the context made here, so the caller is admitted once
 * and the errors are Apollo's own. test/e2e/lean-read.test.ts compares the
 * two paths byte for byte.
 */

/** A document the lean path answers. */
interface LeanDocument {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The request log's operation (operationLabel). */
  label: string | null;
  /** The metrics' operation, as the Apollo plugin names it. */
  metricsName: string | undefined;
}

/** The request id the lean path assigned, for the request log line. */
const REQUEST_ID = Symbol('lean request id');

/** Documents kept (the least recently used forgotten first): bounded, whatever clients send. */
const MAX_DOCUMENTS = 1000;
/** Larger bodies go to Express without being looked at: reads are small, pushes are not. */
const MAX_LEAN_BODY = 64 * 1024;

/** `application/json`, with no parameter but a UTF-8 charset (what the body parser reads without a decoder). */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);

/** The key of a document: its operation name (or none) and its text. */
const keyOf = (source: string, operationName: string | null) =>
  `${operationName === null ? '-' : `+${operationName}`}\u0000${source}`;

/** The parse failure Express's JSON body parser reports (its `type`, which the hub's body error step answers). */
function parseFailure(): ReadBody {
  return { error: Object.assign(new SyntaxError('invalid JSON body'), { status: 400, type: 'entity.parse.failed' }) };
}

/**
 * The documents the compiled read path answered (the compiled-reads plugin reports them) and the front that answers
 * later requests for them.
 */
export class LeanReads {
  private readonly documents = new LRUCache<string, LeanDocument>({ max: MAX_DOCUMENTS });

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly reads: CompiledReads,
  ) {}

  /** Called by the compiled-reads plugin for each document it answered over HTTP. */
  readonly answered = (doc: AnsweredDocument): void => {
    const key = keyOf(doc.source, doc.operationName);
    if (this.documents.has(key)) return;
    this.documents.set(key, {
      document: doc.document,
      operation: doc.operation,
      label: operationLabel(doc.document, doc.operationName),
      metricsName: doc.operation.name?.value ?? doc.operationName ?? undefined,
    });
  };

  /**
   * The lean front of the HTTP listener: true when it took the request (and answers it, or hands it to `next`, the
   * Express app, once it has read the body), false when the request goes to Express as it came.
   */
  front(
    apollo: ApolloServer<HubContext>,
    services: HubServices,
    guard: Guard,
    next: RequestListener,
  ): (req: IncomingMessage, res: ServerResponse) => boolean {
    const trusted = proxyAddr.compile(TRUST_PROXY);
    const bodyLimit = Math.min(byteSize.parse(services.config.bodyLimit) ?? MAX_LEAN_BODY, MAX_LEAN_BODY);
    const log = requestLog(
      services.log,
      (res) => (res as ServerResponse & { [REQUEST_ID]?: string })[REQUEST_ID] ?? '',
      (req) => arrivalOf(req)?.hr,
    );
    const noop = () => undefined;

    /** Through Apollo, for a lean request that needs more than the compiled path (the caller already admitted). */
    const viaApollo = async (
      req: IncomingMessage,
      res: ServerResponse,
      ctx: HubContext,
      body: Record<string, unknown>,
    ): Promise<void> => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body },
        context: async () => ctx,
      });
      // As the express integration and Express's res.send write it.
      for (const [name, value] of response.headers) res.setHeader(name, value);
      const status = response.status ?? 200;
      if (response.body.kind === 'complete') {
        const type = res.getHeader('content-type');
        const contentType =
          typeof type !== 'string'
            ? 'text/html; charset=utf-8'
            : /;\s*charset=/i.test(type)
              ? type
              : `${type}; charset=utf-8`;
        return sendJson(res, status, response.body.string, contentType);
      }
      res.statusCode = status;
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    };

    const answer = async (
      req: IncomingMessage,
      res: ServerResponse,
      doc: LeanDocument,
      body: Record<string, unknown>,
    ): Promise<void> => {
      const arrived = arrivalOf(req)!;
      const id = assignRequestId(req, res);
      (res as ServerResponse & { [REQUEST_ID]?: string })[REQUEST_ID] = id;
      log(req, res, noop);
      const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
      let principal: Principal | undefined;
      try {
        principal = await admitCaller(services, guard, req, res, proxyAddr(req, trusted), operationName, arrived.perf);
        if (!principal) return;
        try {
          // A lean document is a query, which needs no signature (only pushes may have to be signed).
          requireSignature(principal, { signature: undefined, certificate: undefined }, () => false);
        } catch (err) {
          if (!(err instanceof HubError)) throw err;
          return refuseSignature(services, res, err, operationName, arrived.perf);
        }
        const ctx = createContext(services, principal, id);
        bindResponse(ctx, res);
        const started = performance.now();
        const variables = isRecord(body.variables) ? body.variables : undefined;
        try {
          checkCost(
            this.schema,
            doc.document,
            variables,
            doc.operation.name?.value ?? null,
            services.config.limits.cost,
          );
        } catch {
          // Apollo checks it again and answers the error as it always has.
          return await viaApollo(req, res, ctx, body);
        }
        const data = await this.reads.answer(doc.document, doc.operation, variables, ctx);
        if (!data) return await viaApollo(req, res, ctx, body);
        noteRequest(res, { operation: doc.label });
        services.metrics?.request(doc.metricsName, 'ok', (performance.now() - started) / 1000);
        services.metrics?.leanRead();
        sendJson(res, 200, `${stringifyWithRaw({ data })}\n`);
      } catch (err) {
        if (!res.headersSent) sendUnexpected(services, res, id, err as { status?: number });
        else res.destroy();
      }
    };

    /** The body is in: answer it here, or hand it to Express as parsed. */
    const decide = (req: IncomingMessage, res: ServerResponse, text: string) => {
      let parsed: unknown;
      try {
        // The body parser drops a byte order mark, and takes only objects and arrays (its strict mode).
        parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        keepReadBody(req, parseFailure());
        return next(req, res);
      }
      if (typeof parsed !== 'object' || parsed === null) {
        keepReadBody(req, parseFailure());
        return next(req, res);
      }
      const b = parsed as Record<string, unknown>;
      const doc =
        !Array.isArray(b) &&
        typeof b.query === 'string' &&
        (b.operationName === undefined || b.operationName === null || typeof b.operationName === 'string') &&
        (b.variables === undefined || b.variables === null || isRecord(b.variables)) &&
        (b.extensions === undefined || b.extensions === null)
          ? this.documents.get(keyOf(b.query, typeof b.operationName === 'string' ? b.operationName : null))
          : undefined;
      if (!doc) {
        keepReadBody(req, { body: parsed });
        return next(req, res);
      }
      void answer(req, res, doc, b);
    };

    return (req, res) => {
      if (req.method !== 'POST' || req.url !== '/graphql' || this.documents.size === 0) return false;
      const h = req.headers;
      const length = Number(h['content-length']);
      const accept = h.accept;
      if (
        !(length > 0 && length <= bodyLimit) ||
        h['transfer-encoding'] !== undefined ||
        (h['content-encoding'] !== undefined && h['content-encoding'].toLowerCase() !== 'identity') ||
        !JSON_TYPE.test(h['content-type'] ?? '') ||
        // Browsers' requests keep their CORS answers and the pages' routes.
        h.origin !== undefined ||
        h[SIGNATURE_HEADER] !== undefined ||
        h[SIGNER_HEADER] !== undefined ||
        // Apollo answers JSON to these (others may get application/graphql-response+json).
        !(accept === undefined || accept === '*/*' || accept === 'application/json')
      )
        return false;
      markArrival(req);
      const chunks: Buffer[] = [];
      let done = false;
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.once('end', () => {
        if (done) return;
        done = true;
        decide(req, res, Buffer.concat(chunks).toString('utf8'));
      });
      const aborted = () => {
        if (done) return;
        done = true;
        // What the body parser reports for a body cut short (the client is gone; Express logs it).
        keepReadBody(req, {
          error: Object.assign(new Error('request aborted'), { status: 400, type: 'request.aborted' }),
        });
        next(req, res);
      };
      req.once('aborted', aborted);
      req.once('error', aborted);
      return true;
    };
  }
}
