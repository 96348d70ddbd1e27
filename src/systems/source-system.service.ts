import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from '../auth/api-key.entity';
import { newKey } from '../auth/keys';
import { Role } from '../auth/principal';
import { ErrorCode, HubError } from '../common/errors';
import { isKnownRegion } from '../common/regions';
import { SourceSystem, SourceSystemKind } from './source-system.entity';

export interface RegisterSourceSystemInput {
  code: string;
  name: string;
  kind: string;
  regionCode?: string | null;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

/** Pure check of a registration; returns the normalised input or throws BAD_USER_INPUT naming the field. */
export function validateRegistration(input: RegisterSourceSystemInput): { code: string; name: string; kind: SourceSystemKind; regionCode: string } {
  const code = input.code.trim().toUpperCase();
  if (!CODE.test(code)) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'code must be 2-64 upper-case letters, digits or dashes', { field: 'input.code' });
  }
  const name = input.name.trim();
  if (!name) throw new HubError(ErrorCode.BAD_USER_INPUT, 'name must not be empty', { field: 'input.name' });
  const kind = input.kind.trim().toUpperCase();
  if (!(kind in SourceSystemKind)) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, 'kind must be GOVERNMENT or MARKET', { field: 'input.kind' });
  }
  const regionCode = (input.regionCode ?? '420000').trim();
  if (!isKnownRegion(regionCode)) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, `regionCode ${regionCode} is not a known Hubei GB/T 2260 code`, { field: 'input.regionCode' });
  }
  return { code, name, kind: kind as SourceSystemKind, regionCode };
}

/**
 * Registers a connected trading system and issues its first API key (role
 * SOURCE_SYSTEM). The key is returned once and stored only as a hash.
 */
export async function registerSourceSystem(
  em: EntityManager,
  input: RegisterSourceSystemInput,
): Promise<{ system: SourceSystem; apiKey: string }> {
  const v = validateRegistration(input);
  if (await em.count(SourceSystem, { code: v.code })) {
    throw new HubError(ErrorCode.CONFLICT, `a source system with code ${v.code} exists already`, { field: 'input.code' });
  }
  const system = em.create(SourceSystem, { code: v.code, name: v.name, kind: v.kind, regionCode: v.regionCode, createdAt: new Date() });
  const { key, prefix, hash } = newKey();
  em.create(ApiKey, { prefix, hash, sourceSystem: system, roles: [Role.SOURCE_SYSTEM], createdAt: new Date() });
  await em.flush();
  return { system, apiKey: key };
}

export async function listSourceSystems(em: EntityManager): Promise<SourceSystem[]> {
  return em.find(SourceSystem, {}, { orderBy: { code: 'asc' } });
}
