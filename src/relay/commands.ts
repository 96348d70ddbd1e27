import type { CommandSection } from '../cli/command';

const SETTINGS =
  "\n                         --hub URL (HUB_URL) --key KEY (HUB_API_KEY, the consumer's) --target URL (HUB_RELAY_TARGET)\n                         [--batch N] [--timeout-ms MS] [--retries N] [--backoff-ms MS] [--max-backoff-ms MS]";

/** `hub relay ...`: relay processes that follow a named consumer and deliver to a target. */
export const RELAY_COMMANDS: CommandSection = {
  title: "Relays (processes beside the hub; they talk to it over graphql-ws with a consumer's key):",
  commands: [
    {
      name: 'relay national-platform',
      usage: `  relay national-platform${SETTINGS}\n                         deliver to the national public-resource trading platform (data sets + OCDS packages)`,
      load: () => import('./run-national.js'),
    },
    {
      name: 'relay credit-hubei',
      usage: `  relay credit-hubei [--topic CREDIT_PUBLICATION (default)|MARKET_ENTITY]${SETTINGS}\n                         deliver to Credit Hubei (信用湖北): publish on CREATE/UPDATE, withdraw on DELETE`,
      load: () => import('./run-credit.js'),
    },
    {
      name: 'relay retry-dead',
      usage:
        "  relay retry-dead --consumer X --kind national-platform|credit-hubei --hub URL --key KEY --target URL\n                         re-send the consumer's unresolved dead letters; resolved ones are marked",
      load: () => import('./run-retry-dead.js'),
    },
  ],
};
