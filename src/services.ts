import type { MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from './config';
import type { Feed } from './feed/feed';
import type { Logger } from './logger';

/** The long-lived parts of one hub process, shared by every request. */
export interface HubServices {
  config: HubConfig;
  log: Logger;
  orm: MikroORM;
  feed: Feed;
}
