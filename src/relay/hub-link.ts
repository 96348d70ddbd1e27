import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A GraphQL error as the hub sends it. */
export class HubAnswerError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly rule: string | undefined,
  ) {
    super(message);
  }
}

type Result<T> = { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

function check<T>(r: Result<T>): T {
  if (r.errors?.length) {
    const e = r.errors[0];
    throw new HubAnswerError(
      e.message,
      e.extensions?.code as string | undefined,
      e.extensions?.rule as string | undefined,
    );
  }
  return r.data as T;
}

/**
 * What graphql-ws reports as a failure, as an Error: an array of GraphQL errors (the hub's code and rule kept), a
 * close event (its code and reason), or anything else.
 */
export function toError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (Array.isArray(err) && err.length) {
    const e = err[0] as { message?: string; extensions?: Record<string, unknown> };
    return new HubAnswerError(
      e.message ?? 'the hub refused the operation',
      e.extensions?.code as string | undefined,
      e.extensions?.rule as string | undefined,
    );
  }
  const close = err as { code?: number; reason?: string } | null;
  if (close && typeof close.code === 'number')
    return new Error(`connection closed ${close.code} ${close.reason ?? ''}`);
  return new Error(String(err));
}

/** The graphql-ws URL of a hub given as http(s) or ws(s). */
export function wsUrl(hub: string): string {
  return hub.replace(/^http/, 'ws');
}

/**
 * One graphql-ws connection to the hub with the consumer's key: the
 * subscription and the acknowledgements travel on it, so the hub knows that
 * they come from the connection holding the consumer's lease.
 */
export class HubLink {
  readonly client: Client;
  private closedBy?: (err: Error) => void;

  constructor(hub: string, key: string) {
    this.client = createClient({
      url: wsUrl(hub),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${key}` },
      // A lost connection ends this link: the relay starts over from the hub's checkpoint with a new one.
      retryAttempts: 0,
      // Connected from the start and kept while the link lives, between operations too (the lease's holder).
      lazy: false,
      keepAlive: 5000,
      on: {
        closed: (e) => this.closedBy?.(toError(e)),
      },
    });
  }

  /** Runs a query or mutation; throws HubAnswerError with the hub's code and rule. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const it = this.client.iterate<T>({ query, variables });
    for await (const r of it) return check(r as Result<T>);
    throw new Error('the hub completed the operation without an answer');
  }

  /** Subscribes; each result's data or error goes to `onData`/`onError`. Returns the function that ends it. */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    onData: (data: T) => void,
    onError: (err: Error) => void,
  ): () => void {
    return this.client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          try {
            onData(check(r as Result<T>));
          } catch (err) {
            onError(toError(err));
          }
        },
        error: (err) => onError(toError(err)),
        complete: () => onError(new Error('the hub ended the subscription')),
      },
    );
  }

  /** Calls `fn` when the connection closes. */
  onClosed(fn: (err: Error) => void): void {
    this.closedBy = fn;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
