import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { projectRoot } from '../../src/common/paths';
import { until } from '../setup/crash';
import { ADMIN_KEY, startTestHub, type TestHub } from '../setup/hub';
import { parties, project, push } from '../setup/trading';

/** Where the screenshots go (kept after the run, for a look and for the README's pictures). */
const OUTPUT = join(projectRoot(), 'test-results', 'browser');

/** Debian's chromium (.ci/run installs it), or the browser CHROMIUM_PATH names. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('chromium is not installed: apt-get install chromium fonts-wqy-microhei (as .ci/run does)');
  }
}

/** Waits until `expression`, evaluated in the page, is true (strings: the page's DOM is not this program's). */
const waitFor = (page: Page, expression: string, timeout: number) => page.waitForFunction(expression, { timeout });

/** True in the page once the list of recent changes names `key`. */
const changeShown = (key: string) =>
  `[...document.querySelectorAll('#changes li')].some((li) => li.textContent.includes(${JSON.stringify(key)}))`;

interface Totals {
  projectCount: number;
  sectionCount: number;
}

/**
 * The IDE and the dashboard in a real browser (Debian's chromium driven by puppeteer-core): the dashboard with a
 * DASHBOARD key shows the figures of tradingStatistics, follows pushes live, says when a key is refused; the IDE runs
 * a query; and no request of either page leaves the hub's origin.
 */
