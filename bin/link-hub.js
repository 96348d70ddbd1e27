#!/usr/bin/env node
// Links bin/hub.js as node_modules/.bin/hub (run by `npm ci` and `npm install`, through `prepare`).
//
// Why not package.json "bin": for a project that declares a bin of the name asked for, npx and `npm exec`
// install the project itself into their cache first (loading the whole node_modules tree: some 2 s on every
// call), while a name found in node_modules/.bin runs at once. npm does not link a project's own bins there.
const { lstatSync, mkdirSync, readlinkSync, symlinkSync, unlinkSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const binDir = join(root, 'node_modules', '.bin');
const link = join(binDir, 'hub');
const target = relative(binDir, join(root, 'bin', 'hub.js'));

mkdirSync(binDir, { recursive: true });
let current;
try {
  current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : '';
} catch {
  current = undefined;
}
if (current !== target) {
  if (current !== undefined) unlinkSync(link);
  symlinkSync(target, link);
}
