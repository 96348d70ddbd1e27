import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { OperationLimits } from './limits/operation-limits';

/**
 * The hub's configuration: one typed object, read from the environment once at
 * start-up. Every bad value is reported together, with the variable's name,
 * before anything starts. Tests pass overrides instead of touching process.env.
 */
export interface HubConfig {
  /** PORT: HTTP, graphql-ws and health endpoints all listen here. Default 4000; 0 picks a free port. */
  port: number;
  /**
   * HOST: interface to bind, an IP address or a host name. Default 127.0.0.1; set 0.0.0.0 (or :: for IPv6 too) behind a
   * load balancer.
   */
  host: string;
  /** DATABASE_URL: an existing PostgreSQL to use; when unset the hub runs embedded PostgreSQL. */
  databaseUrl?: string;
  /** HUB_DATA_DIR: folder of the embedded PostgreSQL cluster. Default ./.data */
  dataDir: string;
  /** HUB_PG_PORT: port of the embedded PostgreSQL (loopback only). Default 54329. */
  embeddedPgPort: number;
  /** HUB_SEED: load demo data into an empty database at start-up. Default true. */
  seed: boolean;
  /** HUB_ADMIN_KEY: the operators' bootstrap key (ADMIN role); unset disables admin operations. */
  adminKey?: string;
  /** LOG_LEVEL: pino level. Default info. */
  logLevel: string;
  /**
   * HUB_LOG_PRETTY: readable log lines (pino-pretty) instead of JSON, one per event. Default true when stdout is a
   * terminal, false otherwise (a service manager or a container collects JSON).
   */
  logPretty: boolean;
  /** HUB_MAX_BATCH: most records in one push. Default 5000. */
  maxBatch: number;
  /** HUB_MAX_PAGE: largest `first` of a connection. Default 500. */
  maxPage: number;
  /** HUB_BODY_LIMIT: largest HTTP request body. Default 32mb. */
  bodyLimit: string;
  /** HUB_FEED_POLL_MS: how often the feed tail looks for events even without a NOTIFY. Default 2000. */
  feedPollMs: number;
  /** HUB_KEY_CACHE_SECONDS: how long a validated API key is trusted without a lookup (0: never). Default 10. */
  keyCacheSeconds: number;
  /**
   * HUB_COMPILED_READS: answer the read queries the SQL compiler covers with one statement per page
   * (src/read/sql-tree.ts); false: always through the resolvers. Default true.
   */
  compiledReads: boolean;
  /**
   * HUB_LEAN_READS: answer a POST /graphql whose document the compiled read path has already answered without Apollo's
   * request pipeline or Express, with the same checks (resolvers/app/lean-reads.ts). Default true.
   */
  leanReads: boolean;
  /**
   * HUB_PREPARED_STATEMENTS: run repeated statements as named prepared statements (off behind a pooler that cannot keep
   * them). Default true.
   */
  preparedStatements: boolean;
  /**
   * HUB_FEED_BUFFER: events a live subscriber may have queued before it falls back to reading the table. Default 10000.
   */
  feedBuffer: number;
  /** HUB_DB_POOL: connections in the pool. Default 10. */
  dbPool: number;
  /**
   * HUB_PUSH_CONCURRENCY: pushes that run at once in this process, the others waiting their turn in order; 0 (the
   * default) for HUB_DB_POOL - 2 (at least 1), which leaves connections to the change feed, the relays and readers
   * however many pushes queue. See pushGate in src/services.ts.
   */
  pushConcurrency: number;
  /**
   * HUB_CONSUMER_LEASE_SECONDS: how long a named feed consumer's lease lasts without renewal (renewed every third of
   * it); a standby relay takes over at most this long after the active one's hub process dies. Default 15.
   */
  consumerLeaseSeconds: number;
  /**
   * HUB_CONSUMER_WINDOW: most events a named consumer's stream hands out beyond its acknowledged cursor before it waits
   * for an acknowledgement (bounds a relay's memory while its target is down). Default 2000.
   */
  consumerWindow: number;
  /**
   * HUB_PUBLIC_OPERATIONS: root query fields anonymous callers may use (comma-separated, e.g.
   * marketEntity,marketEntities). Default none: only health endpoints and the schema. Names are checked against the
   * schema at start-up (checkPublicOperations).
   */
  publicOperations: string[];
  /** HUB_MAX_DEPTH, HUB_MAX_ALIASES, HUB_MAX_DIRECTIVES, HUB_MAX_ROOT_FIELDS, HUB_MAX_COST: bounds on one operation. */
  limits: OperationLimits;
  /** HUB_MAX_SUBSCRIPTIONS: active subscriptions on one graphql-ws connection. Default 10. */
  maxSubscriptions: number;
  /** HUB_RATE_LIMIT: average requests per second per principal. Default 100. */
  rateLimit: number;
  /** HUB_RATE_BURST: requests a principal may make at once. Default 200. */
  rateBurst: number;
  /**
   * HUB_OCDS_PREFIX: the ocid prefix of the OCDS export (an ocid is `<prefix>-<projectCode>`). Default ocds-hubei00;
   * set the prefix the Open Contracting Partnership registers for the publisher before publishing outside the hub.
   */
  ocdsPrefix: string;
  /** HUB_IDE: serve the GraphiQL IDE to browsers at GET /graphql (every asset from the hub). Default true. */
  ide: boolean;
  /**
   * HUB_CORS_ORIGINS: origins (scheme://host[:port], comma-separated) whose pages may call /graphql from the browser.
   * Default none: only pages the hub serves itself.
   */
  corsOrigins: string[];
  /**
   * HUB_METRICS: GET /metrics in Prometheus format: off, open (anyone), or key (default: the operators' key or a key
   * with the ADMIN or DASHBOARD role).
   */
  metrics: MetricsAccess;
  /**
   * HUB_COLLUSION_RULES: derive the collusion indicators (围标串标预警) when bids, openings, awards and projects are
   * pushed. Default true. The thresholds (README "Supervision warnings", table of HUB_COLLUSION_*):
   * HUB_COLLUSION_WINDOW_DAYS, how many days apart the sections of a cross-project pattern (BID_ROTATION,
   * COVER_BIDDING) may lie (default 365); HUB_COLLUSION_PROGRESSION_PERCENT, PRICE_PROGRESSION's step tolerance
   * (0.1); HUB_COLLUSION_CLUSTER_PERCENT, LOSERS_CLUSTERED's band above the winner (1);
   * HUB_COLLUSION_NEAR_BUDGET_PERCENT, WIN_NEAR_BUDGET's distance below the budget (0.5);
   * HUB_COLLUSION_ROTATION_MIN_MEETINGS (3) and HUB_COLLUSION_COVER_MIN_LOSSES (3). Percentages are kept as parts
   * per million.
   */
  collusion: {
    enabled: boolean;
    windowDays: number;
    progressionPpm: number;
    clusterBandPpm: number;
    nearBudgetPpm: number;
    rotationMinMeetings: number;
    coverMinLosses: number;
  };
  /**
   * Thresholds of disclosureQuality (DOMAIN.md "Rules with numbers"): HUB_DISCLOSURE_PUBLICITY_DAYS, candidate
   * publicity within N days of the evaluation report (default 3); HUB_DISCLOSURE_CONTRACT_DAYS, a contract at the hub
   * within N days of signing (default 2); HUB_DISCLOSURE_TIMELY_HOURS, a record is timely within N hours of its own
   * time (default 24).
   */
  disclosure: { publicityDays: number; contractDays: number; timelyHours: number };
}

