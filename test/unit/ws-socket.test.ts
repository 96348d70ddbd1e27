import { Socket } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { tcpSocketOf } from '../../src/server/ws-socket';

/*
 * The graphql-ws binding reaches under `ws` for the TCP socket (an undocumented
 * property). If a new `ws` keeps it elsewhere, this fails before the binding
 * silently stops corking and reading the queued bytes.
 */
describe('the TCP socket under a ws WebSocket', () => {
  let server: WebSocketServer;
  let client: WebSocket | undefined;

  beforeAll(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(async () => {
    client?.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is found on both ends of an open connection, and is the connection', async () => {
    const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    client = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`);
    await new Promise((resolve) => client!.once('open', resolve));
    const serverSide = await accepted;
    const ours = tcpSocketOf(client);
    const theirs = tcpSocketOf(serverSide);
    expect(ours).toBeInstanceOf(Socket);
    expect(theirs).toBeInstanceOf(Socket);
    expect(theirs!.remotePort).toBe(ours!.localPort);
    expect(typeof ours!.cork).toBe('function');
    expect(typeof ours!.writableLength).toBe('number');
  });
});
