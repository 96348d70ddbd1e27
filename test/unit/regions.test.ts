import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isKnownRegion, regionPrefix, regions } from '../../src/common/regions';

/** The prefecture-level list shipped beside the full list (code, name, level, parent_code, note). */
function prefectureFile(): { code: string; name: string; level: string; parent: string }[] {
  const lines = readFileSync(
    join(__dirname, '..', '..', 'src', 'common', 'data', 'gbt2260_hubei_prefecture.csv'),
    'utf8',
  )
    .trim()
    .split(/\r?\n/)
    .slice(1);
  return lines.map((l) => {
    const [code, name, level, parent] = l.split(',');
    return { code, name, level, parent };
  });
}

/** True when a code would be selected by `region_code like '<prefix>%'`. */
const selects = (filterCode: string, code: string) => code.startsWith(regionPrefix(filterCode));

describe('GB/T 2260 regions of Hubei', () => {
  it('knows the province, its prefectures and its counties with their levels and parents', () => {
    const r = regions();
    expect(r.get('420000')).toMatchObject({ name: '湖北省', level: 'PROVINCE', parent: undefined, current: true });
    expect(r.get('420100')).toMatchObject({ name: '武汉市', level: 'PREFECTURE', parent: '420000', current: true });
    expect(r.get('420102')).toMatchObject({ name: '江岸区', level: 'COUNTY', parent: '420100', current: true });
    expect(r.get('429004')).toMatchObject({ name: '仙桃市', level: 'COUNTY', parent: '429000', current: true });
    expect(r.get('429021')).toMatchObject({ name: '神农架林区', level: 'COUNTY', parent: '429000' });
  });

  it('gives a code that was renamed its current name', () => {
    expect(regions().get('420600')).toMatchObject({ name: '襄阳市', current: true });
    expect(regions().get('422800')).toMatchObject({ name: '恩施土家族苗族自治州', current: true });
  });

  it('still knows codes no longer in use, marked as not current', () => {
    expect(isKnownRegion('420400')).toBe(true);
    expect(regions().get('420400')).toMatchObject({ name: '沙市市', current: false });
  });

  it('knows every prefecture-level code of the reference list', () => {
    for (const p of prefectureFile()) {
      expect(isKnownRegion(p.code)).toBe(true);
      expect(regions().get(p.code)?.parent).toBe(p.parent || undefined);
    }
  });

  it.each(['110000', '420199', '429099', '42010', '4201000', '', 'abcdef', '420100 '])('does not know %j', (code) => {
    expect(isKnownRegion(code)).toBe(false);
  });

  describe('regionPrefix', () => {
    it('selects the whole province for 420000', () => {
      expect(regionPrefix('420000')).toBe('42');
      for (const code of regions().keys()) expect(selects('420000', code)).toBe(true);
    });

    it('selects a prefecture together with every county in it, and nothing else', () => {
      expect(regionPrefix('420100')).toBe('4201');
      const inWuhan = [...regions().keys()].filter((c) => selects('420100', c));
      expect(inWuhan).toEqual(expect.arrayContaining(['420100', '420102', '420111', '420117']));
      expect(inWuhan.every((c) => c.startsWith('4201'))).toBe(true);
      expect(selects('420100', '420500')).toBe(false);
      expect(selects('420100', '421000')).toBe(false);
    });

    it('selects each county under its own prefecture', () => {
      for (const r of regions().values()) {
        if (r.level !== 'COUNTY') continue;
        expect(selects(r.parent!, r.code)).toBe(true);
        for (const other of regions().values()) {
          if (other.level === 'PREFECTURE' && other.code !== r.parent) expect(selects(other.code, r.code)).toBe(false);
        }
      }
    });

    it('selects only itself for a county, including the county-level units directly under the province', () => {
      expect(regionPrefix('420102')).toBe('420102');
      expect(regionPrefix('429004')).toBe('429004');
      expect(selects('429004', '429005')).toBe(false);
    });

    it('groups the county-level units directly under the province under 429000', () => {
      const grouped = [...regions().keys()].filter((c) => selects('429000', c)).sort();
      expect(grouped).toEqual(expect.arrayContaining(['429000', '429004', '429005', '429006', '429021']));
      expect(grouped.every((c) => c.startsWith('4290'))).toBe(true);
    });
  });
});
