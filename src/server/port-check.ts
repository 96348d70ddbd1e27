import { createServer } from 'node:net';

/** The hub's HTTP port cannot be had: the message is the whole story (no stack trace). */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'PortInUseError';
  }
}

/** The error of a failed listen on `port` as the operator should read it, or undefined for an unexpected one. */
export function listenProblem(err: unknown, port: number, host: string): PortInUseError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new PortInUseError(port, host, `port ${port} is in use; set PORT`);
  if (code === 'EACCES')
    return new PortInUseError(port, host, `port ${port} may not be used by this user (below 1024?); set PORT`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new PortInUseError(port, host, `HOST ${host} is not an address of this machine; set HOST`);
  return undefined;
}

/**
 * Checks, by listening on it a moment, that the hub's HTTP port is free on `host`: done before the embedded
 * PostgreSQL starts and the migrations run, so that a port in use is said in one line at once. Port 0 (any free
 * port) is always free. Another process may still take it before the hub listens; that listen says the same.
 */
export function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', (err) => reject(listenProblem(err, port, host) ?? err));
    s.listen({ port, host, exclusive: true }, () => s.close(() => resolve()));
  });
}
