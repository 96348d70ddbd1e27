#!/usr/bin/env node
/**
 * `npm test`: the build first (jest's e2e tests start hubs from dist/), then jest beside the static checks
 * (`npm run lint`, `format:check`, `depcheck`, one after the other in a lane of their own). The test machine has two
 * cores: the checks keep one busy for about a minute, and jest's files spend much of their time waiting on hubs and
 * PostgreSQL, so running them side by side saves that minute instead of making jest wait for it. None of the checks
 * reads what jest or another check writes. Each check's output is printed whole when it ends; jest's goes straight
 * to the terminal. Arguments go to jest (`npm test -- test/unit`). The exit status is 1 if any step failed.
 */
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');

const CHECKS = ['lint', 'format:check', 'depcheck'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>` with its output held until it ends; resolves to whether it passed. */
function run(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (b) => output.push(b));
    child.stderr.on('data', (b) => output.push(b));
    child.on('error', (err) => output.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (code) => {
      const text = Buffer.concat(output).toString();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> npm run ${script}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s\n${text}`);
      resolve(code === 0);
    });
  });
}

/** Runs jest with the given arguments, its output on this terminal; resolves to whether it passed. */
function jest(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

async function main() {
  if (!(await run('build'))) {
    process.exitCode = 1;
    return;
  }
  const checks = (async () => {
    let ok = true;
    for (const script of CHECKS) ok = (await run(script)) && ok;
    return ok;
  })();
  const [checked, tested] = await Promise.all([checks, jest(process.argv.slice(2))]);
  process.exitCode = checked && tested ? 0 : 1;
}

void main();
