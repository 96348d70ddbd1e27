import { createLogger } from '../logger';
import { Relay, type RelayHooks } from './relay';
import type { RelaySettings } from './settings';
import type { TargetMapping } from './target';

/** Runs a relay until SIGINT/SIGTERM; exit status 1 when the hub refuses its key. */
export async function runRelay(
  settings: RelaySettings,
  mapping: TargetMapping,
  hooks: (log: (msg: string, details?: Record<string, unknown>) => void) => RelayHooks = () => ({}),
): Promise<number> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info').child({ relay: mapping.name });
  const log = (msg: string, details?: Record<string, unknown>) => logger.info(details ?? {}, msg);
  const relay = new Relay(settings, mapping, { log, ...hooks(log) });
  const stop = () => relay.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  logger.info({ hub: settings.hub, target: settings.target, batch: settings.batch }, 'relay started');
  const phases = () =>
    logger.info(
      {
        batches: relay.delivered,
        ms: Object.fromEntries(Object.entries(relay.phases).map(([k, v]) => [k, Math.round(v)])),
      },
      'time by phase since the relay started',
    );
  try {
    await relay.run();
    phases();
    return 0;
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, 'relay stopped');
    return 1;
  }
}