describe('the browser pages', () => {
  let t: TestHub;
  let browser: Browser;
  let origin: string;
  let dashboardKey: string;
  let systemKey: string;
  /** Every URL the pages asked for, WebSockets included. */
  const requested: string[] = [];
  /** The pages opened by the current test: closed after it, passed or failed. */
  const pages: Page[] = [];
  /** Every WebSocket message the pages sent. */
  const sent: string[] = [];

  const client = async (name: string, roles: string, extra = '') => {
    const r = await t.gql<{ createClient: { apiKey: string } }>(
      `mutation { createClient(input: { name: "${name}", roles: [${roles}] ${extra} }) { apiKey } }`,
      undefined,
      ADMIN_KEY,
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.createClient.apiKey;
  };

  async function open(path: string, context?: BrowserContext): Promise<Page> {
    const page = await (context ?? browser).newPage();
    pages.push(page);
    await page.setViewport({ width: 1280, height: 900 });
    page.on('request', (r) => requested.push(r.url()));
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketCreated', (e) => requested.push(e.url));
    cdp.on('Network.webSocketFrameSent', (e) => sent.push(e.response.payloadData));
    await page.goto(origin + path, { waitUntil: 'domcontentloaded' });
    return page;
  }

  const statistics = async (groupBy: string) => {
    const r = await t.gql<{ tradingStatistics: (Totals & { category: { code: string } | null })[] }>(
      `{ tradingStatistics(groupBy: [${groupBy}]) { category { code } projectCount sectionCount } }`,
      undefined,
      dashboardKey,
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.tradingStatistics;
  };

  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    t = await startTestHub({ seed: true, rateLimit: 1_000_000, rateBurst: 1_000_000 });
    origin = new URL(t.hub.url).origin;
    // A supervisor's key: the figures (DASHBOARD) and the changes of the data topics (FEED_CONSUMER).
    dashboardKey = await client(
      'browser-wall',
      'DASHBOARD, FEED_CONSUMER',
      'readTopics: [MARKET_ENTITY, TRADING_PROJECT, ANNOUNCEMENT, BID, BID_OPENING, EVALUATION, AWARD, CONTRACT]',
    );
    systemKey = await t.system('BROWSER-SYS');
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      // As root (CI machines) chromium needs --no-sandbox; the pages are the hub's own.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN'],
    });
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) if (!page.isClosed()) await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the figures of tradingStatistics and follows a push within 2 s', async () => {
    const page = await open(`/dashboard#key=${encodeURIComponent(dashboardKey)}`);
    await page.waitForSelector('#status[data-state="live"]', { timeout: 30_000 });
    // The key left the address bar at once.
    expect(page.url()).toBe(`${origin}/dashboard`);

    const [total] = await statistics('');
    await waitFor(page, `document.getElementById('total-projects').textContent === '${total.projectCount}'`, 10_000);
    expect(await text(page, '#total-sections')).toBe(String(total.sectionCount));
    const byCategory = await statistics('CATEGORY');
    expect(byCategory.length).toBeGreaterThan(1);
    await waitFor(
      page,
      `document.querySelectorAll('#table-category tr[data-id]').length === ${byCategory.length}`,
      10_000,
    );
    const shown: unknown = await page.evaluate(
      `Object.fromEntries([...document.querySelectorAll('#table-category tr[data-id]')].map((r) => [r.dataset.id, Number(r.children[1].textContent)]))`,
    );
    expect(shown).toEqual(Object.fromEntries(byCategory.map((r) => [r.category!.code, r.projectCount])));
    // The systems and the latest changes (the demo's pushes).
    await page.waitForSelector('#systems tr[data-code="BROWSER-SYS"]');
    await page.waitForSelector('#changes li');
    await page.screenshot({ path: join(OUTPUT, 'dashboard.png') });

    // The system has not pushed yet; its first push shows, within 2 s, as the hub records it (SourceSystem.lastPushAt).
    const lastPush = `document.querySelector('#systems tr[data-code="BROWSER-SYS"] .last-push')`;
    expect(await page.evaluate(`${lastPush}.dataset.at ?? null`)).toBeNull();
    expect(await page.evaluate(`${lastPush}.textContent`)).toMatch(/从未推送/);
    const p = await parties(t, systemKey, 1, 9100);
    await waitFor(page, `${lastPush}.dataset.at !== undefined`, 2_000);
    const systems = await t.gql<{ sourceSystems: { code: string; lastPushAt: string | null }[] }>(
      '{ sourceSystems { code lastPushAt } }',
      undefined,
      dashboardKey,
    );
    const recorded = systems.data!.sourceSystems.find((s) => s.code === 'BROWSER-SYS')!.lastPushAt;
    expect(recorded).not.toBeNull();
    expect(await page.evaluate(`${lastPush}.dataset.at`)).toBe(recorded);

    // A new project: the totals and the list of changes follow within 2 s of the push.
    await waitFor(page, changeShown(p.tenderer), 5_000);
    const started = Date.now();
    const pushed = await push(t, systemKey, 'pushTradingProjects', 'TradingProjectInput', [project('BROWSER-P1', p)]);
    expect(pushed.accepted).toBe(1);
    await waitFor(page, `document.getElementById('total-projects').textContent === '${total.projectCount + 1}'`, 2_000);
    await waitFor(page, changeShown('BROWSER-P1'), 2_000);
    console.log(`dashboard: a pushed project shown ${Date.now() - started} ms after the push was sent`);
    expect(await text(page, '#total-sections')).toBe(String(total.sectionCount + 2));
    // Sections the hub does not have yet say so plainly.
    expect(await text(page, '#findings-note')).toMatch(/尚不可用|No warnings|暂无预警/);
    expect(await text(page, '#relays-note')).toMatch(/尚不可用|No relays|没有中继/);
    await page.close();
  });

  it('says plainly when the key is refused', async () => {
    const page = await open('/dashboard#key=hub_not-a-key');
    await page.waitForSelector('#status[data-state="refused"]', { timeout: 10_000 });
    expect(await text(page, '#status')).toContain('密钥被拒绝 Key refused');
    // The form is back for another key.
    expect(await page.evaluate(`getComputedStyle(document.getElementById('key-form')).display`)).not.toBe('none');
    await page.screenshot({ path: join(OUTPUT, 'dashboard-refused.png') });
    await page.close();
    // A valid key without the role for the figures (DASHBOARD or INTEGRATOR) is refused too, and says why.
    const reader = await client('browser-consumer', 'FEED_CONSUMER', 'readTopics: [MARKET_ENTITY]');
    const other = await open(`/dashboard#key=${encodeURIComponent(reader)}`);
    await other.waitForSelector('#status[data-state="refused"]', { timeout: 10_000 });
    expect(await text(other, '#status')).toContain('DASHBOARD');
    await other.close();
  });

  it('runs a query in the IDE at /graphql', async () => {
    const page = await open(`/graphql#key=${encodeURIComponent(dashboardKey)}`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });
    // The headers editor holds the key handed in the fragment.
    await waitFor(
      page,
      `document.querySelector('.graphiql-editor-tool')?.textContent?.includes('Authorization')`,
      30_000,
    );
    await page.click('.graphiql-execute-button');
    await waitFor(
      page,
      `document.querySelector('.graphiql-response')?.textContent?.includes('tradingCatalog')`,
      30_000,
    );
    expect(await text(page, '.graphiql-response')).not.toContain('UNAUTHENTICATED');
    // The docs explorer shows the schema's descriptions, Chinese and English.
    await page.click('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]');
    await waitFor(page, `document.querySelector('.graphiql-doc-explorer')?.textContent?.includes('Query')`, 30_000);
    await page.screenshot({ path: join(OUTPUT, 'ide.png') });
    await page.close();
  });

  it('runs a subscription in the IDE over graphql-ws', async () => {
    // A fresh profile: GraphiQL keeps its tabs in the browser's storage.
    const context = await browser.createBrowserContext();
    try {
      const query = 'subscription Live { tradingStatisticsChanged(groupBy: []) { cursor rows { projectCount } } }';
      const page = await open(
        `/graphql#key=${encodeURIComponent(dashboardKey)}&query=${encodeURIComponent(query)}`,
        context,
      );
      await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });
      const sockets = sent.length;
      await page.click('.graphiql-execute-button');
      await waitFor(
        page,
        `document.querySelector('.graphiql-response')?.textContent?.includes('projectCount')`,
        30_000,
      );
      expect(await text(page, '.graphiql-response')).toContain('tradingStatisticsChanged');
      // It went over the WebSocket with the key of the headers editor.
      const init = sent
        .slice(sockets)
        .map((m) => JSON.parse(m) as { type: string; payload?: { authorization?: string } })
        .find((m) => m.type === 'connection_init');
      expect(init?.payload?.authorization).toBe(`Bearer ${dashboardKey}`);
      await page.close();
    } finally {
      await context.close();
    }
  });

  it('says when the hub is gone, and resumes the changes from its last cursor when it is back', async () => {
    const page = await open(`/dashboard#key=${encodeURIComponent(dashboardKey)}`);
    await page.waitForSelector('#status[data-state="live"]', { timeout: 30_000 });
    await page.waitForSelector('#changes li');
    const lastSeq = String(await page.evaluate(`document.querySelector('#changes li').dataset.seq`));
    const { port } = t.hub;
    await t.hub.close();
    await page.waitForSelector('#status[data-state="offline"]', { timeout: 10_000 });
    expect(await text(page, '#status')).toMatch(/^离线.*Offline/);
    await page.screenshot({ path: join(OUTPUT, 'dashboard-offline.png') });

    // The same hub again (same port, same database): the page reconnects by itself.
    const before = sent.length;
    const again = await startTestHub({ port, rateLimit: 1_000_000, rateBurst: 1_000_000 }, t.db);
    try {
      await page.waitForSelector('#status[data-state="live"]', { timeout: 30_000 });
      await waitFor(page, `document.getElementById('total-projects').textContent !== '–'`, 10_000);
      // The page subscribes to statistics and changes separately: "live" may come before the changes subscription.
      const resumedChanges = () =>
        sent
          .slice(before)
          .map((m) => JSON.parse(m) as { type: string; payload?: { query: string; variables?: { after?: string } } })
          .filter((m) => m.type === 'subscribe' && m.payload?.query.includes('changes('));
      await until('the changes subscription sent again', () => resumedChanges().length > 0, 10_000);
      const resumed = resumedChanges();
      expect(resumed.map((m) => m.payload?.variables?.after)).toEqual([
        Buffer.from(`seq:${lastSeq}`).toString('base64url'),
      ]);
      const p = await parties(again, systemKey, 1, 9200);
      await push(again, systemKey, 'pushTradingProjects', 'TradingProjectInput', [project('BROWSER-P2', p)]);
      await waitFor(page, changeShown('BROWSER-P2'), 5_000);
      // Each change once, newest first.
      const seqs = (await page.evaluate(
        `[...document.querySelectorAll('#changes li')].map((li) => Number(li.dataset.seq))`,
      )) as number[];
      expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => b - a));
      await page.close();
    } finally {
      await again.hub.close();
    }
  });

  it('asked nothing of any origin but the hub', () => {
    const foreign = requested.filter((url) => {
      if (/^(data|blob):/.test(url)) return false;
      return new URL(url).host !== new URL(origin).host;
    });
    expect(requested.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
  });
});
