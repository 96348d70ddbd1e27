import { cleanUpProcesses } from './process';

// Run by test/setup/environment.js after the file's own hooks, passed or failed:
// no hub process, embedded PostgreSQL or data folder of the file outlives it.
(globalThis as { __hubCleanUp?: () => Promise<void> }).__hubCleanUp = cleanUpProcesses;
