/*
 * The supervision dashboard (监管看板) at /dashboard: trading statistics as charts, the most recent changes, the
 * connected systems, warnings and relay lag, live over graphql-ws from the hub that serves the page. Built by
 * src/ui/build.ts with esbuild; every asset comes from the hub (intranets have no internet).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { createClient, type Client } from 'graphql-ws';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const KEY_STORE = 'hub.dashboard.key';
/** How many of the latest changes the page replays when it opens, and keeps. */
const RECENT = 200;
const GRAPHQL_PATH = '/graphql';

interface Row {
  category: { code: string; name: string } | null;
  month: string | null;
  regionCode: string | null;
  regionName: string | null;
  projectCount: number;
  sectionCount: number;
  totalBudget: string;
  totalAwarded: string;
  savingRate: string | null;
}
interface Update {
  asOf: string;
  cursor: string;
  rows: Row[];
}
interface Change {
  seq: string;
  cursor: string;
  topic: string;
  op: string;
  key: string;
  occurredAt: string;
  sourceSystem: string | null;
}
interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string };
}

const ROW_FIELDS =
  'category { code name } month regionCode regionName projectCount sectionCount totalBudget totalAwarded savingRate';
const STATISTICS = (groupBy: string) =>
  `subscription Dashboard${groupBy || 'Totals'} { tradingStatisticsChanged(groupBy: [${groupBy}]) { asOf cursor rows { ${ROW_FIELDS} } } }`;
const CHANGES = `subscription DashboardChanges($after: String, $topics: [ChangeTopic!]) {
  changes(after: $after, topics: $topics) { seq cursor topic op key occurredAt sourceSystem }
}`;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Names of the topics, Chinese first. */
const TOPIC_NAMES: Record<string, string> = {
  MARKET_ENTITY: '市场主体 Market entity',
  TRADING_PROJECT: '交易项目 Project',
  ANNOUNCEMENT: '公告 Announcement',
  BID: '投标 Bid',
  BID_OPENING: '开标 Bid opening',
  EVALUATION: '评标 Evaluation',
  AWARD: '中标 Award',
  CONTRACT: '合同 Contract',
  FINDING: '预警 Finding',
  ADMIN: '管理 Admin',
};
const topicName = (t: string) => TOPIC_NAMES[t] ?? t;

const OP_NAMES: Record<string, string> = { CREATE: '新增 create', UPDATE: '更新 update', DELETE: '删除 delete' };

/** Yuan as a decimal string, grouped by thousands, without going through a float for the digits shown. */
function yuan(value: string): string {
  const [whole, frac] = value.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac ? `.${frac}` : ''}`;
}

/** 10^4 yuan (万元) for chart axes: a chart is a picture, the exact figures are in the tables and totals. */
const wan = (value: string) => Number(value) / 10_000;

const percent = (rate: string | null) => (rate === null ? '–' : `${(Number(rate) * 100).toFixed(2)}%`);

function setText(id: string, text: string): void {
  const el = $(id);
  if (el.textContent !== text) el.textContent = text;
}

function cell(text: string, num = false): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (num) td.className = 'num';
  return td;
}

function head(...labels: [string, boolean][]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const [label, num] of labels) {
    const th = document.createElement('th');
    th.textContent = label;
    if (num) th.className = 'num';
    tr.append(th);
  }
  return tr;
}

type Status = 'idle' | 'connecting' | 'live' | 'offline' | 'refused';

function status(state: Status, text: string): void {
  const el = $('status');
  el.dataset.state = state;
  el.textContent = text;
  document.body.classList.toggle('connected', state === 'live' || state === 'connecting' || state === 'offline');
}

/** The bearer key: from the `#key=` fragment (then removed from the address bar), else this tab's storage. */
function initialKey(): string | null {
  const m = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY_STORE, decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY_STORE);
}

