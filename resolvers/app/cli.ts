#!/usr/bin/env node
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { writeSchemaFile } from './schema';
import { createClient, issueKey, keysOf, listPrincipals, revokeKey, rotateKey, updateGrants } from '../../src/auth/admin.service';
import type { GrantsInput } from '../../src/auth/admin.rules';
import { ADMIN, type Principal } from '../../src/auth/principal';
import { readDateTime } from '../../src/common/datetime';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { runningEmbeddedUrl } from '../../src/db/embedded';
import { openOrm } from '../../src/db/orm';
import { verifyChain } from '../../src/feed/verify';
import { createLogger } from '../../src/logger';
import { addCreditCodeException, listCreditCodeExceptions, removeCreditCodeException } from '../../src/market/credit-code-exception.service';
import { seedDemoData } from '../../src/seed/demo';
import { listSourceSystems, registerSourceSystem } from '../../src/systems/source-system.service';

/** Operator actions from the command line are attributed to `cli` in the change log. */
const CLI_ACTOR: Principal = { ...ADMIN, id: 'cli', name: 'cli' };

const USAGE = `Usage: hub <command> [options]

Connected systems and clients (every action is recorded in the change log, topic ADMIN):
  systems add --code C --name N --kind GOVERNMENT|MARKET [--region 420100] [--topics T,..] [--regions R,..]
                         register a trading system; prints its API key on the last line
  systems list           list the connected systems
  clients add --name N --roles INTEGRATOR,FEED_CONSUMER,DASHBOARD [--read-topics T,..] [--reveal S,..] [--expires ISO]
                         create a client principal; prints its API key on the last line
  grants set --principal N [--roles ..] [--write-topics ..] [--read-topics ..] [--regions ..] [--reveal ..] [--authoritative ..] [--categories ..]
                         replace the given grant lists of a principal
  keys list              principals with their keys (prefix, expiry, last use)
  keys issue --principal N [--expires ISO]
  keys rotate --id K [--grace SECONDS]    new key; the old one works for the grace period (default 86400)
  keys revoke --id K

Credit-code exceptions (legally issued codes that fail the GB 32100 check character; logged under ADMIN):
  credit-codes add --code C --reason R    accept code C in pushes despite its check character
  credit-codes remove --code C            reject it again
  credit-codes list                       code, date added and reason, one a line

Database and schema:
  migrate                apply pending migrations and exit
  verify-log             recompute the SM3 hash chain of the change log; exit 3 when broken
  seed [--entities N]    load demo data (N generated market entities, default 120)
  seed --projects N [--entities M] [--bids-per-section K] [--seed S] [--batch B]
                         push N generated trading projects (1-3 sections each, K bids per section, default 4) and M market
                         entities (default N/5) through the push pipeline, progress on stderr; a re-run stores nothing new
  schema                 write schema/schema.graphql from the code
  migration:create       generate a migration from the difference between entities and database

The database is DATABASE_URL, or the embedded PostgreSQL under HUB_DATA_DIR
(the running hub's, if one runs; otherwise started for the command).`;

async function withOrm<T>(fn: (orm: MikroORM) => Promise<T>): Promise<T> {
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
  const db = await openDatabase(config, log, 'hub command');
  try {
    return await fn(db.orm);
  } finally {
    await db.close();
  }
}

const LIST = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

function options(args: string[], names: string[]): Record<string, string | undefined> {
  const spec: ParseArgsConfig['options'] = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  return parseArgs({ args, options: spec, strict: true }).values as Record<string, string | undefined>;
}

function required(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (!v) throw new Error(`--${name} is required`);
  return v;
}

function grantsFrom(v: Record<string, string | undefined>): GrantsInput {
  return {
    roles: LIST(v.roles),
    writeTopics: LIST(v['write-topics']),
    readTopics: LIST(v['read-topics']),
    regions: LIST(v.regions),
    reveal: LIST(v.reveal),
    authoritativeTopics: LIST(v.authoritative),
    categories: LIST(v.categories),
  };
}

type Command = (args: string[]) => Promise<number>;

/** `--expires`: an ISO 8601 time with an offset, checked field by field (never rolled over by new Date). */
function expiry(raw: string | undefined): Date | null {
  if (!raw) return null;
  const r = readDateTime(raw);
  if (!r.ok) throw new Error(`--expires ${r.problem}; got ${JSON.stringify(raw)}`);
  return r.value;
}

