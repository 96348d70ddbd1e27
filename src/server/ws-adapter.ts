import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import { messageText, tcpSocketOf } from './ws-socket';

/** Bytes a connection may have queued before `send` waits for the socket to drain. */
const HIGH_WATER = 1 << 16;

const noop = (): void => undefined;

/**
 * Each shared result's `data` serialised once, not once per subscriber.
 * SharedExecutions hands every subscriber of a shape the same result object,
 * but graphql-ws serialises the whole `next` message per subscriber, payload
 * included. Its `jsonMessageReplacer` swaps a `next` message's payload for a
 * marker (a per-process random nonce no payload can guess), and `send` puts
 * the cached JSON text in the marker's place: the same bytes JSON.stringify
 * would have written.
 */
export class PayloadCache {
  private readonly marker = `hub-payload-${randomBytes(16).toString('hex')}`;
  private readonly quotedMarker = JSON.stringify(this.marker);
  private readonly texts = new WeakMap<object, string>();
  private pending: string | undefined;
  /** The message being serialised (the replacer sees it first, under the key ''): only its own payload is swapped. */
  private message: unknown;

  /** graphql-ws's jsonMessageReplacer (`this` is the object holding `key`). */
  readonly replacer = (holder: unknown, key: string, value: unknown): unknown => {
    if (key === '') {
      this.message = value;
      return value;
    }
    // Objects shaped like a message inside user data (a change's JSON) are data, never swapped.
    if (holder !== this.message) return value;
    const message = holder as { type?: unknown; id?: unknown } | null;
    if (
      key !== 'payload' ||
      message?.type !== 'next' ||
      typeof message.id !== 'string' ||
      !value ||
      typeof value !== 'object'
    )
      return value;
    const payload = value as Record<string, unknown>;
    const keys = Object.keys(payload);
    // Only the plain { data } of a result without errors or extensions; anything else is serialised as usual.
    if (keys.length !== 1 || keys[0] !== 'data' || !payload.data || typeof payload.data !== 'object') return value;
    let text = this.texts.get(payload.data);
    if (text === undefined) this.texts.set(payload.data, (text = `{"data":${JSON.stringify(payload.data)}}`));
    this.pending = text;
    return this.marker;
  };

  /**
   * The message with the payload JSON in place of its marker; call on every message graphql-ws sends, right as it sends
   * it.
   */
  splice(message: string): string {
    this.message = undefined;
    const text = this.pending;
    if (text === undefined) return message;
    this.pending = undefined;
    const at = message.indexOf(this.quotedMarker);
    return at < 0 ? message : message.slice(0, at) + text + message.slice(at + this.quotedMarker.length);
  }
}

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
): {
  dispose(): Promise<void>;
  /**
   * Writes a message to a connection now, outside graphql-ws (the broadcast path): false, and nothing written, when the
   * connection is not open or has {@link HIGH_WATER} bytes queued, so a slow reader is bounded as with `send`.
   */
  write(socket: WebSocket, message: string): boolean;
} {
  const payloads = new PayloadCache();
  const writers = new WeakMap<WebSocket, (message: string) => boolean>();
  const replacer = payloads.replacer;
  const server = makeServer({
    ...options,
    // stringifyMessage(msg, replacer) runs right before each socket.send: the payload is spliced back in `send`.
    jsonMessageReplacer(key, value) {
      return replacer(this, key, value);
    },
  });
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
    const ping =
      keepAliveMs > 0
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

    // The TCP socket under the WebSocket: corked for the rest of the turn on the first send.
    const raw = tcpSocketOf(socket);
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

    /** Writes now unless too much is queued; a failed write surfaces as 'error' and 'close', ending subscriptions. */
    const write = (data: string): boolean => {
      if (socket.readyState !== socket.OPEN || socket.bufferedAmount + (raw?.writableLength ?? 0) >= HIGH_WATER)
        return false;
      cork();
      socket.send(data, noop);
      return true;
    };
    writers.set(socket, write);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (message) => {
          const data = payloads.splice(message);
          if (socket.readyState !== socket.OPEN || write(data)) return Promise.resolve();
          cork();
          return new Promise<void>((resolve, reject) => socket.send(data, (err) => (err ? reject(err) : resolve())));
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) => {
          const receive = async (message: RawData) => {
            try {
              await handle(messageText(message));
            } catch (err) {
              log.error({ err }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          };
          // ws ignores what a listener returns; receive handles its own failures (logged, socket closed).
          socket.on('message', (message) => void receive(message));
        },
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
    write: (socket, message) => writers.get(socket)?.(message) ?? false,
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
