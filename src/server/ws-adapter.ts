import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';

/** Bytes a connection may have queued before `send` waits for the socket to drain. */
const HIGH_WATER = 1 << 20;

/**
 * graphql-ws's server (`makeServer`) on the `ws` library, in place of the
 * package's own `graphql-ws/use/ws` binding. The difference is how messages
 * leave: that binding resolves each `send` only when its frame has been
 * written, so a subscriber receives one frame per event-loop turn and one
 * write system call per event (profiling a replay put a third of the hub's
 * time in those calls). Here every frame sent in the same turn is corked into
 * one write, and `send` waits for the socket only when more than
 * {@link HIGH_WATER} bytes are queued, so a slow reader still holds its
 * subscription back (the change stream then falls back to the table) instead
 * of growing memory. Keep-alive pings, protocol negotiation and close codes
 * are as in graphql-ws's binding.
 */
export function serveGraphqlWs<E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<Record<string, unknown> | undefined, E & { socket: WebSocket; request: IncomingMessage }>,
  wss: WebSocketServer,
  log: Logger,
  keepAliveMs = 12_000,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wss.options.handleProtocols = handleProtocols;
  wss.once('error', (err) => {
    log.error({ err }, 'WebSocket server error');
    for (const client of wss.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.once('error', (err) => {
      log.warn({ err }, 'WebSocket connection error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });

    let pongWait: NodeJS.Timeout | null = null;
    const ping = keepAliveMs > 0
      ? setInterval(() => {
          if (socket.readyState !== socket.OPEN) return;
          pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
          socket.once('pong', () => {
            if (pongWait) clearTimeout(pongWait);
            pongWait = null;
          });
          socket.ping();
        }, keepAliveMs)
      : null;

    // The TCP socket under the WebSocket (ws keeps it as `_socket`): corked for the rest of the turn on the first send.
    const raw = (socket as unknown as { _socket?: Socket })._socket;
    let corked = false;
    const cork = () => {
      if (corked || !raw || raw.destroyed) return;
      corked = true;
      raw.cork();
      setImmediate(() => {
        corked = false;
        if (!raw.destroyed) raw.uncork();
      });
    };

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== socket.OPEN) return Promise.resolve();
          cork();
          if (socket.bufferedAmount + (raw?.writableLength ?? 0) < HIGH_WATER) {
            // A failed write surfaces as the socket's 'error' and 'close', which end its subscriptions.
            socket.send(data, () => undefined);
            return Promise.resolve();
          }
          return new Promise<void>((resolve, reject) => socket.send(data, (err) => (err ? reject(err) : resolve())));
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (message) => {
            try {
              await handle(String(message));
            } catch (err) {
              log.error({ err }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request } as E & { socket: WebSocket; request: IncomingMessage },
    );

    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      if (ping) clearInterval(ping);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
