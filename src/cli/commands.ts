import type { CommandSection, CommandSpec } from './command';

/*
 * The generic commands of `hub`, each in its own module under ./commands/,
 * loaded only when it runs. The composition root (resolvers/app/cli.ts) puts
 * them together with the families' commands and its own into one table.
 */

/** Operators' commands on systems, clients, grants and keys (every action is logged under ADMIN). */
export const ACCESS_COMMANDS: CommandSection = {
  title: 'Connected systems and clients (every action is recorded in the change log, topic ADMIN):',
  commands: [
    {
      name: 'systems add',
      usage:
        '  systems add --code C --name N --kind GOVERNMENT|MARKET [--region 420100] [--topics T,..] [--regions R,..] [--categories C,..]\n                         register a trading system; prints its API key on the last line',
      load: () => import('./commands/systems-add.js'),
    },
    {
      name: 'systems list',
      usage: '  systems list           list the connected systems',
      load: () => import('./commands/systems-list.js'),
    },
    {
      name: 'clients add',
      usage:
        '  clients add --name N --roles INTEGRATOR,FEED_CONSUMER,DASHBOARD [--read-topics T,..] [--reveal S,..] [--expires ISO]\n                         create a client principal; prints its API key on the last line',
      load: () => import('./commands/clients-add.js'),
    },
    {
      name: 'grants set',
      usage:
        '  grants set --principal N [--roles ..] [--write-topics ..] [--read-topics ..] [--regions ..] [--reveal ..] [--authoritative ..] [--categories ..] [--signature-required yes|no]\n                         replace the given grant lists of a principal; prints what it is granted now',
      load: () => import('./commands/grants-set.js'),
    },
    {
      name: 'principals show',
      usage: "  principals show NAME   a principal's roles, grants and keys (prefixes only)",
      load: () => import('./commands/principals-show.js'),
    },
    {
      name: 'keys list',
      usage: '  keys list              principals with their keys (prefix, expiry, last use)',
      load: () => import('./commands/keys-list.js'),
    },
    {
      name: 'keys issue',
      usage: '  keys issue --principal N [--expires ISO]',
      load: () => import('./commands/keys-issue.js'),
    },
    {
      name: 'keys rotate',
      usage:
        '  keys rotate --id K [--grace SECONDS]    new key; the old one works for the grace period (default 86400)',
      load: () => import('./commands/keys-rotate.js'),
    },
    { name: 'keys revoke', usage: '  keys revoke --id K', load: () => import('./commands/keys-revoke.js') },
  ],
};

/** The database commands every hub has (the composition root adds `seed` and `schema` between them). */
export const DATABASE_COMMANDS: Readonly<Record<'migrate' | 'verify-log' | 'migration:create', CommandSpec>> = {
  migrate: {
    name: 'migrate',
    usage: '  migrate                apply pending migrations; says which, or that none was pending',
    load: () => import('./commands/migrate.js'),
  },
  'verify-log': {
    name: 'verify-log',
    usage:
      '  verify-log [--json]    recompute the SM3 hash chain of the change log; exit 3 when broken (--json: as JSON)',
    load: () => import('./commands/verify-log.js'),
  },
  'migration:create': {
    name: 'migration:create',
    usage: '  migration:create       generate a migration from the difference between entities and database',
    load: () => import('./commands/migration-create.js'),
  },
};
