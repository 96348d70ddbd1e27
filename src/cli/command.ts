import type { EntityClass } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GrantVocabulary } from '../auth/admin.rules';
import { ADMIN, type Principal } from '../auth/principal';

/** Operator actions from the command line are attributed to `cli` in the change log. */
export const CLI_ACTOR: Principal = { ...ADMIN, id: 'cli', name: 'cli' };

/** What the `hub` command hands every command it runs. */
export interface CommandContext {
  /**
   * Runs `fn` with an ORM on the hub's database (DATABASE_URL, or the embedded
   * PostgreSQL under HUB_DATA_DIR: the running hub's, or one started for the
   * command), pending migrations applied, and closes it afterwards. `entities`: the ORM entities the command uses
   * (MikroORM adds their relations' targets); absent, every entity of the hub. A command that reads one table names
   * it, so that MikroORM's discovery (some 0.1 s for every entity) does not run for the others.
   */
  withOrm<T>(fn: (orm: MikroORM) => Promise<T>, entities?: readonly EntityClass<object>[]): Promise<T>;
  /** Who the command acts as: {@link CLI_ACTOR}. */
  actor: Principal;
  /** The topics and masking classes grants may name (the hub's families). */
  vocabulary: GrantVocabulary;
}

/** A command module: loaded only when its command runs. */
export interface CommandModule {
  /** Runs the command with its arguments (after the command's words); returns the exit status. */
  run(args: string[], ctx: CommandContext): Promise<number>;
}

/**
 * One command of the `hub` command line, as its table lists it. The module is
 * imported only when the command runs, so `hub keys list` never loads what
 * `hub seed` needs (nor the GraphQL schema).
 */
export interface CommandSpec {
  /** The words that name it: `keys list`, `credit-codes add`, `migrate`. */
  name: string;
  /** Its lines in `hub help`, exactly as printed (two-space indent, options, a description). */
  usage: string;
  /** Loads the command's module, e.g. `() => import('./commands/keys-list')`. */
  load(): Promise<CommandModule>;
}

/** A section of `hub help`: a title line and its commands, in order. */
export interface CommandSection {
  title: string;
  commands: readonly CommandSpec[];
}
