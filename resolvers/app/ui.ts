import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/common/paths';
import type { HubConfig } from '../../src/config';

/** Where `npm run build` writes the browser pages (src/ui/build.ts): ide/ and dashboard/. */
export function uiFolder(): string {
  return join(projectRoot(), 'dist', 'ui');
}

/**
 * What the hub's own pages may load: only from the hub (scripts, styles, fonts, workers, fetch and WebSocket to the
 * same origin). Monaco, the IDE's editor, sets styles inline and builds a few of them at run time.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const pageHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  next();
};

/** Static files, revalidated on every load (names carry no hash): a new build is seen at once. */
const files = (folder: string) =>
  express.static(folder, { index: 'index.html', cacheControl: true, maxAge: 0, etag: true, redirect: false });

/** A browser asking for /graphql as a page (Accept: text/html before JSON), not a GraphQL GET request. */
export function wantsPage(req: express.Request): boolean {
  return (
    req.method === 'GET' &&
    req.query.query === undefined &&
    req.accepts(['application/json', 'text/html']) === 'text/html'
  );
}

/**
 * The hub's browser pages, every asset served by the hub itself (intranets have no internet): the GraphiQL IDE at GET
 * /graphql for browsers (its assets under /ide/; HUB_IDE=false turns it off) and the supervision dashboard at
 * /dashboard. Returns the handler for GET /graphql, to be mounted before GraphQL's own.
 */
export function mountPages(app: express.Express, config: HubConfig): RequestHandler {
  const root = uiFolder();
  const ide = join(root, 'ide');
  const dashboard = join(root, 'dashboard');
  const missing = (what: string): RequestHandler => {
    return (_req, res) => {
      res.status(503).type('text/plain').send(`The ${what} is not built: run npm run build.\n`);
    };
  };
  const page = (folder: string, what: string): RequestHandler => {
    const index = join(folder, 'index.html');
    return (_req, res) => {
      if (!existsSync(index)) return missing(what)(_req, res, () => undefined);
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    };
  };
  if (config.ide) app.use('/ide', pageHeaders, files(ide));
  app.get(['/dashboard', '/dashboard/'], pageHeaders, page(dashboard, 'dashboard'));
  app.use('/dashboard', pageHeaders, files(dashboard));
  const idePage = page(ide, 'IDE');
  return (req, res, next) => {
    if (!config.ide || req.path !== '/' || !wantsPage(req)) return next();
    pageHeaders(req, res, () => idePage(req, res, next));
  };
}
