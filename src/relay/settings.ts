import { parseArgs } from 'node:util';

/** What a relay process runs with: from its options, else the environment. */
export interface RelaySettings {
  /** The hub's GraphQL URL (http(s) or ws(s)); the relay speaks graphql-ws to it. */
  hub: string;
  /** The consumer's API key. */
  key: string;
  /** Where the target takes batches (HTTP POST). */
  target: string;
  /** Most records per POST. */
  batch: number;
  /**
   * How long the oldest waiting event may wait for more before a batch that is not full goes: a lone event on a quiet
   * feed waits this long, events that piled up during the last delivery go at once.
   */
  lingerMs: number;
  /** How long one POST may take before it is abandoned and retried. */
  timeoutMs: number;
  /** Attempts of one batch before the relay gives up and exits (0: never gives up). */
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  /** How often a standby relay tries to take the consumer over. */
  standbyMs: number;
  /** Credit Hubei: the topic relayed (CREDIT_PUBLICATION by default; MARKET_ENTITY without credit records). */
  topic?: string;
  /** OCDS release packages: most releases in one package. */
  ocdsPackageSize: number;
}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** Reads a relay's settings from its arguments and the environment; errors name the option. */
export function relaySettings(args: string[], env: NodeJS.ProcessEnv = process.env): RelaySettings {
  const names = [
    'hub',
    'key',
    'target',
    'batch',
    'linger-ms',
    'timeout-ms',
    'retries',
    'backoff-ms',
    'max-backoff-ms',
    'standby-ms',
    'topic',
    'ocds-package-size',
    'consumer',
    'kind',
  ];
  const { values: v } = parseArgs({
    args,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
    strict: true,
  }) as { values: Record<string, string | undefined> };
  const need = (opt: string, envName: string): string => {
    const value = v[opt] ?? env[envName];
    if (!value) throw new Error(`--${opt} (or ${envName}) is required`);
    return value;
  };
  return {
    hub: need('hub', 'HUB_URL'),
    key: need('key', 'HUB_API_KEY'),
    target: need('target', 'HUB_RELAY_TARGET'),
    batch: int('batch', v.batch ?? env.HUB_RELAY_BATCH, 100, 1, 10000),
    lingerMs: int('linger-ms', v['linger-ms'] ?? env.HUB_RELAY_LINGER_MS, 50, 0, 60000),
    timeoutMs: int('timeout-ms', v['timeout-ms'] ?? env.HUB_RELAY_TIMEOUT_MS, 10000, 1, 600000),
    retries: int('retries', v.retries ?? env.HUB_RELAY_RETRIES, 0, 0, 1000000),
    backoffMs: int('backoff-ms', v['backoff-ms'] ?? env.HUB_RELAY_BACKOFF_MS, 200, 1, 600000),
    maxBackoffMs: int('max-backoff-ms', v['max-backoff-ms'] ?? env.HUB_RELAY_MAX_BACKOFF_MS, 30000, 1, 3600000),
    standbyMs: int('standby-ms', v['standby-ms'] ?? env.HUB_RELAY_STANDBY_MS, 1000, 10, 600000),
    topic: v.topic ?? env.HUB_RELAY_TOPIC,
    ocdsPackageSize: int('ocds-package-size', v['ocds-package-size'] ?? env.HUB_RELAY_OCDS_PACKAGE, 100, 1, 1000),
  };
}
