import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { GrantsInput } from '../auth/admin.rules';
import type { ApiKeyRow } from '../auth/api-key.entity';
import type { PrincipalRow } from '../auth/principal.entity';
import { readDateTime } from '../common/datetime';
import { ErrorCode, HubError } from '../common/errors';

/** A comma-separated option as a list (absent stays undefined, so "not given" differs from "empty"). */
export const list = (v: string | undefined): string[] | undefined =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** The string options `names` of a command's arguments; an unknown option is an error. */
export function options(args: string[], names: string[]): Record<string, string | undefined> {
  const spec: ParseArgsConfig['options'] = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  return parseArgs({ args, options: spec, strict: true }).values as Record<string, string | undefined>;
}

/** The value of a required option; an error naming it when absent. */
export function required(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (!v) throw new Error(`--${name} is required`);
  return v;
}

/** The grant options of `clients add` and `grants set`. */
export function grantsFrom(v: Record<string, string | undefined>): GrantsInput {
  return {
    roles: list(v.roles),
    writeTopics: list(v['write-topics']),
    readTopics: list(v['read-topics']),
    regions: list(v.regions),
    reveal: list(v.reveal),
    authoritativeTopics: list(v.authoritative),
    categories: list(v.categories),
    signatureRequired: flag(v['signature-required'], 'signature-required'),
  };
}

/** A yes/no option: absent is undefined (unchanged). */
function flag(raw: string | undefined, name: string): boolean | undefined {
  if (raw === undefined) return undefined;
  if (/^(yes|true)$/i.test(raw)) return true;
  if (/^(no|false)$/i.test(raw)) return false;
  throw new Error(`--${name} must be yes or no; got ${JSON.stringify(raw)}`);
}

/** `--expires`: an ISO 8601 time with an offset, checked field by field (never rolled over by new Date). */
export function expiry(raw: string | undefined): Date | null {
  if (!raw) return null;
  const r = readDateTime(raw);
  if (!r.ok) throw new Error(`--expires ${r.problem}; got ${JSON.stringify(raw)}`);
  return r.value;
}

/** Options whose name is not the API field's in kebab case. */
const OPTION_OF_FIELD: Record<string, string> = {
  regionCode: 'region',
  authoritativeTopics: 'authoritative',
  expiresAt: 'expires',
  graceSeconds: 'grace',
  keyId: 'id',
};

/** The command-line option an API field path (`input.readTopics`, `code`) is given by: `--read-topics`. */
export function optionOf(field: string): string {
  const name = field.replace(/^input\./, '').split('.')[0];
  return `--${OPTION_OF_FIELD[name] ?? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * A registration refused because the name is taken, with the command that gives that principal a new key (what an
 * operator re-running `systems add` or `clients add` is after); any other error as it is.
 */
export function withKeysHint(err: unknown, name: string): unknown {
  if (err instanceof HubError && err.code === ErrorCode.CONFLICT)
    Object.assign(err, { hint: `to give ${name} a new key, use: hub keys issue --principal ${name}` });
  return err;
}

/** A principal's roles and grants, one labelled line each, as `grants set` and `principals show` print them. */
export function grantLines(p: PrincipalRow): string[] {
  const show = (v: readonly string[]) => (v.length ? v.join(', ') : '-');
  return [
    `  roles            ${show(p.roles)}`,
    `  write topics     ${show(p.writeTopics)}`,
    `  read topics      ${show(p.readTopics)}`,
    `  regions          ${show(p.regions)}`,
    `  reveal           ${show(p.reveal)}`,
    `  authoritative    ${show(p.authoritativeTopics)}`,
    `  categories       ${show(p.categories)}`,
    ...(p.signatureRequired ? ['  signed pushes    required'] : []),
  ];
}

/** One key as `keys list` and `principals show` print it: id, prefix only, state, expiry and last use. */
export function keyLine(k: ApiKeyRow, now = new Date()): string {
  const state = k.revokedAt ? 'revoked' : k.expiresAt && k.expiresAt <= now ? 'expired' : 'active';
  return `  key ${k.id}\t${k.prefix}…\t${state}\texpires ${k.expiresAt?.toISOString() ?? 'never'}\tlast used ${k.lastUsedAt?.toISOString() ?? 'never'}`;
}
