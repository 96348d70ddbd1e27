import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/*
 * Browsers let any page open a WebSocket to any host and send the user's
 * cookies and ambient credentials along; CORS does not apply to the upgrade.
 * What a browser always sends is the page's Origin, so the hub decides by it:
 * a page of the hub's own origin or of one listed in HUB_CORS_ORIGINS may
 * connect, any other page may not. Programs (graphql-ws in Node, curl) send
 * no Origin and are not browsers: they are let through, and authenticate as
 * on any connection.
 */

/** Whether an upgrade request with this Origin (undefined: none sent) and Host may become a WebSocket. */
export function webSocketOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: ReadonlySet<string>,
): boolean {
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  // The hub's own origin: the Host the browser addressed, whose page it is. A sandboxed page's origin is "null".
  if (host === undefined) return false;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** Why a refused upgrade was refused, as the body of its answer. */
export const FOREIGN_ORIGIN_MESSAGE =
  'WebSocket connections from this origin are refused: a browser page may connect from the hub itself or from an origin in HUB_CORS_ORIGINS';

/** Refuses an upgrade request by the Origin it carries: 403 and the connection closed. */
export function refuseUpgrade(socket: Duplex, message: string = FOREIGN_ORIGIN_MESSAGE): void {
  const body = Buffer.from(message + '\n');
  socket.end(
    'HTTP/1.1 403 Forbidden\r\n' +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${body.length}\r\n\r\n` +
      body.toString(),
  );
}

/** The Origin header of an upgrade request, undefined when it has none. */
export function upgradeOrigin(req: IncomingMessage): string | undefined {
  const o = req.headers.origin;
  return typeof o === 'string' ? o : undefined;
}
