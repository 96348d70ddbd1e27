import type { CommandContext } from '../cli/command';
import { creditHubei } from './credit-hubei';
import { runRelay } from './run';
import { relaySettings } from './settings';

/** `hub relay credit-hubei [--topic T]`. */
export async function run(args: string[], _ctx: CommandContext): Promise<number> {
  const settings = relaySettings(args);
  return runRelay(settings, creditHubei(settings.topic));
}
