/**
 * The peer of the read bench: PostGraphile v4 as its documentation's production
 * settings run it, on the bench database. Installed into bench/peer/node_modules
 * by the peer scenario (bench/scenarios/peer.ts), never a dependency of the hub:
 * loaded with a require rooted in bench/peer. Prints "listening <port>".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../lib/env';

type Handler = (req: unknown, res: unknown) => void;
const peer = createRequire(join(ROOT, 'bench', 'peer', 'package.json'));
const { postgraphile } = peer('postgraphile') as {
  postgraphile: (url: string, schema: string, options: Record<string, unknown>) => Handler;
};
const simplify = peer('@graphile-contrib/pg-simplify-inflector') as unknown;

const handler = postgraphile(process.env.DATABASE_URL!, 'public', {
  appendPlugins: [simplify],
  // Production: no GraphiQL, no schema watching, no query log, no stack traces.
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  showErrorStack: false,
  extendedErrors: [],
  // JSON columns answered as JSON (as the hub's JSONObject), functions' rows never null.
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  // The database's grants decide what is exposed (the bench connects as the owner: everything).
  ignoreRBAC: false,
  ignoreIndexes: true,
  legacyRelations: 'omit',
  enableQueryBatching: false,
  retryOnInitFail: false,
});

const server = createServer(handler);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
