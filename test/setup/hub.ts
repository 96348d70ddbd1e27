import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startHub, type Hub, type HubOptions } from '../../resolvers/app/hub';
import { loadConfig, type HubConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { ADMIN } from '../../src/auth/principal';
import { registerSourceSystem } from '../../src/systems/source-system.service';
import { createTestDatabase, type TestDatabase } from './db';
import type { TypedDocumentString } from '../gql/graphql';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestHub {
  hub: Hub;
  db: TestDatabase;
  /**
   * POSTs an operation to /graphql with an optional bearer key. An operation
   * written with graphql() (typed by codegen, test/gql) types its variables
   * and its answer; a plain string is for what the schema cannot type (the
   * hostile inputs, operations built at run time).
   */
  gql<R, V>(query: TypedDocumentString<R, V>, variables?: V, key?: string): Promise<GraphQLResponse<R>>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string,
  ): Promise<GraphQLResponse<T>>;
  /** Registers a source system directly and returns its API key. */
  system(code: string, regionCode?: string): Promise<string>;
  /** A graphql-ws client to this hub, with the admin key unless another (or '' for none) is given; closed by stop(). */
  ws(key?: string): WsClient;
  stop(): Promise<void>;
}

/**
 * Starts a real hub in-process on a free loopback port against a database of
 * its own (cloned from the migrated template). `stop()` closes everything and
 * drops the database.
 */
export async function startTestHub(
  overrides: Partial<HubConfig> = {},
  db?: TestDatabase,
  options: HubOptions = {},
): Promise<TestHub> {
  const database = db ?? (await createTestDatabase());
  const config = loadConfig(
    {},
    {
      databaseUrl: database.url,
      port: 0,
      host: '127.0.0.1',
      seed: false,
      adminKey: ADMIN_KEY,
      logLevel: 'silent',
      feedPollMs: 1000,
      // Tests that are not about access control read anonymously; test/e2e/access.test.ts runs with the product default
      // (none).
      publicOperations: ['marketEntity', 'marketEntities', 'sourceSystems'],
      ...overrides,
    },
  );
  const hub = await startHub(config, createLogger(config.logLevel), options);
  const clients: WsClient[] = [];
  return {
    hub,
    db: database,
    async gql(query: string | TypedDocumentString<unknown, never>, variables?: unknown, key?: string) {
      const res = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query: String(query), variables }),
      });
      const body = (await res.json()) as GraphQLResponse<never>;
      return { ...body, status: res.status };
    },
    async system(code, regionCode = '420000') {
      const { apiKey } = await registerSourceSystem(
        hub.services.orm.em.fork(),
        ADMIN,
        { code, name: `${code} 测试系统`, kind: 'GOVERNMENT', regionCode },
        hub.services.registry,
      );
      return apiKey;
    },
    ws(key = ADMIN_KEY) {
      const client = createClient({
        url: hub.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: key ? { authorization: `Bearer ${key}` } : undefined,
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
      await hub.close();
      if (!db) await database.drop();
    },
  };
}

/** Collects `count` events of a subscription, then completes it. */
export function collect<R, V>(
  client: WsClient,
  query: TypedDocumentString<R, V>,
  variables: V,
  count: number,
  timeoutMs?: number,
): Promise<R[]>;
export function collect<T>(
  client: WsClient,
  query: string,
  variables: Record<string, unknown>,
  count: number,
  timeoutMs?: number,
): Promise<T[]>;
export function collect<T>(
  client: WsClient,
  query: string | TypedDocumentString<unknown, never>,
  variables: unknown,
  count: number,
  timeoutMs = 30000,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${out.length} of ${count} events`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>(
      { query: String(query), variables: variables as Record<string, unknown> },
      {
        next: (v) => {
          if (out.length === count) return; // already resolved; late deliveries before the unsubscribe lands
          if (v.errors) {
            clearTimeout(timer);
            unsubscribe();
            reject(new Error(JSON.stringify(v.errors)));
            return;
          }
          out.push(v.data as T);
          if (out.length === count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(out);
          }
        },
        error: (e) => {
          clearTimeout(timer);
          const close = e as { code?: number; reason?: string };
          reject(
            e instanceof Error
              ? e
              : new Error(close.code ? `closed ${close.code} ${close.reason ?? ''}` : JSON.stringify(e)),
          );
        },
        complete: () => undefined,
      },
    );
  });
}
