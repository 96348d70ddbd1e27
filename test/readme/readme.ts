import { spawn } from 'node:child_process';

/*
 * The README's samples, generated from real runs. In README.md:
 *
 *   <!-- run: NAME -->            before a ```sh block: the block is run (in
 *   ```sh                          README order, all in one bash session, so
 *   …                              an `export` holds for the blocks after it)
 *   ```
 *
 *   <!-- output: NAME -->         around the block that shows what the run
 *   ```                            block NAME printed on stdout
 *   …
 *   ```
 *   <!-- /output -->
 *
 * A ```sh block without a marker is never run (`npm start`, Ctrl-C loops).
 * test/readme/readme.test.ts runs the blocks against a fresh demo hub and
 * fails when an output block differs from what its commands print now, up to
 * what legitimately varies from run to run (normalise); `npm run readme`
 * runs the same and rewrites the output blocks instead.
 */

/** A README block to run: its name and its shell text. */
export interface RunBlock {
  name: string;
  script: string;
}

const RUN = /<!-- run: ([\w-]+) -->\n```sh\n([\s\S]*?)\n```/g;
const OUTPUT = /(<!-- output: ([\w-]+) -->\n```[\w-]*\n)([\s\S]*?)(```\n<!-- \/output -->)/g;

/** The blocks to run, in README order. */
export function runBlocks(readme: string): RunBlock[] {
  return [...readme.matchAll(RUN)].map((m) => ({ name: m[1], script: m[2] }));
}

/** The output blocks by name: what the README shows now. */
export function outputBlocks(readme: string): Map<string, string> {
  return new Map([...readme.matchAll(OUTPUT)].map((m) => [m[2], m[3]]));
}

/** The README with each output block replaced by what its commands printed (blocks without a run are kept). */
export function withOutputs(readme: string, outputs: ReadonlyMap<string, string>): string {
  return readme.replace(OUTPUT, (whole, head: string, name: string, _body: string, tail: string) => {
    const out = outputs.get(name);
    return out === undefined ? whole : `${head}${out}${tail}`;
  });
}

/**
 * What varies from one run to the next although nothing is wrong, replaced by placeholders for the comparison:
 * times and days (the demo and the examples write "now"), API keys and their prefixes, request ids and hashes.
 */
export function normalise(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?/g, '<time>')
    .replace(/\b\d{4}-\d\d-\d\d\b/g, '<day>')
    .replace(/\bhub_[A-Za-z0-9_-]{8,}/g, '<key>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
    .replace(/\b[0-9a-f]{64}\b/g, '<hash>');
}

/** Where and how the blocks run. */
export interface RunOptions {
  /** The repository (package.json, bin/hub.js, dist/). */
  repo: string;
  /** The hub's real port: `127.0.0.1:4000` of the README is replaced by it, and back in what is printed. */
  port: number;
  /** Environment of the session (HUB_DATA_DIR of the demo hub, CURSOR_FILE, PATH, HOME). */
  env: Record<string, string>;
  timeoutMs?: number;
}

const SENTINEL = '@@readme-block';

/**
 * Runs every run block in one bash session (`set -e`: the first failing command stops it) and returns what each
 * printed on stdout, the README's port put back, one final newline. `npx hub` runs bin/hub.js directly (what npx
 * would start, without its lookup); `npm run` prints no banner (npm_config_loglevel=silent), as the README shows.
 */
export function runReadmeBlocks(blocks: readonly RunBlock[], o: RunOptions): Promise<Map<string, string>> {
  const here = '127.0.0.1:4000';
  const real = `127.0.0.1:${o.port}`;
  const script = [
    'set -eo pipefail',
    `cd ${JSON.stringify(o.repo)}`,
    `npx() { if [ "$1" = hub ]; then shift; node ${JSON.stringify(`${o.repo}/bin/hub.js`)} "$@"; else command npx "$@"; fi; }`,
    ...blocks.flatMap((b) => [`printf '\\n${SENTINEL} %s\\n' ${b.name}`, b.script.split(here).join(real)]),
    `printf '\\n${SENTINEL} end\\n'`,
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      env: { ...o.env, npm_config_loglevel: 'silent', npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 600_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0)
        return reject(
          new Error(`the README's commands failed (${signal ?? `exit ${code}`}):\n${stdout.slice(-3000)}\n${stderr}`),
        );
      const outputs = new Map<string, string>();
      const parts = stdout.split(new RegExp(`\\n${SENTINEL} `));
      for (const part of parts.slice(1)) {
        const nl = part.indexOf('\n');
        const name = part.slice(0, nl);
        if (name === 'end') continue;
        const text = part
          .slice(nl + 1)
          .split(real)
          .join(here)
          .trimEnd();
        outputs.set(name, text ? `${text}\n` : '');
      }
      resolve(outputs);
    });
  });
}
