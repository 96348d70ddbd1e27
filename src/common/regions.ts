import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths';

/**
 * GB/T 2260 region codes of Hubei (42xxxx), from the reference data shipped
 * in `src/common/data`. Codes no longer in use stay known, because records
 * pushed years ago still carry them.
 */
export interface Region {
  code: string;
  name: string;
  /** PROVINCE, PREFECTURE or COUNTY (county-level units, including those directly under the province). */
  level: 'PROVINCE' | 'PREFECTURE' | 'COUNTY';
  /** Code of the enclosing prefecture (or province for prefectures). */
  parent?: string;
  current: boolean;
}

function dataFile(name: string): string {
  return join(projectRoot(), 'src', 'common', 'data', name);
}

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

let cache: Map<string, Region> | undefined;

/** All known Hubei region codes. Loaded once. */
export function regions(): ReadonlyMap<string, Region> {
  if (cache) return cache;
  const map = new Map<string, Region>();
  for (const [code, name, , validTo] of parseCsv(readFileSync(dataFile('gbt2260_hubei_all.csv'), 'utf8'))) {
    const prev = map.get(code);
    const current = !validTo;
    if (prev && prev.current) continue;
    map.set(code, { code, name, level: regionLevel(code), parent: parentOf(code), current });
  }
  // The source gives no dates for 429001 随州市, which became the prefecture 421300 in 2000:
  // a county-level code whose name is now a prefecture's is historical (still known, not current).
  const prefectureNames = new Set(
    [...map.values()].filter((r) => r.level === 'PREFECTURE' && r.current).map((r) => r.name),
  );
  for (const r of map.values())
    if (r.code.startsWith('4290') && r.level === 'COUNTY' && prefectureNames.has(r.name)) r.current = false;
  cache = map;
  return map;
}

function regionLevel(code: string): Region['level'] {
  if (code === '420000') return 'PROVINCE';
  if (code.endsWith('00')) return 'PREFECTURE';
  return 'COUNTY';
}

function parentOf(code: string): string | undefined {
  if (code === '420000') return undefined;
  if (code.endsWith('00')) return '420000';
  return code.slice(0, 4) + '00';
}

/** True when the six-digit code is a known Hubei region. */
export function isKnownRegion(code: string): boolean {
  return regions().has(code);
}

/**
 * The SQL `LIKE` prefix that selects a region and everything inside it:
 * the province selects all of Hubei, a prefecture `42AA00` its counties `42AAxx`,
 * a county only itself. 429000 groups the county-level units under the province.
 */
export function regionPrefix(code: string): string {
  if (code === '420000') return '42';
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
