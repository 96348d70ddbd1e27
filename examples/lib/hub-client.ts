/**
 * What the three examples share: where the hub is, how to authenticate, how to
 * send one GraphQL operation over HTTP, and how to turn every way that can fail
 * into one clear line and a non-zero exit status.
 *
 * Nothing here is specific to the hub's internals: a connected trading system
 * written in any language needs exactly these pieces (a URL, a bearer key, a
 * JSON POST, and a look at `errors[].extensions.code`).
 */
import type { TypedDocumentString } from '../gql/graphql';

/** Where `npm start` listens by default. */
export const DEFAULT_HUB_URL = 'http://127.0.0.1:4000/graphql';

/** An expected failure of an example: printed as one line, without a stack trace. */
export class ExampleError extends Error {
  override name = 'ExampleError';
}

/**
 * A GraphQL error as the hub sends it. `extensions.code` is one of the hub's
 * stable codes (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND,
 * CONFLICT, LIMIT_EXCEEDED, INTERNAL); `extensions.field` names the offending
 * argument when there is one. Branch on the code, never on the message.
 */
export interface HubGraphQLError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** The hub answered, but with errors instead of data (bad key, bad argument, limit...). */
export class HubRequestError extends ExampleError {
  override name = 'HubRequestError';

  constructor(
    readonly errors: readonly HubGraphQLError[],
    readonly httpStatus?: number,
  ) {
    super(formatGraphQLErrors(errors));
  }

  /** The code of the first error, e.g. UNAUTHENTICATED. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** "CODE: message (field)" for each error, joined by "; ". */
export function formatGraphQLErrors(errors: readonly HubGraphQLError[]): string {
  return errors
    .map((e) => {
      const code = e.extensions?.code ?? 'ERROR';
      const field = e.extensions?.field ? ` (${e.extensions.field})` : '';
      return `${code}: ${e.message}${field}`;
    })
    .join('; ');
}

/** The hub's address and the caller's key, as read from the environment. */
export interface HubEndpoint {
  /** http(s)://host:port/graphql */
  url: string;
  /** The API key of a registered system, when HUB_API_KEY is set. */
  apiKey?: string;
}

/**
 * Reads HUB_URL (default {@link DEFAULT_HUB_URL}) and HUB_API_KEY. Throws an
 * {@link ExampleError} naming the variable when HUB_URL is not an http(s) URL.
 */
export function hubEndpoint(env: NodeJS.ProcessEnv = process.env): HubEndpoint {
  const raw = env.HUB_URL?.trim() || DEFAULT_HUB_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ExampleError(`HUB_URL=${JSON.stringify(raw)} is not a URL; expected something like ${DEFAULT_HUB_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ExampleError(
      `HUB_URL must start with http:// or https:// (the WebSocket address is derived from it); got ${JSON.stringify(raw)}`,
    );
  }
  return { url: url.toString(), apiKey: env.HUB_API_KEY?.trim() || undefined };
}

/** The `Authorization` header value for a key: the hub takes `Bearer <key>` over HTTP and graphql-ws alike. */
export function bearer(apiKey: string): string {
  return `Bearer ${apiKey}`;
}

/**
 * The most useful part of a network error: undici's `fetch failed` hides the
 * reason in `cause`, and the `ws` package reports socket errors as an
 * ErrorEvent whose `message` (or `error`) says what happened.
 */
export function describeNetworkError(err: unknown): string {
  const e = err as
    { cause?: { code?: string; message?: string }; error?: { message?: string }; message?: unknown } | null | undefined;
  if (e?.cause?.message) return e.cause.message;
  if (e?.cause?.code) return e.cause.code;
  if (typeof e?.message === 'string' && e.message) return e.message;
  if (e?.error?.message) return e.error.message;
  return String(err);
}

/**
 * Sends one operation to the hub over HTTP (a JSON POST, as the GraphQL over
 * HTTP spec describes) and returns its typed `data`.
 *
 * Throws {@link HubRequestError} when the response carries GraphQL errors (the
 * whole operation failed: e.g. UNAUTHENTICATED, or LIMIT_EXCEEDED for a batch
 * above HUB_MAX_BATCH), and {@link ExampleError} when the hub cannot be
 * reached or does not answer with GraphQL. Per-record problems of a push are
 * not errors: they come back as data (`RecordResult`).
 */
export async function execute<TResult, TVariables>(
  endpoint: HubEndpoint,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json;q=0.9',
        ...(endpoint.apiKey ? { authorization: bearer(endpoint.apiKey) } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (err) {
    throw new ExampleError(
      `cannot reach the hub at ${endpoint.url}: ${describeNetworkError(err)} (is it running? see HUB_URL)`,
    );
  }
  const text = await res.text();
  let body: { data?: TResult | null; errors?: HubGraphQLError[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ExampleError(
      `${endpoint.url} answered HTTP ${res.status} without a GraphQL response: ${text.slice(0, 200)}`,
    );
  }
  if (body.errors?.length) throw new HubRequestError(body.errors, res.status);
  if (!res.ok || body.data === undefined || body.data === null) {
    throw new ExampleError(`${endpoint.url} answered HTTP ${res.status} with no data`);
  }
  return body.data;
}

/**
 * Runs an example's main function. Its result is the exit status; an
 * {@link ExampleError} is printed as `<name>: <message>` on stderr with exit
 * status 1, anything else (a bug) with its stack trace.
 */
export function runExample(name: string, main: () => Promise<number | void>): void {
  main().then(
    (status) => {
      process.exitCode = status ?? 0;
    },
    (err: unknown) => {
      console.error(
        `${name}: ${err instanceof ExampleError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      process.exitCode = 1;
    },
  );
}
