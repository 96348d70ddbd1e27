// Runs dependency-cruiser's check (the configuration `npm run depcheck` uses) on several trees in one Node process,
// loading the library and TypeScript once instead of once a tree: argv[2] is the configuration file, the others
// the trees' folders. Prints, as JSON, each tree's exit code and its `err` report, as the command line gives them.
import { join } from 'node:path';
import process from 'node:process';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const [config, ...trees] = process.argv.slice(2);
const options = await extractDepcruiseOptions(config);
const results = [];
for (const tree of trees) {
  // Rule paths (^src/…) are relative to the folder the check runs in, as for the command line.
  process.chdir(tree);
  const tsConfig = extractTSConfig(join(tree, 'tsconfig.json'));
  const { output, exitCode } = await cruise(['src', 'resolvers'], { ...options, outputType: 'err' }, {}, { tsConfig });
  results.push({ status: exitCode, output: String(output) });
}
process.stdout.write(JSON.stringify(results));
