#!/usr/bin/env node
import 'reflect-metadata';
import { CLI_ACTOR, type CommandContext, type CommandSection, type CommandSpec } from '../../src/cli/command';
import { ACCESS_COMMANDS, DATABASE_COMMANDS } from '../../src/cli/commands';
import { CONSUMER_COMMANDS } from '../../src/consumers/commands';
import { RELAY_COMMANDS } from '../../src/relay/commands';
import { optionOf } from '../../src/cli/options';
import { REGISTRY } from '../families';

/*
 * The `hub` command line: one table of commands, the generic ones
 * (src/cli/commands.ts), each family's (its descriptor's `commands`) and the
 * composition root's own (`seed`, `schema`). A command's module is loaded
 * only when it runs: `hub keys list` loads neither the GraphQL schema nor any
 * family's push domains or commands, and discovers only the ORM entities it
 * reads.
 */

/** The sections of `hub help`, in order; every command of the table is in one. */
export const SECTIONS: readonly CommandSection[] = [
  ACCESS_COMMANDS,
  CONSUMER_COMMANDS,
  RELAY_COMMANDS,
  ...REGISTRY.commandSections,
  {
    title: 'Database and schema:',
    commands: [
      DATABASE_COMMANDS.migrate,
      DATABASE_COMMANDS['verify-log'],
      {
        name: 'seed',
        usage:
          '  seed [--entities N]    load demo data (N generated market entities, default 120)\n  seed --projects N [--entities M] [--bids-per-section K] [--seed S] [--batch B]\n                         push N generated trading projects (1-3 sections each, K bids per section, default 4) and M market\n                         entities (default N/5) through the push pipeline, progress on stderr; a re-run stores nothing new\n  seed --collusion       push the labelled collusion cases (projects CL-DEMO-…) and print the recall of the rules',
        load: () => import('../../src/seed/seed.command.js'),
      },
      {
        name: 'schema',
        usage: '  schema                 write schema/schema.graphql from the code',
        load: () => import('./schema.command.js'),
      },
      DATABASE_COMMANDS['migration:create'],
    ],
  },
];

const TRAILER =
  "The database is DATABASE_URL, or the embedded PostgreSQL under HUB_DATA_DIR\n(the running hub's, if one runs; otherwise started for the command).";

const USAGE = [
  'Usage: hub <command> [options]',
  ...SECTIONS.map((s) => [s.title, ...s.commands.map((c) => c.usage)].join('\n')),
  TRAILER,
].join('\n\n');

/** Every command by its words (`keys list`, `migrate`). */
const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  SECTIONS.flatMap((s) => s.commands.map((c) => [c.name, c] as const)),
);

/** What every command is handed. */
const CONTEXT: CommandContext = {
  // MikroORM's driver (knex and its lodash, some 500 modules) only for a command that opens the database: not for
  // `hub help`, a usage error or a relay.
  withOrm: async (fn, entities) => (await import('../../src/cli/orm.js')).withOrm(entities ?? REGISTRY.entities, fn),
  actor: CLI_ACTOR,
  vocabulary: REGISTRY,
};

/** Runs one command; returns its exit status. */
export async function main(argv: string[]): Promise<number> {
  // The longest name that matches wins: `ca crl import F` before `ca crl`, `keys list` before `keys`.
  const words = [3, 2, 1].find((n) => argv.length >= n && COMMANDS.has(argv.slice(0, n).join(' '))) ?? 1;
  const [name, args] = [argv.slice(0, words).join(' '), argv.slice(words)];
  const command = name ? COMMANDS.get(name) : undefined;
  if (!command) {
    const help = argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h';
    if (!help) {
      // `hub systems frob`: the family's word is known, the command is not.
      const words = argv.length > 1 && [...COMMANDS.keys()].some((c) => c.startsWith(`${argv[0]} `)) ? 2 : 1;
      console.error(`hub: unknown command ${argv.slice(0, words).join(' ')}\n`);
    }
    console.error(USAGE);
    return help ? 0 : 2;
  }
  return (await command.load()).run(args, CONTEXT);
}

export { optionOf };

/** Runs the command line and exits with its status; errors are printed with their code, never a stack. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const e = err as {
        code?: string;
        message?: string;
        extensions?: { field?: string; code?: string };
        hint?: string;
      };
      const code = e.extensions?.code ?? '';
      console.error(
        `hub: ${code ? `${code}: ` : ''}${e.message ?? String(err)}${e.extensions?.field ? ` (${optionOf(e.extensions.field)})` : ''}`,
      );
      if (e.hint) console.error(`hub: ${e.hint}`);
      process.exit(1);
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
