import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/*
 * The layer rule (.dependency-cruiser.cjs, run by `npm run depcheck` in
 * `npm test`) against a small tree laid out like the hub's: it passes as
 * written, and each planted back-arrow makes the check fail naming its rule.
 */

const ROOT = join(__dirname, '..', '..');
const MANY = join(ROOT, 'test', 'setup', 'depcruise-many.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

/**
 * A tree with the hub's layers: generic src folders, two families, the generic API, a family API, the families array.
 */
const TREE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true } }),
  'src/common/util.ts': 'export const one = 1;\n',
  'src/feed/feed.ts': "import { one } from '../common/util';\nexport const feed = one;\n",
  'src/registry/registry.ts': "import type { feed } from '../feed/feed';\nexport type Registry = typeof feed;\n",
  'src/config.ts': "import { one } from './common/util';\nexport const config = one;\n",
  'src/market/market.model.ts': "export interface Entity { code: string }\nexport const TOPIC = 'MARKET_ENTITY';\n",
  'src/market/index.ts': "export { TOPIC, type Entity } from './market.model';\n",
  'src/trading/trading.push.ts':
    "import { TOPIC } from '../market';\nimport { feed } from '../feed/feed';\nexport const push = [TOPIC, feed];\n",
  'src/trading/index.ts': "export const tradingFamily = { push: () => import('./trading.push.js') };\n",
  'src/seed/demo.ts':
    "import { TOPIC } from '../market';\nimport { tradingFamily } from '../trading';\nexport const demo = [TOPIC, tradingFamily];\n",
  'resolvers/common/enums.ts': "import { feed } from '../../src/feed/feed';\nexport const enums = feed;\n",
  'resolvers/market/index.ts': "import { TOPIC } from '../../src/market/market.model';\nexport const api = TOPIC;\n",
  'resolvers/trading/index.ts':
    "import { api as market } from '../market';\nimport { push } from '../../src/trading/trading.push';\nexport const api = [market, push];\n",
  'resolvers/app/hub.ts':
    "import { FAMILIES } from '../families';\nimport { enums } from '../common/enums';\nexport const hub = [FAMILIES, enums];\n",
  'resolvers/families.ts':
    "import { TOPIC } from '../src/market';\nexport const FAMILIES = [TOPIC, () => import('./market/index.js'), () => import('./trading/index.js')];\n",
};

function lay(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** The check on each tree (exit status and report), in one run of dependency-cruiser: one start-up for all. */
function depcruise(trees: string[]): Promise<{ status: number; output: string }[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [MANY, CONFIG, ...trees],
      { cwd: ROOT, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as { status: number; output: string }[]);
      },
    );
  });
}

/** Each planted back-arrow: what it is, the files it changes in the tree, the rule that must name it. */
const PLANTED: [string, Record<string, string>, string][] = [
  [
    'a generic layer importing a family',
    { 'src/feed/feed.ts': "import { TOPIC } from '../market';\nexport const feed = TOPIC;\n" },
    'generic-layer-imports-family',
  ],
  [
    'a generic layer importing a family for a type only',
    { 'src/registry/registry.ts': "import type { Entity } from '../market';\nexport type Registry = Entity;\n" },
    'generic-layer-imports-family',
  ],
  [
    'a root module of src/ importing the seed tool',
    { 'src/config.ts': "import { demo } from './seed/demo';\nexport const config = demo;\n" },
    'generic-layer-imports-family',
  ],
  [
    'src/ importing resolvers/',
    { 'src/common/util.ts': "import { enums } from '../../resolvers/common/enums';\nexport const one = enums;\n" },
    'src-imports-resolvers',
  ],
  [
    'a family importing the internals of another',
    {
      'src/trading/trading.push.ts': "import { TOPIC } from '../market/market.model';\nexport const push = TOPIC;\n",
    },
    'family-internals-of-another-family',
  ],
  [
    'the seed tool importing a family internal',
    { 'src/seed/demo.ts': "import { TOPIC } from '../market/market.model';\nexport const demo = TOPIC;\n" },
    'family-internals-of-another-family',
  ],
  [
    "a family's API importing another family's API internals",
    {
      'resolvers/market/other.ts': 'export const other = 1;\n',
      'resolvers/trading/index.ts': "import { other } from '../market/other';\nexport const api = other;\n",
    },
    'family-internals-of-another-family',
  ],
  [
    'the generic API importing a family',
    { 'resolvers/common/enums.ts': "import { api } from '../trading';\nexport const enums = api;\n" },
    'generic-api-imports-family',
  ],
  [
    'the families array reaching past an index',
    {
      'resolvers/families.ts':
        "import { TOPIC } from '../src/market/market.model';\nexport const FAMILIES = [TOPIC];\n",
    },
    'outside-imports-family-internals',
  ],
  [
    'an import cycle',
    {
      'src/common/util.ts':
        "import { feed } from '../feed/feed';\nexport const one = 1;\nexport const again = () => feed;\n",
    },
    'no-cycle',
  ],
];

describe('the dependency check', () => {
  let dir: string;
  /** The check's answer for the clean tree, each planted tree (in PLANTED's order) and the repository. */
  let clean: { status: number; output: string };
  let planted: { status: number; output: string }[];
  let repository: { status: number; output: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-depcheck-'));
    const trees = [join(dir, 'clean'), ...PLANTED.map((_, i) => join(dir, `planted-${i}`))];
    lay(trees[0], TREE);
    PLANTED.forEach(([, files], i) => lay(trees[i + 1], { ...TREE, ...files }));
    const all = await depcruise([...trees, ROOT]);
    [clean, planted, repository] = [all[0], all.slice(1, -1), all[all.length - 1]];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a tree whose arrows all point down (families through their index, the API above src)', () => {
    expect(clean.output).toContain('no dependency violations');
    expect(clean.status).toBe(0);
  });

  it.each(PLANTED.map(([what, , rule], i) => [what, i, rule] as const))(
    'fails on %s, naming the rule',
    (_what, i, rule) => {
      const r = planted[i];
      expect(r.status).not.toBe(0);
      expect(r.output).toContain(`error ${rule}:`);
    },
  );

  it("passes the repository's own src/ and resolvers/", () => {
    expect(repository.output).toContain('no dependency violations');
    expect(repository.status).toBe(0);
  });
});
