import { startTestHub, type TestHub } from '../setup/hub';

/** The browser pages over plain HTTP: who gets the IDE, the dashboard's files, the policy that keeps them local. */
describe('the IDE and the dashboard pages', () => {
  let t: TestHub;
  let origin: string;
  beforeAll(async () => {
    t = await startTestHub();
    origin = new URL(t.hub.url).origin;
  });
  afterAll(() => t.stop());

  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  it('gives a browser at /graphql the GraphiQL page, under a policy that allows only the hub itself', async () => {
    const res = await fetch(t.hub.url, { headers: { accept: BROWSER } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('/ide/ide.js');
    expect(html).not.toMatch(/https?:\/\//);
    // Its assets: served by the hub.
    for (const asset of [
      '/ide/ide.js',
      '/ide/ide.css',
      '/ide/graphql.worker.js',
      '/ide/json.worker.js',
      '/ide/editor.worker.js',
    ]) {
      const a = await fetch(origin + asset);
      expect([asset, a.status]).toEqual([asset, 200]);
      await a.arrayBuffer();
    }
  });

  it('still answers GraphQL requests at /graphql', async () => {
    const get = await fetch(`${t.hub.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves the dashboard and its files', async () => {
    const res = await fetch(`${origin}/dashboard`, { headers: { accept: BROWSER } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('交易监管看板');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/dashboard/dashboard.js', '/dashboard/dashboard.css']) {
      const a = await fetch(origin + asset);
      expect([asset, a.status]).toEqual([asset, 200]);
      await a.arrayBuffer();
    }
  });

  it('serves no IDE with HUB_IDE=false', async () => {
    const off = await startTestHub({ ide: false }, t.db);
    try {
      const res = await fetch(off.hub.url, { headers: { accept: BROWSER } });
      expect(res.headers.get('content-type')).not.toMatch(/^text\/html/);
      // Nor Apollo's landing page, which would load Sandbox from a CDN.
      expect(await res.text()).not.toMatch(/sandbox|embeddable|cdn\./i);
      expect((await fetch(`${new URL(off.hub.url).origin}/ide/ide.js`)).status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});
