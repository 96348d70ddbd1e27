#!/usr/bin/env node
// The `hub` command (npx hub ...). The TypeScript sources are compiled by `npm ci` (prepare).
require('../dist/resolvers/app/cli.js').run(process.argv.slice(2));
