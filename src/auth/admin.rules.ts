import { ErrorCode, HubError } from '../common/errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isKnownRegion, regions as knownRegions } from '../common/regions';
import { Role } from './principal';

/**
 * What grants may name besides roles and regions: the hub's topics and
 * masking classes, which come from its data families (the FamilyRegistry
 * built in resolvers/families.ts is one).
 */
export interface GrantVocabulary {
  /** Every topic of the change log, ADMIN included: what `readTopics` may hold. */
  readonly topics: readonly string[];
  /** The topics a system may push (every data topic): what `writeTopics` and `authoritativeTopics` may hold. */
  readonly writableTopics: readonly string[];
  /** What a newly registered source system may push when the operator names no topics. */
  readonly defaultWriteTopics: readonly string[];
  /** Names of the masking classes: what `reveal` may hold. */
  readonly sensitivities: readonly string[];
  /** The catalog categories `categories` may name besides '*' (data: read when a grant is set). */
  grantCategories?(em: EntityManager): Promise<readonly string[]>;
}

/** Grants as an operator sets them; every list optional (absent = unchanged). */
export interface GrantsInput {
  roles?: string[] | null;
  writeTopics?: string[] | null;
  readTopics?: string[] | null;
  regions?: string[] | null;
  reveal?: string[] | null;
  authoritativeTopics?: string[] | null;
  /** Catalog category codes, or '*' for all. */
  categories?: string[] | null;
  /** Pushes must be signed (x-hub-signature). */
  signatureRequired?: boolean | null;
}

export interface CheckedGrants {
  roles?: Role[];
  writeTopics?: string[];
  readTopics?: string[];
  regions?: string[];
  reveal?: string[];
  authoritativeTopics?: string[];
  categories?: string[];
  signatureRequired?: boolean;
}

function values<E extends string>(
  field: string,
  raw: string[] | null | undefined,
  allowed: readonly E[],
): E[] | undefined {
  if (raw === null || raw === undefined) return undefined;
  const out = [...new Set(raw.map((r) => r.trim().toUpperCase()))] as E[];
  const bad = out.filter((v) => !allowed.includes(v));
  if (bad.length)
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${field} may only hold ${allowed.join(', ')}; got ${bad.join(', ')}`,
      { field },
    );
  return out.sort();
}

/** The province and its current prefectures, as a refused region's message lists them. */
function regionChoices(): string {
  return [...knownRegions().values()]
    .filter((r) => r.current && r.level !== 'COUNTY')
    .map((r) => `${r.code} ${r.name}`)
    .join(', ');
}

/**
 * Checks checked category codes against the catalog's current categories
 * (`valid`): a grant of a code outside it would refuse every push of its
 * holder, so it is refused with the list of valid ones.
 */
export function checkGrantCategories(
  categories: readonly string[] | undefined,
  valid: readonly string[],
  field = 'input.categories',
): void {
  const bad = categories?.filter((c) => c !== '*' && !valid.includes(c)) ?? [];
  if (bad.length)
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `unknown catalog ${bad.length > 1 ? 'categories' : 'category'} ${bad.join(', ')}; valid are ${valid.join(', ')} or '*' (all)`,
      { field },
    );
}

/** Catalog category codes (upper-case letters, digits, underscores) or '*'. */
const CATEGORY = /^(\*|[A-Z][A-Z0-9_]{1,59})$/;

function categories(field: string, raw: string[] | null | undefined): string[] | undefined {
  if (raw === null || raw === undefined) return undefined;
  const out = [...new Set(raw.map((c) => c.trim().toUpperCase()))];
  const bad = out.find((c) => !CATEGORY.test(c));
  if (bad !== undefined)
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `${field} may only hold catalog category codes or '*'; got ${JSON.stringify(bad.slice(0, 64))}`,
      { field },
    );
  return out.sort();
}

/**
 * Checks grants set by an operator against the hub's vocabulary; BAD_USER_INPUT naming the field on the first bad list.
 */
export function checkGrants(input: GrantsInput, vocabulary: GrantVocabulary, prefix = 'input'): CheckedGrants {
  const topics = vocabulary.writableTopics;
  const regions =
    input.regions === null || input.regions === undefined
      ? undefined
      : [...new Set(input.regions.map((r) => r.trim()))].sort();
  const badRegion = regions?.find((r) => !isKnownRegion(r));
  if (badRegion)
    throw new HubError(
      ErrorCode.BAD_USER_INPUT,
      `regions: ${badRegion} is not a known Hubei GB/T 2260 code; valid are ${regionChoices()}, or a county code inside one of them`,
      { field: `${prefix}.regions` },
    );
  return {
    roles: values(`${prefix}.roles`, input.roles, Object.values(Role)),
    writeTopics: values(`${prefix}.writeTopics`, input.writeTopics, topics),
    readTopics: values(`${prefix}.readTopics`, input.readTopics, vocabulary.topics),
    regions,
    reveal: values(`${prefix}.reveal`, input.reveal, vocabulary.sensitivities),
    authoritativeTopics: values(`${prefix}.authoritativeTopics`, input.authoritativeTopics, topics),
    categories: categories(`${prefix}.categories`, input.categories),
    signatureRequired: input.signatureRequired ?? undefined,
  };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export function checkPrincipalName(raw: string, field = 'input.name'): string {
  const name = raw.trim();
  if (!NAME.test(name))
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'name must be 2-64 letters, digits, dots, dashes or underscores', {
      field,
    });
  return name;
}