export type MetricsAccess = 'off' | 'open' | 'key';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** A DNS host name (RFC 1123): dot-separated labels of letters, digits and inner hyphens, at most 253 characters. */
/** A host name; underscores allowed, as container platforms name services (hub_db). */
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$/;

/** A GraphQL name (spec §2.1.9), which every root field is. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** An origin as browsers send it in the Origin header (RFC 6454): http(s)://host[:port], nothing after. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}

/**
 * The host of the hub's own URLs for a bind address: a wildcard address is
 * reached on loopback, and an IPv6 literal goes in brackets (RFC 3986).
 */
export function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return isIP(host) === 6 ? `[${host}]` : host;
}

/**
 * Checks HUB_PUBLIC_OPERATIONS against the schema once it is built (the
 * configuration is read before): only root query fields can be opened to
 * anonymous callers, so any other name is a mistake (a typo, a mutation, a
 * subscription). Throws ConfigError naming each such entry.
 */
export function checkPublicOperations(names: readonly string[], rootQueries: readonly string[]): void {
  const unknown = names.filter((n) => !rootQueries.includes(n));
  if (unknown.length) {
    throw new ConfigError(
      unknown.map(
        (n) =>
          `HUB_PUBLIC_OPERATIONS: ${n} is not a root query field of the schema; only queries can be public (e.g. marketEntity, marketEntities, sourceSystems)`,
      ),
    );
  }
}

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: Env = process.env, overrides: Partial<HubConfig> = {}): HubConfig {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${JSON.stringify(raw)} must be a whole number from ${min} to ${max}`);
      return def;
    }
    return n;
  };
  /** A percentage with at most four decimals (0.1 = 0.1%), above 0 and at most `max`, as parts per million. */
  const ppm = (name: string, defPercent: string, max: number): number => {
    const raw = (env[name] ?? '').trim() || defPercent;
    const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(raw);
    const value = m ? Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0')) : NaN;
    if (!(value > 0 && value <= max * 10_000)) {
      problems.push(
        `${name}=${JSON.stringify(env[name])} must be a percentage above 0 and at most ${max}, with at most four decimals (e.g. ${defPercent})`,
      );
      return Number(defPercent) * 10_000;
    }
    return value;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name}=${JSON.stringify(raw)} must be true or false`);
    return def;
  };
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const adminKey = env.HUB_ADMIN_KEY || undefined;
  if (adminKey !== undefined && adminKey.length < 16) {
    problems.push('HUB_ADMIN_KEY must be at least 16 characters long');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL=${JSON.stringify(logLevel)} must be one of fatal, error, warn, info, debug, trace, silent`,
    );
  }
  const bodyLimit = env.HUB_BODY_LIMIT || '32mb';
  const ocdsPrefix = env.HUB_OCDS_PREFIX || 'ocds-hubei00';
  if (!/^ocds-[0-9a-z]+$/.test(ocdsPrefix))
    problems.push(
      `HUB_OCDS_PREFIX=${JSON.stringify(ocdsPrefix)} must look like ocds-xxxxxx (lower-case letters and digits)`,
    );
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit))
    problems.push(`HUB_BODY_LIMIT=${JSON.stringify(bodyLimit)} must look like 512kb or 32mb`);
  const host = env.HOST || '127.0.0.1';
  if (!isIP(host) && !HOST_NAME.test(host)) {
    problems.push(
      `HOST=${JSON.stringify(host)} must be an IP address (127.0.0.1, 0.0.0.0, ::1, ::) or a host name (localhost, hub.example.org)`,
    );
  }
  const publicOperations = (env.HUB_PUBLIC_OPERATIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const badNames = publicOperations.filter((n) => !GRAPHQL_NAME.test(n));
  if (badNames.length) {
    problems.push(
      `HUB_PUBLIC_OPERATIONS=${JSON.stringify(env.HUB_PUBLIC_OPERATIONS)} must list root query fields by name, comma-separated; not names: ${badNames.map((n) => JSON.stringify(n)).join(', ')}`,
    );
  }
  const corsOrigins = (env.HUB_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!isOrigin(origin))
      problems.push(
        `HUB_CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin; write scheme://host[:port] with no path, e.g. https://dashboard.example.org`,
      );
  }
  const metrics = (env.HUB_METRICS || 'key').toLowerCase();
  if (!['off', 'open', 'key'].includes(metrics))
    problems.push(`HUB_METRICS=${JSON.stringify(env.HUB_METRICS)} must be off, open or key`);
  const config: HubConfig = {
    port: int('PORT', 4000, 0, 65535),
    host,
    databaseUrl,
    dataDir: resolve(env.HUB_DATA_DIR || '.data'),
    embeddedPgPort: int('HUB_PG_PORT', 54329, 1024, 65535),
    seed: bool('HUB_SEED', true),
    adminKey,
    logLevel,
    logPretty: bool('HUB_LOG_PRETTY', process.stdout.isTTY === true),
    maxBatch: int('HUB_MAX_BATCH', 5000, 1, 100000),
    maxPage: int('HUB_MAX_PAGE', 500, 1, 10000),
    bodyLimit,
    feedPollMs: int('HUB_FEED_POLL_MS', 2000, 50, 600000),
    keyCacheSeconds: int('HUB_KEY_CACHE_SECONDS', 10, 0, 300),
    compiledReads: bool('HUB_COMPILED_READS', true),
    leanReads: bool('HUB_LEAN_READS', true),
    preparedStatements: bool('HUB_PREPARED_STATEMENTS', true),
    feedBuffer: int('HUB_FEED_BUFFER', 10000, 10, 10000000),
    dbPool: int('HUB_DB_POOL', 10, 2, 200),
    pushConcurrency: int('HUB_PUSH_CONCURRENCY', 0, 0, 200),
    consumerLeaseSeconds: int('HUB_CONSUMER_LEASE_SECONDS', 15, 1, 3600),
    consumerWindow: int('HUB_CONSUMER_WINDOW', 2000, 1, 1000000),
    publicOperations,
    limits: {
      depth: int('HUB_MAX_DEPTH', 10, 2, 100),
      aliases: int('HUB_MAX_ALIASES', 15, 0, 1000),
      directives: int('HUB_MAX_DIRECTIVES', 10, 0, 1000),
      rootFields: int('HUB_MAX_ROOT_FIELDS', 10, 1, 1000),
      cost: int('HUB_MAX_COST', 50000, 10, 100000000),
    },
    maxSubscriptions: int('HUB_MAX_SUBSCRIPTIONS', 10, 1, 10000),
    rateLimit: int('HUB_RATE_LIMIT', 100, 1, 1000000),
    rateBurst: int('HUB_RATE_BURST', 200, 1, 1000000),
    ocdsPrefix,
    ide: bool('HUB_IDE', true),
    corsOrigins,
    metrics: metrics as MetricsAccess,
    collusion: {
      enabled: bool('HUB_COLLUSION_RULES', true),
      windowDays: int('HUB_COLLUSION_WINDOW_DAYS', 365, 1, 3650),
      progressionPpm: ppm('HUB_COLLUSION_PROGRESSION_PERCENT', '0.1', 10),
      clusterBandPpm: ppm('HUB_COLLUSION_CLUSTER_PERCENT', '1', 50),
      nearBudgetPpm: ppm('HUB_COLLUSION_NEAR_BUDGET_PERCENT', '0.5', 50),
      rotationMinMeetings: int('HUB_COLLUSION_ROTATION_MIN_MEETINGS', 3, 2, 100),
      coverMinLosses: int('HUB_COLLUSION_COVER_MIN_LOSSES', 3, 2, 100),
    },
    disclosure: {
      publicityDays: int('HUB_DISCLOSURE_PUBLICITY_DAYS', 3, 0, 365),
      contractDays: int('HUB_DISCLOSURE_CONTRACT_DAYS', 2, 0, 365),
      timelyHours: int('HUB_DISCLOSURE_TIMELY_HOURS', 24, 1, 24 * 365),
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return { ...config, ...overrides };
}
