import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, HubError } from '../common/errors';
import { LockScope, conflictOnDuplicate, lockKeys } from '../common/locks';
import { isStorableText } from '../common/storable';
import { appendChanges } from '../feed/append';
import { ADMIN_TOPIC, ChangeOp, type AdminPayload, type NewChange } from '../feed/topics';
import {
  checkGrantCategories,
  checkGrants,
  checkPrincipalName,
  type CheckedGrants,
  type GrantsInput,
  type GrantVocabulary,
} from './admin.rules';
import { ApiKeyRow } from './api-key.entity';
import { newKey } from './keys';
import type { Principal } from './principal';
import { PrincipalRow } from './principal.entity';

/** What the ADMIN topic of the change log records for each operator action (never a key, only its id and prefix). */
export interface AdminAction {
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

/** Appends an operator action to the change log, in the caller's transaction. */
export async function logAdminAction(em: EntityManager, actor: Principal, a: AdminAction): Promise<void> {
  const change: NewChange<AdminPayload> = {
    topic: ADMIN_TOPIC,
    op: ChangeOp.CREATE,
    key: a.target,
    version: 1,
    data: { action: a.action, target: a.target, ...(a.details ?? {}) },
  };
  await appendChanges(em, [change], actor);
}

/** Refuses category grants the catalog does not have now (checkGrantCategories). */
export async function checkCategoriesExist(
  em: EntityManager,
  categories: readonly string[] | undefined,
  vocabulary: GrantVocabulary,
  field = 'input.categories',
): Promise<void> {
  if (!vocabulary.grantCategories || !categories?.some((c) => c !== '*')) return;
  checkGrantCategories(categories, await vocabulary.grantCategories(em), field);
}

function grantsView(p: PrincipalRow): Record<string, unknown> {
  return {
    roles: p.roles,
    writeTopics: p.writeTopics,
    readTopics: p.readTopics,
    regions: p.regions,
    reveal: p.reveal,
    authoritativeTopics: p.authoritativeTopics,
    categories: p.categories,
    // Said only when it holds, so the log of systems that never sign reads as before.
    ...(p.signatureRequired ? { signatureRequired: true } : {}),
  };
}

function applyGrants(p: PrincipalRow, g: CheckedGrants): void {
  if (g.roles) p.roles = g.roles;
  if (g.writeTopics) p.writeTopics = g.writeTopics;
  if (g.readTopics) p.readTopics = g.readTopics;
  if (g.regions) p.regions = g.regions;
  if (g.reveal) p.reveal = g.reveal;
  if (g.authoritativeTopics) p.authoritativeTopics = g.authoritativeTopics;
  if (g.categories) p.categories = g.categories;
  if (g.signatureRequired !== undefined) p.signatureRequired = g.signatureRequired;
}

/** Issues a key for a principal inside the caller's transaction; returns the plain key (shown once). */
export function addKey(
  em: EntityManager,
  principal: PrincipalRow,
  options: { expiresAt?: Date | null; rotatedFrom?: number } = {},
): { key: string; row: ApiKeyRow } {
  const { key, prefix, hash } = newKey();
  const row = em.create(ApiKeyRow, {
    prefix,
    hash,
    principal,
    createdAt: new Date(),
    expiresAt: options.expiresAt ?? null,
    rotatedFrom: options.rotatedFrom ?? null,
  });
  return { key, row };
}

export async function principalByName(em: EntityManager, name: string): Promise<PrincipalRow> {
  // No principal has a name PostgreSQL cannot even compare (NUL, a lone surrogate): not found, without asking it.
  // refresh: a transaction's fork starts from the request's identity map; what a racing operator committed counts.
  const p =
    name.length <= 200 && isStorableText(name)
      ? await em.findOne(PrincipalRow, { name }, { populate: ['sourceSystem'], refresh: true })
      : null;
  if (!p) throw new HubError(ErrorCode.NOT_FOUND, `no principal named ${name}`, { field: 'principal' });
  return p;
}

function checkExpiry(expiresAt: Date | null | undefined): void {
  if (expiresAt && expiresAt.getTime() <= Date.now())
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'expiresAt must be in the future', { field: 'expiresAt' });
}

/** Creates a client principal (integrator, feed consumer, dashboard) with grants (of `vocabulary`) and a first key. */
export async function createClient(
  em: EntityManager,
  actor: Principal,
  input: { name: string; expiresAt?: Date | null } & GrantsInput,
  vocabulary: GrantVocabulary,
): Promise<{ principal: PrincipalRow; apiKey: string }> {
  const name = checkPrincipalName(input.name);
  const grants = checkGrants(input, vocabulary);
  if (!grants.roles?.length)
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'a client needs at least one role', { field: 'input.roles' });
  checkExpiry(input.expiresAt);
  await checkCategoriesExist(em, grants.categories, vocabulary);
  const taken = () =>
    new HubError(ErrorCode.CONFLICT, `a principal named ${name} exists already`, { field: 'input.name' });
  return conflictOnDuplicate(
    () =>
      em.transactional(async (tx) => {
        // A racing creation of the same name (client or source system) waits here and then sees this one.
        await lockKeys(tx, LockScope.PRINCIPAL, [name]);
        if (await tx.count(PrincipalRow, { name })) throw taken();
        const principal = tx.create(PrincipalRow, { name, createdAt: new Date() });
        applyGrants(principal, grants);
        const { key, row } = addKey(tx, principal, { expiresAt: input.expiresAt });
        await tx.flush();
        await logAdminAction(tx, actor, {
          action: 'CREATE_CLIENT',
          target: `principal:${name}`,
          details: { ...grantsView(principal), keyId: row.id, keyPrefix: row.prefix },
        });
        return { principal, apiKey: key };
      }),
    taken,
  );
}

