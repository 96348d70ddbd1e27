#!/usr/bin/env node
/**
 * The steps of `npm test` before jest: `npm run build`, `lint`, `format:check` and `depcheck`, two at a time (the
 * test machine has two cores, and each step uses one), the longest first: lint alone takes about as long as the
 * three others one after the other. None of them reads what another writes (lint, format and the layer check read
 * the sources, the build writes dist/), so their order does not matter, only that all pass before jest starts.
 * Each step's output is printed whole when it ends; the exit status is 1 if any step failed.
 */
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const { availableParallelism } = require('node:os');

/** Longest first, so that the other lane runs the rest meanwhile. */
const STEPS = ['lint', 'build', 'format:check', 'depcheck'];
const LANES = Math.max(1, Math.min(2, availableParallelism()));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

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

async function main() {
  const queue = [...STEPS];
  let ok = true;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let script = queue.shift(); script; script = queue.shift()) ok = (await run(script)) && ok;
    }),
  );
  process.exitCode = ok ? 0 : 1;
}

void main();
