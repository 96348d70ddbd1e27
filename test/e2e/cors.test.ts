import WebSocket from 'ws';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';

/**
 * CORS (HUB_CORS_ORIGINS): pages on the listed origins may call /graphql from a browser, preflights included; any
 * other origin gets no CORS header, and Apollo's CSRF prevention still refuses the requests a foreign page can send
 * without a preflight.
 */
describe('CORS', () => {
  const ALLOWED = 'https://wall.example.org';
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ corsOrigins: [ALLOWED, 'http://127.0.0.1:9'] });
  });
  afterAll(() => t.stop());

  const preflight = (origin: string, headers = 'authorization, content-type') =>
    fetch(t.hub.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
    });

  it('answers a preflight from a listed origin with what it may send', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'content-type']),
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives an origin not listed no CORS header, so the browser refuses the call', async () => {
    const res = await preflight('https://evil.example.org');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.status).not.toBe(204);
    const post = await fetch(t.hub.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example.org', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a listed origin call with its key and read the request id', async () => {
    const res = await fetch(t.hub.url, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ query: '{ principals { name } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(((await res.json()) as { data: unknown }).data).toEqual({ principals: expect.any(Array) });
  });

  it('keeps the CSRF prevention for requests sent without a preflight', async () => {
    // A simple request (no preflight in a browser) from any origin, the listed one included: Apollo refuses it.
    for (const origin of [ALLOWED, 'https://evil.example.org']) {
      const res = await fetch(`${t.hub.url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { origin, accept: 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/CSRF/);
    }
  });

  it('answers no cross-origin call by default', async () => {
    const plain = await startTestHub();
    try {
      const res = await fetch(plain.hub.url, {
        method: 'OPTIONS',
        headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await plain.stop();
    }
  });

  /** Opens a graphql-ws socket with this Origin (none: a program's), and says how the upgrade was answered. */
  const upgrade = (origin: string | undefined) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const ws = new WebSocket(t.hub.wsUrl, 'graphql-transport-ws', origin === undefined ? {} : { origin });
      ws.once('open', () => {
        ws.close();
        resolve({ status: 101, body: '' });
      });
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      ws.once('error', (err) => {
        if (!/Unexpected server response/.test(err.message)) reject(err);
      });
    });

  it('refuses a WebSocket from a browser page on an origin not listed, and lets the others connect', async () => {
    const foreign = await upgrade('https://evil.example.org');
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatch(/HUB_CORS_ORIGINS/);
    expect((await upgrade('null')).status).toBe(403);
    // Listed, the hub's own (its IDE and dashboard), and a program that sends no Origin.
    expect((await upgrade(ALLOWED)).status).toBe(101);
    expect((await upgrade(new URL(t.hub.url).origin)).status).toBe(101);
    expect((await upgrade(undefined)).status).toBe(101);
  });
});
