// The module of GraphQLError alone, not graphql's index (the same class: the index re-exports this file): code that
// only throws, such as the `hub` command line, then loads a few small modules instead of all of graphql-js (some 130
// modules, 0.1 s).
import { GraphQLError } from 'graphql/error/GraphQLError';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';

/**
 * The stable error codes of the hub. They appear in `extensions.code` of every
 * GraphQL error and in `FieldError.code` of per-record push results; connected
 * systems branch on them, so a code is never renamed or reused.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  INTERNAL = 'INTERNAL',
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.LIMIT_EXCEEDED]: 400,
};

export interface HubErrorOptions {
  /** Dotted path of the offending input, e.g. `records.3.creditCode` or `first`. */
  field?: string;
  /** Extra machine-readable details, safe to show to the client. */
  details?: Record<string, unknown>;
  /** Override of the HTTP status for errors raised before execution. */
  httpStatus?: number;
}

/**
 * The one error type of the hub. Everything thrown as a HubError is safe to
 * show to clients: its message, code and field reach them unchanged. Any other
 * error is treated as a fault and replaced by {@link formatError}.
 */
export class HubError extends GraphQLError {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, options: HubErrorOptions = {}) {
    const status = options.httpStatus ?? HTTP_STATUS[code];
    super(message, {
      extensions: {
        code,
        ...(options.field ? { field: options.field } : {}),
        ...(options.details ?? {}),
        ...(status ? { http: { status } } : {}),
      },
    });
    this.code = code;
    this.field = options.field;
    this.name = 'HubError';
  }
}

/** Codes that graphql-js and Apollo assign to errors that are the client's own fault. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

function findHubError(err: unknown): HubError | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur instanceof HubError) return cur;
    cur = (cur as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Lets coded errors through and replaces every other error by a generic
 * INTERNAL error carrying an id that is written to the log beside the real
 * error, so that no stack trace, SQL or path ever reaches a client.
 * Used by Apollo's `formatError` and by the graphql-ws server alike.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: ErrorLogger,
  requestId?: string,
): GraphQLFormattedError {
  const hub = findHubError(error);
  if (hub) {
    const { http: _http, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return {
      message: hub.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...ext, code: hub.code },
    };
  }
  if (formatted.extensions?.limitExceeded) {
    const { stacktrace: _s, ...ext } = formatted.extensions as Record<string, unknown>;
    return { ...formatted, extensions: { ...ext, code: ErrorCode.LIMIT_EXCEEDED } };
  }
  const code = formatted.extensions?.code;
  const original = (error as { originalError?: unknown })?.originalError;
  if (
    typeof code === 'string' &&
    CLIENT_CODES.has(code) &&
    !(original && !(original instanceof GraphQLError) && code !== 'BAD_USER_INPUT')
  ) {
    const mapped =
      code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST'
        ? code
        : ErrorCode.BAD_USER_INPUT;
    const { stacktrace: _s, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: { ...ext, code: mapped } };
  }
  if (!code && error instanceof GraphQLError && !error.path && (!original || original instanceof GraphQLError)) {
    // Raised by graphql-js itself before execution (validation, variable
    // coercion), as graphql-ws hands it over: the message is about the client's input.
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  const errorId = requestId ?? randomUUID();
  log.error({ err: original ?? error, errorId, path: formatted.path }, 'unexpected error');
  return {
    message: `Internal error; quote id ${errorId} to the operators`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL, errorId },
  };
}
