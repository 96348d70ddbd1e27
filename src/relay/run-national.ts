import type { CommandContext } from '../cli/command';
import { nationalPlatform } from './national';
import { ocdsExtras } from './national/ocds';
import { runRelay } from './run';
import { relaySettings } from './settings';

/** `hub relay national-platform`. */
export async function run(args: string[], _ctx: CommandContext): Promise<number> {
  const settings = relaySettings(args);
  return runRelay(settings, nationalPlatform, (log) => ({ extras: ocdsExtras(settings.ocdsPackageSize, log) }));
}
