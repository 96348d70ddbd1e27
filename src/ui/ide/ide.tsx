/*
 * The GraphiQL IDE the hub serves at GET /graphql to browsers, bundled with its editor (Monaco) and the editor's
 * workers by src/ui/build.ts: every asset comes from the hub. Operations go to the same origin, subscriptions over
 * graphql-ws on the same path, with the key of the headers editor.
 */
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import './ide.css';
import { getOperationAST, OperationTypeNode, parse, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Monaco's workers, built beside this file: the query language, JSON (variables, headers), the editor itself. */
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    if (label === 'graphql') return new Worker('/ide/graphql.worker.js');
    if (label === 'json') return new Worker('/ide/json.worker.js');
    return new Worker('/ide/editor.worker.js');
  },
};

const PLACEHOLDER = '<key>';

/**
 * What the address's fragment hands the page (`/graphql#key=…&query=…`, never sent to the server): a key for the
 * headers editor and an operation for the editor. Removed from the address bar at once.
 */
function fromFragment(): { key: string | null; query: string | null } {
  const params = new URLSearchParams(location.hash.slice(1));
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return { key: params.get('key'), query: params.get('query') };
}
const handed = fromFragment();

const DEFAULT_HEADERS = JSON.stringify({ Authorization: `Bearer ${handed.key ?? PLACEHOLDER}` }, null, 2);
const ENDPOINT = '/graphql';

type Fetcher = GraphiQLProps['fetcher'];

/** The headers to send: the placeholder key left as it is means none (the schema is readable without a key). */
function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (typeof value !== 'string' || value.includes(PLACEHOLDER)) continue;
    out[name] = value;
  }
  return out;
}

/** One graphql-ws client per Authorization value (a changed key opens a new connection). */
const clients = new Map<string, Client>();
function wsClient(authorization: string | undefined): Client {
  const id = authorization ?? '';
  let client = clients.get(id);
  if (!client) {
    client = createClient({
      url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${ENDPOINT}`,
      connectionParams: authorization ? { authorization } : {},
      lazy: true,
      retryAttempts: 3,
    });
    clients.set(id, client);
  }
  return client;
}

function isSubscription(query: string, operationName: string | null | undefined, document?: DocumentNode): boolean {
  try {
    return (
      getOperationAST(document ?? parse(query), operationName ?? undefined)?.operation ===
      OperationTypeNode.SUBSCRIPTION
    );
  } catch {
    return false;
  }
}

const fetcher: Fetcher = (params, options) => {
  const headers = headersOf(options?.headers);
  const authorization = Object.entries(headers).find(([n]) => n.toLowerCase() === 'authorization')?.[1];
  if (isSubscription(params.query, params.operationName, options?.documentAST)) {
    // Formatted errors (plain JSON) where GraphiQL's type says GraphQLError: it only displays them.
    return wsClient(authorization).iterate({
      query: params.query,
      variables: (params.variables as Record<string, unknown> | undefined) ?? undefined,
      operationName: params.operationName ?? undefined,
    }) as unknown as ReturnType<Fetcher>;
  }
  return fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify(params),
  }).then((res) => res.json() as Promise<Record<string, unknown>>);
};

const DEFAULT_QUERY = `# 湖北公共资源交易数据枢纽 GraphQL IDE (Hubei public-resource trading hub)
#
# 在下方“请求头 Headers”中把 <key> 换成您的 API 密钥。
# Replace <key> in the Headers below with your API key. 文档 Docs: the book icon on the left.

query Catalog {
  tradingCatalog {
    code
    name
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      initialQuery={handed.query ?? undefined}
      defaultHeaders={DEFAULT_HEADERS}
      initialHeaders={DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