/** One POST to the hub's /graphql with the key; throws with the errors' code on refusal. */
async function query<T>(key: string, text: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${key}`,
    },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GraphQLErrorLike[] };
  if (body.errors?.length) throw new HubRefusal(body.errors[0]);
  return body.data as T;
}

class HubRefusal extends Error {
  readonly code: string;
  constructor(error: GraphQLErrorLike) {
    super(error.message);
    this.code = error.extensions?.code ?? 'ERROR';
  }
}

/** A chart and its table, redrawn from each update's rows. */
class Breakdown {
  private readonly chart: echarts.ECharts;
  constructor(
    private readonly name: 'category' | 'month' | 'region',
    private readonly kind: 'bar' | 'line',
  ) {
    this.chart = echarts.init($(`chart-${name}`), 'dark', { renderer: 'canvas' });
    window.addEventListener('resize', () => this.chart.resize());
  }

  private label(r: Row): string {
    if (this.name === 'category') return r.category?.name ?? '–';
    if (this.name === 'month') return r.month ?? '未发布 unpublished';
    return r.regionName ?? r.regionCode ?? '–';
  }

  private id(r: Row): string {
    if (this.name === 'category') return r.category?.code ?? '';
    if (this.name === 'month') return r.month ?? '';
    return r.regionCode ?? '';
  }

  draw(rows: Row[]): void {
    const sorted = [...rows].sort((a, b) =>
      this.name === 'month' ? this.id(a).localeCompare(this.id(b)) : b.projectCount - a.projectCount,
    );
    const labels = sorted.map((r) => this.label(r));
    this.chart.setOption(
      {
        backgroundColor: 'transparent',
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: ['项目数 Projects', '预算 Budget (万元)'], bottom: 0, textStyle: { color: '#93a4bb' } },
        grid: { left: 8, right: 8, top: 36, bottom: 30, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 6 ? 30 : 0, fontSize: 11 } },
        yAxis: [
          { type: 'value', name: '项目 Projects', minInterval: 1, nameTextStyle: { align: 'left' } },
          { type: 'value', name: '万元', splitLine: { show: false }, nameTextStyle: { align: 'right' } },
        ],
        series: [
          { name: '项目数 Projects', type: this.kind, data: sorted.map((r) => r.projectCount) },
          {
            name: '预算 Budget (万元)',
            type: this.kind,
            yAxisIndex: 1,
            data: sorted.map((r) => Math.round(wan(r.totalBudget))),
          },
        ],
      },
      { notMerge: true },
    );
    const table = $<HTMLTableElement>(`table-${this.name}`);
    const lines = [
      head(
        ['名称 Name', false],
        ['项目 Projects', true],
        ['标段 Sections', true],
        ['预算 Budget', true],
        ['中标 Awarded', true],
        ['节支率 Saving', true],
      ),
    ];
    for (const r of sorted) {
      const tr = document.createElement('tr');
      tr.dataset.id = this.id(r);
      tr.append(
        cell(this.label(r)),
        cell(String(r.projectCount), true),
        cell(String(r.sectionCount), true),
        cell(yuan(r.totalBudget), true),
        cell(yuan(r.totalAwarded), true),
        cell(percent(r.savingRate), true),
      );
      lines.push(tr);
    }
    table.replaceChildren(...lines);
  }
}

function drawTotals(update: Update): void {
  const r = update.rows[0];
  setText('total-projects', String(r?.projectCount ?? 0));
  setText('total-sections', String(r?.sectionCount ?? 0));
  setText('total-budget', yuan(r?.totalBudget ?? '0'));
  setText('total-awarded', yuan(r?.totalAwarded ?? '0'));
  setText('total-saving', percent(r?.savingRate ?? null));
  setText('as-of', new Date(update.asOf).toLocaleString('zh-CN', { hour12: false }));
}

/** The change-feed position just before the latest RECENT changes, as the decimal seq the feed accepts. */
function recentStart(headCursor: string): string {
  try {
    const m = /^seq:(\d+)$/.exec(atob(headCursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (m) return String(Math.max(0, Number(m[1]) - RECENT));
  } catch {
    // Not a cursor this page can read: replay from the beginning instead.
  }
  return '0';
}

/** One session of the page with one key: its WebSocket, its subscriptions, its reconnections. */
class Session {
  private client: Client | null = null;
  private stopped = false;
  private retries = 0;
  private retryTimer: number | undefined;
  private refreshTimer: number | undefined;
  private readonly changes: Change[] = [];
  private readonly findings: Change[] = [];
  private systems: { code: string; name: string; kind: string; regionCode: string; lastPushAt: string | null }[] = [];
  private systemsTimer: number | undefined;
  private topics: string[] = [];
  private hasFeedConsumers = false;
  private changesDenied = false;
  /** The cursor of the last change processed: a reconnection resumes right after it. */
  private lastCursor: string | null = null;

  constructor(
    private readonly key: string,
    private readonly charts: Record<'category' | 'month' | 'region', Breakdown>,
  ) {}

  async start(): Promise<void> {
    status('connecting', '正在连接… Connecting…');
    try {
      // What the hub offers today: warnings and relays arrive with later versions of the hub.
      const schema = await query<{
        topics: { enumValues: { name: string }[] } | null;
        root: { fields: { name: string }[] } | null;
      }>(
        this.key,
        '{ topics: __type(name: "ChangeTopic") { enumValues { name } } root: __type(name: "Query") { fields { name } } }',
      );
      this.topics = schema.topics?.enumValues.map((v) => v.name) ?? [];
      this.hasFeedConsumers = !!schema.root?.fields.some((f) => f.name === 'feedConsumers');
      await this.refresh();
    } catch (err) {
      if (this.refusal(err)) return;
      this.offline();
      return;
    }
    this.connect();
    this.refreshTimer = window.setInterval(() => void this.refresh().catch((err) => this.refusal(err)), 15_000);
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    window.clearInterval(this.refreshTimer);
    window.clearTimeout(this.systemsTimer);
    void this.client?.dispose();
  }

  /** Shows a refused key and stops; false when the error is something else. */
  private refusal(err: unknown): boolean {
    const code = err instanceof HubRefusal ? err.code : '';
    if (code === 'UNAUTHENTICATED') {
      status('refused', '密钥被拒绝 Key refused: 未知、已吊销或已过期 unknown, revoked or expired');
    } else if (code === 'FORBIDDEN') {
      status('refused', '密钥被拒绝 Key refused: 需要 DASHBOARD 角色 needs the DASHBOARD role');
    } else return false;
    this.stop();
    showKeyForm();
    return true;
  }

  private offline(): void {
    if (this.stopped) return;
    const seconds = Math.min(30, 2 ** this.retries);
    this.retries++;
    status('offline', `离线，${seconds} 秒后重连 Offline — reconnecting in ${seconds} s`);
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      void this.client?.dispose();
      this.client = null;
      void this.start();
    }, seconds * 1000);
  }

  /** Systems and relays, read over HTTP now and then (they change rarely). */
  private async refresh(): Promise<void> {
    await this.refreshSystems();
    await this.refreshRelays();
  }

  /** The systems with the hub's own record of their last push. */
  private async refreshSystems(): Promise<void> {
    const data = await query<{ sourceSystems: Session['systems'] }>(
      this.key,
      '{ sourceSystems { code name kind regionCode lastPushAt } }',
    ).catch((err: unknown) => {
      if (err instanceof HubRefusal && err.code === 'FORBIDDEN') return { sourceSystems: null };
      throw err;
    });
    if (data.sourceSystems) this.systems = data.sourceSystems;
    setText('systems-note', data.sourceSystems ? '' : '此密钥不能查看接入系统 This key may not list the systems');
    this.drawSystems();
  }

  /** Something was pushed: the systems are read again, once for a burst of updates. */
  private systemsChanged(): void {
    if (this.systemsTimer !== undefined || this.stopped) return;
    this.systemsTimer = window.setTimeout(() => {
      this.systemsTimer = undefined;
      void this.refreshSystems().catch((err) => this.refusal(err));
    }, 250);
  }

  private async refreshRelays(): Promise<void> {
    if (!this.hasFeedConsumers) {
      setText('relays-note', '尚不可用：此版本的枢纽没有中继 Not yet available: this hub has no relays');
      return;
    }
    try {
      const data = await query<{
        feedConsumers: { name: string; lagEvents?: number | string | null; lagSeconds?: number | string | null }[];
      }>(this.key, '{ feedConsumers { name lagEvents lagSeconds } }');
      setText('relays-note', data.feedConsumers.length ? '' : '没有中继 No relays registered');
      const lines = [head(['中继 Relay', false], ['落后事件 Lag (events)', true], ['落后秒数 Lag (s)', true])];
      for (const c of data.feedConsumers) {
        const tr = document.createElement('tr');
        tr.append(cell(c.name), cell(String(c.lagEvents ?? '–'), true), cell(String(c.lagSeconds ?? '–'), true));
        lines.push(tr);
      }
      $('relays').replaceChildren(...lines);
    } catch (err) {
      if (err instanceof HubRefusal) setText('relays-note', `无法读取中继 Relays unavailable: ${err.message}`);
      else throw err;
    }
  }

  private connect(): void {
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;
    const client = createClient({
      url,
      connectionParams: { authorization: `Bearer ${this.key}` },
      // Reconnection is the page's own: the changes resume from the last cursor it processed, which graphql-ws's
      // retry (re-sending the first variables) would not do.
      retryAttempts: 0,
      lazy: false,
      on: {
        connected: () => {
          this.retries = 0;
          status('live', '实时 Live');
        },
        closed: (event) => {
          if (this.client !== client || this.stopped) return;
          const code = (event as CloseEvent | undefined)?.code;
          if (code === 4401) {
            status('refused', '密钥被拒绝 Key refused: 未知、已吊销或已过期 unknown, revoked or expired');
            this.stop();
            showKeyForm();
          } else this.offline();
        },
      },
    });
    this.client = client;
    let headCursor: string | null = null;
    const follow = (groupBy: string, draw: (u: Update) => void) =>
      client.subscribe<{ tradingStatisticsChanged: Update }>(
        { query: STATISTICS(groupBy) },
        {
          next: (msg) => {
            if (msg.errors?.length) {
              this.refusal(new HubRefusal(msg.errors[0]));
              return;
            }
            const update = msg.data!.tradingStatisticsChanged;
            draw(update);
            // The statistics move with every trading push, which a DASHBOARD key sees even when it may not follow
            // the changes themselves.
            if (groupBy === '') this.systemsChanged();
            if (headCursor === null && groupBy === '') {
              headCursor = update.cursor;
              this.followChanges(client, headCursor);
            }
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    follow('', drawTotals);
    follow('CATEGORY', (u) => this.charts.category.draw(u.rows));
    follow('MONTH', (u) => this.charts.month.draw(u.rows));
    follow('REGION', (u) => this.charts.region.draw(u.rows));
  }

  /** The latest changes, then every new one; after a reconnection, from the last cursor this page processed. */
  private followChanges(client: Client, headCursor: string): void {
    const after = this.lastCursor ?? recentStart(headCursor);
    // Every topic the key is granted (the schema lists more than a dashboard key usually reads); ADMIN events are
    // left out below.
    client.subscribe<{ changes: Change }>(
      { query: CHANGES, variables: { after, topics: null } },
      {
        next: (msg) => {
          if (msg.errors?.length) {
            this.changesDenied = true;
            setText(
              'changes-note',
              (msg.errors[0] as GraphQLErrorLike).extensions?.code === 'FORBIDDEN'
                ? '此密钥不能跟随变更（需要 FEED_CONSUMER 角色） This key may not follow the changes: it needs the FEED_CONSUMER role'
                : `变更不可用 Changes unavailable: ${msg.errors[0].message}`,
            );
            this.drawFindings();
            return;
          }
          if (msg.data!.changes.topic !== 'ADMIN') this.onChange(msg.data!.changes);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }

  private pending = false;
  private onChange(change: Change): void {
    // At-least-once delivery: a seq already shown is skipped.
    const last = this.changes[0];
    if (last && BigInt(change.seq) <= BigInt(last.seq)) return;
    this.changes.unshift(change);
    if (this.changes.length > RECENT) this.changes.length = RECENT;
    if (change.topic === 'FINDING') {
      this.findings.unshift(change);
      if (this.findings.length > 50) this.findings.length = 50;
    }
    if (change.sourceSystem) this.systemsChanged();
    this.lastCursor = change.cursor;
    // A replay delivers many at once: one redraw per frame.
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.drawChanges();
      this.drawFindings();
    });
  }

  private drawChanges(): void {
    setText('changes-note', this.changes.length ? '' : '暂无变更 No changes yet');
    const counts = new Map<string, number>();
    for (const c of this.changes) counts.set(c.topic, (counts.get(c.topic) ?? 0) + 1);
    $('changes-topics').replaceChildren(
      ...[...counts].map(([topic, n]) => {
        const span = document.createElement('span');
        span.className = 'topic';
        span.dataset.topic = topic;
        span.textContent = `${topicName(topic)} · ${n}`;
        return span;
      }),
    );
    $('changes').replaceChildren(...this.changes.slice(0, 50).map((c) => changeItem(c)));
  }

  private drawFindings(): void {
    if (!this.topics.includes('FINDING')) {
      setText('findings-note', '尚不可用：此版本的枢纽没有预警 Not yet available: this hub raises no warnings');
      return;
    }
    if (this.changesDenied) {
      setText('findings-note', '此密钥不能跟随预警（需要 FEED_CONSUMER 角色） Needs the FEED_CONSUMER role');
      return;
    }
    setText('findings-note', this.findings.length ? '' : '暂无预警 No warnings');
    $('findings').replaceChildren(...this.findings.map((c) => changeItem(c)));
  }

  private drawSystems(): void {
    const lines = [
      head(['代码 Code', false], ['名称 Name', false], ['地区 Region', false], ['最近推送 Last push', false]),
    ];
    for (const s of this.systems) {
      const tr = document.createElement('tr');
      tr.dataset.code = s.code;
      const at = s.lastPushAt;
      const when = cell(at ? new Date(at).toLocaleString('zh-CN', { hour12: false }) : '从未推送 never');
      if (at) when.dataset.at = at;
      when.classList.add('last-push');
      tr.append(cell(s.code), cell(s.name), cell(s.regionCode), when);
      lines.push(tr);
    }
    $('systems').replaceChildren(...lines);
  }
}

function changeItem(c: Change): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.seq = c.seq;
  const time = new Date(c.occurredAt).toLocaleTimeString('zh-CN', { hour12: false });
  const op = document.createElement('span');
  op.className = `op-${c.op}`;
  op.textContent = OP_NAMES[c.op] ?? c.op;
  li.append(`${time} ${topicName(c.topic)} `, op, ` ${c.key}${c.sourceSystem ? ` · ${c.sourceSystem}` : ''}`);
  return li;
}

function showKeyForm(): void {
  document.body.classList.remove('connected');
}

function main(): void {
  const charts = {
    category: new Breakdown('category', 'bar'),
    month: new Breakdown('month', 'line'),
    region: new Breakdown('region', 'bar'),
  };
  let session: Session | null = null;
  const open = (key: string) => {
    session?.stop();
    session = new Session(key, charts);
    void session.start();
  };
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const key = $<HTMLInputElement>('key').value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY_STORE, key);
    $<HTMLInputElement>('key').value = '';
    open(key);
  });
  $('forget').addEventListener('click', () => {
    session?.stop();
    session = null;
    sessionStorage.removeItem(KEY_STORE);
    status('idle', '未连接 Not connected');
  });
  const key = initialKey();
  if (key) {
    session = new Session(key, charts);
    void session.start();
  } else {
    status('idle', '请输入密钥 Enter a DASHBOARD key');
  }
}

main();
