import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScriptFlags } from '../../bench/lib/env';

const ROOT = join(__dirname, '..', '..');
const SCENARIOS = ['ingest', 'read', 'fanout', 'scale', 'replay'];

interface Figure {
  scenario: string;
  metric: string;
  hub: number | null;
  baseline: number | null;
  ratio: number | null;
  unit: string;
  machine: Record<string, unknown>;
  params: Record<string, unknown>;
}

/**
 * `npm run bench` at a tiny size, so that the benchmark does not rot: every
 * scenario runs end to end against a real hub process and its baseline, and
 * writes results of the agreed shape. Timings are not asserted here.
 */
describe('the benchmark at smoke size', () => {
  const out = mkdtempSync(join(tmpdir(), 'hub-bench-smoke-'));
  let results: Record<string, Figure[]>;
  let output = '';

  beforeAll(async () => {
    // `npm run test:smoke` has built dist/ (the hub and the bench). Compiling here would rewrite
    // dist/src while other test files start the hub from it.
    if (!existsSync(join(ROOT, 'dist', 'bench', 'run.js')))
      throw new Error('dist/bench is missing: run `npm run build` before jest');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', 'run.js'), '--smoke', '--out', out], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`the bench exited with ${code}:\n${output.slice(-3000)}`);
    results = Object.fromEntries(
      SCENARIOS.map((s) => [s, JSON.parse(readFileSync(join(out, `${s}.json`), 'utf8')) as Figure[]]),
    );
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes one file per scenario, each figure with scenario, metric, hub, baseline, ratio, unit, machine and params', () => {
    for (const s of SCENARIOS) {
      expect(results[s].length).toBeGreaterThan(0);
      for (const f of results[s]) {
        expect(Object.keys(f).sort()).toEqual([
          'baseline',
          'hub',
          'machine',
          'metric',
          'params',
          'ratio',
          'scenario',
          'unit',
        ]);
        expect(f.scenario).toBe(s);
        expect(typeof f.hub).toBe('number');
        expect(f.machine).toMatchObject({ cores: expect.any(Number), node: process.version, mode: 'smoke' });
        if (f.ratio !== null) expect(f.ratio).toBeGreaterThan(0);
      }
      // Every scenario with a baseline compares against it (at smoke size a latency may round to nothing).
      if (s !== 'scale') expect(results[s].some((f) => typeof f.ratio === 'number')).toBe(true);
    }
    expect(output).toMatch(/scenario\s+metric\s+hub\s+baseline\s+ratio\s+unit/);
  });

  it('reports the peak memory of the hub in every scenario', () => {
    for (const s of SCENARIOS) expect(results[s].some((f) => /peak RSS/.test(f.metric) && (f.hub ?? 0) > 0)).toBe(true);
  });

  it('misses no event in the fan-out, on the hub or the baseline', () => {
    const missed = results.fanout.find((f) => f.metric === 'missed events')!;
    expect(missed).toMatchObject({ hub: 0, baseline: 0 });
  });

  it('reads the same JSON as the baseline, with statements per request that do not grow with the page', () => {
    const [first] = results.read;
    expect(first.params.sameJson).toBe(true);
    const perRequest = results.read.filter((f) => f.metric.startsWith('SQL statements per request'));
    expect(perRequest).toHaveLength(2);
    // Averages over ten requests: a key's last-use time is written at most once a minute,
    // which can add one statement to one of them; the count per page must not grow with the page.
    expect(Math.round(perRequest[0].hub as number)).toBe(Math.round(perRequest[1].hub as number));
  });
});

describe('the hub the bench starts', () => {
  it('gets the node flags of `npm start`, defaults expanded from the environment', () => {
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
    expect(script).toMatch(/^node .*dist\/resolvers\/app\/main\.js$/);
    const saved = process.env.HUB_HEAP_MB;
    try {
      delete process.env.HUB_HEAP_MB;
      expect(startScriptFlags()).toEqual(['--max-old-space-size=448']);
      process.env.HUB_HEAP_MB = '1024';
      expect(startScriptFlags()).toEqual(['--max-old-space-size=1024']);
      expect(() => startScriptFlags('tsx src/main.ts')).toThrow(/start script/);
    } finally {
      if (saved === undefined) delete process.env.HUB_HEAP_MB;
      else process.env.HUB_HEAP_MB = saved;
    }
  });
});
