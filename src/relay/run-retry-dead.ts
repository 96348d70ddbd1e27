import type { CommandContext } from '../cli/command';
import { creditHubei } from './credit-hubei';
import { nationalPlatform } from './national';
import { retryDeadLetters } from './retry-dead';
import { relaySettings } from './settings';

/** `hub relay retry-dead --consumer X [--kind national-platform|credit-hubei]`. */
export async function run(args: string[], _ctx: CommandContext): Promise<number> {
  const settings = relaySettings(args);
  const i = args.indexOf('--consumer');
  const consumer = i >= 0 ? args[i + 1] : undefined;
  if (!consumer) throw new Error('--consumer is required');
  const k = args.indexOf('--kind');
  const kind = k >= 0 ? args[k + 1] : consumer;
  const mapping = kind === 'credit-hubei' ? creditHubei(settings.topic) : nationalPlatform;
  const r = await retryDeadLetters(settings, consumer, mapping);
  console.log(`re-sent ${r.resent}, refused again ${r.refused}, failed ${r.failed}`);
  return r.failed ? 1 : 0;
}
