import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measured figure, as written to bench/results/<scenario>.json. */
export interface Figure {
  scenario: string;
  metric: string;
  hub: number | null;
  baseline: number | null;
  /**
   * hub / baseline for throughput (higher is better); baseline / hub for latency and memory; null without a baseline.
   */
  ratio: number | null;
  unit: string;
  machine: Record<string, string | number>;
  params: Record<string, unknown>;
}

/** Whether a larger value of the metric is better (throughput) or worse (latency, memory, time, size). */
export type Direction = 'higher' | 'lower';

export function figure(
  scenario: string,
  metric: string,
  unit: string,
  direction: Direction,
  hub: number | null,
  baseline: number | null,
  machine: Record<string, string | number>,
  params: Record<string, unknown>,
): Figure {
  const ok = (v: number | null) => v !== null && Number.isFinite(v);
  let ratio: number | null = null;
  if (ok(hub) && ok(baseline) && hub !== 0 && baseline !== 0)
    ratio = direction === 'higher' ? hub! / baseline! : baseline! / hub!;
  const round = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000);
  return { scenario, metric, hub: round(hub), baseline: round(baseline), ratio: round(ratio), unit, machine, params };
}

/** Writes `<dir>/<scenario>.json` (an array of figures). */
export function writeResults(dir: string, scenario: string, figures: Figure[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${scenario}.json`);
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

const fmt = (v: number | null) =>
  v === null ? '—' : Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 100) / 100);

/** The figures as a plain table for the terminal. */
export function table(figures: Figure[]): string {
  const rows = [
    ['scenario', 'metric', 'hub', 'baseline', 'ratio', 'unit'],
    ...figures.map((f) => [
      f.scenario,
      f.metric,
      fmt(f.hub),
      fmt(f.baseline),
      f.ratio === null ? '—' : f.ratio.toFixed(2),
      f.unit,
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Percentile (0-100) of a list of numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
