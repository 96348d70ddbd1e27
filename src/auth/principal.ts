/** Roles a caller may hold; a principal can hold several. */
export enum Role {
  ADMIN = 'ADMIN',
  SOURCE_SYSTEM = 'SOURCE_SYSTEM',
  INTEGRATOR = 'INTEGRATOR',
  FEED_CONSUMER = 'FEED_CONSUMER',
  DASHBOARD = 'DASHBOARD',
}

/** Who is calling: resolved once per request (or per graphql-ws connection) from the API key. */
export interface Principal {
  /** `admin`, `key:<id>` or `anonymous`: what the change log records as the author. */
  id: string;
  roles: ReadonlySet<Role>;
  /** Set when the key belongs to a connected trading system. */
  sourceSystem?: { id: number; code: string; regionCode: string };
}

export const ANONYMOUS: Principal = { id: 'anonymous', roles: new Set() };

export function hasRole(p: Principal, role: Role): boolean {
  return p.roles.has(role) || p.roles.has(Role.ADMIN);
}
