import type { AuthCheckerFn } from 'type-graphql';
import { hasRole, type Role } from '../src/auth/principal';
import { ErrorCode, HubError } from '../src/common/errors';
import type { HubContext } from './context';

/**
 * `@Authorized(Role...)`: anonymous callers get UNAUTHENTICATED (unless the
 * root query is declared public), callers without one of the roles FORBIDDEN
 * (ADMIN holds every role).
 */
export const authChecker: AuthCheckerFn<HubContext, Role> = ({ context, info }, roles) => {
  const p = context.principal;
  if (p.id === 'anonymous') {
    // Operators may declare some root queries public (HUB_PUBLIC_OPERATIONS).
    if (info.parentType.name === 'Query' && context.services.config.publicOperations.includes(info.fieldName)) return true;
    throw new HubError(ErrorCode.UNAUTHENTICATED, 'this operation needs an API key: Authorization: Bearer <key>');
  }
  if (roles.length && !roles.some((r) => hasRole(p, r))) {
    throw new HubError(ErrorCode.FORBIDDEN, `this operation needs one of the roles ${roles.join(', ')}`);
  }
  return true;
};
