import { Socket } from 'node:net';
import type { RawData, WebSocket } from 'ws';

/**
 * The TCP socket under a `ws` WebSocket. `ws` keeps it in the undocumented
 * property `_socket`; this is the one place that reads it (the graphql-ws
 * binding corks it and reads its queued bytes). Undefined when the library no
 * longer has it there, which test/unit/ws-socket.test.ts notices.
 */
export function tcpSocketOf(ws: WebSocket): Socket | undefined {
  const raw = (ws as unknown as { _socket?: unknown })._socket;
  return raw instanceof Socket ? raw : undefined;
}

/**
 * The text of a `ws` message, whatever shape the socket's `binaryType` gives
 * it: one Buffer (the default), an ArrayBuffer, or a Buffer per fragment.
 */
export function messageText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString();
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  return Buffer.from(data).toString();
}
