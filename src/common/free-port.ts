import { createServer } from 'node:net';

/**
 * A TCP port free on the loopback interface right now (the kernel's choice
 * for port 0), for a server started next: the tests' and the bench's embedded
 * PostgreSQL and hubs. Another process may take it in between; callers that
 * cannot retry should listen on port 0 themselves.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
