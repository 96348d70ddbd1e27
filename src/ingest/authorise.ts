import { regionGranted, type Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors';
import type { Accepted, FieldError } from './types';

/**
 * Whether the principal may change records of the topic that another system
 * created (the operators' authoritative grant). The write itself re-checks
 * ownership with it (src/ingest/store.ts), so a pre-read never decides alone.
 */
export function authoritativeFor(principal: Principal, topic: string): boolean {
  return principal.grants.authoritativeTopics.has(topic);
}

/**
 * What a source system may write, the same for every data family: it must be
 * a connected system, granted the topic, granted the record's region, and
 * either the record's owner (its creator) or authoritative for the topic.
 * Pure; returns the reason for refusal or undefined.
 */
export function authoriseWrite<T>(
  principal: Principal,
  topic: string,
  record: Accepted<T>,
  region: { regionCode: string; field: string } | undefined,
  category?: string,
): FieldError | undefined {
  const system = principal.sourceSystem;
  if (!system)
    return { field: '', code: ErrorCode.FORBIDDEN, message: 'only a connected source system can push records' };
  if (!principal.grants.writeTopics.has(topic)) {
    return { field: '', code: ErrorCode.FORBIDDEN, message: `${system.code} is not granted topic ${topic}` };
  }
  if (region && !regionGranted(principal.grants.regions, region.regionCode)) {
    return {
      field: region.field,
      code: ErrorCode.FORBIDDEN,
      message: `${system.code} may not write records of region ${region.regionCode} (granted: ${principal.grants.regions.join(', ') || 'none'})`,
    };
  }
  if (category && !principal.grants.categories.includes('*') && !principal.grants.categories.includes(category)) {
    return {
      field: '',
      code: ErrorCode.FORBIDDEN,
      message: `${system.code} is not granted catalog category ${category}`,
    };
  }
  const owner = record.current;
  if (owner && owner.ownerSystemId !== system.id && !authoritativeFor(principal, topic)) {
    return {
      field: '',
      code: ErrorCode.CONFLICT,
      owner: owner.ownerCode,
      message: `${record.key} belongs to ${owner.ownerCode}, which created it; only ${owner.ownerCode} or a system authoritative for ${topic} may change it`,
    };
  }
  return undefined;
}