/**
 * Changes a principal's grants (lists given replace the old ones). Two
 * operators changing one principal's grants at once are applied in turn, each
 * to what the other stored, and each event says what was stored.
 */
export async function updateGrants(
  em: EntityManager,
  actor: Principal,
  name: string,
  input: GrantsInput,
  vocabulary: GrantVocabulary,
): Promise<PrincipalRow> {
  const grants = checkGrants(input, vocabulary);
  await checkCategoriesExist(em, grants.categories, vocabulary);
  return em.transactional(async (tx) => {
    await lockKeys(tx, LockScope.PRINCIPAL, [name]);
    const p = await principalByName(tx, name);
    applyGrants(p, grants);
    await tx.flush();
    await logAdminAction(tx, actor, { action: 'UPDATE_GRANTS', target: `principal:${name}`, details: grantsView(p) });
    return p;
  });
}

/** Issues an additional key for a principal. */
export async function issueKey(
  em: EntityManager,
  actor: Principal,
  name: string,
  expiresAt?: Date | null,
): Promise<{ key: ApiKeyRow; apiKey: string }> {
  checkExpiry(expiresAt);
  return em.transactional(async (tx) => {
    const p = await principalByName(tx, name);
    const { key, row } = addKey(tx, p, { expiresAt });
    await tx.flush();
    await logAdminAction(tx, actor, {
      action: 'ISSUE_KEY',
      target: `principal:${name}`,
      details: { keyId: row.id, keyPrefix: row.prefix, expiresAt: row.expiresAt ?? null },
    });
    return { key: row, apiKey: key };
  });
}

/**
 * Rotates a key: issues a new key for the same principal and lets the old one
 * work for `graceSeconds` more, so a connected system can switch without a gap.
 */
export async function rotateKey(
  em: EntityManager,
  actor: Principal,
  keyId: number,
  graceSeconds: number,
): Promise<{ key: ApiKeyRow; apiKey: string; old: ApiKeyRow }> {
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > 90 * 86400) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'graceSeconds must be from 0 to 7776000 (90 days)', {
      field: 'graceSeconds',
    });
  }
  return em.transactional(async (tx) => {
    // A racing revocation or rotation of the same key goes first or second, never both on what it read before.
    await lockKeys(tx, LockScope.API_KEY, [String(keyId)]);
    const old = await tx.findOne(ApiKeyRow, { id: keyId }, { populate: ['principal'], refresh: true });
    if (!old || old.revokedAt)
      throw new HubError(ErrorCode.NOT_FOUND, `no active key with id ${keyId}`, { field: 'keyId' });
    const graceEnd = new Date(Date.now() + graceSeconds * 1000);
    if (!old.expiresAt || old.expiresAt > graceEnd) old.expiresAt = graceEnd;
    const { key, row } = addKey(tx, old.principal, { rotatedFrom: old.id });
    await tx.flush();
    await logAdminAction(tx, actor, {
      action: 'ROTATE_KEY',
      target: `principal:${old.principal.name}`,
      details: { oldKeyId: old.id, oldKeyExpiresAt: old.expiresAt, keyId: row.id, keyPrefix: row.prefix },
    });
    return { key: row, apiKey: key, old };
  });
}

/** Revokes a key at once. */
export async function revokeKey(em: EntityManager, actor: Principal, keyId: number): Promise<ApiKeyRow> {
  return em.transactional(async (tx) => {
    await lockKeys(tx, LockScope.API_KEY, [String(keyId)]);
    const k = await tx.findOne(ApiKeyRow, { id: keyId }, { populate: ['principal'], refresh: true });
    if (!k) throw new HubError(ErrorCode.NOT_FOUND, `no key with id ${keyId}`, { field: 'keyId' });
    k.revokedAt ??= new Date();
    await tx.flush();
    await logAdminAction(tx, actor, {
      action: 'REVOKE_KEY',
      target: `principal:${k.principal.name}`,
      details: { keyId: k.id, keyPrefix: k.prefix },
    });
    return k;
  });
}

export async function listPrincipals(em: EntityManager): Promise<PrincipalRow[]> {
  return em.find(PrincipalRow, {}, { orderBy: { name: 'asc' }, populate: ['sourceSystem'] });
}

/** Keys of the given principals (one query), newest first. */
export async function keysOf(em: EntityManager, principalIds: readonly number[]): Promise<ApiKeyRow[]> {
  return em.find(ApiKeyRow, { principal: { $in: [...principalIds] } }, { orderBy: { id: 'desc' } });
}
