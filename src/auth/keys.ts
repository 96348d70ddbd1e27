import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, HubError } from '../common/errors';
import { ApiKeyRow } from './api-key.entity';
import type { KeyCache } from './key-cache';
import { ADMIN, ANONYMOUS, type Principal, type Role } from './principal';
import type { PrincipalRow } from './principal.entity';

const KEY_PREFIX = 'hub_';

/** SHA-256 hex of a key; the only form in which keys are stored. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new random key (256 bits) and its stored form. */
export function newKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, 12), hash: hashKey(key) };
}

/** Extracts the token of an `Authorization: Bearer <token>` header, or undefined when absent. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new HubError(ErrorCode.UNAUTHENTICATED, 'Authorization header must be "Bearer <key>"');
  return m[1];
}

function equalsConstantTime(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** The runtime principal of a stored principal, as seen through one of its keys. */
export function toPrincipal(row: PrincipalRow, keyId: number): Principal {
  const system = row.sourceSystem;
  return {
    id: `${row.name}/key:${keyId}`,
    name: row.name,
    roles: new Set(row.roles as Role[]),
    grants: {
      writeTopics: new Set(row.writeTopics),
      readTopics: new Set(row.readTopics),
      regions: row.regions,
      reveal: new Set(row.reveal),
      authoritativeTopics: new Set(row.authoritativeTopics),
      categories: row.categories,
      signatureRequired: row.signatureRequired,
    },
    sourceSystem: system ? { id: system.id, code: system.code, regionCode: system.regionCode } : undefined,
  };
}

/**
 * Resolves a key to its principal. No key gives the anonymous principal; an
 * unknown, expired or revoked key, or a disabled principal, is UNAUTHENTICATED
 * (never silently anonymous). `now` is the time expiry and the cache's
 * lifetime are judged by (the hub's clock).
 */
export async function authenticate(
  /** The EntityManager, or how to make one: a cached key that needs no write makes none. */
  emOrFork: EntityManager | (() => EntityManager),
  token: string | undefined,
  adminKey?: string,
  cache?: KeyCache,
  now: Date = new Date(),
): Promise<Principal> {
  if (token === undefined) return ANONYMOUS;
  if (adminKey && equalsConstantTime(token, adminKey)) return ADMIN;
  const hash = hashKey(token);
  const hit = cache?.get(hash, now.getTime());
  let made: EntityManager | undefined;
  const em = () => (made ??= typeof emOrFork === 'function' ? emOrFork() : emOrFork);
  if (hit && (!hit.expiresAt || hit.expiresAt > now)) {
    if (await touch(em, hit.keyId, hit.lastUsedAt, now)) hit.lastUsedAt = now;
    return hit.principal;
  }
  const row = await em().findOne(ApiKeyRow, { hash }, { populate: ['principal', 'principal.sourceSystem'] });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.principal.disabledAt) {
    throw new HubError(ErrorCode.UNAUTHENTICATED, 'The API key is unknown, expired or revoked');
  }
  const lastUsedAt = (await touch(em, row.id, row.lastUsedAt ?? null, now)) ? now : (row.lastUsedAt ?? null);
  const principal = toPrincipal(row.principal, row.id);
  cache?.set(hash, { principal, keyId: row.id, expiresAt: row.expiresAt ?? null, lastUsedAt }, now.getTime());
  return principal;
}

/** Last-used time is recorded at most once a minute per key, so that reads stay cheap. */
const LAST_USED_EVERY_MS = 60_000;

async function touch(em: () => EntityManager, keyId: number, lastUsedAt: Date | null, now: Date): Promise<boolean> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() <= LAST_USED_EVERY_MS) return false;
  await em().nativeUpdate(ApiKeyRow, { id: keyId }, { lastUsedAt: now });
  return true;
}
