/*
 * The layer rule of the hub (README "Architecture in one page"), checked by
 * `npm run depcheck` (part of `npm test`) with dependency-cruiser:
 *
 *   resolvers/app/      the composition root: may import anything
 *   resolvers/<family>/ a family's API             src/<family>/ a family's model, rules, pushes, queries
 *   resolvers/{common,feed,admin,systems}/ and resolvers/*.ts: the generic API
 *   src/{common,db,auth,systems,feed,ingest,limits,read,server,registry,cli}/ and src/*.ts: the generic layers
 *   src/seed/           a tool over every family
 *   src/ui/             the browser pages (bundled by esbuild, not imported by the hub)
 *
 * - no import cycle anywhere (type-only imports count: they are arrows too);
 * - src/ never imports resolvers/;
 * - the generic layers never import a family folder (nor the seed tool): a
 *   family registers itself through its descriptor instead;
 * - a family's folder is imported from outside only through its index.ts
 *   (src/<family>/index.ts, resolvers/<family>/index.ts): trading may use
 *   market's public surface, never its internals.
 *
 * Any folder of src/ or resolvers/ not named as generic here is a family.
 */
const GENERIC_SRC = [
  'common',
  'db',
  'auth',
  'systems',
  'feed',
  'ingest',
  'limits',
  'read',
  'server',
  'registry',
  'cli',
  'consumers',
];
const TOOLS_SRC = ['seed', 'ui', 'relay'];
const GENERIC_API = ['common', 'feed', 'admin', 'systems', 'consumers', 'app'];

const any = (names) => `(?:${names.join('|')})`;
/** A file in a family folder of src/ or resolvers/ (capture 1: src|resolvers, 2: the family). */
const SRC_FAMILY = `^src/(?!${any([...GENERIC_SRC, ...TOOLS_SRC])}/)([^/]+)/`;
const API_FAMILY = `^resolvers/(?!${any(GENERIC_API)}/)([^/]+)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: modules that cannot be understood (or loaded) one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-imports-resolvers',
      severity: 'error',
      comment:
        'src/ is below the API: the API layer and the composition root (resolvers/) use src/, never the other way round.',
      from: { path: '^src/' },
      to: { path: '^resolvers/' },
    },
    {
      name: 'generic-layer-imports-family',
      severity: 'error',
      comment:
        'A generic layer knows the families only through the FamilyRegistry it is handed (src/registry/): register the family instead of importing it.',
      from: { path: [`^src/${any(GENERIC_SRC)}/`, '^src/[^/]+\\.ts$'] },
      to: { path: [SRC_FAMILY, `^src/${any(TOOLS_SRC)}/`] },
    },
    {
      name: 'generic-api-imports-family',
      severity: 'error',
      comment:
        'The generic API (resolvers/{common,feed,admin,systems}) knows the families only through resolvers/families.ts and the registry.',
      from: { path: `^resolvers/${any(GENERIC_API.filter((n) => n !== 'app'))}/` },
      to: { path: [API_FAMILY, SRC_FAMILY] },
    },
    {
      name: 'family-internals-of-another-family',
      severity: 'error',
      comment:
        "Another family's folder is imported through its index.ts only (its public surface), e.g. `from '../market'`.",
      from: { path: '^(?:src|resolvers)/([^/]+)/' },
      to: {
        path: [SRC_FAMILY, API_FAMILY],
        pathNot: ['^src/$1/', '^resolvers/$1/', '^(?:src|resolvers)/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-imports-family-internals',
      severity: 'error',
      comment:
        'Outside the family folders (resolvers/families.ts, the composition root) a family is imported through its index.ts only.',
      from: { path: '^(?:src|resolvers)/[^/]+\\.ts$' },
      to: { path: [SRC_FAMILY, API_FAMILY], pathNot: ['^(?:src|resolvers)/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    includeOnly: '^(?:src|resolvers)/',
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are arrows of the design too: count them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(?:^|/)dist/' },
  },
};