const COMMANDS: Record<string, Command> = {
  'systems add': (args) => {
    const v = options(args, ['code', 'name', 'kind', 'region', 'topics', 'regions']);
    return withOrm(async (orm) => {
      const { system, apiKey } = await registerSourceSystem(orm.em.fork(), CLI_ACTOR, {
        code: required(v, 'code'),
        name: required(v, 'name'),
        kind: required(v, 'kind'),
        regionCode: v.region ?? '420000',
        topics: LIST(v.topics),
        regions: LIST(v.regions),
      });
      console.log(`Registered ${system.code} (${system.name}, ${system.kind}, ${system.regionCode}). API key, shown once:`);
      console.log(apiKey);
      return 0;
    });
  },
  'systems list': () =>
    withOrm(async (orm) => {
      for (const s of await listSourceSystems(orm.em.fork())) console.log(`${s.code}\t${s.kind}\t${s.regionCode}\t${s.name}`);
      return 0;
    }),
  'clients add': (args) => {
    const v = options(args, ['name', 'roles', 'read-topics', 'reveal', 'expires', 'regions']);
    return withOrm(async (orm) => {
      const { principal, apiKey } = await createClient(orm.em.fork(), CLI_ACTOR, {
        name: required(v, 'name'),
        ...grantsFrom(v),
        expiresAt: expiry(v.expires),
      });
      console.log(`Created ${principal.name} with roles ${principal.roles.join(', ')}. API key, shown once:`);
      console.log(apiKey);
      return 0;
    });
  },
  'grants set': (args) => {
    const v = options(args, ['principal', 'roles', 'write-topics', 'read-topics', 'regions', 'reveal', 'authoritative', 'categories']);
    return withOrm(async (orm) => {
      const p = await updateGrants(orm.em.fork(), CLI_ACTOR, required(v, 'principal'), grantsFrom(v));
      console.log(JSON.stringify({ name: p.name, roles: p.roles, writeTopics: p.writeTopics, readTopics: p.readTopics, regions: p.regions, reveal: p.reveal, authoritativeTopics: p.authoritativeTopics }));
      return 0;
    });
  },
  'keys list': () =>
    withOrm(async (orm) => {
      const em = orm.em.fork();
      const principals = await listPrincipals(em);
      const keys = await keysOf(em, principals.map((p) => p.id));
      for (const p of principals) {
        console.log(`${p.name}\t${p.roles.join(',')}`);
        for (const k of keys.filter((k) => k.principal.id === p.id)) {
          const state = k.revokedAt ? 'revoked' : k.expiresAt && k.expiresAt <= new Date() ? 'expired' : 'active';
          console.log(`  key ${k.id}\t${k.prefix}…\t${state}\texpires ${k.expiresAt?.toISOString() ?? 'never'}\tlast used ${k.lastUsedAt?.toISOString() ?? 'never'}`);
        }
      }
      return 0;
    }),
  'keys issue': (args) => {
    const v = options(args, ['principal', 'expires']);
    return withOrm(async (orm) => {
      const { key, apiKey } = await issueKey(orm.em.fork(), CLI_ACTOR, required(v, 'principal'), expiry(v.expires));
      console.log(`Issued key ${key.id} for ${required(v, 'principal')}, shown once:`);
      console.log(apiKey);
      return 0;
    });
  },
  'keys rotate': (args) => {
    const v = options(args, ['id', 'grace']);
    return withOrm(async (orm) => {
      const { key, apiKey, old } = await rotateKey(orm.em.fork(), CLI_ACTOR, Number(required(v, 'id')), Number(v.grace ?? 86400));
      console.log(`Key ${old.id} now expires at ${old.expiresAt?.toISOString()}. New key ${key.id}, shown once:`);
      console.log(apiKey);
      return 0;
    });
  },
  'keys revoke': (args) => {
    const v = options(args, ['id']);
    return withOrm(async (orm) => {
      const k = await revokeKey(orm.em.fork(), CLI_ACTOR, Number(required(v, 'id')));
      console.log(`Key ${k.id} (${k.prefix}…) revoked at ${k.revokedAt?.toISOString()}`);
      return 0;
    });
  },
  'credit-codes add': (args) => {
    const v = options(args, ['code', 'reason']);
    return withOrm(async (orm) => {
      const row = await addCreditCodeException(orm.em.fork(), CLI_ACTOR, { code: required(v, 'code'), reason: required(v, 'reason') });
      console.log(`Added ${row.code} to the credit-code exceptions: pushes accept it from now on.`);
      return 0;
    });
  },
  'credit-codes remove': (args) => {
    const v = options(args, ['code']);
    return withOrm(async (orm) => {
      const row = await removeCreditCodeException(orm.em.fork(), CLI_ACTOR, required(v, 'code'));
      console.log(`Removed ${row.code} from the credit-code exceptions: pushes reject it again.`);
      return 0;
    });
  },
  'credit-codes list': () =>
    withOrm(async (orm) => {
      for (const e of await listCreditCodeExceptions(orm.em.fork())) console.log(`${e.code}\t${e.createdAt.toISOString()}\t${e.note ?? ''}`);
      return 0;
    }),
  migrate: () => withOrm(async () => 0),
  'verify-log': () =>
    withOrm(async (orm) => {
      const r = await verifyChain(orm.em.fork());
      console.log(JSON.stringify(r));
      return r.ok ? 0 : 3;
    }),
  seed: (args) => {
    const v = options(args, ['entities', 'projects', 'bids-per-section', 'seed', 'batch']);
    const count = (name: string, min: number): number | undefined => {
      if (v[name] === undefined) return undefined;
      if (!/^\d+$/.test(v[name]!) || Number(v[name]) < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
      return Number(v[name]);
    };
    if (v.projects === undefined) {
      return withOrm(async (orm) => {
        console.log(JSON.stringify(await seedDemoData(orm, { entities: count('entities', 0) ?? 120, force: true })));
        return 0;
      });
    }
    const maxBatch = loadConfig().maxBatch;
    const batchSize = count('batch', 1) ?? maxBatch;
    if (batchSize > maxBatch) throw new Error(`--batch must be at most HUB_MAX_BATCH (${maxBatch})`);
    const volume = { projects: count('projects', 0)!, entities: count('entities', 40), bidsPerSection: count('bids-per-section', 0), seed: count('seed', 0), batchSize };
    return withOrm(async (orm) => {
      const { seedVolume } = await import('../../src/seed/volume.js');
      const r = await seedVolume(orm, volume);
      console.log(JSON.stringify(r));
      return r.rejected ? 1 : 0;
    });
  },
  schema: async () => {
    console.log(`Wrote ${await writeSchemaFile()}`);
    return 0;
  },
  'migration:create': () =>
    withOrm(async (orm) => {
      const migrator = orm.getMigrator();
      const result = await migrator.createMigration(undefined, false, (await migrator.getExecutedMigrations()).length === 0);
      console.log(result.fileName ? `Wrote migrations/${result.fileName}; add it to migrations/index.ts.` : 'No changes: the database already matches the entities.');
      return 0;
    }),
};

/** Runs one command; returns its exit status. */
export async function main(argv: string[]): Promise<number> {
  const two = `${argv[0]} ${argv[1]}`;
  const [name, args] = COMMANDS[two] ? [two, argv.slice(2)] : [argv[0], argv.slice(1)];
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  return command(args);
}

/** Options whose name is not the API field's in kebab case. */
const OPTION_OF_FIELD: Record<string, string> = { regionCode: 'region', authoritativeTopics: 'authoritative', expiresAt: 'expires', graceSeconds: 'grace', keyId: 'id' };

/** The command-line option an API field path (`input.readTopics`, `code`) is given by: `--read-topics`. */
export function optionOf(field: string): string {
  const name = field.replace(/^input\./, '').split('.')[0];
  return `--${OPTION_OF_FIELD[name] ?? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Runs the command line and exits with its status; errors are printed with their code, never a stack. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const e = err as { code?: string; message?: string; extensions?: { field?: string; code?: string } };
      const code = e.extensions?.code ?? '';
      console.error(`hub: ${code ? `${code}: ` : ''}${e.message ?? String(err)}${e.extensions?.field ? ` (${optionOf(e.extensions.field)})` : ''}`);
      process.exit(1);
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
