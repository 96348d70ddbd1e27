import type { EntityManager } from '@mikro-orm/postgresql';
import { addKey, checkCategoriesExist, logAdminAction } from '../auth/admin.service';
import { checkGrants, type GrantVocabulary } from '../auth/admin.rules';
import { Role, type Principal } from '../auth/principal';
import { PrincipalRow } from '../auth/principal.entity';
import { ErrorCode, HubError } from '../common/errors';
import { LockScope, conflictOnDuplicate, lockKeys } from '../common/locks';
import { isKnownRegion } from '../common/regions';
import { displayTextProblem } from '../common/storable';
import { SourceSystemRow, SourceSystemKind } from './source-system.entity';

export interface RegisterSourceSystemInput {
  code: string;
  name: string;
  kind: string;
  regionCode?: string | null;
  /** Topics it may push; default the vocabulary's defaultWriteTopics (every data topic a family lets systems push). */
  topics?: string[] | null;
  /** Regions it may write; default its own region. */
  regions?: string[] | null;
  /** Catalog categories of trading records it may write; default all ('*'). */
  categories?: string[] | null;
  /** Its pushes must be signed (x-hub-signature); default false. */
  signatureRequired?: boolean | null;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

/** Longest name of a system. */
export const MAX_NAME = 200;

/** Pure check of a registration; returns the normalised input or throws BAD_USER_INPUT naming the field. */
export function validateRegistration(input: RegisterSourceSystemInput): {
  code: string;
  name: string;
  kind: SourceSystemKind;
  regionCode: string;
} {
  const code = input.code.trim().toUpperCase();
  if (!CODE.test(code)) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'code must be 2-64 upper-case letters, digits or dashes', {
      field: 'input.code',
    });
  }
  const name = input.name.trim();
  if (!name) throw new HubError(ErrorCode.BAD_USER_INPUT, 'name must not be empty', { field: 'input.name' });
  if (name.length > MAX_NAME)
    throw new HubError(ErrorCode.BAD_USER_INPUT, `name must be at most ${MAX_NAME} characters`, {
      field: 'input.name',
    });
  const problem = displayTextProblem(name);
  if (problem) throw new HubError(ErrorCode.BAD_USER_INPUT, `name ${problem}`, { field: 'input.name' });
  const kind = input.kind.trim().toUpperCase();
  if (!(kind in SourceSystemKind)) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'kind must be GOVERNMENT or MARKET', { field: 'input.kind' });
  }
  const regionCode = (input.regionCode ?? '420000').trim();
  if (!isKnownRegion(regionCode)) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, `regionCode ${regionCode} is not a known Hubei GB/T 2260 code`, {
      field: 'input.regionCode',
    });
  }
  return { code, name, kind: kind as SourceSystemKind, regionCode };
}

/**
 * Registers a connected trading system with its principal (role
 * SOURCE_SYSTEM, granted its topics and regions) and first API key. The key
 * is returned once and stored only as a hash; the action is in the change log.
 * CONFLICT when the code is taken, also by a registration racing this one.
 */
export async function registerSourceSystem(
  em: EntityManager,
  actor: Principal,
  input: RegisterSourceSystemInput,
  vocabulary: GrantVocabulary,
): Promise<{ system: SourceSystemRow; apiKey: string }> {
  const v = validateRegistration(input);
  const grants = checkGrants(
    {
      writeTopics: input.topics ?? [...vocabulary.defaultWriteTopics],
      regions: input.regions ?? [v.regionCode],
      categories: input.categories ?? ['*'],
    },
    vocabulary,
  );
  await checkCategoriesExist(em, grants.categories, vocabulary);
  const taken = () =>
    new HubError(ErrorCode.CONFLICT, `a source system or principal named ${v.code} exists already`, {
      field: 'input.code',
    });
  return conflictOnDuplicate(
    () =>
      em.transactional(async (tx) => {
        // Two registrations of one code (or a client of that name) run one after the other: the second sees the first.
        await lockKeys(tx, LockScope.PRINCIPAL, [v.code]);
        if (await tx.count(SourceSystemRow, { code: v.code })) {
          throw new HubError(ErrorCode.CONFLICT, `a source system with code ${v.code} exists already`, {
            field: 'input.code',
          });
        }
        if (await tx.count(PrincipalRow, { name: v.code })) {
          throw new HubError(ErrorCode.CONFLICT, `a principal named ${v.code} exists already`, { field: 'input.code' });
        }
        const system = tx.create(SourceSystemRow, { ...v, createdAt: new Date() });
        const principal = tx.create(PrincipalRow, {
          name: v.code,
          sourceSystem: system,
          roles: [Role.SOURCE_SYSTEM],
          writeTopics: grants.writeTopics!,
          regions: grants.regions!,
          categories: grants.categories!,
          signatureRequired: input.signatureRequired ?? false,
          createdAt: new Date(),
        });
        const { key, row } = addKey(tx, principal);
        await tx.flush();
        await logAdminAction(tx, actor, {
          action: 'REGISTER_SOURCE_SYSTEM',
          target: `principal:${v.code}`,
          details: {
            system: v,
            writeTopics: principal.writeTopics,
            regions: principal.regions,
            categories: principal.categories,
            ...(principal.signatureRequired ? { signatureRequired: true } : {}),
            keyId: row.id,
            keyPrefix: row.prefix,
          },
        });
        return { system, apiKey: key };
      }),
    taken,
  );
}

export async function listSourceSystems(em: EntityManager): Promise<SourceSystemRow[]> {
  return em.find(SourceSystemRow, {}, { orderBy: { code: 'asc' } });
}
