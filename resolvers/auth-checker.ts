import type { AuthCheckerFn } from 'type-graphql';
import { hasRole, type Role } from '../src/auth/principal';
import { ErrorCode, HubError } from '../src/common/errors';
import type { HubContext } from './context';

/**
 * Why the caller may not use a field guarded by `roles`, or null when it may:
 * anonymous callers are UNAUTHENTICATED (unless `rootQuery` names a root query
 * the operator declared public), callers without one of the roles FORBIDDEN
 * (ADMIN holds every role).
 */
export function accessError(context: HubContext, roles: readonly Role[], rootQuery?: string): HubError | null {
  const p = context.principal;
  if (p.id === 'anonymous') {
    // Operators may declare some root queries public (HUB_PUBLIC_OPERATIONS).
    if (rootQuery !== undefined && context.services.config.publicOperations.includes(rootQuery)) return null;
    return new HubError(ErrorCode.UNAUTHENTICATED, 'this operation needs an API key: Authorization: Bearer <key>');
  }
  if (roles.length && !roles.some((r) => hasRole(p, r))) {
    return new HubError(ErrorCode.FORBIDDEN, `this operation needs one of the roles ${roles.join(', ')}`);
  }
  return null;
}

/** `@Authorized(Role...)`, by accessError. */
export const authChecker: AuthCheckerFn<HubContext, Role> = ({ context, info }, roles) => {
  const error = accessError(context, roles, info.parentType.name === 'Query' ? info.fieldName : undefined);
  if (error) throw error;
  return true;
};
