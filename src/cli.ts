#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ADMIN, type Principal } from './auth/principal';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { runningEmbeddedUrl } from './db/embedded';
import { openOrm } from './db/orm';
import { writeSchemaFile } from '../resolvers/schema';
import { createLogger } from './logger';
import { seedDemoData } from './seed/demo';
import { listSourceSystems, registerSourceSystem } from './systems/source-system.service';

/** Operator actions from the command line are attributed to `cli` in the change log. */
const CLI_ACTOR: Principal = { ...ADMIN, id: 'cli', name: 'cli' };

const USAGE = `Usage: hub <command> [options]

Commands:
  systems add --code C --name N --kind GOVERNMENT|MARKET [--region 420100]
                         register a connected trading system; prints its API key on the last line
  systems list           list the connected systems
  migrate                apply pending migrations and exit
  schema                 write schema/schema.graphql from the code
  seed [--entities N]    load demo data (N generated market entities, default 120)
  migration:create       generate a migration from the difference between entities and database

The database is DATABASE_URL, or the embedded PostgreSQL under HUB_DATA_DIR
(the running hub's, if one runs; otherwise started for the command).`;

async function withOrm<T>(fn: (orm: Awaited<ReturnType<typeof openOrm>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const running = config.databaseUrl ? undefined : await runningEmbeddedUrl(config.dataDir);
  if (running) {
    const orm = await openOrm(running, log);
    try {
      return await fn(orm);
    } finally {
      await orm.close(true);
    }
  }
  const db = await openDatabase(config, log);
  try {
    return await fn(db.orm);
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'migration:create': {
      return withOrm(async (orm) => {
        const result = await orm.getMigrator().createMigration(undefined, false, (await orm.getMigrator().getExecutedMigrations()).length === 0);
        if (!result.fileName) {
          console.log('No changes: the database already matches the entities.');
        } else {
          console.log(`Wrote migrations/${result.fileName}; add it to migrations/index.ts.`);
        }
        return 0;
      });
    }
    case 'migrate':
      return withOrm(async () => 0);
    case 'systems': {
      if (sub === 'add') {
        const { values } = parseArgs({
          args: rest,
          options: { code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, region: { type: 'string' } },
        });
        return withOrm(async (orm) => {
          const { system, apiKey } = await registerSourceSystem(orm.em.fork(), CLI_ACTOR, {
            code: values.code ?? '',
            name: values.name ?? '',
            kind: values.kind ?? '',
            regionCode: values.region ?? '420000',
          });
          console.log(`Registered ${system.code} (${system.name}, ${system.kind}, ${system.regionCode}). API key, shown once:`);
          console.log(apiKey);
          return 0;
        });
      }
      if (sub === 'list') {
        return withOrm(async (orm) => {
          for (const s of await listSourceSystems(orm.em.fork())) console.log(`${s.code}\t${s.kind}\t${s.regionCode}\t${s.name}`);
          return 0;
        });
      }
      break;
    }
    case 'schema': {
      const path = await writeSchemaFile();
      console.log(`Wrote ${path}`);
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: [sub, ...rest].filter(Boolean) as string[], options: { entities: { type: 'string' } } });
      return withOrm(async (orm) => {
        const summary = await seedDemoData(orm, { entities: Number(values.entities ?? 120), force: true });
        console.log(JSON.stringify(summary));
        return 0;
      });
    }
    default:
      break;
  }
  console.error(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

/** Runs the command line and exits with its status; errors are printed with their code, never a stack. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const e = err as { code?: string; message?: string; extensions?: { field?: string } };
      console.error(`hub: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}${e.extensions?.field ? ` (${e.extensions.field})` : ''}`);
      process.exit(1);
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
