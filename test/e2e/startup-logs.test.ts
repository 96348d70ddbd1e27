import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../../src/common/free-port';
import { spawnHub, tempDataDir, type HubProcess } from '../setup/process';

/*
 * What an operator sees of `npm start` (dist/resolvers/app/main.js, a process
 * of its own on embedded PostgreSQL): the checks before PostgreSQL starts, one
 * log line per request, readable lines at a terminal and a quiet Ctrl-C.
 * Every process and folder is removed after the file even when a test fails
 * (test/setup/environment.js); the Ctrl-C test kills its own process group.
 */

const ADMIN = 'startup-admin-key-0123456789abcdef';
const MAIN = join(__dirname, '..', '..', 'dist', 'resolvers', 'app', 'main.js');

/** Polls `find` every 20 ms until it returns something; fails with `what` after `ms`. */
async function until<T>(what: string, find: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('npm start', () => {
  let first: HubProcess;
  let dir: string;

  beforeAll(async () => {
    dir = tempDataDir('hub-startup-');
    first = await spawnHub({ HUB_DATA_DIR: dir, HUB_PG_PORT: String(await freePort()), HUB_ADMIN_KEY: ADMIN });
  });
  afterAll(async () => {
    expect(await first.stop('SIGTERM')).toBe(0);
  });

  it('says that the data folder is held when a second hub starts on it with the same PORT', async () => {
    const port = new URL(first.url).port;
    await expect(
      spawnHub({ HUB_DATA_DIR: dir, HUB_PG_PORT: String(await freePort()), PORT: port, HUB_ADMIN_KEY: ADMIN }),
    ).rejects.toThrow(
      `hub exited with 1 before listening: hub failed to start: HUB_DATA_DIR ${dir} is in use: the hub process ${first.child.pid} runs its embedded PostgreSQL`,
    );
  });

  it('says in one line that the HTTP port is in use, before PostgreSQL is even initialised', async () => {
    const port = new URL(first.url).port;
    const other = tempDataDir('hub-startup-port-');
    const second = spawnHub({ HUB_DATA_DIR: other, HUB_PG_PORT: String(await freePort()), PORT: port });
    await expect(second).rejects.toThrow(
      new RegExp(`^hub exited with 1 before listening: hub failed to start: port ${port} is in use; set PORT\\n$`),
    );
    expect(existsSync(join(other, 'PG_VERSION'))).toBe(false);
  });

  it('logs one line per HTTP request: request id, operation, principal, status, duration', async () => {
    const post = (body: unknown, headers: Record<string, string>) =>
      fetch(first.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const named = await post(
      { query: 'query Count { marketEntities(first: 1) { totalCount } }', operationName: 'Count' },
      { authorization: `Bearer ${ADMIN}`, 'x-request-id': 'startup-log-named' },
    );
    expect(named.status).toBe(200);
    const anonymous = await post({ query: '{ sourceSystems { code } }' }, { 'x-request-id': 'startup-log-anon' });
    expect(anonymous.status).toBe(401);
    const badKey = await post(
      { query: '{ sourceSystems { code } }' },
      { authorization: 'Bearer hub_not-a-key', 'x-request-id': 'startup-log-bad' },
    );
    expect(badKey.status).toBe(401);
    const line = (id: string) =>
      until(`the line of ${id}`, () => first.logs.find((l) => l.msg === 'request' && l.requestId === id));
    expect(await line('startup-log-named')).toMatchObject({
      level: 30,
      operation: 'Count',
      principal: 'admin',
      status: 200,
      transport: 'http',
      ms: expect.any(Number),
    });
    expect(await line('startup-log-anon')).toMatchObject({
      operation: 'query sourceSystems',
      principal: 'anonymous',
      status: 401,
    });
    // Refused before GraphQL ran: no operation, no principal, still a line.
    expect(await line('startup-log-bad')).toMatchObject({ operation: null, principal: null, status: 401 });
    expect(first.logs.filter((l) => l.requestId === 'startup-log-named' && l.msg === 'request')).toHaveLength(1);
  });

  it('logs one line per graphql-ws operation when it ends', async () => {
    const client = createClient({
      url: first.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ADMIN}` },
      retryAttempts: 0,
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        let value: unknown;
        client.subscribe(
          { query: 'query OverWs { marketEntities(first: 1) { totalCount } }', operationName: 'OverWs' },
          { next: (v) => (value = v), error: reject, complete: () => resolve(value) },
        );
      });
      expect(result).toEqual({ data: { marketEntities: { totalCount: 0 } } });
      const refused = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: '{ nope }' },
          { next: () => undefined, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(refused).toEqual([expect.objectContaining({ message: expect.stringContaining('nope') })]);
    } finally {
      await client.dispose();
    }
    const ws = await until('two ws lines', () => {
      const lines = first.logs.filter((l) => l.msg === 'request' && l.transport === 'ws');
      return lines.length >= 2 ? lines : undefined;
    });
    expect(ws).toEqual([
      expect.objectContaining({
        operation: 'OverWs',
        principal: 'admin',
        status: 'complete',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
      expect.objectContaining({ operation: 'query nope', principal: 'admin', status: 'error' }),
    ]);
  });
});

describe('npm start at a terminal', () => {
  it('prints readable lines with HUB_LOG_PRETTY=true, and Ctrl-C (SIGINT to the whole process group) stops it quietly', async () => {
    const dir = tempDataDir('hub-startup-pretty-');
    // Its own process group, as a shell gives a command: Ctrl-C signals the hub and its PostgreSQL alike.
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        PORT: '0',
        HUB_SEED: 'false',
        HUB_DATA_DIR: dir,
        HUB_PG_PORT: String(await freePort()),
        HUB_LOG_PRETTY: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const listening = await until('hub listening', () => lines.find((l) => l.includes('hub listening')), 90_000);
      expect(listening).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: hub listening \{"url":"http:\/\/127\.0\.0\.1:\d+\/graphql"\}$/,
      );
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
      const out = lines.join('\n');
      expect(out).toContain('INFO: shutting down');
      expect(out).toContain('INFO: hub stopped');
      expect(out).not.toMatch(/LISTEN connection lost|stopped unexpectedly|feed tail read failed|WARN|ERROR/);
      expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
      expect(stderr).toBe('');
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
