import { regionPrefix } from '../common/regions';

/** Roles a caller may hold; a principal can hold several. */
export enum Role {
  /** Operators: everything, including key and grant management. */
  ADMIN = 'ADMIN',
  /** A connected trading system: pushes its own data and reads. */
  SOURCE_SYSTEM = 'SOURCE_SYSTEM',
  /** Reads records. */
  INTEGRATOR = 'INTEGRATOR',
  /** Follows the change feed for its granted topics. */
  FEED_CONSUMER = 'FEED_CONSUMER',
  /** Reads aggregates only. */
  DASHBOARD = 'DASHBOARD',
  /** A supervision authority: lists findings and reviews them (reviewFinding), without operating the hub. */
  SUPERVISOR = 'SUPERVISOR',
}

/** What a principal is granted besides its roles. */
export interface Grants {
  writeTopics: ReadonlySet<string>;
  readTopics: ReadonlySet<string>;
  /** GB/T 2260 codes; a record's region must lie inside one of them. */
  regions: readonly string[];
  reveal: ReadonlySet<string>;
  authoritativeTopics: ReadonlySet<string>;
  /** Catalog categories whose trading records it may write; '*' for all. */
  categories: readonly string[];
  /** Its pushes must be signed (x-hub-signature with a certificate it registered). */
  signatureRequired?: boolean;
}

/** Who is calling: resolved once per request (or per graphql-ws connection) from the API key. */
export interface Principal {
  /** What the change log records as the author: `admin`, `<name>/key:<id>`, or `anonymous`. */
  id: string;
  /** Principal name (system code or client name); `admin` or `anonymous` otherwise. */
  name: string;
  roles: ReadonlySet<Role>;
  grants: Grants;
  /** Set when the key belongs to a connected trading system. */
  sourceSystem?: { id: number; code: string; regionCode: string };
  /**
   * The SHA-256 fingerprint of the certificate whose signature over this
   * request's body verified (set per request, never cached): the change log
   * records it on every event the request appends.
   */
  signedBy?: string;
}

const NO_GRANTS: Grants = {
  writeTopics: new Set(),
  readTopics: new Set(),
  regions: [],
  reveal: new Set(),
  authoritativeTopics: new Set(),
  categories: [],
};

export const ANONYMOUS: Principal = { id: 'anonymous', name: 'anonymous', roles: new Set(), grants: NO_GRANTS };

export const ADMIN: Principal = { id: 'admin', name: 'admin', roles: new Set([Role.ADMIN]), grants: NO_GRANTS };

export function isAdmin(p: Principal): boolean {
  return p.roles.has(Role.ADMIN);
}

/** True when the principal holds the role (ADMIN holds every role). */
export function hasRole(p: Principal, role: Role): boolean {
  return p.roles.has(role) || isAdmin(p);
}

/** True when the principal may follow the topic on the change feed. */
export function mayRead(p: Principal, topic: string): boolean {
  return isAdmin(p) || (p.roles.has(Role.FEED_CONSUMER) && p.grants.readTopics.has(topic));
}

/** The roles and grants as one canonical string: principals with equal access have equal keys. */
export function accessKey(p: Principal): string {
  const g = p.grants;
  const sorted = (s: Iterable<string>) => [...s].sort();
  return JSON.stringify([
    sorted(p.roles),
    sorted(g.writeTopics),
    sorted(g.readTopics),
    sorted(g.regions),
    sorted(g.reveal),
    sorted(g.authoritativeTopics),
    sorted(g.categories),
  ]);
}

/** True when the principal sees values of the sensitivity class unmasked. */
export function mayReveal(p: Principal, sensitivity: string): boolean {
  return isAdmin(p) || p.grants.reveal.has(sensitivity);
}

/** True when a region code lies inside one of the granted regions (prefix semantics of GB/T 2260). */
export function regionGranted(granted: readonly string[], regionCode: string): boolean {
  return granted.some((g) => regionCode.startsWith(regionPrefix(g)));
}

/** Roles that may read records (entities, projects, ...); dashboards read aggregates only. */
export const RECORD_READERS: readonly Role[] = [Role.INTEGRATOR, Role.SOURCE_SYSTEM];
