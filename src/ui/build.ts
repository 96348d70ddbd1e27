import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/paths';

/**
 * Builds the browser pages into dist/ui/ (served by resolvers/app/ui.ts), part of `npm run build`: the GraphiQL IDE
 * with Monaco's workers into ide/, the supervision dashboard into dashboard/. Everything a page needs is in the
 * bundle (no CDN): the hub runs on intranets without internet.
 */
export async function buildUi(root = projectRoot()): Promise<Record<string, number>> {
  const source = join(root, 'src', 'ui');
  const out = join(root, 'dist', 'ui');
  rmSync(out, { recursive: true, force: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    sourcemap: false,
    target: ['chrome110', 'firefox115', 'safari16'],
    legalComments: 'external',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const monaco = (p: string) => join(root, 'node_modules', p);
  await Promise.all([
    build({
      ...common,
      entryPoints: { ide: join(source, 'ide', 'ide.tsx') },
      outdir: join(out, 'ide'),
      format: 'iife',
      jsx: 'automatic',
      // Monaco's codicon font and GraphiQL's images go beside the CSS that names them.
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
      assetNames: '[name]',
      publicPath: '/ide',
    }),
    build({
      ...common,
      entryPoints: {
        'editor.worker': monaco('monaco-editor/esm/vs/editor/editor.worker.js'),
        'json.worker': monaco('monaco-editor/esm/vs/language/json/json.worker.js'),
        'graphql.worker': monaco('monaco-graphql/esm/graphql.worker.js'),
      },
      outdir: join(out, 'ide'),
      format: 'iife',
    }),
    build({
      ...common,
      entryPoints: { dashboard: join(source, 'dashboard', 'main.ts') },
      outdir: join(out, 'dashboard'),
      format: 'iife',
    }),
  ]);
  for (const page of ['ide', 'dashboard']) {
    mkdirSync(join(out, page), { recursive: true });
    copyFileSync(join(source, page, 'index.html'), join(out, page, 'index.html'));
  }
  copyFileSync(join(source, 'dashboard', 'dashboard.css'), join(out, 'dashboard', 'dashboard.css'));
  const sizes: Record<string, number> = {};
  for (const f of ['ide/ide.js', 'ide/ide.css', 'ide/graphql.worker.js', 'dashboard/dashboard.js']) {
    sizes[f] = statSync(join(out, f)).size;
  }
  return sizes;
}

if (require.main === module) {
  buildUi().then(
    (sizes) => {
      const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
      console.log(
        `browser pages built in dist/ui: ${Object.entries(sizes)
          .map(([f, n]) => `${f} ${kib(n)}`)
          .join(', ')}`,
      );
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
